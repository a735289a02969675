"""Conflicting specifics: evidence that two same-topic articles report *different* events.

Text similarity cannot tell two earthquakes, two fires in Iraq or two central-bank decisions apart: they
share their topic words. What differs is their specifics. For each article ``specifics_of`` collects
- *places*: words of LOC mentions other than countries, world regions and administrative words
  (``data/cluster_general_places.tsv``): «كرمانشاه» vs «هرات»;
- *actors*: PER/ORG mention skeletons;
- *counts*: numbers with the thing they count (``marsad.claims.counted_things``: «6.3 درجة», «41 قتيلا»),
  years left out;
- *figures*: numbers with a decimal part (magnitudes, rates, percentages: «6.3», «27.25») and match scores;
- *dates*: event dates known to the day or month (``Article.times``), and the publication day.

``compare`` says per kind whether two articles agree (+1: something shared), conflict (-1: both carry that
kind and share nothing / count the same thing differently) or cannot be compared (0). ``adjustment`` turns
that into a bonus/penalty added to the text similarity (``SpecificWeights``, calibrated by
``benchmarks/calibrate_cluster.py specifics``; see docs/cluster_calibration.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources as package_files

from marsad.dates.numbers import decimal_value, number_words, word_number
from marsad.dates.values import parse_day
from marsad.model import Article
from marsad.text.countries import cluster_countries
from marsad.text.normalize import match_key, skeleton
from marsad.text.numbers import scale_words
from marsad.text.tokens import word_keys

KINDS = ("places", "actors", "counts", "figures", "dates", "countries")
NISBA = ("يه", "يون", "يين", "ي")
WORD = re.compile(r"[^\W\d_]+")  # letters only: a cheap word split (no full tokenizer) for the country look-up
PROCLITICS = "وفبلك"  # conjunctions and prepositions a country name can carry («وللسعودية», «بالجزائر»)  # «الجزائرية», «السوري»: adjectives of a general place are general too
PUNCT = re.compile(r"[^\w\s.,]|(?<!\d)[.,]|[.,](?!\d)")
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
SCORE = re.compile(r"(?<![\d\-–])(\d{1,2})\s*[-–]\s*(\d{1,2})(?![\d\-–])")  # a match result, «3-1»
YEAR = re.compile(r"(?:19|20)\d\d")
TITLE_YEAR = re.compile(r"(?<!منذ )(?<![\d.,])((?:19|20)\d\d)(?![\d.,])")  # an edition year in a title
GOALS = r"(هدفين|هدفان|هدف|(?:\d|ثلاثه|ثلاث|اربعه|اربع|خمسه|خمس|سته|ست|سبعه|سبع) اهداف)(?!\w)"  # goals in words (match_key)
WORD_SCORE = re.compile(r"(?<!\w)[وف]?ب" + GOALS + r" مقابل " + GOALS)
CLEAN_SHEET = re.compile(r"(?<!\w)[وف]?ب" + GOALS + r" (?:نظيف|نظيفين|نظيفه|دون رد|مقابل لا شيء)")
LEVEL_SCORE = re.compile(r"(?<!\w)[وف]?ب" + GOALS + r" لمثل")
COMPOUND_FIRST = "حادي"  # the one «first» of the number-word table that takes tens («الحادي والعشرون»), not «الأول»
EVENT_NOUNS = r"(?:القمه|الدوره|النسخه|المؤتمر|الاجتماع|الجوله|البطوله|الموسم)"  # recurring events with editions
COP = re.compile(r"(?<!\w)(?:كوب|cop) ?(\d{1,2})(?!\d)", re.IGNORECASE)
STORM = re.compile(r"(?<!\w)[وف]?(?:الاعصار|العاصفه) ((?!ال)\w{3,})")  # a named storm (match_key text)
GOAL_NOUNS = {"هدف": 1, "هدفين": 2, "هدفان": 2}  # other goal counts are number words (GOALS)
DATE_DAYS = 7  # two event dates further apart than this are different events (the story window's default)


@dataclass(frozen=True, slots=True)
class Specifics:
    """The specifics of one article, stored with a story's members (JSON-able through ``to_json``)."""

    places: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    counts: frozenset[tuple[str, str]] = frozenset()
    figures: frozenset[str] = frozenset()
    dates: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()  # ISO codes of the countries named (round four)

    def to_json(self) -> list[list[str]]:
        return [sorted(self.places), sorted(self.actors), sorted(f"{t}={n}" for t, n in self.counts),
                sorted(self.figures), sorted(self.dates), sorted(self.countries)]

    @classmethod
    def from_json(cls, rows: list[list[str]]) -> Specifics:
        places, actors, counts, figures, dates, *rest = rows  # saved before round four: no countries
        pairs = frozenset(tuple(c.rsplit("=", 1)) for c in counts)
        return cls(frozenset(places), frozenset(actors), pairs, frozenset(figures), frozenset(dates),  # type: ignore[arg-type]
                   frozenset(rest[0] if rest else ()))


@dataclass(frozen=True, slots=True)
class SpecificWeights:
    """Bonus when two articles agree on a kind of specifics, penalty when they conflict (0 = not used)."""

    places_bonus: float = 0.0
    places_penalty: float = 0.0
    actors_bonus: float = 0.0
    actors_penalty: float = 0.0
    counts_bonus: float = 0.0
    counts_penalty: float = 0.0
    figures_bonus: float = 0.0
    figures_penalty: float = 0.0
    dates_bonus: float = 0.0
    dates_penalty: float = 0.0
    countries_bonus: float = 0.0
    countries_penalty: float = 0.0
    unsupported_penalty: float = 0.0  # some kind comparable, none agrees: same topic, nothing specific shared

    def max_bonus(self) -> float:
        """The most the specifics can add (a negative bonus or penalty can add too: learned weights)."""
        return sum(max(getattr(self, kind + "_bonus"), -getattr(self, kind + "_penalty"), 0.0) for kind in KINDS)

    def as_dict(self) -> dict[str, float]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


# Round four, `benchmarks/calibrate_cluster.py learn`: coordinate ascent (3 rounds) over bonus {-0.05-0.15} and
# penalty {0-0.5} per kind at biases {0, -0.01, -0.02, -0.03} (marsad.cluster_similarity.CALIBRATED_BIAS), best
# source-mean pairwise F1 at Config.cluster_threshold 0.20 over ANERcorp-train pseudo-articles (gold mentions,
# 52 / 5,304 pairs), calibration_pairs.tsv, dev_pairs.tsv and dev_hard_pairs.tsv (each read through the pipeline
# and as plain text): source-mean 0.746 (round three) -> 0.857, leave-one-source-out 0.771. heldout_pairs.tsv,
# heldout2_pairs.tsv and heldout3 were not used. docs/cluster_calibration.md (also: why not the logistic
# regression). Round three: places +0.05, counts -0.10, figures -0.05.
# Round five: the figures kind also holds match scores in words, title edition years, edition numbers and storm
# names; `learn` re-run with heldout_pairs.tsv as a fifth tuning source (it became dev data) chose the same weights
# (source-mean 0.882, leave-one-source-out 0.822); heldout2_pairs.tsv and heldout3 were not used.
CALIBRATED_SPECIFICS = SpecificWeights(places_bonus=0.05, figures_penalty=0.40, countries_penalty=0.30)


# ---------------------------------------------------------------- extraction


@lru_cache(maxsize=1)
def general_places() -> frozenset[str]:
    text = package_files.files("marsad").joinpath("data/cluster_general_places.tsv").read_text(encoding="utf-8")
    rows = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return frozenset(rows[1:])  # first row: the column name


def is_general_place(key: str) -> bool:
    table = general_places()
    if key in table or len(key) < 3:
        return True
    return any(key.endswith(s) and (key[: -len(s)] in table or "ال" + key[: -len(s)] in table) for s in NISBA)


def place_words(article: Article) -> frozenset[str]:
    """Specific place words of the article's LOC mentions (general places and their adjectives left out)."""
    out = set()
    for mention in article.mentions:
        if mention.type != "LOC":
            continue
        for token in match_key(mention.text).split():
            name = token[2:] if token.startswith("ال") else token  # not word_keys: «كرمانشاه» is no «ك» + «رمانشاه»
            if not any(is_general_place(k) for k in [name, *word_keys(token)]):
                out.add(skeleton(name))
    return frozenset(k for k in out if len(k) > 2)  # a 2-letter skeleton names too many places


def actor_keys(article: Article) -> frozenset[str]:
    return frozenset(k for k in (skeleton(m.text) for m in article.mentions if m.type in ("PER", "ORG")) if k)


def without_punctuation(text: str) -> str:
    """Punctuation to spaces (decimal points and commas between digits kept), so «قتيلا،» counts as «قتيلا»."""
    return PUNCT.sub(" ", text)


@lru_cache(maxsize=1)
def multipliers() -> tuple[dict[str, int], re.Pattern[str]]:
    """Scale words a figure may be followed by (data/number_scales.tsv, singular and plural: «400 ألف»,
    «12 ألفا», «3 ملايين»), and the pattern of a figure followed by one."""
    table = {w: s.value for w, s in scale_words().items() if s.kind in ("scale", "plural")}
    words = "|".join(sorted(table, key=len, reverse=True))
    return table, re.compile(r"(\d+(?:[.,]\d+)?)\s+(" + words + r")(?=\s)")


def with_multipliers(text: str) -> str:
    """«400 ألف برميل» -> «400000 برميل», so the counted thing is the barrel, not the thousand."""
    table, pattern = multipliers()
    return pattern.sub(lambda m: _multiplied(m.group(1), table[m.group(2)]), text)


def _multiplied(number: str, factor: int) -> str:
    value = decimal_value(number) * factor
    return str(int(value)) if value == int(value) else str(value)


def counts_in(text: str) -> frozenset[tuple[str, str]]:
    from marsad.claims import counted_things  # here: marsad.claims imports marsad.cluster, which imports us

    found = counted_things(with_multipliers(without_punctuation(match_key(text))))
    return frozenset((thing, number) for thing, number in found.items() if not YEAR.fullmatch(number))


def figures_in(text: str, title: str = "") -> frozenset[str]:
    """Numbers with a decimal part, match scores («3-1» = «1-3» = «بثلاثة أهداف مقابل هدف») and the years a
    title names as an edition («إكسبو 2030», not «منذ 2010»); whole numbers in the text are too often counts that
    change between reports."""
    key = match_key(text)
    decimals = {n.replace(",", ".") for n in NUMBER.findall(key) if "." in n or "," in n}
    scores = {"-".join(sorted(pair)) for pair in SCORE.findall(key)} | word_scores(key)
    years = {"y" + y for y in TITLE_YEAR.findall(match_key(title))}
    return frozenset(decimals | scores | years | editions(key) | storm_names(key))


def storm_names(key: str) -> set[str]:
    """Names of storms (match_key text): the word after «الإعصار» / «العاصفة» that is no function word and is
    named at least twice («الإعصار مكونو» -> «nمكونو»; «ويتجه الإعصار نحو» is no name)."""
    from marsad.cluster_features import stopwords  # here: cluster_features is heavier than this module needs

    found = [m.group(1) for m in STORM.finditer(key)]
    return {"n" + name for name in found if found.count(name) > 1 and name not in stopwords()}


def editions(key: str) -> set[str]:
    """Edition numbers of a recurring event (match_key text): «القمة العربية الثالثة والثلاثون» -> «e33»,
    «الدورة الحادية عشرة» -> «e11», «كوب 28» -> «e28»; an ordinal not after an event noun (an age) is left out."""
    out = {"e" + m.group(1) for m in COP.finditer(key)}
    words = number_words()
    for m in edition_pattern().finditer(key):
        unit = words[m.group(1)][0]
        tens = words[m.group(2)][0] if m.group(2) else 10  # «الحادية عشرة»: the teens
        out.add(f"e{tens + unit}")
    return out


@lru_cache(maxsize=1)
def edition_pattern() -> re.Pattern[str]:
    """An event noun, an adjective, then a compound ordinal (match_key text): «الدورة الحادية عشرة», «القمة العربية
    الثالثة والثلاثون». Its words are the number-word table's masculine ordinal units 1-9 (the feminine «ه» is in
    the pattern) and tens."""
    units = [w for w, (value, kind) in number_words().items() if kind == "ordinal" and 1 <= value <= 9
             and not w.endswith("ه") and (value > 1 or w == COMPOUND_FIRST)]
    tens = [w for w, (_, kind) in number_words().items() if kind == "tens"]
    return re.compile(EVENT_NOUNS + r"(?: ال\w+)? ال(" + "|".join(units) + r")ه? (?:و(?:ال)?(" + "|".join(tens)
                      + r")|(عشره?))(?!\w)")


def word_scores(key: str) -> set[str]:
    """Match results written in words (match_key text): «بهدفين مقابل هدف» -> «1-2», «بهدف نظيف» -> «0-1»,
    «التعادل السلبي» -> «0-0», «بهدف لمثله» -> «1-1»."""
    out = {"-".join(sorted((_goals(m.group(1)), _goals(m.group(2))))) for m in WORD_SCORE.finditer(key)}
    out |= {"0-" + _goals(m.group(1)) for m in CLEAN_SHEET.finditer(key)}
    out |= {_goals(m.group(1)) + "-" + _goals(m.group(1)) for m in LEVEL_SCORE.finditer(key)}
    return out | ({"0-0"} if "التعادل السلبي" in key else set())


def _goals(words: str) -> str:
    first = words.split()[0]
    if first in GOAL_NOUNS:
        return str(GOAL_NOUNS[first])
    number = word_number(first)  # «ثلاثة أهداف»; «3 أهداف» stays as written
    return str(number[0]) if number else first


def country_table() -> tuple[dict[str, str], dict[str, str]]:
    """(one-word keys, two-word keys) -> country code, from ``data/countries.tsv`` (cached there)."""
    return cluster_countries()


def countries_in(text: str) -> frozenset[str]:
    """Countries named in the text (names and adjectives, «السعودية», «الإماراتي»), found by table look-up, so
    plain text without entity mentions has them too."""
    words, pairs = country_table()
    keys = [_bare_forms(word) for word in WORD.findall(text)]
    found = {words[k] for forms in keys for k in forms if k in words}
    found |= {pairs[f"{x} {y}"] for first, second in zip(keys, keys[1:], strict=False)
              for x in first for y in second if f"{x} {y}" in pairs}
    return frozenset(found)


@lru_cache(maxsize=200_000)
def _bare_forms(token: str) -> tuple[str, ...]:
    """The word with no, one or two proclitics and then the article removed: «وللسعودية» -> …, «سعوديه»."""
    key = match_key(token)
    forms = {key}
    for _ in range(2):
        forms |= {f[1:] for f in forms if len(f) > 3 and f[0] in PROCLITICS}
    forms |= {f[2:] for f in forms if f.startswith("ال") and len(f) > 4}
    forms |= {"ال" + f[2:] for f in forms if f.startswith("لل")}
    forms |= {f[2:] for f in forms if f.startswith("ال") and len(f) > 4}
    return tuple(sorted(forms))


def event_dates(article: Article) -> frozenset[str]:
    """Dates known to the day (``YYYY-MM-DD``) in the text, plus the publication day."""
    values = {t.value[:10] for t in article.times if t.kind == "date" and _day(t.value[:10]) is not None}
    if article.published and _day(article.published[:10]) is not None:
        values.add(article.published[:10])
    return frozenset(values)


def specifics_of(article: Article) -> Specifics:
    text = article.title + "\n" + article.text
    return Specifics(place_words(article), actor_keys(article), counts_in(text), figures_in(text, article.title),
                     event_dates(article), countries_in(text))


def _day(value: str) -> int | None:
    day = parse_day(value)
    return day.toordinal() if day else None


# ---------------------------------------------------------------- comparison


def compare_sets(a: frozenset[str], b: frozenset[str]) -> int:
    if not a or not b:
        return 0
    return 1 if a & b else -1


def compare_counts(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> int:
    """+1 when a thing is counted the same in both, -1 when the things both count all differ, else 0."""
    if a & b:
        return 1
    shared = {t for t, _ in a} & {t for t, _ in b}
    return -1 if shared else 0


def compare_dates(a: frozenset[str], b: frozenset[str], window: int = DATE_DAYS) -> int:
    days_a = [d for d in (_day(v) for v in a) if d is not None]
    days_b = [d for d in (_day(v) for v in b) if d is not None]
    if not days_a or not days_b:
        return 0
    gap = min(abs(x - y) for x in days_a for y in days_b)
    return 1 if gap <= 1 else (-1 if gap > window else 0)


def compare(a: Specifics, b: Specifics) -> tuple[int, int, int, int, int, int]:
    """Per kind (``KINDS``): +1 agree, -1 conflict, 0 not comparable."""
    return (compare_sets(a.places, b.places), compare_sets(a.actors, b.actors), compare_counts(a.counts, b.counts),
            compare_sets(a.figures, b.figures), compare_dates(a.dates, b.dates),
            compare_sets(a.countries, b.countries))


def adjustment_of(verdicts: tuple[int, ...], weights: SpecificWeights) -> float:
    out = 0.0
    for kind, verdict in zip(KINDS, verdicts, strict=True):
        if verdict > 0:
            out += getattr(weights, kind + "_bonus")
        elif verdict < 0:
            out -= getattr(weights, kind + "_penalty")
    return out - weights.unsupported_penalty if unsupported(verdicts) else out


def unsupported(verdicts: tuple[int, ...]) -> bool:
    """Something could be compared and nothing agrees (no specifics at all is not evidence either way)."""
    return any(verdicts) and not any(v > 0 for v in verdicts)


def adjustment(a: Specifics, b: Specifics, weights: SpecificWeights) -> float:
    """What the specifics add to (bonus) or take from (penalty) the text similarity of two articles."""
    return adjustment_of(compare(a, b), weights)


def mean_adjustment(mine: Specifics, theirs: list[Specifics], weights: SpecificWeights) -> float:
    """Average adjustment against a story's kept members (0 when none is kept)."""
    return sum(adjustment(mine, t, weights) for t in theirs) / len(theirs) if theirs else 0.0
