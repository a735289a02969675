"""Names in speaker phrases: the ``Speaker`` record, telling a name word from a title, adjective or object
(``_name_like``, ``_name_run``, ``closing_name``), names found before or after a role phrase and set off by commas
(``name_at_end``, ``name_after_role``, ``apposed_name``), hyphen-joined names and their spans, two people read as one
pair speaker («أحمد علي ونظيره الفرنسي جان دوبوا») and comparing names (``same_name``, ``name_words``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from marsad.quotes.lexicon import (
    DATA,
    Cue,
    bare_openers,
    cues,
    outlet_names_by_first_word,
    read_rows,
    title_adjectives,
)
from marsad.quotes.tokens import Tok, cue_of, is_boundary, word_kind, word_kind_of
from marsad.text.countries import country_names, nisba_words, place_names
from marsad.text.normalize import match_key, skeleton
from marsad.text.tokens import NAME_PARTICLES

MAX_NAME_WORDS = 5  # «حمد بن عيسى آل خليفة»


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    kind: str  # PER | ORG | ROLE | NAME (a one-word name of unknown type)
    role: str = ""
    start: int = -1
    end: int = -1
    via: tuple[str, ...] = field(default=())


QUOTE_MARKS = "\"«»“”'"


NAME_NOT_A_WORD = frozenset({"ان", "انه", "انها"})


# Honorifics and ranks directly before a name: they do not introduce another person («... باليمن الدكتور فارس السقاف»).
TITLES = frozenset({"الدكتور", "الدكتوره", "السيد", "السيده", "الشيخ", "الاستاذ", "المهندس", "اللواء", "العقيد",
                    "العميد", "الجنرال", "الفريق", "المشير", "الامير", "الاميره",
                    "معالي", "فخامه", "سعاده", "المهندسه",  # Gulf wires: «وقال معالي الدكتور X» (quotes_dev15)
                    "الطبيب", "الطبيبه", "الصحفي", "الصحفيه", "الصحافي", "الصحافيه", "الناشط", "الناشطه", "المحامي",
                    "المحاميه",  # professions written right before a name: «الطبيب علي موسى مدير مستشفى ...»
                    "الحاج", "الحاجه"})  # «أما الحاج رجب، صاحب مخبز ...» (quotes_dev44)


def _quoted_name_end(toks: list[Tok], n: int) -> int:
    """Index after a short quoted name starting at mark n («صحيفة "واشنطن بوست"»), or n when none."""
    for k in range(n + 1, min(len(toks), n + MAX_NAME_WORDS + 2)):
        if toks[k].text in QUOTE_MARKS:
            return k + 1 if k > n + 1 else n
        if not toks[k].is_word:
            return n
    return n


ADVERBS = frozenset({"مجددا", "مرارا", "مؤخرا", "مسبقا", "مطولا", "مجدداً", "سابقا", "ايضا", "كذلك", "اليوم", "امس",
                     "ردا", "تعليقا"})  # «قالت الناطقة باسم ... ردا على تصريح»


def adverbial(tok: Tok) -> bool:
    """«متمنيا», «مجددا», «مؤخرا»: an indefinite accusative م-word after a verb is a circumstance, not a
    speaker."""
    key = tok.key
    return tok.is_word and not tok.definite and len(key) >= 5 and key[0] == "م" and key.endswith("ا") \
        and not key.endswith("نا") \
        and not word_kind(tok)


def masdar_pattern(stem: str, before_preposition: bool = False) -> bool:
    """Verbal-noun patterns of the derived forms: افتعال، انفعال، استفعال، تفعيل; فعول (a plural pattern too:
    «الشهود») only when its preposition follows («العثور على»). Not إفعال: unvocalised it is the plural أفعال
    («الالغام», «الانباء»)."""
    n = len(stem)
    return (n == 6 and stem[0] == "ا" and stem[2] == "ت" and stem[4] == "ا") \
        or (n == 6 and stem.startswith("ان") and stem[4] == "ا") \
        or (n == 7 and stem.startswith("است") and stem[5] == "ا") \
        or (n == 5 and stem[0] == "ت" and stem[3] == "ي") \
        or (before_preposition and n == 4 and stem[2] == "و")


def _verb_cue(tok: Tok) -> bool:
    from marsad.quotes.tokens import cue_of

    cue = cue_of(tok)
    return cue is not None and cue.pos in ("past", "present")


def _named_after_title(tok: Tok, prev: Tok | None) -> bool:
    """«البرتغالي روي ألميدا», «المدرب روي»: a verb-shaped word without و/ف opening a run or right after a title or a
    nationality adjective is a given name («روي», Rui), not «روى» (narrated); only for verbs that need a clause."""
    cue = cue_of(tok)
    return cue is not None and cue.needs == "clause" and tok.key == tok.bare and (prev is None or (
        prev.definite and (word_kind(prev) == "role" or prev.key in TITLES or nisba(prev))))


def purpose_cue(tok: Tok) -> Cue | None:
    """The present reporting verb of «ليؤكد», «لتقول» (ل of purpose + a listed present form), else None."""
    cue = cues().get(tok.key[1:]) if tok.key.startswith("ل") and len(tok.key) > 3 else None
    return cue if cue is not None and cue.pos == "present" else None


def _purpose_verb(tok: Tok) -> bool:
    """«وعاد المتحدث المصري ليؤكد»: ل + a present reporting verb is never a name."""
    return purpose_cue(tok) is not None


def name_at_end(text: str, toks: list[Tok]) -> Speaker | None:
    """A name of two words or more closing a region («... في الصومال محمد محمود إن»)."""
    k = len(toks)
    while k > 0 and _name_like(toks[k - 1], toks[k - 2] if k > 1 else None) and len(toks) - k < MAX_NAME_WORDS:
        k -= 1
    run = toks[k:]
    if k < len(toks) and glued_outlet(toks, k):
        return None  # «... في حديثه لبي بي سي»: the outlet told closes the region, no name
    if len(run) < 2 or word_kind(run[0]) == "place" or (k and word_kind(toks[k - 1]) in ("org", "place")
                                                       and not toks[k - 1].definite):
        return None  # «... في مدينة بندر عباس»: the name of a place or organisation, not a person
    if any(t.is_word and (_prepositional_object(t.key) or addressee_word(t)) for t in toks[:k]):
        return None  # «وأشاد المدرب بأداء الحارس عمر يوسف», «لنظيره الروسي X»: a name in an object is not the subject
    return Speaker(_span(text, run), "PER", "", run[0].start, run[-1].end)


@lru_cache(maxsize=1)
def female_names() -> frozenset[str]:
    """Normalised female given names (``data/speaker_gender.tsv``)."""
    return frozenset(match_key(row[0]) for row in read_rows(DATA / "speaker_gender.tsv") if row[1] == "f")


def addressee_word(tok: Tok) -> bool:
    """«لنظيره», «لزوجته»: ل + a word of kinship or counterpart, the one spoken to (the name after it is not the speaker)."""
    return tok.key.startswith("ل") and tok.key[1:] in RELATION_WORDS


def closing_name(toks: list[Tok]) -> list[Tok]:
    """The longest suffix of the phrase that is one name of two words or more («... أيمن الظواهري»)."""
    best: list[Tok] = []
    for start in range(len(toks) - 2, max(-1, len(toks) - MAX_NAME_WORDS - 1), -1):
        tail = toks[start:]
        if _name_run(tail) == (0, len(tail)):
            best = tail
    return best


PLACE_PREPOSITIONS = frozenset({"لدي", "في"})  # «سفير ... لدى باكستان», «مراسلنا في بيروت» before a name


NAME_AFTER_ROLE_WINDOW = 8  # tokens after a role phrase searched for the holder's name (ANERcorp dev set)


LATIN_BRAND_WORDS = frozenset({"عربيه", "عربي", "العربيه", "نيوز"})  # «DW عربية», «BBC عربي», «CNN بالعربية»


def glued_outlet(region: list[Tok], n: int) -> int:
    """Words of a named outlet (data/outlet_names.tsv) whose first word is glued to a single ل at token n and which
    closes the phrase (the region ends, or punctuation or a preposition follows): «لبي بي سي», «ليورونيوز»; 0 when none."""
    tok = region[n]
    if not tok.key.startswith("ل") or tok.key.startswith("لل") or len(tok.key) < 3:
        return 0
    if tok.key[1:].isascii() and tok.key[1:].isalpha():  # «لـDW عربية», «لـCNN»: a Latin brand glued to «لـ»
        brand = n + 1 < len(region) and region[n + 1].key in LATIN_BRAND_WORDS
        end = n + 1 + brand
        return end - n if end >= len(region) or is_boundary(region[end]) else 0
    candidates = outlet_names_by_first_word().get(tok.key[1:])
    if not candidates:
        return 0
    keys = [tok.key[1:], *(t.key for t in region[n + 1 : n + max(len(c) for c in candidates)])]
    for name in candidates:
        end = n + len(name)
        if tuple(keys[: len(name)]) == name and (end >= len(region) or is_boundary(region[end])):
            return len(name)
    return 0


def name_after_role(text: str, toks: list[Tok]) -> Speaker | None:
    """The last name of two words or more in the few tokens after a role phrase, before punctuation or
    a quotation («مندوب فرنسا لدى الأمم المتحدة جان مارك دو لا سابليير», «السفير الاميركي في الامم
    المتحدة جون بولتون لشبكة ...»)."""
    window: list[Tok] = []
    after_quote: set[int] = set()  # window indices right after a quoted company name
    skip_to = 0
    for n, tok in enumerate(toks[:NAME_AFTER_ROLE_WINDOW + MAX_NAME_WORDS]):
        if n < skip_to:
            continue
        if len(window) >= NAME_AFTER_ROLE_WINDOW:
            break
        if window and tok.text in QUOTE_MARKS and organisation_word(window[-1]) and _quoted_name_end(toks, n) > n:
            skip_to = _quoted_name_end(toks, n)  # «في شركة «الراجحي المالية» مازن الشهري»: the company's name
            after_quote.add(len(window))
            continue
        if not tok.is_word or tok.key in NAME_NOT_A_WORD or (word_kind(tok) == "role" and tok.key not in TITLES):
            break  # «... خلال اجتماعه مع الرئيس الروسي فلاديمير بوتين»: another role, another person
        if addressee_word(tok):
            break  # «وقال وزير الخارجية لنظيره الروسي X»: the one spoken to, not the holder
        if glued_outlet(toks, n):
            break  # «المسؤول الأممي في حديثه لبي بي سي»: the outlet told, no holder's name
        if word_kind(tok) == "relative":
            break  # «وزير الزراعة بالجهود التي تبذلها دولة الإمارات»: a relative clause, no holder's name in it
        if _prepositional_object(tok.key):
            break  # «مصطفى عبد الله بفوز عبد الفتاح»: the verb's object starts, its names are not the holder
        window.append(tok)
    best: tuple[int, int] | None = None
    i = 0
    while i < len(window):
        j = i
        if _name_like(window[i], window[i - 1] if i else None) and not is_boundary(window[i]):
            j = i + 1
            while j < len(window) and _in_name(window, j, i) and not is_boundary(window[j]):
                j += 1
        after_boundary = bool(i) and word_kind(window[i - 1]) == "boundary"
        if j - i >= 2 and i in after_quote:
            best = (i, j)  # the holder after the quoted name of the company that the title names
        elif j - i >= 2 and (word_kind(window[i]) == "place"
                           or (i and word_kind(window[i - 1]) in ("org", "place") and not window[i - 1].definite)
                           or (i and window[i - 1].key[:1] in "بل" and organisation_word(window[i - 1])
                               and not window[i - 1].key[1:].startswith("ال"))):
            pass  # «بجامعة عمر المختار»: an indefinite organisation word's genitive (not «بالنادي جاسم الهاجري»);
            # «منسق الطوارئ في منظمة أطباء بلا حدود في إب مارك بونسان», «في مدينة مشهد»: the organisation's or place's name
        elif j - i >= 2 and not after_boundary:
            best = (i, j)  # not right after a boundary word: «في مؤتمر صحفي عقده» names no one
        elif j - i >= 3 and after_boundary and window[i - 1].bare in PLACE_PREPOSITIONS:
            best = (i + 1, j)  # «سفير الأردن لدى باكستان سالم زعيف»: the place is the preposition's, the name follows
        i = max(j, i + 1)
    if best is None:
        return None
    run = window[best[0] : best[1]]
    return Speaker(_span(text, run), "PER", "", run[0].start, run[-1].end)


def organisation_word(tok: Tok) -> bool:
    """«شركة», «لشركة», «بمجموعة»: an organisation head, bare or behind the preposition ل/ب."""
    if word_kind(tok) == "org":
        return True
    return tok.is_word and len(tok.key) > 3 and tok.key[0] in "لب" and word_kind_of(tok.key[1:]) == "org"


def closes_phrase(toks: list[Tok], k: int) -> bool:
    """Nothing but punctuation, a time word or an addressee («لشبكة ...») after index k: a name at k closes
    the speaker phrase («... في الصومال محمد محمود إن»), unlike «في مؤتمر صحفي عقده في العاصمة إن»."""
    return k >= len(toks) or not toks[k].is_word or toks[k].key in ADVERBS or toks[k].key.startswith("ل") \
        or toks[k].key in NAME_NOT_A_WORD


def apposed_run(toks: list[Tok], k: int) -> int:
    """Length of a name of two words or more (an honorific before it allowed: «المحامي نزيه خوري») starting at k and
    closed by a comma, a mark or the end of the tokens: the holder a comma sets off after a title («عضو المجلس البلدي،
    سالم ...، إن»); 0 when none (ANERcorp train: 3 such names after a title, news copy of Libya, Egypt and Lebanon
    writes it constantly: quotes_dev8)."""
    m = k
    while m < len(toks) and (toks[m].is_word or hyphen_joined(toks, m)) and m - k <= MAX_NAME_WORDS:
        m += 1
    if m < len(toks) and toks[m].is_word:
        return 0
    run = [t for t in toks[k:m] if t.is_word]  # «نكويتا-سلامي»: the glued hyphen is no word of the name
    name = run[title_prefix(run) :]
    whole = _name_run(name) == (0, len(name)) or (  # «، الياباني تاكاشي ميورا،»: a foreign surname of an adverb's shape
        len(name) >= 2 and adverbial(name[-1]) and _name_run(name[:-1]) == (0, len(name) - 1))
    return m - k if 2 <= len(name) <= MAX_NAME_WORDS and whole else 0


def title_prefix(run: list[Tok], after_title: bool = False) -> int:
    """Number of words of an honorific or title opening a name set off by commas: «المحامي», «الإسباني», a definite
    title with its adjectives («النائب السابق», «الوزير الأسبق», data/title_adjectives.tsv). ``after_title``: the run
    follows a title already («منسقتها العامة ريما صليبا»), so it may open with the adjectives alone."""
    if not after_title and (not run or not (run[0].key in TITLES or (run[0].definite and word_kind(run[0]) == "role")
                                            or nisba(run[0]))):
        return 0
    n = 0 if after_title else 1
    while n < len(run) and (run[n].key in TITLES or (run[n].definite and (
            word_kind(run[n]) == "role" or run[n].bare[2:] in title_adjectives() or nisba(run[n])))):
        n += 1
    return n


def nisba(tok: Tok) -> bool:
    """«الإسباني», «البرازيلية»: a definite adjective of relation (a nationality) that is no listed word, the title a
    sports or business page sets between commas before a coach's or manager's name («مدرب الدحيل، الإسباني X،»)."""
    return tok.is_word and tok.definite and not word_kind(tok) and _is_adjective(tok.key, True)


def nisba_apposition(text: str, after: list[Tok]) -> Speaker | None:
    """«، الإسباني كارلوس مارتينيز، ...» right after a role phrase: the name set off by commas behind a nationality
    adjective holds the role («وقال مدرب أوراوا، الياباني هيروشي تاناكا، إن»); None otherwise."""
    if len(after) < 4 or after[0].text not in "،," or not nisba(after[1]):
        return None
    size = apposed_run(after, 1)
    if size < 3:
        return None
    run = after[2 : 1 + size]
    return Speaker(_span(text, run), "PER", "", run[0].start, run[-1].end)


def apposed_name(text: str, toks: list[Tok]) -> Speaker | None:
    """«زعيم الغالبية ... في مجلس الشيوخ، بيل فريست، انه», «وكيل الدفاع عن ...، المحامي نزيه خوري، أن»: a name of two
    words or more set off by the first comma after a role phrase, or closing the region after a comma."""
    commas = [k for k, t in enumerate(toks) if t.text in "،,"]
    size = apposed_run(toks, commas[0] + 1) if commas else 0
    if size:
        run = toks[commas[0] + 1 : commas[0] + 1 + size]
        words = [t for t in run if t.is_word]
        run = run[title_prefix(words) :] if len(words) > 2 and _name_run(words) != (0, len(words)) else run
        return Speaker(_span(text, run), "PER", "", run[0].start, run[-1].end)
    end = len(toks)
    while end > 0 and not toks[end - 1].is_word:
        end -= 1
    start = end
    while start > 0 and toks[start - 1].is_word:
        start -= 1
    run = toks[start:end]
    if start == 0 or toks[start - 1].text not in "،," or not 2 <= len(run) <= MAX_NAME_WORDS \
            or _name_run(run) != (0, len(run)):
        return None
    return Speaker(_span(text, run), "PER", "", run[0].start, run[-1].end)


# Words opening a time clause («عندما يقول انه», «حين قال»): the clause's verb has its subject after it or none.
SUBORDINATORS = frozenset({"حين", "حينما", "عندما", "لما", "بعدما", "اذ"})


def _is_adjective(key: str, definite: bool) -> bool:
    """Relation adjectives (الروسي، الروسية، صحافية) are never names; «أناتولي» or «روسيا» may be."""
    if definite:
        return len(key) > 4 and key.endswith(("ي", "يه", "يون", "يين"))
    return len(key) > 4 and key.endswith(("يه", "يون", "يين"))


PRONOUN_SUFFIXES = ("ها", "هم", "هما")


def possessed(tok: Tok) -> bool:
    """«ثقتها», «عزمها», «تبذلها»: a word of five letters or more ending in a plural or feminine pronoun suffix; never a
    word with the article, which takes no such suffix («المتهم», «المفاهيم»)."""
    return len(tok.key) > 4 and tok.key.endswith(PRONOUN_SUFFIXES) and not tok.definite


def _name_like(tok: Tok, prev: Tok | None) -> bool:
    if not tok.is_word or not tok.key or word_kind(tok) not in ("", "place") or _prepositional(tok.key) or adverbial(tok) \
            or tok.key in bare_openers() or tok.key in SUBORDINATORS:  # «الشيخ ليت الناس ...», «عندما»: no name
        return False  # a place head may open a name («محافظة صلاح الدين أحمد ناجي جبارة»); only the holder search skips it
    if prev is not None and prev.is_word and not prev.definite and not tok.definite and tok.key in nisba_words() \
            and (prev.key.endswith("ي") or word_kind(prev) in ("role", "org")):
        return False  # «مسؤول عسكري إسرائيلي»: a country's adjective after an adjective or title (not «ماركو روسي»)
    if prev is not None and prev.key.isdigit():
        return False  # «البالغة العمر 26 عاما»: a counted noun, no name
    if prev is not None and prev.key in NAME_PARTICLES:
        return True  # «محمد أبو سلمية», «أم كلثوم»: a particle takes the word it governs, whatever its shape
    if prev is not None and tok.key == "عام" and word_kind(prev) == "role":
        return False  # «مدير عام الجمارك», «أمين عام الحزب»: «general» closes the title (ANERcorp train: مدير عام 3)
    if prev is not None and prev.definite and not word_kind(prev) and not _is_adjective(prev.key, True) \
            and tok.key.startswith("ل") and len(tok.key) > 4:
        return False  # «مقر التنسيق لشؤون أسرى الحرب»: ل after a definite noun opens its complement, no name
    if prev is not None and prev.bare in ("قد", "لقد"):
        return False  # «وقد سجل صاحب السمو»: a verb after «قد» (ANERcorp train: 0 of 446 words after it in a name)
    if tok.key[:1] in "بلو" and tok.key[1:] in country_names():
        return False  # «واعتذر الرئيس السابق لمصر وإيران»: a country with a preposition or «و» (ANERcorp train: 1 of 277 a person)
    if (_verb_cue(tok) and not _named_after_title(tok, prev)) or _purpose_verb(tok):
        return False  # «من ناحيته أشاد وزير ...»: a reporting verb (ANERcorp train: 6 of 1,796 in a name, all «طالب»)
    if possessed(tok):
        return False  # «تبذلها», «نتائجها»: a verb or noun with a pronoun suffix (ANERcorp train: 0 of 2,414 in a name)
    if _prepositional_object(tok.key):
        return False  # «تروتنيف بوقف مشروع», «الجبوري تنظيم القاعدة بعدم التمييز»: a ب/ل-phrase, no name
    if len(tok.key) > 3 and tok.key[0] in "بل" and word_kind_of(tok.key[1:]) in ("org", "role"):
        return False  # «السفير الأميركي بمجلس الأمن», «لوزارة الخارجية»: a ب/ل-phrase of an institution, no name
    if prev is not None and prev.is_word and not word_kind(prev) and faa_il_an(tok.key):
        return False  # «جمال ناصر البدر شارحا امتناعه»: a participle after a name  # «بالقاهرة», «للصحفيين»: a preposition with the article
    if prev is not None and prev.definite and word_kind(prev) != "role" and not tok.definite \
            and masdar_pattern(tok.key):
        return False  # «السفير الأميركي بمجلس الأمن اقتراح أنان»: a verbal noun after a definite word opens an object
    key = tok.bare if tok.definite else tok.key
    if prev is not None and word_kind(prev) in ("role", "org") and not prev.definite \
            and key.endswith("ي"):
        return False  # «مسؤول سعودي», «مصدر عسكري»: an adjective after an indefinite noun
    if prev is not None and prev.is_word and not prev.definite and not tok.definite and key in title_adjectives() \
            and (word_kind(prev) in ("role", "org") or prev.key.endswith("ي")):
        return False  # «مسؤول آخر», «دبلوماسي غربي بارز»: the adjective of an unnamed title, no name
    if not tok.definite and key.endswith("يه") and not masdar_pattern(key) \
            and (prev is None or prev.definite or not prev.is_word):
        return True  # «المدرب جوزيه مورينيو», «أندريه لوكاس»: no indefinite adjective follows a definite noun
    return not tok.definite and not _is_adjective(key, tok.definite) and not key.isdigit()


def participle_shaped_surname(run: list[Tok]) -> bool:
    """«، بريا شارما،»: a name set off by commas whose last word has the shape of a فاعلا participle. Between two commas
    it is the name's (a participle of manner after a name is set off on its own: «، مبتسما،»)."""
    last = run[-1]
    return len(run) >= 2 and faa_il_an(last.key) and not last.definite and not word_kind(last) \
        and _name_run(run[:-1]) == (0, len(run) - 1)


def _prepositional_object(key: str) -> bool:
    """ب/ل + a listed verbal noun («بوقف», «بعدم», «لوقف»): the complement of a verb, never part of a name."""
    return len(key) > 3 and key[0] in "بل" and word_kind_of(key[1:]) == "object"


def faa_il_an(key: str) -> bool:
    """The accusative active participle فاعلًا («شارحا», «طالبا»)."""
    return len(key) == 5 and key[1] == "ا" and key.endswith("ا")


def _prepositional(key: str) -> bool:
    """«بالقاهرة», «للصحفيين»: a preposition with the article; «بالاك» (five letters) is a name."""
    return (key.startswith("لل") and len(key) > 4) or (key.startswith("بال") and len(key) > 5)


def _passive_participle(key: str) -> bool:
    """«الموجود», «المعروف»: an adjective of the مفعول pattern after a name, not a family name."""
    return len(key) == 7 and key.startswith("الم") and key[5] == "و" and not key.endswith("ي")  # not «الموسوي»


def _in_name(toks: list[Tok], k: int, i: int) -> bool:
    """Token k continues a name that started at i: a name-like word, or an «ال» word that is not a role,
    organisation or time word (family names: «سامي الخطيب», «عبد الرحمن مودي»)."""
    tok = toks[k]
    if k - i >= MAX_NAME_WORDS:
        return False
    if k - i >= 2 and faa_il_an(tok.key):
        return False  # «جمال ناصر البدر شارحا»: a فاعلا participle after the name
    if _name_like(tok, toks[k - 1] if k else None):
        return True
    if k == i + 1 and tok.is_word and not tok.definite and word_kind(tok) == "role" and tok.key in ROLE_GIVEN_NAMES \
            and k + 1 < len(toks) and toks[k + 1].is_word and not toks[k + 1].definite and _name_like(toks[k + 1], None):
        return True  # «محمد أمين بلقاسم»: a title word inside a name, between two names
    if k == i or not tok.is_word or not tok.definite or word_kind(tok) or _passive_participle(tok.key):
        return False
    if tok.key in place_names():
        return False  # «الباحث في جامعة القاهرة حسن نافعة»: a city closes the institution's name, no family name
    if _is_adjective(tok.key, True) and k + 1 < len(toks) and _name_like(toks[k + 1], tok):
        return False  # «مانشستر يونايتد الإنجليزي أليكس فيرغوسن»: the adjective closes one name, another starts
    if k == i + 1 and tok.key.endswith("ي"):
        return True  # «خليل الدليمي رئيس فريق الدفاع»: a family name right after the first name
    return not (k + 1 < len(toks) and word_kind(toks[k + 1]) in ("role", "org"))


# Title words that are also given names inside a name («محمد أمين بلقاسم», «أحمد أمير حسن»): only these.
ROLE_GIVEN_NAMES = frozenset({"امين", "امير"})


# Titles that are also family names after a first name («طارق السيد», «أحمد الشيخ»).
FAMILY_TITLES = frozenset({"السيد", "الشيخ", "الامير"})


def _family_name(toks: list[Tok], j: int) -> bool:
    """A plain word with the article right after an honorific and a first name, then a title: the family name
    («المهندس مصطفي الاحول رئيس مجلس ...»; not the object in «شرح السيد قو المشروع الجديد»)."""
    tok = toks[j]
    return tok.is_word and tok.definite and not word_kind(tok) and not _is_adjective(tok.key, True) \
        and tok.key not in place_names() and j + 1 < len(toks) and word_kind(toks[j + 1]) in ("role", "org")


def _name_run(toks: list[Tok]) -> tuple[int, int]:
    """(i, j) of the name in a speaker phrase: the run at its start when it opens with a name
    («ألونسو متسابق فريق رينو»), the last run of two words or more after a title («مدرب نادي مانشستر
    يونايتد الإنجليزي أليكس فيرغوسن»), else the longest run; (0, 0) when none."""
    best = (0, 0)
    last_pair = (0, 0)
    titled = bool(toks) and word_kind(toks[0]) == "role"
    if len(toks) > 2 and toks[0].key in TITLES:  # «الدكتور برادران رفيعي مساعد آية الله طبسي»: the name after the title
        j = 1
        while j < len(toks) and (_name_like(toks[j], toks[j - 1]) if j == 1 else _in_name(toks, j, 1)
                                 or (j == 2 and _family_name(toks, j))  # «المهندس مصطفي الاحول رئيس ...»
                                 or (j == 2 and toks[j].key in FAMILY_TITLES  # «المهندس طارق السيد، رئيس ...»
                                     and (j + 1 >= len(toks) or not _name_like(toks[j + 1], toks[j])))):
            j += 1
        if j - 1 >= 2:
            return (1, j)
    i = 0
    while i < len(toks):
        j = i
        prepositional = toks[i].key.startswith("ل") and i + 1 < len(toks) and toks[i + 1].definite  # «لكرة القدم»
        prepositional = prepositional or _construct_genitive(toks, i)  # «أستاذ علم الاجتماع»
        while not prepositional and j < len(toks) and (
                _name_like(toks[j], toks[j - 1] if j else None) if j == i else _in_name(toks, j, i)
                or (j == len(toks) - 1 and j - i == 1 and toks[j].key in FAMILY_TITLES)):  # «مازن الشيخ»: a family name
            j += 1
        if j > i and i == 0:
            return (i, j)
        if j - i > best[1] - best[0]:
            best = (i, j)
        if j - i >= 2:
            last_pair = (i, j)
        i = max(j, i + 1)
    return last_pair if titled and last_pair != (0, 0) else best


def whole_name(toks: list[Tok]) -> bool:
    """Every token reads as one name («سالم بوخطوة»; not «بريا شارما», whose last word has a participle's shape)."""
    return bool(toks) and _name_run(toks) == (0, len(toks))


def _construct_genitive(toks: list[Tok], i: int) -> bool:
    """Token i is an indefinite noun governed by the indefinite title (or the title's «في») before it and governing the
    definite word after it: «أستاذ علم الاجتماع», «الخبير في شؤون المياه» name a field, no person."""
    if i == 0 or i + 1 >= len(toks):
        return False
    title, tok, nxt = toks[i - 1], toks[i], toks[i + 1]
    governed = (title.is_word and not title.definite and word_kind(title) == "role") or title.bare in ("في", "لدي")
    return governed and tok.is_word \
        and not tok.definite and tok.key not in NAME_PARTICLES and nxt.is_word and nxt.definite and not word_kind(nxt)


def adjective_title(phrase: list[Tok]) -> list[Tok]:
    """«البرتغالي مانويل كاجودا جلسة ...» -> «البرتغالي مانويل كاجودا»: a definite relation adjective opening the
    phrase, then a name of two words or more, is a title and its holder (ANERcorp train: 215 times a definite
    «-ي» adjective is followed by a tagged person); [] otherwise."""
    if not phrase or not phrase[0].definite or word_kind(phrase[0]) or not _is_adjective(phrase[0].key, True):
        return []
    i, j = _name_run(phrase[1:])
    return phrase[: 1 + j] if i == 0 and j >= 2 else []


HYPHEN_AFTER = re.compile(r"(?:-[\u0621-\u064a]+)+")  # «نكويتا-سلامي»: a double-barrelled name joined without spaces


HYPHEN_BEFORE = re.compile(r"(?:[\u0621-\u064a]+-)+$")


def hyphen_joined(toks: list[Tok], m: int) -> bool:
    """Token m is a hyphen glued to the words on both sides («نكويتا-سلامي»): the two words are one name."""
    return 0 < m < len(toks) - 1 and toks[m].text == "-" and toks[m - 1].end == toks[m].start \
        and toks[m + 1].start == toks[m].end and toks[m - 1].is_word and toks[m + 1].is_word


def _span(text: str, toks: list[Tok]) -> str:
    """The text of the tokens, widened over words glued to either end by a hyphen («كليمنتاين نكويتا-سلامي»: the
    tokeniser splits at the hyphen, a name must stay whole; ANERcorp's spaced « - » is never glued)."""
    if not toks:
        return ""
    start, end = toks[0].start, toks[-1].end
    after = HYPHEN_AFTER.match(text, end)
    before = HYPHEN_BEFORE.search(text, max(0, start - 40), start)
    if before is not None and (before.start() == 0 or not text[before.start() - 1].isalnum()):
        start = before.start()
    return text[start : after.end() if after else end]


# «محمود الحريري وزوجته فاطمة»: a kinship or colleague word joined by «و» after a name brings in a second person.
RELATION_WORDS = frozenset({"زوجته", "زوجها", "نظيره", "نظيرته", "شقيقه", "شقيقته", "ابنه", "ابنته", "والده", "والدته",
                            "زميله", "زميلته"})


# Nouns of someone's relation to a person («معلمها», «جاره», «صديقتها», «ابنه»): with a pronoun suffix they introduce
# the person named after them («معلمها، إبراهيم أوبلا، يدرّس ...»); by reading feature copy (quotes_dev36). Not «ام»,
# «اب», «جد»: «أمه»/«جدة» read as «أمة» (nation) and Jeddah once normalised.
RELATION_STEMS = frozenset({"معلم", "معلمت", "مدرس", "مدرست", "مدرب", "مدربت", "جار", "جارت", "صديق", "صديقت", "رفيق",
                            "رفيقت", "طبيب", "طبيبت", "محامي", "ابن", "ابنت", "زوج", "زوجت", "شقيق", "شقيقت", "والد",
                            "والدت", "اخ", "اخت", "جدت", "زميل", "زميلت", "حفيد", "حفيدت", "عم", "خال"})
OWNER_SUFFIXES = ("هما", "هم", "ها", "ه")


def relation_noun(tok: Tok) -> bool:
    """A noun of relation with a pronoun suffix: «معلمها», «جاره», «صديقتها», «ابنه», «والدتهما»."""
    return tok.is_word and not tok.text.endswith("ة") \
        and any(tok.key.endswith(s) and tok.key[: -len(s)] in RELATION_STEMS for s in OWNER_SUFFIXES)  # not «شقيقة»


AIDE_WORDS = frozenset({"مساعده", "مساعدها", "نائبه", "نائبها"})  # «ومساعده خالد عمر»: a title with a pronoun


def pair_split(toks: list[Tok]) -> tuple[list[Tok], list[Tok], bool] | None:
    """«وزير الخارجية أحمد علي ونظيره الفرنسي جان دوبوا», «محمود الحريري وزوجته فاطمة»: a full name, then «و» with a
    kinship word or a title and the second person's name: (first name, second part, second part opens with a kinship
    word); None otherwise. Two people are the subject of a dual verb («قد أعلنا», «اللذين أكدا»)."""
    for k in range(2, len(toks) - 1):
        tok = toks[k]
        if not tok.is_word or not tok.key.startswith("و") or len(tok.key) < 4:
            continue
        rest = tok.key[1:]
        kin = rest in RELATION_WORDS
        if not kin and word_kind_of(rest) != "role" and rest not in AIDE_WORDS:
            continue
        first = closing_name(toks[:k])
        second = toks[k + 1 :]
        if not first or not second or not all(t.is_word for t in second):
            return None
        i, j = _name_run(second)
        if j != len(second) or j - i < (1 if kin else 2):
            return None
        return first, (toks[k:] if kin else second[i:j]), kin
    return None


def pair_speaker(text: str, toks: list[Tok]) -> Speaker | None:
    """The two people of ``pair_split`` as one speaker: «محمود الحريري وزوجته فاطمة», «أحمد علي وجان دوبوا»."""
    found = pair_split(toks)
    if found is None:
        return None
    first, second, kin = found
    name = _span(text, first + second) if kin else f"{_span(text, first)} و{_span(text, second)}"
    return Speaker(name, "PER", _span(text, toks[: toks.index(first[0])]), toks[0].start, toks[-1].end)


def same_name(a: str, b: str) -> bool:
    """Two surfaces name the same speaker: equal skeletons, or one's words all in the other's."""
    ka, kb = name_words(a), name_words(b)
    if not ka or not kb:
        return False
    return ka <= kb or kb <= ka


def name_words(surface: str) -> set[str]:
    """Consonant skeletons of the words of a name, a leading «و» before «ال» removed."""
    words = set()
    for word in match_key(surface).split():
        words.add(skeleton(word[1:] if word.startswith("وال") else word))
    return words


def _pair_parts(pair: str) -> tuple[str, str] | None:
    words = pair.split()
    for k in range(1, len(words)):
        if words[k].startswith("و") and len(words[k]) > 2:
            return " ".join(words[:k]), " ".join([words[k][1:], *words[k + 1 :]])
    return None


def pair_members(speaker: Speaker) -> list[Speaker]:
    """The full names (two words or more) of the two people of a pair speaker («جورج بوش وتوني بلير»)."""
    parts = _pair_parts(speaker.name) if " و" in speaker.name else None
    if parts is None:
        return []
    second = parts[1].split()
    if second[0] in RELATION_WORDS or word_kind_of(second[0]) == "role" or second[0] in AIDE_WORDS:
        second = second[1:]  # «نظيره التونسي كمال العربي»: the kinship word or title, then adjectives, then the name
        while second and second[0].startswith("ال") and second[0].endswith("ي"):
            second = second[1:]
    return [replace(speaker, name=part) for part in (parts[0], " ".join(second)) if len(part.split()) >= 2]


def member_of_pair(pair: str, name: str) -> bool:
    """«بلير» is one of «جورج بوش وتوني بلير» (two speakers of one dual verb), not a fuller form of it: the name's
    words all lie on one side of a later «و» word of the pair."""
    parts = _pair_parts(pair)
    return parts is not None and any(name_words(name) <= name_words(part) for part in parts)


def _pair_of(pair: str, name: str) -> bool:
    """«عنان وصبري» (two speakers of one verb) holds «عنان» but is no fuller form of it: a later word of the
    pair begins with «و» and is not in the short name."""
    words = name.split()
    return len(pair.split()) == 2 and pair.split()[1].startswith("و") and pair.split()[1] not in words
