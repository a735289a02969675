"""The statement word table and the clashes that tell two quotes of one speaker apart (issue 5): different figures
(«64 طلعة» / «ثمانٍ وثمانين طلعة»; digits and number words read alike), a negated statement against its claim
(denial words agree with each other), different countries named in the same role. Read by
``marsad.quotes.paraphrase.signals``; the word lists are ``data/statement_words.tsv``. Nothing is loaded at import.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources as package_files
from pathlib import Path

from marsad.dates.numbers import after_wa, decimal_value, word_number
from marsad.quotes.folding import MIN_FOLDED, person_forms
from marsad.text.normalize import match_key
from marsad.text.numbers import scale_words
from marsad.text.tokens import word_keys

WORD_TABLE = "data/statement_words.tsv"  # negators, denial stems, number words that are no figure
PLURAL_NISBA = re.compile(r"(\w{3,}ي)(?:ين|ون)\b")  # on match_key text
FIGURE = re.compile(r"^\d+(?:[.,\u066b]\d+)?$")  # «4.5», «4,5», «٤٫٥» (Arabic decimal separator)
NUMBER_TOKEN = re.compile(r"[وبل]*\d+(?:[.,\u066b]\d+)?|[^\W\d_]+")  # on match_key text: decimals stay whole
DIGIT_CLITIC = re.compile(r"^[وبل]+(?=\d)")  # «بـ9», «و2059»
CLAUSE_BREAK = re.compile(r"[،,؛;:.!?؟\n]+")  # negation is read clause by clause
RESTRICT_WINDOW = 8  # words after a negator searched for a restriction («لا نملك في هذه المرحلة الصعبة سوى»)


@lru_cache(maxsize=1)
def words() -> dict[str, dict[str, str]]:
    """The statement word table (data/statement_words.tsv): type -> {phrase: value}. Types: negator,
    not_negating, dialect_negated, denial_stem, not_number, hundred."""
    from marsad.quotes.lexicon import read_rows

    out: dict[str, dict[str, str]] = {}
    for phrase, kind, value in read_rows(Path(str(package_files.files("marsad").joinpath(WORD_TABLE)))):
        out.setdefault(kind, {})[phrase] = value
    return out


# ---------------------------------------------------------------- figures


@lru_cache(maxsize=20_000)
def numbers_in(text: str) -> frozenset[float]:
    """Figures a text states, digits and words alike: «64», «أربعا وستين» -> 64; «12 ألفا و391» -> 12391;
    «تريليوني دولار», «2 تريليون» -> 2e12; «الحادية عشرة» -> 11."""
    found: list[float] = []
    reader = _NumberReader()
    tokens = [DIGIT_CLITIC.sub("", word) for word in NUMBER_TOKEN.findall(match_key(text))]
    for word, after in zip(tokens, [*tokens[1:], ""][: len(tokens)], strict=True):  # no words: nothing (not a crash)
        closed = reader.read(word, after)
        if closed is not None:
            found.append(closed)
    closed = reader.close()
    return frozenset(v for v in [*found, *([closed] if closed is not None else [])] if v > 0)


class _NumberReader:
    """Reads one number at a time, word by word: ``total`` holds what scales have closed («ثلاثة آلاف»),
    ``current`` the part after them («و391»). Each word is read by ``marsad.dates.numbers``; how figures build up
    (scales, digits, a second number after a teen) is this reader's own."""

    def __init__(self) -> None:
        self.total = 0.0
        self.current = 0.0
        self.open = False

    def read(self, word: str, after: str = "") -> float | None:
        """Feed one word key (``after``: the next one); the finished number when this word ends one, else None."""
        key = _number_key((after_wa(word) or word) if self.open else word)
        value = _figure(key)
        if value is None or (not self.open and key in words()["lone_one"] and not _starts_compound(after)):
            return self.close()  # «يوم واحد», «لأحد»: the counted noun's «one», no figure of its own
        kind, amount = value
        if kind == "plural" and not self.open:
            return None  # «آلاف الجنود»: thousands, no figure
        if kind in ("scale", "plural"):
            self.total += max(self.current, 1.0) * amount
            self.current = 0.0
        elif kind == "dual":
            self.total += amount / 2 * self.current if self.current else amount  # «ملياري» alone: two billion
            self.current = 0.0
        elif self.open and self.current and kind == "digits":
            done = self.close()  # two figures in a row: «2012 2059» are two numbers
            self.current, self.open = amount, True
            return done
        elif self.open and not _continues(self.current, amount):
            done = self.close()  # «اثني عشر وخمسة عشر»: a unit or tens after a teen starts a second number
            self.current, self.open = amount, True
            return done
        else:
            self.current = self.current * amount if amount == 100 and 1 <= self.current <= 9 else self.current + amount
        self.open = True
        return None

    def close(self) -> float | None:
        done = self.total + self.current if self.open else None
        self.total, self.current, self.open = 0.0, 0.0, False
        return done


def _figure(key: str) -> tuple[str, float] | None:
    """(kind, value) of a word that belongs to a number: digits, a scale, a dual scale or a number word."""
    if FIGURE.match(key):
        return "digits", decimal_value(key)
    scales = scale_words()
    if key not in scales and key.startswith("ال") and key[2:] in scales and scales[key[2:]].kind != "dual":
        key = key[2:]  # «المليون»
    if key in scales:
        return scales[key].kind, float(scales[key].value)
    hit = word_number(key, accusative=True) or _hundreds(key)  # accusative: «أربعا»
    not_number = words()["not_number"]
    if hit is None or hit[1] == "vague" or key in not_number or (key.startswith("ال") and key[2:] in not_number):
        return None  # «الأول», «أول»
    return ("scale", 1000.0) if hit[1] == "thousand" and hit[0] == 1000 else ("word", float(hit[0]))


def _number_key(word: str) -> str:
    """The word without a proclitic «ب»/«ل» before a number word: «بتسعمئة» -> «تسعمئه» (short words keep theirs:
    «لست» is «I am not», not «six»)."""
    if len(word) > 4 and word[0] in "بل" and _figure(word) is None and _figure(word[1:]) is not None:
        return word[1:]
    return word


def _continues(current: float, amount: float) -> bool:
    """Whether a number word adds to the number read so far, as Arabic orders them: after a scale or hundreds
    anything smaller («ألف وخمسمئة», «مئة وخمسة»), after a unit its ten or tens («خمسة عشر», «خمسة وعشرون»);
    after a teen or tens a unit or tens starts another number («اثني عشر وخمسة عشر»)."""
    rest = current % 100
    if current == 0 or (rest == 0 and amount < 100):
        return True
    return 1 <= rest <= 9 and (amount == 100 or (amount < 100 and amount % 10 == 0))


def _starts_compound(after: str) -> bool:
    """Whether the next word makes a lone «one» the first word of a number: «عشر(ة)» or «و» + tens
    («إحدى عشرة», «إحدى وسبعين», «واحد وعشرون»)."""
    key = after_wa(after) or after
    value = _figure(key)
    return value is not None and value[0] == "word" and value[1] < 100 and value[1] % 10 == 0


def _hundreds(key: str) -> tuple[int, str] | None:
    """«مئة», «مئتين», «خمسمئة» in match_key form (the hamza seat folds: «ميه»), which the dates table
    spells with «مائه» only."""
    for form, spelled in words()["hundred"].items():
        value = int(spelled)
        if key == form:
            return value, "hundred"
        if key.endswith(form) and value == 100:
            unit = word_number(key[: -len(form)], accusative=True)
            if unit is not None and unit[1] == "unit":
                return unit[0] * 100, "hundred"
    return None


def numbers_clash(a: str, b: str) -> bool:
    """Both state figures and neither's figures are all in the other (partial carriers drop figures)."""
    na, nb = numbers_in(a), numbers_in(b)
    return bool(na and nb and not (na <= nb or nb <= na))


# ---------------------------------------------------------------- negation and countries


@lru_cache(maxsize=20_000)
def negated(text: str) -> bool:
    """Whether the text denies or refuses: a clause negator («لا», «لن», «لم», «ليس», dialect «مش», «ما راح») or
    a refusal/denial/failure word («ترفض», «نفى», «أكاذيب», «تستبعد», «عار عن الصحة»); «لا بد», «لا يزال», «ما لم»,
    a negated negative («لن يفلتوا», «لا نستبعد») and a restriction («لا ... إلا», «ليس الوحيد»)
    are not. Each clause (between punctuation marks) is read on its own."""
    for clause in CLAUSE_BREAK.split(text):
        keys = [w[1:] if w[:1] in "وف" and w[1:] in words()["negator"] else w for w in word_keys(clause)]
        if any(_negates_at(keys, i) or _denies_at(keys, i) for i in range(len(keys))):
            return True
    return False


def _negates_at(keys: list[str], i: int) -> bool:
    """A negator at ``keys[i]`` that negates its clause (not a fixed phrase, a negated negative or a restriction)."""
    table = words()
    word, after = keys[i], keys[i + 1] if i + 1 < len(keys) else ""
    if word in table["negator"]:
        fixed = after in table["not_negating"] or (word == "لم" and i > 0 and keys[i - 1] == "ما")  # «ما لم»
    elif word == "ما" and after in table["dialect_negated"]:
        fixed = False
    else:
        return False
    return not fixed and after not in table["double_negative"] and not _restricted(keys[i + 1:i + 1 + RESTRICT_WINDOW])


def _restricted(following: list[str]) -> bool:
    """A restriction word after the negator: «not before», «nothing but», «not the only» state what is, not a denial."""
    return not frozenset(following).isdisjoint(words()["restrictive"])


def _denies_at(keys: list[str], i: int) -> bool:
    """A denial, refusal or failure word or phrase at ``keys[i]`` that no negator before it turns round."""
    table = words()
    word = keys[i]
    if i and keys[i - 1] in table["negator"]:
        return False  # «لا نستبعد», «لم يرفض»: the negator at i - 1 decides
    if word in table["denial_word"] or (i + 1 < len(keys) and f"{word} {keys[i + 1]}" in table["denial_phrase"]):
        return True
    return len(word) >= MIN_FOLDED and not person_forms(word).isdisjoint(table["denial_stem"])


def countries_clash(a: str, b: str) -> bool:
    """Each names a country the other does not name at all, in the same role: both by name («سوريا» / «ليبيا»,
    both with «روسيا») or both by nisba («القوات الروسية» / «القوات الأمريكية»). A name and its nisba are one
    country («الجانب الأمريكي» / «الأميركيين»); a place on one side and an actor on the other («في سوريا» /
    «الطائرات الروسية») is no clash: outlets name the place or the actor of one event."""
    ca, cb = countries_of(a), countries_of(b)
    if not (ca and cb) or ca <= cb or cb <= ca:
        return False
    (names_a, nisbas_a), (names_b, nisbas_b) = country_roles(a), country_roles(b)
    return bool((names_a - cb and names_b - ca) or (nisbas_a - cb and nisbas_b - ca))


@lru_cache(maxsize=20_000)
def countries_of(text: str) -> frozenset[str]:
    """Countries a text names (``marsad.cluster_signals.countries_in``), plural nisbas read as their singular
    («الأميركيين», «السوريون» -> «الأميركي», «السوري»), which the country table lists only in the singular."""
    from marsad.cluster_signals import countries_in

    key = match_key(text)
    return countries_in(key) | countries_in(PLURAL_NISBA.sub(r"\1", key))


@lru_cache(maxsize=20_000)
def country_roles(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(countries named by name, capital or seat; countries named by nisba adjective only): «القصف الروسي في سوريا»
    -> ({SY}, {RU}). A nisba after a state noun («المملكة المغربية») is a name."""
    words_of = PLURAL_NISBA.sub(r"\1", match_key(text)).split()
    states = words()["state_noun"]
    nisba = [_is_nisba(w) and not (i and states.keys() & _bare_keys(words_of[i - 1])) for i, w in enumerate(words_of)]
    names = countries_of(" ".join(w for w, n in zip(words_of, nisba, strict=True) if not n))
    return names, countries_of(" ".join(w for w, n in zip(words_of, nisba, strict=True) if n)) - names


def _is_nisba(word: str) -> bool:
    return not _nisba_keys().isdisjoint(_bare_keys(word))


@lru_cache(maxsize=1)
def _nisba_keys() -> frozenset[str]:
    """One-word nisba forms of the country table (data/countries.tsv, kind «nisba»), article removed."""
    from marsad.text.countries import country_words

    return frozenset(_strip_article(row.word) for row in country_words() if row.kind == "nisba" and " " not in row.word)


@lru_cache(maxsize=50_000)
def _bare_keys(word: str) -> frozenset[str]:
    """The word key as written, without one proclitic («و», «ف», «ب», «ل», «ك») and without the article."""
    forms = {word} | ({word[1:]} if len(word) > 3 and word[0] in "وفبلك" else set())
    forms |= {"ال" + f[2:] for f in forms if f.startswith("لل")}
    return frozenset(_strip_article(f) for f in forms) | forms


def _strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word
