"""Rules around the CRF: clitic trimming, alias-table matches, nisba extension, titles and roles.

All functions work on one sentence given as its words' matching keys (``match_key`` of each token),
so they are pure and testable without the model. Indices are token indices, ends exclusive.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from marsad.entities import lexicons
from marsad.text import countries
from marsad.text.tokens import NAME_PARTICLES, strip_article

# Tokens that end a backward search for a role: a role phrase never spans them.
ROLE_BARRIERS = frozenset({"ان", "انه", "انها", "الذي", "التي", "الذين", "و", "او", "ثم", "لكن", "كما",
                           "حيث", "بعد", "قبل", "مع", "عن", "على", "الى", "من", "هو", "هي"})
ROLE_WINDOW = 8  # most tokens between a role word and the name it introduces
PROCLITIC_BEFORE_ARTICLE = ("وبال", "وال", "فال", "بال", "كال")
NAME_PROCLITICS = ("و", "ف", "ب", "ل")
NAME_PROCLITIC_PAIRS = ("وب", "ول", "فب", "فل")


def clitic_length(key: str, known: frozenset[str] | None = None) -> int:
    """Characters of proclitics to drop from the first word of a mention («والبنتاغون» -> 1).

    A conjunction or preposition is dropped before the article; a bare و/ف only when the rest is a
    known name and the whole word is not (so «وليد» keeps its و).
    """
    for clitic in PROCLITIC_BEFORE_ARTICLE:
        if key.startswith(clitic) and len(key) > len(clitic) + 2:
            return len(clitic) - 2
    names = known if known is not None else _known_names()
    if key[:1] in NAME_PROCLITICS and len(key) > 3 and key[1:] in names and key not in names:
        return 1
    if key[:2] in NAME_PROCLITIC_PAIRS and len(key) > 4 and key[2:] in names and key not in names:
        return 2
    return 0


@lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    words = {w for variant, _, _ in lexicons.aliases() for w in variant.split()}
    words -= {w for w in words if w[:1] in NAME_PROCLITICS and w[1:] in words}  # «وسوريا» is و + «سوريا»
    return frozenset(words | {t for t, n in lexicons.person_tokens().items() if n >= 2})


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """First word (article-stripped) -> [(words, canonical, type)], longest first; no NISBA rows."""
    index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for variant, canonical, kind in lexicons.aliases():
        if kind == "NISBA":
            continue
        words = tuple(variant.split())
        index.setdefault(strip_article(words[0]), []).append((words, canonical, kind))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


def _first_word_forms(key: str) -> set[str]:
    trimmed = key[clitic_length(key):]
    forms = {key, trimmed, strip_article(trimmed)}
    if key.startswith("لل"):
        forms.add("ال" + key[2:])
    return forms


def alias_matches(keys: list[str]) -> list[tuple[int, int, str, str]]:
    """(start, end, type, canonical) of alias-table names in a sentence, longest match first."""
    found: list[tuple[int, int, str, str]] = []
    i = 0
    while i < len(keys):
        match = _alias_at(keys, i)
        if match:
            found.append(match)
            i = match[1]
        else:
            i += 1
    return found


def _alias_at(keys: list[str], i: int) -> tuple[int, int, str, str] | None:
    forms = _first_word_forms(keys[i])
    index = _alias_index()
    for form in {strip_article(f) for f in forms}:
        for words, canonical, kind in index.get(form, []):
            n = len(words)
            if i + n <= len(keys) and _first_matches(words[0], forms) and list(words[1:]) == keys[i + 1 : i + n]:
                return i, i + n, kind, canonical
    return None


def _first_matches(word: str, forms: set[str]) -> bool:
    return word in forms or strip_article(word) in forms and not word.startswith("ال")


@lru_cache(maxsize=1)
def nisba_words() -> dict[str, str]:
    """Nisba adjective -> the place it stands for (الروسية -> روسيا)."""
    return {v: c for v, c, kind in lexicons.aliases() if kind == "NISBA"}


# Prepositions do not occur inside the organisation names of news text (a CRF span that reaches one has
# run on into the sentence: «تنظيم الدولة في سوريا»). Names that do hold one (rare) come from the alias
# table, which is matched separately.
SPAN_BREAKERS = frozenset({"في", "علي", "من", "الي", "عن", "منذ", "حول", "ضد", "خلال", "بعد", "قبل"})


def cut_at_preposition(keys: list[str], start: int, end: int) -> int:
    """End of an ORG/MISC span cut before the first preposition after its first two words."""
    for i in range(start + 2, end):
        if keys[i] in SPAN_BREAKERS:
            return i
    return end


def nisba_extension(keys: list[str], end: int) -> int:
    """End index after absorbing nisba adjectives that follow a mention (وزارة الدفاع + الروسية)."""
    while end < len(keys) and keys[end] in nisba_words():
        end += 1
    return end


def generic_org(keys: list[str], start: int) -> bool:
    """Whether an organisation name opens with a generic head («وزارة», «قوات», «الحكومة»), whose
    identity a following nisba gives (the Russian vs the Turkish defence ministry).

    A proper name («فيردر بريمن», «يديعوت أحرونوت») is not extended: ANERcorp train tags the nisba
    after such names outside the name 25 times out of 28, after generic heads inside 5 out of 8.
    """
    key = keys[start][clitic_length(keys[start]):]
    words = lexicons.title_words()
    return "org" in (words.get(key), words.get(strip_article(key)), words.get("ال" + key[2:] if key.startswith("لل") else ""))


def leading_titles(keys: list[str], start: int, end: int) -> int:
    """Start index after dropping title words the tagger put inside a mention."""
    words = lexicons.title_words()
    while start < end - 1 and words.get(keys[start]) in ("title", "role"):
        start += 1
    return start


def trailing_titles(keys: list[str], start: int, end: int) -> int:
    """End index after dropping title words that close a mention («وزارة الدفاع الروسية اللواء»)."""
    words = lexicons.title_words()
    while end > start + 1 and words.get(keys[end - 1]) == "title":
        end -= 1
    return end


def find_role(keys: list[str], start: int) -> tuple[int, int] | None:
    """Token span of the role phrase introducing the person whose name starts at ``start``.

    «المتحدث باسم وزارة الدفاع الروسية إيغور ...» -> the span of «المتحدث باسم وزارة الدفاع الروسية»;
    title words right before the name (الجنرال) are left out unless nothing else is found.
    """
    words = lexicons.title_words()
    end = start
    while end > 0 and words.get(keys[end - 1]) == "title":
        end -= 1
    best = None
    for i in range(end - 1, max(-1, end - 1 - ROLE_WINDOW), -1):
        if keys[i] in ROLE_BARRIERS or not keys[i][:1].isalpha() or words.get(keys[i]) == "speech":
            break
        if _role_starts(keys, i):
            best = i
    if best is not None:
        return best, end
    return (end, start) if end < start else None


def _role_starts(keys: list[str], i: int) -> bool:
    phrases = lexicons.titles()
    for n in (3, 2, 1):
        phrase = " ".join(keys[i : i + n])
        if phrases.get(phrase) == "role":
            return True
    return False


def find_role_after(keys: list[str], end: int, limit: int | None = None) -> tuple[int, int] | None:
    """Token span of a role phrase in apposition after a name ending at ``end``
    («أناتولي أنطونوف نائب وزير الدفاع الروسي أن ...»); it stops before ``limit`` (the next mention)."""
    limit = len(keys) if limit is None else min(limit, len(keys))
    start = end + 1 if end < limit and keys[end] == "،" else end
    if start >= limit or not _role_starts(keys, start):
        return None
    stop = start + 1
    while stop < min(limit, start + ROLE_WINDOW) and _role_word(keys[stop]) and keys[stop - 1] not in nisba_words():
        stop += 1  # a nisba closes the role: «نائب وزير الدفاع الروسي»
    return start, stop


def _role_word(key: str) -> bool:
    return key[:1].isalpha() and key not in ROLE_BARRIERS and lexicons.title_words().get(key) != "speech"


def plural_gentilic(key: str) -> bool:
    """«الأمريكيين», «السوريون»: a people, not a person."""
    return key.startswith("ال") and key.endswith(("يين", "يون"))


# Quotation marks around an outlet's name, and the most words such a name has.
OPEN_QUOTES = frozenset('"“«\'‘„')
CLOSE_QUOTES = frozenset('"”»\'’')
QUOTED_NAME_MAX = 6


def quoted_names(keys: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) of names in quotation marks right after a media noun: «موقع "بالينغ كات"»,
    «صحيفة "نيويورك تايمز"». The quotes make the words a name whatever they look like (a first letter
    that reads as a clitic, «بالينغ», stays: see ``stages``)."""
    heads = lexicons.media_heads()
    out = []
    for i in range(len(keys) - 2):
        head = _media_head(keys[i], heads)
        if head is None or keys[i + 1] not in OPEN_QUOTES:
            continue
        for j in range(i + 2, min(len(keys), i + 3 + QUOTED_NAME_MAX)):
            if keys[j] in CLOSE_QUOTES:
                if j > i + 2:
                    out.append((i + 2, j, head))
                break
    return out


def _media_head(key: str, heads: dict[str, str]) -> str | None:
    bare = key[clitic_length(key):]
    for form in (key, strip_article(key), bare, strip_article(bare)):
        if form in heads:
            return heads[form]
    return None


def trailing_verb(keys: list[str], start: int, end: int) -> int:
    """End index before imperfect plural verbs that close a span: «الدواعش يختبئون» ("ISIS men hide")."""
    while end > start + 1 and _plural_imperfect(keys[end - 1]):
        end -= 1
    return end


def name_particle_extension(keys: list[str], end: int) -> int:
    """End index of a person span that ends on a name particle, taking the word it governs: the CRF cut
    «مدير مستشفى الشفاء محمد أبو سلمية» at «محمد أبو» (the last name is also a town)."""
    if 0 < end < len(keys) and keys[end - 1] in NAME_PARTICLES and keys[end][:1].isalpha():
        return end + 1
    return end


def _plural_imperfect(key: str) -> bool:
    return len(key) >= 6 and key.startswith("ي") and key.endswith("ون")


def indefinite_description(keys: list[str], start: int, end: int) -> bool:
    """An indefinite head noun of organisations or places followed only by indefinite adjectives
    («بقاعدة عسكرية سورية», "at a Syrian military base") describes a thing; it does not name one."""
    if end - start < 2:
        return False
    key, words = keys[start], lexicons.title_words()
    heads = [key] + [key[n:] for n in (1, 2) if key[:n] in (*NAME_PROCLITICS, "ك", *NAME_PROCLITIC_PAIRS)]
    if not any(words.get(h) in ("org", "loc") for h in heads if not h.startswith("ال")):
        return False
    return all(not k.startswith("ال") and k.endswith(("ي", "يه")) for k in keys[start + 1 : end])


# Types whose spans a «و» + name word splits: in the training part of ANERcorp (first 90%) and AQMAR
# train, a person or place followed by «و» + a known name or «وال…» is a second entity 330 times and
# the same name's inside 17 times («البوسنة والهرسك»); organisations and MISC names hold «و» often
# («القرض العقاري والسياحي»), so they are left alone.
CONJUNCTION_SPLIT_TYPES = frozenset({"PER", "LOC"})


def split_at_conjunction(keys: list[str], start: int, end: int, kind: str) -> list[tuple[int, int]]:
    """Pieces of a span that runs over «و» into a second name: «غلوكسمان وبرنار هنري ليفي» -> two.

    A piece starts at a word «وال…» or «و» + a known name («وياسمين»); «وليد» (a name itself) stays."""
    if kind not in CONJUNCTION_SPLIT_TYPES:
        return [(start, end)]
    pieces, first = [], start
    for i in range(start + 1, end):
        key = keys[i]
        if key.startswith("و") and (key.startswith("وال") and len(key) > 4 or clitic_length(key) == 1):
            pieces.append((first, i))
            first = i
    return [*pieces, (first, end)]


@lru_cache(maxsize=1)
def country_nisbas() -> frozenset[str]:
    """Every nisba of the country table (``data/countries.tsv``), not only the rows the CRF's features
    and ``nisba_words`` read (those must stay as the model was trained), with and without the article."""
    words = {row.word for row in countries.country_words() if row.kind == "nisba"}
    return frozenset(words | {"ال" + w for w in words if not w.startswith("ال")})


def trailing_nisba(keys: list[str], start: int, end: int) -> int:
    """End index before a country nisba that closes a proper name without the article:
    «أرسنال الإنجليزي», «كاليفورنيا الأمريكية» (the club, the state), but not «الولايات المتحدة
    الأمريكية» nor a generic head («وزارة الدفاع الروسية», see ``generic_org``).

    In these conditions a nisba is outside the ORG/LOC name 55 times and inside 0 times in ANERcorp
    train (first 90%), outside 5 and inside 3 in AQMAR train («حكومة فيشي الفرنسية»); names with an
    article word keep it («الخطوط الجوية الإيرانية», «للمملكة المغربية»). Dev (full tagger): news
    +0.004, Wikipedia 0."""
    if end - start < 2 or keys[end - 1] not in country_nisbas() or generic_org(keys, start):
        return end
    first = keys[start][clitic_length(keys[start]):]
    if first.startswith("لل") or any(k.startswith("ال") for k in (first, *keys[start + 1 : end - 1])):
        return end
    return end - 1


EVENT_HEAD_MAX_WORDS = 3  # «بطولة دوري أبطال» + a place


def event_head_before(keys: list[str], start: int) -> int | None:
    """Start index of a competition or prize head right before a place name: «كأس» + «إسبانيا»,
    «بدوري أبطال» + «أوروبا» (the event is named after the place: MISC, the head included)."""
    heads = lexicons.event_heads()
    for n in range(min(EVENT_HEAD_MAX_WORDS, start), 0, -1):
        first = keys[start - n]
        for form in {first, first[1:] if first[:1] in (*NAME_PROCLITICS, "ك") else first}:
            if " ".join((strip_article(form), *keys[start - n + 1 : start])) in heads:
                return start - n
    return None


def leading_place_head(keys: list[str], start: int, end: int) -> int:
    """Start index after a head noun the place name does not include: «بمدينة الري» -> «الري»."""
    return _leading_head(keys, start, end, lexicons.place_heads())


def leading_org_head(keys: list[str], start: int, end: int) -> int:
    """Start index after a head noun the organisation's name does not include: «لشركة غازبروم»."""
    return _leading_head(keys, start, end, lexicons.org_heads_outside())


def _leading_head(keys: list[str], start: int, end: int, heads: frozenset[str]) -> int:
    if end - start < 2:
        return start
    key = keys[start]
    forms = {key, key[1:] if key[:1] in (*NAME_PROCLITICS, "ك") else key}
    return start + 1 if forms & heads else start


def head_adjective_orgs(keys: list[str]) -> list[tuple[int, int]]:
    """Token spans of «ال+head ال+adjective» organisation names («للبنك التجاري», «المنظمة العالمية»)."""
    heads, out = lexicons.org_adjective_heads(), []
    for i in range(len(keys) - 1):
        key = keys[i][clitic_length(keys[i]):]
        head = "ال" + key[2:] if key.startswith("لل") else key
        adjective = keys[i + 1]
        if head in heads and adjective.startswith("ال") and adjective.endswith(("ي", "يه")) and len(adjective) > 4:
            out.append((i, i + 2))
    return out


PROPAGATED_MIN_LETTERS = 4  # a one-word name shorter than this is not looked for behind a proclitic


def proclitic_before(key: str, known: Mapping[tuple[str, ...], str]) -> int:
    """Letters of a proclitic (و/ف/ب/ل, وب/ول/فب/فل) before a one-word name the document tagged
    elsewhere: «لستولمان» when «ستولمان» is a name of this document; 0 otherwise."""
    for n, clitics in ((1, NAME_PROCLITICS), (2, NAME_PROCLITIC_PAIRS)):
        rest = key[n:]
        if key[:n] in clitics and len(rest) >= PROPAGATED_MIN_LETTERS and (rest,) in known and (key,) not in known:
            return n
    return 0


def event_nisba_extension(keys: list[str], start: int, end: int) -> int:
    """End index of a competition name opening with its head, extended over a country nisba:
    «بطولة السوبر» + «الإسباني», «الدوري» + «الإسباني» (the Spanish league is the name). Such a nisba
    is inside the MISC name 7 times and outside 0 times in ANERcorp train (first 90%) + AQMAR train;
    dev (full tagger): Wikipedia 0.708 -> 0.716, news unchanged."""
    first = keys[start]
    forms = {first, first[1:] if first[:1] in (*NAME_PROCLITICS, "ك") else first}
    if not {strip_article(f) for f in forms} & lexicons.event_heads():
        return end
    while end < len(keys) and keys[end] in country_nisbas():
        end += 1
    return end


MATCH_SLOT_PREPOSITIONS = frozenset({"علي", "امام", "مع"})  # «تغلب على X», «خسر أمام X», «تعادل مع X»
MATCH_VERB_WINDOW = 4  # most tokens between a match verb and the preposition before the team


def _cue_forms(key: str) -> set[str]:
    forms = {key}
    if key[:1] in ("و", "ف", "ب", "ل", "ك") and len(key) > 3:
        forms.add(key[1:])
    return forms | {strip_article(f) for f in forms}


def sports_sentence(keys: list[str]) -> bool:
    """Whether a sentence reports a match: it holds a cue («مباراة», «هدف», «الدوري», «المدرب»), a
    match verb (``data/sports_words.tsv``) or a score («2 - 1», «1 - صفر»)."""
    words = lexicons.sports_words()
    if any(words.get(f) in ("cue", "verb") or _match_verb(f) for k in keys for f in _cue_forms(k)):
        return True
    return any(_score(keys[i]) and keys[i + 1] in SCORE_DASHES and _score(keys[i + 2]) for i in range(len(keys) - 2))


SCORE_DASHES = frozenset({"-", "–", "ـ", ":"})


def _score(key: str) -> bool:
    return key == "صفر" or key.isdigit() and len(key) <= 2


def _match_verb(key: str) -> bool:
    """«فاز», «وتغلب», «تغلبت», «يتغلب», «تعادلا»: a match verb in a past or imperfect form."""
    words = lexicons.sports_words()
    for form in {key, key[1:] if key[:1] in ("و", "ف") and len(key) > 3 else key}:  # «التعادل», «بتغلب»: nouns
        for stem in (form, form[:-1] if form.endswith(("ت", "ا")) else form, form[1:] if form[:1] in ("ي", "ت") else form):
            if words.get(stem) == "verb":
                return True
    return False


def match_team(keys: list[str], start: int) -> bool:
    """Whether the name starting at ``start`` stands where a match report puts a team: right after a
    match verb («تغلب برشلونة») or a host word («مضيفه ليون»), or after «على/أمام/مع» that follows a
    match verb closely («فاز ... على هامبورغ»). See ``data/sports_words.tsv`` for the train counts."""
    if start == 0:
        return False
    before = keys[start - 1]
    if _match_verb(before) or lexicons.sports_words().get(before[1:] if before[:1] in ("و", "ف") else before) == "host":
        return True
    if before not in MATCH_SLOT_PREPOSITIONS:
        return False
    return any(_match_verb(k) for k in keys[max(0, start - 1 - MATCH_VERB_WINDOW) : start - 1])


TEAM_HEADS = frozenset({"فريق", "نادي"})


def team_evidence(keys: list[str], start: int) -> bool:
    """Whether a name starting at ``start`` is shown to be a team: «فريق/نادي» before it, or a team's
    slot of a match report (``match_team``)."""
    before = keys[start - 1] if start else ""
    return bool(_cue_forms(before) & TEAM_HEADS) or match_team(keys, start)


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Country names of ``data/countries.tsv`` (national teams keep LOC, as ANERcorp tags them)."""
    words = countries.country_names()
    return frozenset(words | {strip_article(w) for w in words})


def country_name(keys: list[str], start: int, end: int) -> bool:
    """Whether a span names a country of the country table («البرتغال», «للبرتغال»)."""
    first = keys[start][clitic_length(keys[start]):]
    first = "ال" + first[2:] if first.startswith("لل") else first
    return " ".join((first, *keys[start + 1 : end])) in country_names() or " ".join((strip_article(first), *keys[start + 1 : end])) in country_names()


def club_nisba(keys: list[str], start: int, end: int) -> bool:
    """Whether a name without article words is followed by a country nisba («هامبورغ الألماني»): in a
    match sentence, a club with its country. Train (ANERcorp first 90% + AQMAR, gold spans of match
    sentences, country names left out): ORG 9, LOC 5, MISC 2 — weak; only LOC spans are retyped. Dev
    (full tagger, after the team rules): news 0.7455 -> 0.7466, Wikipedia unchanged."""
    return end < len(keys) and keys[end] in country_nisbas() and not any(k.startswith("ال") for k in keys[start:end])


COMPANY_HEADS = frozenset({"شركه", "شركتي", "شركات", "مجموعه"})


def _company_head(key: str) -> bool:
    bare = key[1:] if key[:1] in (*NAME_PROCLITICS, "ك") else key
    return any(strip_article(f) in COMPANY_HEADS or f.startswith("لل") and f[2:] in COMPANY_HEADS for f in (key, bare))


def _foreign_name(key: str) -> bool:
    """A word the cluster table does not know (a rare word: a transliterated name) or a WikiFANE
    organisation token, without the article, a proclitic or an adjective ending."""
    clusters = lexicons.word_clusters()
    if not key[:1].isalpha() or key.startswith(("ال", "لل")) or key.endswith(("يه", "ي", "ين", "ات", "ه", "ها", "هم")):
        return False
    if key[:1] in (*NAME_PROCLITICS, "ك") and (key[1:] in clusters or key[1:].startswith("ال")):
        return False  # «وتقديم», «بالجدول»: a proclitic before a known word
    return key not in clusters or lexicons.wiki_tokens().get(key) == "ORG"


def company_names(keys: list[str]) -> list[tuple[int, int]]:
    """Token spans of foreign company names after «شركة/شركتي/مجموعة»: «شركة زيروكس», «شركتي تويوتا»
    (up to three such words). Train (ANERcorp first 90% + AQMAR): the span is an ORG 9 times (7
    exactly, 2 a part of a longer name), outside any name once («مجموعة صندوق»). Dev (full tagger): news 0.7466 -> 0.7473,
    Wikipedia unchanged; retyping a PER/LOC span on the same words changed nothing."""
    out = []
    for i in range(len(keys) - 1):
        if not _company_head(keys[i]) or not _foreign_name(keys[i + 1]):
            continue
        end = i + 2
        while end < len(keys) and _foreign_name(keys[end]) and end - i <= 3:
            end += 1
        out.append((i + 1, end))
    return out


def team_after_head(keys: list[str]) -> list[int]:
    """Indices of one-word team names in a match sentence after «فريق/نادي», a host word or in a team's
    slot (``match_team``): «فريق العربي», «منافسه الشمال», «تغلب على الخور» (a definite word that is no
    nisba adjective nor a country, or a rare foreign word). Train (ANERcorp first 90% + AQMAR): after
    the heads and host words the word starts an ORG 14 times, a MISC once, no name twice; with the
    verb slots ORG 20, LOC 1, MISC 1, no name 7 («العدو», «الفيلم»). Dev (full tagger): heads and
    hosts news 0.7473 -> 0.7509, Wikipedia 0.7164 -> 0.7160 (one «فريق الهجوم»); with the verb slots
    news 0.7503, Wikipedia 0.7195 (kept: an added span pays when its precision is over F1 / 2); with
    verbal nouns («التعادل», «بتغلب») no longer taken for verbs, news 0.7553 (after ``quoted``)."""
    if not sports_sentence(keys):
        return []
    out = []
    for i in range(1, len(keys)):
        before, key = keys[i - 1], keys[i]
        head = bool(_cue_forms(before) & TEAM_HEADS) and not before.startswith(("ال", "وال", "بال", "لل"))
        host = lexicons.sports_words().get(before[1:] if before[:1] in ("و", "ف") else before) == "host"
        if not (head or host or match_team(keys, i)) or key.endswith(("ي", "يه", "ين", "ون")) or key in lexicons.title_words():
            continue
        if country_name(keys, i, i + 1):
            continue
        if key.startswith("ال") and len(key) > 4 or _foreign_name(key):
            out.append(i)
    return out


# The most tokens a quoted model number adds after the name: «"سو 24 أم"», «"ساب 9 - 5"».
MODEL_TAIL_MAX = 4
MODEL_JOINERS = frozenset("-ـ/.")


def quoted_model_number(keys: list[str], start: int, end: int) -> int:
    """The new end of a name that opens a quotation and is followed, up to the closing mark, only by a
    model number and its letters («"سو 24 أم"», «« اف ـ 16 »», «"ساب 9-5"»): the quoted whole is the name.
    Train (ANERcorp + AQMAR, a MISC/ORG name opening a quotation, then digits before the close): the
    number is inside the gold name 11 times («كي جي 320», «تي في 5», «روفر 25»), outside 1 («يو 239»)."""
    if start == 0 or keys[start - 1] not in OPEN_QUOTES:
        return end
    digits = False
    for j in range(end, min(len(keys), end + MODEL_TAIL_MAX + 1)):
        key = keys[j]
        if key in CLOSE_QUOTES:
            return j if digits else end
        if key.isdigit():
            digits = True
        elif not (not key or key in MODEL_JOINERS or len(key) <= 2 and key.isalpha()):  # «ـ» keys to ""
            return end
    return end


def quoted(keys: list[str], start: int, end: int) -> bool:
    """Whether a span stands alone in quotation marks: «" الشرق الأوسط "», a newspaper's credit. A place
    so quoted is an organisation (a newspaper, a company): quoted names in ANERcorp train (first 90%)
    + AQMAR train are ORG 120 times, LOC 15 (MISC 136, PER 50: left alone). Dev (full tagger, LOC ->
    ORG): news 0.7503 -> 0.7546, Wikipedia unchanged."""
    return start > 0 and end < len(keys) and keys[start - 1] in OPEN_QUOTES and keys[end] in CLOSE_QUOTES
