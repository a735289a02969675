"""Claim relations between sentences: the same proposition, a contradiction, or something else.

A sentence's *proposition words* are its content words without attribution (reporting verbs, titles and
roles: «أكد المتحدث باسم») and without dispute cues, with synonyms mapped to one concept
(``data/claim_synonyms.tsv``). They become hashed stem TF-IDF vectors weighted by the background IDF of
``marsad.cluster`` times a *story IDF*: a word found in many sentences of the story (its topic, its
recurring speaker) tells little about which proposition a sentence carries.

Each sentence also has a *speaker* (who states it: the words after a leading speech verb, after «عن» in a
relay, before «:»; in a story the quote records give it, linked to an entity) and a *standpoint*: a state
voice («وزارة الدفاع الروسية», «نائب وزير الدفاع الروسي», «موسكو», «الكرملين» are all ``gov:روسيا``), else the
speaker itself, else the outlet for its own narration. «وزعمت روسيا أن» is the narrator's stance, not Russia's.

Two sentences
- carry the same claim when their proposition cosine reaches ``SAME_BAR`` and neither contradicts the other;
- contradict when they have different standpoints and either their proposition cosine reaches ``CONTRA_BAR``
  and exactly one carries a dispute cue (denial, «زعم», «خلت من»), or they count the same thing with
  different numbers at ``SAME_BAR``. One voice never contradicts itself: a ministry's denial relayed by an
  agency, or repeated by its spokesman without a denial verb, is that ministry's claim, not a dispute of it.
- In a story of at least ``MIN_TOPIC_UNITS`` sentences a cue-based dispute must also be about the same event
  (``same_event``): the story's topic words (stems in ``TOPIC_SHARE`` of its sentences) count for nothing, so
  the two sentences need a shared event frame (strike, target, killed... outside a backgrounded «خلال/حول»
  phrase) or two shared non-topic words; a denial naming a place («على مدينة تدمر») needs the other to name
  it; and propositions whose actor countries differ («القوات الجوية الأمريكية» / «الغارات الروسية», places
  after «في» and speaking offices «وزارة الدفاع الروسية» left out) are about different acts.

The bars are calibrated on ``tests/fixtures/brief/claim_pairs.tsv`` (``python -m marsad.claims``); the
standpoint rules are checked on the dev rows of ``tests/fixtures/brief/stance_pairs.tsv`` and reported on its
test rows and the seed status gold by ``benchmarks/bench_claims.py``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as package_files
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from marsad.cluster import Featurizer, content_words, load_featurizer
from marsad.model import Claim
from marsad.text.countries import claim_countries
from marsad.text.normalize import match_key
from marsad.text.tokens import stem, tokenize, word_keys

# Proposition cosine (background x story IDF) at which two sentences carry the same claim, and at which a
# sentence with a dispute cue is about the same proposition. Calibrated on the 36 "cal" rows of
# tests/fixtures/brief/claim_pairs.tsv (seed sentences with the seed articles as story context, plus
# hand-written sentences on six other events); `python -m marsad.claims` prints the sweep and the figures on
# the 35 held-back "check" rows. SAME_BAR: "same" F1 is flat from 0.26 to 0.42 on cal (P 0.73, R 0.89); the
# top of that plateau keeps claim groups tight in one-topic stories. CONTRA_BAR: best "contradicts" F1 on cal
# (P 0.75, R 0.90 at 0.20; recall falls to 0.5 by 0.24). Re-swept once sentences of one standpoint stopped
# contradicting each other (2026-11-23, same cal rows): 0.20 is still the best cue bar (P 0.78 R 0.70 from
# cues alone; with number conflicts P 0.82 R 0.90).
SAME_BAR = 0.40
CONTRA_BAR = 0.20
# Story IDF enters as a square root (chosen on the same cal rows: contradicts F1 0.79 at power 0.5 against
# 0.70 at power 1; at power 0 shared topic words made denials of other subjects look like contradictions).
STORY_IDF_POWER = 0.5
COUNTED = re.compile(r"(\d+(?:[.,]\d+)?)\s+(?:من\s+)?(\S+)(?:\s+(\S+))?")
OTHER_SET = frozenset({"اخري", "اخر", "اخرين", "اخريات", "غيرها"})  # «5 مقاطع أخرى»: another set, not a figure for it
PRONOUN_SUFFIXES = ("هما", "هم", "ها", "نا", "ه")
RELATIONS = ("same", "different", "contradicts")
LEAD_TOKENS = 8  # a speech verb this early in a sentence introduces its speaker
RELAYED_MAX_WORDS = 6  # «عن المتحدث باسم وزارة الدفاع الروسية»; a denied object may follow without «أن»
AGENT_MAX_WORDS = 12  # longest speaker phrase «ممثل وزارة الدفاع الروسية اللواء إيغور كوناشينكوف»
PHRASE_BREAKS = frozenset({"في", "خلال", "عبر", "امام", "اثناء", "بعد", "عقب", "لدي"})
CONTENT_OPENERS = frozenset({"ان", "بان", "انه", "انها", "بانه", "بانها", "انهم"})
CLAUSE_WORDS = frozenset({"فان", "وان", "لان", "بانهم"})  # «فإن»: clause openers, not content
COMMAS = frozenset({"،", ","})
# Words opening a backgrounded phrase: «على اتصال مع الجيش خلال الضربات التي يشنها على مواقع» claims the
# contact, not the strikes; «معلومات حول أهداف» is about information, not a strike; frame concepts in such a phrase (to its next delimiter, at most BACKGROUND_WORDS
# words) are not the sentence's event.
BACKGROUND_OPENERS = frozenset({"خلال", "اثناء", "منذ", "حول", "بشان"})
BACKGROUND_WORDS = 6
# A country right after one of these is a place («في سوريا», «من سوريا»), not the actor of the event.
LOCATIVES = frozenset({"في", "فى", "من", "الي", "داخل", "عبر", "نحو"})
# Offices that speak: a country adjective right after one («وزارة الدفاع الروسية», «نائب وزير الخارجية
# الأمريكي») names who speaks, not who acts; forces and leadership keep theirs («القوات الجوية الأمريكية»,
# «بقيادة أميركية»).
OFFICE_WORDS = frozenset({"زاره", "زير", "زراء", "حكومه", "حكومي", "رئاسه", "خارجيه", "داخليه", "دفاع",
                          "متحدث", "ناطق", "ممثل", "نائب", "سفير", "سفاره", "مسؤول", "مسؤولون", "برلمان"})
# Story IDF gate on disputes. In a story of at least MIN_TOPIC_UNITS sentences, a word found in TOPIC_SHARE of
# its sentences is topic (the seeds: روسيا, سوريا, داعش, تنظيم, ضربة, موقع) and shows nothing about which
# proposition two sentences share. A cue-based dispute then needs the same event frame (a shared frame concept
# of data/claim_synonyms.tsv: strike, target, killed, wounded, civilians, outside a backgrounded phrase) or
# MIN_DISTINCT_SHARED shared non-topic proposition stems. Checked on the seed status gold and the "cal" rows of
# claim_pairs.tsv (seeds context, 65-sentence story; 2026-11-23): both are flat for TOPIC_SHARE 0.10-0.25
# (0.35 loses a seed dispute) and MIN_DISTINCT_SHARED 1-3, so the values are mid-plateau; stance pairs have too
# few sentences per event for the gate. MIN_TOPIC_UNITS is a product choice (below it document frequency
# says little), not calibrated.
MIN_TOPIC_UNITS = 20
# Generic place nouns: the word after one names where an event happened («على مدينة تدمر»). A denial naming a
# place disputes only sentences that name it too («ضربات على مدينة تدمر هي كذب» does not dispute «بدأت
# الغارات الجوية لمواقع الدولة الإسلامية يوم 30 أيلول»).
PLACE_NOUNS = frozenset({"مدينه", "منطقه", "مناطق", "بلده", "محافظه", "قريه", "ريف", "ميناء", "مطار", "حي"})
TOPIC_SHARE = 0.15
MIN_DISTINCT_SHARED = 2
DELIMITERS = frozenset({"،", ",", ":", "\"", "“", "”", "«", "»", "-", "–"})


@dataclass(slots=True)
class Unit:
    """One candidate sentence of a story."""

    article_id: str
    index: int
    text: str
    source: str  # independence key: outlet, or the canonical article id
    disputes: bool  # carries a dispute cue
    counts: dict[str, str]  # counted thing (stem) -> number
    headline: bool = False  # a line without closing punctuation (headline, subhead, caption)
    speaker: str = ""  # who states it: a speaker key (entity id or words), "" for the outlet's own narration
    side: str = ""  # standpoint of the speaker: "gov:<country>" for a state voice, else ""
    countries: frozenset[str] = frozenset()  # countries the proposition names as actors or possessors
    stems: frozenset[str] = frozenset()  # stems of the proposition words
    frame: frozenset[str] = frozenset()  # frame concepts of its event (strike, target, ...), foreground only
    places: frozenset[str] = frozenset()  # stems of the words named by a place noun («مدينة تدمر» -> دمر)


def make_unit(article_id: str, index: int, text: str, source: str, headline: bool = False) -> Unit:
    """A unit whose speaker and standpoint are read from the sentence itself (no quote records)."""
    unit = Unit(article_id, index, text, source, has_dispute_cue(text), counted_things(text), headline)
    words = speaker_words(text) or []
    unit.speaker, unit.side = " ".join(words), standpoint(words)
    unit.countries = actor_countries(text)
    unit.stems = frozenset(stem(w) for w in proposition_words(text))
    unit.frame = event_frame(text)
    unit.places = named_places(text)
    return unit


# ---------------------------------------------------------------- lexicons


def _rows(name: str) -> list[list[str]]:
    text = package_files.files("marsad").joinpath(f"data/{name}").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return rows[1:]


@lru_cache(maxsize=1)
def dispute_cues() -> frozenset[str]:
    return frozenset(row[0] for row in _rows("dispute_cues.tsv") if row[0])


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    return {row[0]: row[1] for row in _rows("claim_synonyms.tsv") if len(row) == 2 or (len(row) > 2 and not row[2])}


def countries() -> dict[str, str]:
    """Country names, adjectives, capitals and seats of power -> the country («الروسية», «موسكو» -> روسيا),
    in ``word_keys`` form, from ``data/countries.tsv``."""
    return claim_countries()


@lru_cache(maxsize=1)
def frame_concepts() -> frozenset[str]:
    """Concepts that say what event a sentence is about (strike, target, killed): rows of kind "frame"."""
    return frozenset(row[0] for row in _rows("claim_synonyms.tsv") if len(row) > 2 and row[2] == "frame")


@lru_cache(maxsize=1)
def official_words() -> frozenset[str]:
    """Words that make a speaker phrase a state voice («وزارة», «المتحدث», «الجيش»)."""
    return frozenset(row[0] for row in _rows("claim_synonyms.tsv") if len(row) > 2 and row[2] == "official")


@lru_cache(maxsize=1)
def reporting_words() -> frozenset[str]:
    """Single-word reporting verbs and nouns («قال», «قوله», «تصريحات»)."""
    return frozenset(w for row in _rows("reporting_verbs.tsv") if " " not in row[0] for w in word_keys(row[0]))


@lru_cache(maxsize=1)
def doubt_verbs() -> frozenset[str]:
    return frozenset(row[0] for row in _rows("dispute_cues.tsv") if len(row) > 1 and row[1] == "doubt")


@lru_cache(maxsize=1)
def attribution_words() -> frozenset[str]:
    """Reporting verbs and person titles/roles (single words): who says, not what is said."""
    verbs = {row[0] for row in _rows("reporting_verbs.tsv")}
    titles = {row[0] for row in _rows("titles.tsv") if len(row) > 1 and row[1] in {"title", "role", "speech"}}
    words = {w for phrase in verbs | titles for w in word_keys(phrase) if " " not in phrase}
    return frozenset(words)


@lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    return frozenset(w for cue in dispute_cues() for w in cue.split())


def has_dispute_cue(sentence: str) -> bool:
    words = " " + " ".join(word_keys(sentence)) + " "
    return any(f" {cue} " in words for cue in dispute_cues())


def counted_things(sentence: str) -> dict[str, str]:
    """Numbers with the thing they count: «قتل 14 شخصا» -> {stem(شخصا): "14"}; «5 مقاطع أخرى» counts
    another set and is left out."""
    out: dict[str, str] = {}
    for number, word, after in COUNTED.findall(match_key(sentence)):
        if len(word) > 2 and not word.isdigit() and after not in OTHER_SET:
            out.setdefault(stem(word), number.replace(",", "."))
    return out


def numbers_disagree(a: Unit, b: Unit) -> bool:
    return any(thing in b.counts and b.counts[thing] != number for thing, number in a.counts.items())


# ---------------------------------------------------------------- proposition vectors


def concept(word: str) -> str:
    table = synonyms()
    if word in table:
        return table[word]
    for suffix in PRONOUN_SUFFIXES:
        if word.endswith(suffix) and word[: -len(suffix)] in table:
            return table[word[: -len(suffix)]]
    return word


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Reporting verbs and one-word denial/doubt cues: the verb whose subject is the speaker."""
    verbs = {row[0] for row in _rows("reporting_verbs.tsv") if len(row) > 3 and row[3] != "noun"}
    cues = {row[0] for row in _rows("dispute_cues.tsv") if len(row) > 1 and " " not in row[0]
            and row[1] in {"denial", "doubt"}}
    return frozenset(w for phrase in verbs | cues if " " not in phrase for w in word_keys(phrase))


def _key(token: str) -> str:
    keys = word_keys(token)
    return keys[0] if keys else ""


def agent_span(tokens: list[str]) -> tuple[int, int]:
    """Token range of the speaker/actor: «X: ...», or the words before and after a leading speech verb
    up to «أن/إن», a comma, a colon or a quotation mark (at most AGENT_MAX_WORDS; 3 words without one).
    Before a comma the words are a speaker only when they hold a title or role («نفى ممثل الوزارة اللواء
    فلان، شن...»); otherwise the comma closes the denied object («نفى التحالف استهداف الميناء، مؤكدا»)
    and the speaker is the one word after the verb."""
    head = tokens[:LEAD_TOKENS]
    if ":" in head and tokens.index(":") > 0:
        return 0, tokens.index(":")
    verb = next((i for i, t in enumerate(head) if _key(t) in speech_verbs()), -1)
    if verb < 0:
        return 0, 0
    for end in range(verb + 1, min(len(tokens), verb + 1 + AGENT_MAX_WORDS)):
        if _key(tokens[end]) in CONTENT_OPENERS or tokens[end] in DELIMITERS - COMMAS:
            return 0, end
        if tokens[end] in COMMAS:
            titled = any(_key(t) in attribution_words() for t in tokens[verb + 1:end])
            return 0, end if titled else verb + 2
    return 0, min(len(tokens), verb + 4)


def proposition_words(text: str) -> list[str]:
    """Content words that say *what* is claimed: not who says it (the agent span), no reporting verb or
    title, no dispute cue; synonyms as one concept."""
    tokens = [t.text for t in tokenize(text)]
    _, end = agent_span(tokens)
    skip = attribution_words() | cue_words() | CONTENT_OPENERS | CLAUSE_WORDS
    return [concept(w) for w in content_words(" ".join(tokens[end:])) if w not in skip]


def proposition_keys(text: str) -> list[str]:
    """Word keys of the tokens after the agent span, delimiters kept as themselves."""
    tokens = [t.text for t in tokenize(text)]
    _, end = agent_span(tokens)
    return [t if t in DELIMITERS else _key(t) for t in tokens[end:]]


def event_frame(text: str) -> frozenset[str]:
    """Frame concepts of the proposition outside a backgrounded phrase («خلال الضربات التي يشنها»)."""
    out: set[str] = set()
    background = 0
    for key in proposition_keys(text):
        if key in DELIMITERS:
            background = 0
        elif key in BACKGROUND_OPENERS:
            background = BACKGROUND_WORDS
        elif background:
            background -= 1
        elif concept(key) in frame_concepts():
            out.add(concept(key))
    return frozenset(out)


def named_places(text: str) -> frozenset[str]:
    """Stems of the words right after a generic place noun of the proposition («على مدينة تدمر» -> دمر)."""
    keys = proposition_keys(text)
    return frozenset(stem(keys[i + 1]) for i, key in enumerate(keys[:-1])
                     if key in PLACE_NOUNS and keys[i + 1] not in DELIMITERS)


def actor_countries(text: str) -> frozenset[str]:
    """Countries the proposition names as actors or possessors: not a place after «في/من», not the
    country of an office that speaks («وزارة الدفاع الروسية»); forces keep theirs («القوات الأمريكية»)."""
    keys = proposition_keys(text)
    if speaker_words(text) is None:  # «وزعمت روسيا أنها استهدفت»: the doubted party is the actor
        keys = [t if t in DELIMITERS else _key(t) for t in (t.text for t in tokenize(text))]
    out = set()
    for i, key in enumerate(keys):
        if key not in countries() or (i and keys[i - 1] in LOCATIVES):
            continue
        if i and keys[i - 1] in OFFICE_WORDS:
            continue
        out.add(countries()[key])
    return frozenset(out)


def topic_stems(stem_sets: Sequence[frozenset[str]]) -> frozenset[str] | None:
    """Stems found in TOPIC_SHARE of a story's sentences; None for a story too small to tell (no gate)."""
    if len(stem_sets) < MIN_TOPIC_UNITS:
        return None
    df: dict[str, int] = {}
    for stems in stem_sets:
        for s in stems:
            df[s] = df.get(s, 0) + 1
    return frozenset(s for s, n in df.items() if n >= TOPIC_SHARE * len(stem_sets))


@lru_cache(maxsize=1)
def frame_stems() -> frozenset[str]:
    return frozenset(stem(c) for c in frame_concepts())


def same_event(a: Unit, b: Unit, topic: frozenset[str] | None) -> bool:
    """Whether two sentences can be about one proposition beyond the story's topic: a shared event frame, or
    (neither having a frame) MIN_DISTINCT_SHARED shared stems that are neither topic nor frame words; a
    denial naming a place needs the other to name it. Always true without a topic."""
    denial, other = (a, b) if a.disputes else (b, a)
    if topic is not None and denial.places - topic and not denial.places - topic & other.stems:
        return False  # the denial is about another place («مناطق داعش» names no specific one)
    if topic is None or a.frame & b.frame:
        return True
    if a.frame or b.frame:
        return False  # a strike and a sentence on another event (hiding in mosques, cooperation)
    return len((a.stems & b.stems) - topic - frame_stems()) >= MIN_DISTINCT_SHARED


def speaker_words(text: str) -> list[str] | None:
    """Content words naming who states ``text``: the words after a leading speech verb up to its content
    («نفى ممثل وزارة الدفاع الروسية اللواء ...»), or before «:»; after «نقلت X عن» the words after «عن».
    A preposition ends the phrase («المحافظ في تصريح لاحق» -> محافظ).
    [] for the outlet's own narration or an unnamed carried-over speaker («وقال إن»); None when the verb
    doubts what it reports («وزعمت روسيا أن»): the stance is then the narrator's, not the speaker's."""
    tokens = [t.text for t in tokenize(text)]
    _, end = agent_span(tokens)
    verb = next((i for i, t in enumerate(tokens[:end]) if _key(t) in speech_verbs()), -1)
    if verb >= 0 and _key(tokens[verb]) in doubt_verbs():
        return None
    end += name_run(tokens[end:])
    span = tokens[verb + 1:end]
    keys = [_key(t) for t in span]
    if "عن" in keys:
        start = verb + 1 + len(keys) - keys[::-1].index("عن")
        span = relayed_speaker(tokens, start)
        keys = [_key(t) for t in span]
    span = span[:next((i for i, k in enumerate(keys) if k in PHRASE_BREAKS), len(span))]
    skip = reporting_words() | cue_words()
    return [w for w in content_words(" ".join(span)) if w not in skip]


def standpoint(words: list[str]) -> str:
    """"gov:<country>" when the speaker words name one country and make a state voice (an official word, or
    only the country's names: «موسكو», «الكرملين»); else "" (a person, group or outlet is its own standpoint)."""
    named = {countries()[w] for w in words if w in countries()}
    if len(named) != 1:
        return ""
    if any(w in official_words() for w in words) or all(w in countries() for w in words):
        return f"gov:{named.pop()}"
    return ""


def name_run(tokens: list[str]) -> int:
    """How many leading tokens still belong to a speaker phrase cut short by agent_span's three-word
    fallback: office and state words, titles and country names («المتحدث باسم وزارة | الدفاع الروسية شن»)."""
    words = name_words()
    return next((i for i, t in enumerate(tokens) if _key(t) not in words), len(tokens))


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    return official_words() | frozenset(countries()) | attribution_words()


def relayed_speaker(tokens: list[str], start: int) -> list[str]:
    """The words after «نقلت X عن»: up to a content opener, a cue or speech word («نفيها», «قوله»), a
    delimiter, or RELAYED_MAX_WORDS words."""
    out: list[str] = []
    for token in tokens[start:start + RELAYED_MAX_WORDS]:
        key = _key(token)
        if key in CONTENT_OPENERS or key in cue_words() or key in reporting_words() or token in DELIMITERS:
            break
        out.append(token)
    return out


def other_countries(a: Unit, b: Unit) -> bool:
    """Both propositions name countries and none in common: about different states' acts («يشن الائتلاف
    بقيادة أميركية غارات» / «بدأت القوات الجوية الروسية الغارات»), neither the same claim nor a dispute."""
    return bool(a.countries) and bool(b.countries) and a.countries.isdisjoint(b.countries)


def same_speaker(a: set[str], b: set[str]) -> bool:
    """One speaker named twice: one phrase within the other («المحافظ» / «محافظ الجيزة»), or all but one word
    of the shorter one, at least two («نفت وزارة الداخلية استخدام» / «المتحدث باسم وزارة الداخلية»: a
    denied object can run into the speaker phrase of a verb without «أن»)."""
    shared, shorter = len(a & b), min(len(a), len(b))
    return shared == shorter or (shared >= 2 and shared >= shorter - 1)


def same_standpoint(a: Unit, b: Unit) -> bool:
    """One voice: the same speaker, the same state, or the narration of one outlet. Such sentences never
    dispute each other nor corroborate each other."""
    if a.speaker and b.speaker and same_speaker(set(a.speaker.split()), set(b.speaker.split())):
        return True
    if a.side or b.side:
        return a.side == b.side
    return not a.speaker and not b.speaker and a.source == b.source


def origin(unit: Unit) -> str:
    """Independence key: the state, else the speaker, else the outlet of a narrated sentence."""
    return unit.side or (f"speaker:{unit.speaker}" if unit.speaker else unit.source)


def proposition_vectors(texts: Sequence[str], featurizer: Featurizer) -> sp.csr_matrix:
    """Unit rows of background IDF x story IDF (over ``texts``) weighted stem counts."""
    _, counts = featurizer.counts([proposition_words(t) for t in texts])
    counts = counts.astype(np.float32)
    counts.data = np.log1p(counts.data)
    df = np.asarray((counts > 0).sum(axis=0)).ravel()
    story_idf = (np.log((1.0 + len(texts)) / (1.0 + df)) + 1.0) ** STORY_IDF_POWER
    weighted = counts.multiply((featurizer.stem_idf * story_idf)[None, :]).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ weighted)


def similarity_matrix(texts: Sequence[str], featurizer: Featurizer) -> np.ndarray:
    vectors = proposition_vectors(texts, featurizer)
    sims = np.asarray((vectors @ vectors.T).toarray())
    np.fill_diagonal(sims, 0.0)
    return sims


# ---------------------------------------------------------------- relations


def contradicts(a: Unit, b: Unit, similarity: float, topic: frozenset[str] | None = None) -> bool:
    """A source of another standpoint denies or doubts what the other asserts, or counts the same thing with
    another number. One voice (the same speaker, state or outlet narration) never contradicts itself: a
    speaker's own denial is what the speaker claims. With a story's ``topic`` stems, a denial must also be
    about the same event (``same_event``), not only share the story's topic words."""
    if same_standpoint(a, b) or other_countries(a, b):
        return False
    if a.disputes != b.disputes and similarity >= CONTRA_BAR and same_event(a, b, topic):
        return True
    return similarity >= SAME_BAR and numbers_disagree(a, b)


def relation(a: Unit, b: Unit, similarity: float, topic: frozenset[str] | None = None) -> str:
    if contradicts(a, b, similarity, topic):
        return "contradicts"
    same = similarity >= SAME_BAR and a.disputes == b.disputes and not other_countries(a, b)
    return "same" if same else "different"


# ---------------------------------------------------------------- labelled pairs


@dataclass(slots=True)
class Pair:
    split: str  # cal | check
    event: str
    label: str  # same | different | contradicts
    a: str
    b: str


def load_pairs(path: str | Path) -> list[Pair]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")][1:]
    return [Pair(*row[:5]) for row in rows]


def pair_relations(pairs: list[Pair], featurizer: Featurizer, context: dict[str, list[str]] | None = None,
                   ) -> list[tuple[str, float, Unit, Unit, frozenset[str] | None]]:
    """(label, similarity, unit a, unit b) per pair; the story of a pair is every sentence of its event
    plus ``context[event]`` (e.g. all sentences of the seed articles for event "seeds")."""
    out = []
    for event in dict.fromkeys(p.event for p in pairs):
        rows = [p for p in pairs if p.event == event]
        texts = list(dict.fromkeys([t for p in rows for t in (p.a, p.b)] + (context or {}).get(event, [])))
        sims = similarity_matrix(texts, featurizer)
        topic = topic_stems([frozenset(stem(w) for w in proposition_words(t)) for t in texts])
        for p in rows:
            i, j = texts.index(p.a), texts.index(p.b)
            out.append((p.label, float(sims[i, j]), make_unit("a", 0, p.a, "outlet:a"),
                        make_unit("b", 0, p.b, "outlet:b"), topic))
    return out


def scores(predicted: list[str], gold: list[str], label: str) -> tuple[float, float]:
    hits = sum(p == g == label for p, g in zip(predicted, gold, strict=True))
    said, real = predicted.count(label), gold.count(label)
    return (hits / said if said else 1.0), (hits / real if real else 1.0)


def evaluate(pairs: list[Pair], featurizer: Featurizer, context: dict[str, list[str]] | None = None,
             ) -> dict[str, tuple[float, float]]:
    """Precision and recall of each relation on ``pairs``."""
    rows = pair_relations(pairs, featurizer, context)
    gold = [row[0] for row in rows]
    predicted = [relation(a, b, sim, topic) for _, sim, a, b, topic in rows]
    return {label: scores(predicted, gold, label) for label in RELATIONS}


def stance_scores(pairs: list[Pair], featurizer: Featurizer, verbose: bool = False) -> dict[str, float]:
    """Figures on stance pairs (same | supports | contradicts | same_side | unrelated): contradiction and
    same-claim precision/recall (a same_side pair called "same" is right: a denial and its relay are one
    claim), and the share of same-side and unrelated pairs wrongly called contradictions."""
    rows = pair_relations(pairs, featurizer)
    gold = [row[0] for row in rows]
    predicted = [relation(a, b, sim, topic) for _, sim, a, b, topic in rows]
    if verbose:
        for pair, said in zip(pairs, predicted, strict=True):
            if (said == "contradicts") != (pair.label == "contradicts"):
                print(f"  {pair.split} {pair.event} gold {pair.label} said {said}: {pair.a[:40]} | {pair.b[:40]}")
    contra_p, contra_r = scores(predicted, gold, "contradicts")
    _, same_r = scores(predicted, gold, "same")
    said_same = [g for p, g in zip(predicted, gold, strict=True) if p == "same"]
    same_p = sum(g in {"same", "same_side"} for g in said_same) / len(said_same) if said_same else 1.0

    def wrongly_disputed(label: str) -> float:
        told = [p for p, g in zip(predicted, gold, strict=True) if g == label]
        return sum(p == "contradicts" for p in told) / len(told) if told else 0.0

    return {"contradicts_p": contra_p, "contradicts_r": contra_r, "same_p": same_p, "same_r": same_r,
            "same_side_disputed": wrongly_disputed("same_side"), "unrelated_disputed": wrongly_disputed("unrelated")}


def sweep(pairs: list[Pair], featurizer: Featurizer, context: dict[str, list[str]]) -> None:
    rows = pair_relations(pairs, featurizer, context)
    for label in ("same", "contradicts"):
        print(label)
        for bar in np.arange(0.10, 0.5, 0.02):
            if label == "same":
                hit = [(s >= bar and a.disputes == b.disputes, g == "same") for g, s, a, b, _ in rows]
            else:
                hit = [(s >= bar and a.disputes != b.disputes and not same_standpoint(a, b)
                        and same_event(a, b, topic), g == "contradicts") for g, s, a, b, topic in rows]
            tp = sum(p and g for p, g in hit)
            prec, rec = tp / max(1, sum(p for p, _ in hit)), tp / max(1, sum(g for _, g in hit))
            print(f"  bar {bar:.2f}: precision {prec:.2f} recall {rec:.2f}")


def folder_sentences(folder: str | Path) -> list[str]:
    """Every sentence of the .txt articles in ``folder`` (the story context of the seed pairs)."""
    from marsad.text.sentences import split_sentences

    texts = [p.read_text(encoding="utf-8").replace("\xa0", " ") for p in sorted(Path(folder).glob("*.txt"))]
    return [t[s:e].strip() for t in texts for s, e in split_sentences(t)]




# ---------------------------------------------------------------- seed status gold


@dataclass(slots=True)
class GoldSentence:
    """One sentence of the hand-written status gold (tests/fixtures/brief/seed_claims.tsv)."""

    article: str  # seed file-name prefix
    key: str  # substring of exactly one sentence of that article
    claim: str
    status: str
    against: list[str]
    supports: list[str]


def load_status_gold(path: str | Path) -> list[GoldSentence]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    rows = [(line.split("\t") + [""] * 7)[:7] for line in lines if line.strip() and not line.startswith("#")][1:]
    return [GoldSentence(r[0], r[1], r[2], r[3], [c for c in r[4].split(",") if c], [c for c in r[5].split(",") if c])
            for r in rows]


def _gold_of(article: str, sentence: str, gold: list[GoldSentence]) -> GoldSentence | None:
    return next((g for g in gold if g.article == article and g.key in sentence), None)


def score_statuses(claims: Sequence[Claim], prefix: dict[str, str], gold: list[GoldSentence]) -> dict[str, float]:
    """Claim statuses against the gold: per-sentence status accuracy, disputed precision/recall, and the share
    of contradicting evidence sentences that the gold lists against the claim. ``prefix`` maps article id ->
    the gold's article name."""
    found: dict[tuple[str, str], str] = {}
    disputed = right = contra = contra_right = 0
    for claim in claims:
        supports = [e for e in claim.evidence if e.relation == "supports"]
        carried = [_gold_of(prefix.get(e.article_id, ""), e.sentence, gold) for e in supports]
        for g in carried:
            if g is not None:
                found.setdefault((g.article, g.key), claim.status)
        heads = [g for e, g in zip(supports, carried, strict=True) if g is not None and e.sentence == claim.text]
        head = heads[0] if heads else next((g for g in carried if g is not None), None)
        against = [_gold_of(prefix.get(e.article_id, ""), e.sentence, gold) for e in claim.evidence
                   if e.relation == "contradicts"]
        good = [g for g in against if head is not None and g is not None and g.claim in head.against]
        contra, contra_right = contra + len(against), contra_right + len(good)
        if claim.status == "disputed":
            disputed += 1
            right += head is not None and head.status == "disputed" and bool(good)
    predicted = [found.get((g.article, g.key), "none") for g in gold]
    hits = sum(p == g.status for p, g in zip(predicted, gold, strict=True))
    said = sum(p == "disputed" for p in predicted)
    real = sum(g.status == "disputed" for g in gold)
    both = sum(p == g.status == "disputed" for p, g in zip(predicted, gold, strict=True))
    return {"sentences": len(gold), "status_accuracy": hits / len(gold), "disputed_claims": disputed,
            "disputed_claims_right": right, "sentence_disputed_p": both / said if said else 1.0,
            "sentence_disputed_r": both / real if real else 1.0,
            "evidence_p": contra_right / contra if contra else 1.0}


def main(argv: list[str]) -> None:
    """``python -m marsad.claims [PAIRS.tsv [SEEDS_DIR]]``: the sweep on "cal", figures on "cal" and "check"."""
    path = argv[0] if argv else "tests/fixtures/brief/claim_pairs.tsv"
    context = {"seeds": folder_sentences(argv[1] if len(argv) > 1 else "examples")}
    pairs, featurizer = load_pairs(path), load_featurizer()
    sweep([p for p in pairs if p.split == "cal"], featurizer, context)
    for split in ("cal", "check"):
        part = [p for p in pairs if p.split == split]
        figures = evaluate(part, featurizer, context)
        line = ", ".join(f"{k} P {p:.2f} R {r:.2f}" for k, (p, r) in figures.items())
        print(f"{split} ({len(part)} pairs): {line}")


if __name__ == "__main__":
    main(sys.argv[1:])
