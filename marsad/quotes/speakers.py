"""Speaker phrases: cutting them out of a clause, telling a name from a role, resolving roles.

Without entity mentions a speaker phrase is read with the word lists of ``speaker_words.tsv``:
role words (نائب، وزير، المتحدث ...), organisation heads (وزارة، وكالة، تقارير ...), adjectives of
relation (الروسي، التركية) and definite nouns are not names; the longest run of the other words is the
name («نائب وزير الدفاع الروسي اناتولي انطونوف» -> «اناتولي انطونوف», role «نائب وزير الدفاع الروسي»).
A phrase with no name is an organisation when it starts with an organisation head or a definite noun
(«وزارة الخارجية التركية», «التقرير»), and a role to resolve when it starts with a role word
(«المسؤول الروسي»).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from marsad.model import Mention
from marsad.quotes.lexicon import bare_openers
from marsad.quotes.tokens import PREPOSITIONS, Tok, is_boundary, word_kind, word_kind_of
from marsad.text.countries import country_names
from marsad.text.normalize import match_key, skeleton
from marsad.text.tokens import strip_article

MAX_SPEAKER_WORDS = 9
# «قائد منتخب ألمانيا ولاعب خط وسط نادي تشلسي الإنجليزي لكرة القدم مايكل بالاك»: titles run long before the
# name (ANERcorp dev set, sports and culture pages).
MAX_ROLE_PHRASE_WORDS = 14
MAX_NAME_WORDS = 5  # «حمد بن عيسى آل خليفة»


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    kind: str  # PER | ORG | ROLE | NAME (a one-word name of unknown type)
    role: str = ""
    start: int = -1
    end: int = -1
    via: tuple[str, ...] = field(default=())


# Prepositions with a pronoun («وقال عنها مصدر آخر»): skipped before a speaker phrase.
PRONOUN_PREPS = frozenset({"له", "لها", "لهم", "لنا", "لي", "عنه", "عنها", "عنهم", "فيه", "فيها", "منه", "منها", "عليه",
                           "عليها", "اليه", "اليها"})


QUOTE_MARKS = "\"«»“”'"
NO_MARKS = str.maketrans("", "", QUOTE_MARKS)
NAME_NOT_A_WORD = frozenset({"ان", "انه", "انها"})
# Honorifics and ranks directly before a name: they do not introduce another person («... باليمن الدكتور فارس السقاف»).
TITLES = frozenset({"الدكتور", "الدكتوره", "السيد", "السيده", "الشيخ", "الاستاذ", "المهندس", "اللواء", "العقيد",
                    "العميد", "الجنرال", "الفريق", "المشير", "الامير", "الاميره"})


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


# Time words between a verb and its subject («اشارت امس قناة», «أعلن اليوم الخميس النادي»): skipped before the speaker.
DAY_WORDS = frozenset({"السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "مساء", "الليله"})


def adverbial(tok: Tok) -> bool:
    """«متمنيا», «مجددا», «مؤخرا»: an indefinite accusative م-word after a verb is a circumstance, not a
    speaker."""
    key = tok.key
    return tok.is_word and not tok.definite and len(key) >= 5 and key[0] == "م" and key.endswith("ا") \
        and not key.endswith("نا") \
        and not word_kind(tok)


def _is_say_noun(tok: Tok) -> bool:
    from marsad.quotes.tokens import cue_of

    cue = cue_of(tok)
    return cue is not None and cue.pos == "noun"


def leading_phrase(toks: list[Tok]) -> list[Tok]:
    """Tokens from the start up to the first boundary (at most MAX_SPEAKER_WORDS); an organisation
    word keeps the quoted name after it («صحيفة "واشنطن بوست"»)."""
    out: list[Tok] = []
    skip_to = manner_to = 0
    for n, tok in enumerate(toks):
        nxt = toks[n + 1] if n + 1 < len(toks) else None
        if n < manner_to:
            continue
        if n < skip_to:
            out.append(tok)
            continue
        if out and hyphen_joined(toks, n):
            continue  # «جان-بيير دوبوا»: one name, the hyphen dropped from the words (the span keeps it)
        if _verb_cue(tok):
            break  # «وتابع يقول "..."»: another reporting verb, not a speaker
        if not out and word_kind(tok) == "pronoun":
            break  # «ولفت جلالته النظر»: an honorific pronoun, the current speaker
        if word_kind(tok) == "manner":
            if out:
                break  # «وأضاف الإمام بحزن شديد»: a manner phrase after the speaker
            manner_to = _after_manner(toks, n)  # «وأشار بلهجة مليئة بالسخرية إلى»: before any speaker
            if manner_to >= len(toks) or is_boundary(toks[manner_to]) or toks[manner_to].key in NAME_NOT_A_WORD:
                break
            continue
        if not out and possessed(tok):
            break  # «وأبدت ثقتها من أن»: a possessed noun is the object, not the speaker
        if not out and (word_kind(tok) == "aux" or tok.bare in PRONOUN_PREPS or tok.key in PRONOUN_PREPS
                        or tok.key in ADVERBS or tok.key in DAY_WORDS
                        or (adverbial(tok) and not (nxt is not None and _name_like(nxt, tok)))):
            continue  # «وأضاف متمنيا للادب أن»; but «ماريا زاخاروفا» is a name; «أعلن اليوم الخميس النادي الأهلي أن»
        if out and tok.key in ADVERBS:
            break  # «أكد الرئيس ... مرارا أن»
        if out and out[-1].definite and word_kind(out[-1]) != "role" and not tok.definite \
                and possessed(tok):
            break  # «أعلنت الحكومة اليابانية عزمها»: a pronoun-suffixed noun after the subject is the object
        if out and tok.key in bare_openers():
            break  # «وقال الرئيس الاميركي لقد تحدثت»: speech opens, the speaker phrase ends
        if len(out) == 1 and out[0].definite and word_kind(out[0]) == "role" and definite_object(tok, nxt):
            break  # «واتهم الوزير الجماعة بأنها»: verb, subject, object, then its ب-complement
        if out and verb_then_object(tok, nxt):
            break  # «أن الوزيرة الأميركية تحمل أفكارا يريد ...»: the subject's own verb ends it
        if out and tok.text in QUOTE_MARKS and word_kind(out[-1]) == "org" and _quoted_name_end(toks, n) > n:
            skip_to = _quoted_name_end(toks, n)
            out.append(tok)
            continue
        cap = MAX_ROLE_PHRASE_WORDS if out and word_kind(out[0]) == "role" else MAX_SPEAKER_WORDS
        if out and tok.text in "،," and word_kind(out[0]) == "role" and apposed_run(toks, n + 1):
            out.extend(toks[n : n + 1 + apposed_run(toks, n + 1)])
            break  # «مدير الحملة، هشام بن يوسف، لـ...»: the name set off by commas holds the title
        if is_boundary(tok) or len(out) >= cap or (nxt is not None and _preposition_before_clause(tok, nxt)):
            break
        if _is_say_noun(tok) or object_word(tok, nxt, patterns=not (out and construct_head(out[-1]))) \
                or (out and _ends_speaker(tok)) \
                or (tok.is_word and _prepositional_object(tok.key)):  # «وهدد تروتنيف بوقف», «ووعد بإجراء»
            break  # «عن شهود عيان قولهم إن», «الناطقة باسم ... ردا على», «شهود عيان وجود قوات»
        out.append(tok)
    return out


def definite_object(tok: Tok, nxt: Tok | None) -> bool:
    """«الجماعة» in «اتهم الوزير الجماعة بأنها»: a definite noun (no adjective or title word) right
    after a definite title cannot be its genitive; followed by «بأن»/«بال...» it is the verb's object."""
    return tok.is_word and tok.definite and word_kind(tok) in ("", "org") and not _is_adjective(tok.key, True) \
        and nxt is not None and nxt.is_word and nxt.key.startswith(("بان", "بال"))


def construct_head(tok: Tok) -> bool:
    """«وزير», «مدير»: an indefinite title or organisation word, whose definite genitive («وزير التموين», «مدير
    الاستخبارات») belongs to the phrase even when it has a verbal-noun pattern."""
    return tok.is_word and not tok.definite and word_kind(tok) in ("role", "org")


def imperfect_shaped(tok: Tok) -> bool:
    """«تلخص», «يطلق»: a word of four letters or more opening with the imperfect ي/ت, no article, no lexicon kind."""
    return tok.is_word and tok.key[:1] in "يت" and len(tok.key) >= 4 and not tok.definite and not word_kind(tok)


def pronoun_suffixed(tok: Tok) -> bool:
    """«رؤيته», «عليها»: a word of four letters or more written with a pronoun suffix (ه, not ة)."""
    return len(tok.text) >= 4 and tok.text.endswith(("ه", "ها", "هم", "هما"))


def verb_then_object(tok: Tok, nxt: Tok | None) -> bool:
    """«تحمل أفكارا», «تلخص رؤيته»: a present verb and its object -- an indefinite accusative or a pronoun-suffixed
    word. ANERcorp train: an imperfect-shaped word before such a word 933 times, 17 of them a name's last word."""
    if nxt is None or not imperfect_shaped(tok) or not nxt.is_word or nxt.definite:
        return False
    return pronoun_suffixed(nxt) or (len(nxt.key) >= 4 and nxt.key.endswith("ا") and not word_kind(nxt))


def before_object(phrase: list[Tok]) -> list[Tok]:
    """The subject without the object glued to it: an indefinite verbal noun right after a definite word opens
    the object («السفير الأميركي بمجلس الأمن اقتراح أنان» -> «السفير الأميركي بمجلس الأمن»)."""
    for k in range(1, len(phrase)):
        tok = phrase[k]
        if phrase[k - 1].definite and not tok.definite and (masdar_pattern(tok.key) or object_word(tok, patterns=False)):
            return phrase[:k]
    return phrase


def _after_manner(toks: list[Tok], n: int) -> int:
    """Index after a manner phrase «بلهجة مليئة بالسخرية»: its words up to a boundary (at most four)."""
    k = n + 1
    while k < len(toks) and k - n <= 3 and toks[k].is_word and not is_boundary(toks[k]) \
            and toks[k].key not in NAME_NOT_A_WORD:
        k += 1
    return k


def _ends_speaker(tok: Tok) -> bool:
    """A participle of a reporting verb («قائلة», «ردا») or a verbal noun opening an object («وجود»)."""
    from marsad.quotes.tokens import cue_of

    cue = cue_of(tok)
    return cue is not None and cue.pos == "participle"


def object_word(tok: Tok, nxt: Tok | None = None, patterns: bool = True) -> bool:
    """A verbal noun that opens a verb's object, with or without the article («وجود», «الحاجة»): listed, or a
    definite word of a verbal-noun pattern («الاعتقال», «التأكيد»; «العثور» only before its preposition)."""
    if not tok.is_word:
        return False
    if word_kind(tok) == "object" or word_kind_of(strip_article(tok.bare)) == "object":
        return True
    return patterns and tok.definite and not word_kind(tok) and masdar_pattern(strip_article(tok.bare),
                                                                  nxt is not None and nxt.bare in PREPOSITIONS)


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


def _is_cue(tok: Tok) -> bool:
    from marsad.quotes.tokens import cue_of

    return cue_of(tok) is not None


def _preposition_before_clause(tok: Tok, nxt: Tok) -> bool:
    """«علي أن» in copy that writes على with ي: a preposition, not the name علي."""
    from marsad.quotes.tokens import COMPLEMENTIZERS

    return tok.key == "علي" and nxt.key in COMPLEMENTIZERS


def trailing_phrase(toks: list[Tok]) -> list[Tok]:
    """A subject before its verb («وزارة الخارجية التركية أعلنت»): tokens back to a clause start.

    Auxiliaries (كان، قد) are skipped; the phrase is rejected when it runs into a preposition or a time
    word, because then it is a prepositional phrase («إلى ذلك حذر», «وفي السياق دعا»)."""
    out: list[Tok] = []
    if toks and toks[-1].text in "،,":
        return _topic_before_comma(toks[:-1])  # «وكانت المحكمة العليا الاميركية، اعتبرت»
    if toks and toks[-1].bare in ("قد", "لقد"):
        if toks[-1].key != toks[-1].bare:
            return []  # «وقد قال X», «ولقد أعلن»: a verb-first clause of its own, the subject follows the verb
        return _subject_after_kana(toks[:-1])  # «وكان وزير ... قد أعلن»: the subject between كان and قد
    opened = _quoted_tail(toks)
    if opened:  # «الا ان متخصصين في «الاسلام الاوروبي» يذكرون ان»: a quoted name closing the subject
        out = list(reversed(toks[opened:]))
    for n in range(len(toks) - 1 - len(out), -1, -1):
        tok = toks[n]
        kind = word_kind(tok)
        if _is_cue(tok):
            return []  # «وتابع يقول»: another reporting verb, not a subject
        if kind == "aux":
            if out:
                break
            continue
        if is_boundary(tok) and out and tok.key.startswith("لل") and len(tok.key) > 4 and n > 0 \
                and word_kind(toks[n - 1]) in ("role", "org", ""):
            out.append(tok)  # «الأمين العام للأمم المتحدة كوفي أنان اعتبر»: a genitive inside the subject
            continue
        if is_boundary(tok):
            if tok.is_word and kind not in ("relative",) and not _clause_start(tok):
                return _through_preposition(toks, n, out)
            break
        if _clause_start(tok):
            break  # «"نانسي كوال" حين قالت»: a subordinating word opens the clause, it is no subject
        out.append(tok)
        if len(out) > MAX_SPEAKER_WORDS:
            return []
    out.reverse()
    if len(out) == 1 and out[0].definite and _is_adjective(out[0].key, True) and not _amma_topic(toks, out[0]):
        return []  # «صحيفة "الشرق الاوسط" السعودية اتهم»: an adjective after a name, not a subject
    if len(out) >= 3 and out[0].key.startswith("و") and out[0].key != out[0].bare and not out[0].definite \
            and word_kind(out[0]) not in ("role", "org"):
        return []  # «وأرسل كلمة تلخص رؤيته ... قال»: a clause led by another verb, not a subject
    return out


def _amma_topic(toks: list[Tok], tok: Tok) -> bool:
    """«أما الشمري فقال»: the one word after «أما» is the topic itself (a nisba family name), not an adjective
    describing a name before it."""
    k = next((n for n, t in enumerate(toks) if t is tok), 0)
    return k > 0 and toks[k - 1].key in ("اما", "واما")


def _quoted_tail(toks: list[Tok]) -> int:
    """Index of the opening mark of a short quoted name that ends the tokens («في «الاسلام الاوروبي»»), else 0."""
    if len(toks) < 3 or toks[-1].text not in QUOTE_MARKS:
        return 0
    for k in range(len(toks) - 2, max(0, len(toks) - MAX_NAME_WORDS - 3), -1):
        if toks[k].text in QUOTE_MARKS:
            return k if k < len(toks) - 2 and k > 0 and toks[k - 1].is_word else 0
        if not toks[k].is_word:
            return 0
    return 0


def _topic_before_comma(toks: list[Tok]) -> list[Tok]:
    """A subject set off from its verb (which carries no و) by a comma: the noun phrase after a clause-opening
    كان («وكانت المحكمة العليا، اعتبرت»), or a role/organisation phrase opening the sentence («وزارة الدفاع، قالت»);
    not a prepositional opener («وفي السياق، قال»)."""
    for n in range(len(toks) - 1, max(-1, len(toks) - MAX_SPEAKER_WORDS - 2), -1):
        tok = toks[n]
        if tok.bare in ("كان", "كانت"):
            opens = n == 0 or tok.key != tok.bare or not toks[n - 1].is_word  # not «إن العملية كانت فاشلة،»
            return _plain_phrase(toks[n + 1 :]) if opens else []
        if not tok.is_word or is_boundary(tok) or _is_cue(tok) or word_kind(tok) == "aux":
            return []
        if n == 0:
            phrase = _plain_phrase(toks)
            return phrase if phrase and (word_kind(phrase[0]) in ("role", "org") or phrase[0].definite) \
                and len(phrase) >= 2 else []
    return []


def _plain_phrase(toks: list[Tok]) -> list[Tok]:
    """Words only, none a boundary: a candidate noun phrase."""
    return toks if toks and all(t.is_word and not is_boundary(t) for t in toks) else []


def _subject_after_kana(toks: list[Tok]) -> list[Tok]:
    """«وكان الرئيس طالباني قد حذر»: the subject between كان and قد."""
    for n in range(len(toks) - 1, max(-1, len(toks) - 2 * MAX_ROLE_PHRASE_WORDS - 2), -1):  # two titled names
        if not toks[n].is_word and toks[n].text not in QUOTE_MARKS:
            return []  # «وكان زواج الفتيات مسألة مقررة ...، قد»: the كان of an earlier clause
        if toks[n].bare in ("كان", "كانت"):
            phrase = leading_phrase(toks[n + 1 :])
            if pair_split(toks[n + 1 :]) is not None:
                return toks[n + 1 :]  # «وكان الوزير أحمد علي ونظيره الفرنسي جان دوبوا قد أعلنا»: the two of them
            if phrase and word_kind(phrase[0]) == "role" and len(phrase) < len(toks) - n - 1:
                return closing_name(toks[n + 1 :]) or phrase  # «وكان سفير إسرائيل لدى الأمم المتحدة دان غيلرمان قد»
            return phrase
    return []


MAX_APPOSITION_WORDS = 12  # «الدكتور صلاح البردويل، المتحدث باسم كتلة «حماس» في المجلس الشريعي قال»


def _name_before_apposition(toks: list[Tok], n: int) -> list[Tok]:
    """A name, then a comma and the role phrase that describes it, then the verb: the name is the subject."""
    for c in range(n - 1, max(-1, n - MAX_APPOSITION_WORDS), -1):
        if toks[c].text in "،,":
            if c + 1 >= n or word_kind(toks[c + 1]) != "role":
                return []  # only «NAME، ROLE ...»
            head: list[Tok] = []
            for k in range(c - 1, max(-1, c - MAX_NAME_WORDS - 2), -1):
                if is_boundary(toks[k]) or word_kind(toks[k]) == "aux":
                    break
                head.append(toks[k])
            head.reverse()
            i, j = _name_run(head)
            return head if j - i >= 2 else []
    return []


MAX_ROLE_OPENING = 4  # «المبعوث الأممي الخاص» before «إلى اليمن NAME»: a title of a few words opening the clause


def _role_opening(head: list[Tok]) -> bool:
    """The words before a preposition are a title opening the clause or the topic after «أما» («المبعوث الأممي
    الخاص إلى اليمن هانس غروندبرغ»): then the preposition's phrase and the name after it belong to the subject."""
    # «الرئيس التنفيذي للمجموعة في ...»: a genitive with «لل» stays inside the title
    return 1 <= len(head) <= MAX_ROLE_OPENING and head[0].definite and word_kind(head[0]) == "role" \
        and all(t.is_word and (not is_boundary(t) or t.key.startswith("لل")) and word_kind(t) != "aux" for t in head)


def _through_preposition(toks: list[Tok], n: int, out: list[Tok]) -> list[Tok]:
    """«لكن سفيرا مطلعا على الوثيقة قال»: a subject carrying a prepositional phrase, accepted only
    right after a clause-opening word."""
    if not out or not toks[n].is_word or toks[n].bare not in PREPOSITIONS:
        return []
    if not out[-1].definite and word_kind(out[-1]) == "org" and len(out) <= 2:
        return list(reversed(out))  # «ردا على معلومات صحافية أشارت إلى»: an indefinite noun and its verb, a statement
    named = _name_before_apposition(toks, n)
    if named:
        return named
    name = closing_name(list(reversed(out)))
    if name and name[0].key in country_names():
        name = name[1:]  # «إلى ليبيا جون ماركس»: the country is the preposition's, the name follows it
    if _role_opening(toks[:n]) and len(name) >= 2:
        return toks[:n] + name  # «أما المبعوث الأممي الخاص إلى اليمن هانس غروندبرغ فقد أعرب»: the title and its holder
    head: list[Tok] = []
    for k in range(n - 1, max(-1, n - 4), -1):
        if _clause_start(toks[k]) and head and not head[-1].definite:
            return list(reversed(head)) + [toks[n]] + list(reversed(out))
        if is_boundary(toks[k]) or word_kind(toks[k]) == "aux":
            return []
        head.append(toks[k])
    return []


def name_at_end(text: str, toks: list[Tok]) -> Speaker | None:
    """A name of two words or more closing a region («... في الصومال محمد محمود إن»)."""
    k = len(toks)
    while k > 0 and _name_like(toks[k - 1], toks[k - 2] if k > 1 else None) and len(toks) - k < MAX_NAME_WORDS:
        k -= 1
    run = toks[k:]
    if len(run) < 2 or word_kind(run[0]) == "place" or (k and word_kind(toks[k - 1]) in ("org", "place")
                                                       and not toks[k - 1].definite):
        return None  # «... في مدينة بندر عباس»: the name of a place or organisation, not a person
    if any(t.is_word and _prepositional_object(t.key) for t in toks[:k]):
        return None  # «وأشاد المدرب بأداء الحارس عمر يوسف»: a name inside a verb's ب/ل-object is not its subject
    return Speaker(_span(text, run), "PER", "", run[0].start, run[-1].end)


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
                           or (i and word_kind(window[i - 1]) in ("org", "place") and not window[i - 1].definite)):
            pass  # «منسق الطوارئ في منظمة أطباء بلا حدود في إب مارك بونسان», «في مدينة مشهد»: the organisation's or place's name
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
    titled = len(run) > 2 and (run[0].key in TITLES or (run[0].definite and word_kind(run[0]) == "role")
                               or nisba(run[0]))
    name = run[1:] if titled else run
    return m - k if 2 <= len(name) <= MAX_NAME_WORDS and _name_run(name) == (0, len(name)) else 0


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
        run = run[1:] if len(words) > 2 and _name_run(words) != (0, len(words)) else run
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


def _clause_start(tok: Tok) -> bool:
    from marsad.quotes.tokens import COMPLEMENTIZERS

    return tok.key in COMPLEMENTIZERS or tok.key in SUBORDINATORS or tok.key in ("فيما", "بينما") or tok.bare in ("فيما", "بينما", "كما", "حين", "لكن", "لكنه", "لكنها", "ولكن",
                                                      "اذ", "حيث", "اما")


def _is_adjective(key: str, definite: bool) -> bool:
    """Relation adjectives (الروسي، الروسية، صحافية) are never names; «أناتولي» or «روسيا» may be."""
    if definite:
        return len(key) > 4 and key.endswith(("ي", "يه", "يون", "يين"))
    return len(key) > 4 and key.endswith(("يه", "يون", "يين"))


PRONOUN_SUFFIXES = ("ها", "هم", "هما")


def possessed(tok: Tok) -> bool:
    """«ثقتها», «عزمها», «تبذلها»: a word of five letters or more ending in a plural or feminine pronoun suffix."""
    return len(tok.key) > 4 and tok.key.endswith(PRONOUN_SUFFIXES)


def _name_like(tok: Tok, prev: Tok | None) -> bool:
    if not tok.is_word or not tok.key or word_kind(tok) not in ("", "place") or _prepositional(tok.key) or adverbial(tok) \
            or tok.key in bare_openers() or tok.key in SUBORDINATORS:  # «الشيخ ليت الناس ...», «عندما»: no name
        return False  # a place head may open a name («محافظة صلاح الدين أحمد ناجي جبارة»); only the holder search skips it
    if prev is not None and prev.bare in ("قد", "لقد"):
        return False  # «وقد سجل صاحب السمو»: a verb after «قد» (ANERcorp train: 0 of 446 words after it in a name)
    if tok.key[:1] in "بلو" and tok.key[1:] in country_names():
        return False  # «واعتذر الرئيس السابق لمصر وإيران»: a country with a preposition or «و» (ANERcorp train: 1 of 277 a person)
    if _verb_cue(tok):
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
    if not tok.definite and key.endswith("يه") and not masdar_pattern(key) \
            and (prev is None or prev.definite or not prev.is_word):
        return True  # «المدرب جوزيه مورينيو», «أندريه لوكاس»: no indefinite adjective follows a definite noun
    return not tok.definite and not _is_adjective(key, tok.definite) and not key.isdigit()


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
    if k == i or not tok.is_word or not tok.definite or word_kind(tok) or _passive_participle(tok.key):
        return False
    if _is_adjective(tok.key, True) and k + 1 < len(toks) and _name_like(toks[k + 1], tok):
        return False  # «مانشستر يونايتد الإنجليزي أليكس فيرغوسن»: the adjective closes one name, another starts
    if k == i + 1 and tok.key.endswith("ي"):
        return True  # «خليل الدليمي رئيس فريق الدفاع»: a family name right after the first name
    return not (k + 1 < len(toks) and word_kind(toks[k + 1]) in ("role", "org"))


def _name_run(toks: list[Tok]) -> tuple[int, int]:
    """(i, j) of the name in a speaker phrase: the run at its start when it opens with a name
    («ألونسو متسابق فريق رينو»), the last run of two words or more after a title («مدرب نادي مانشستر
    يونايتد الإنجليزي أليكس فيرغوسن»), else the longest run; (0, 0) when none."""
    best = (0, 0)
    last_pair = (0, 0)
    titled = bool(toks) and word_kind(toks[0]) == "role"
    if len(toks) > 2 and toks[0].key in TITLES:  # «الدكتور برادران رفيعي مساعد آية الله طبسي»: the name after the title
        j = 1
        while j < len(toks) and (_name_like(toks[j], toks[j - 1]) if j == 1 else _in_name(toks, j, 1)):
            j += 1
        if j - 1 >= 2:
            return (1, j)
    i = 0
    while i < len(toks):
        j = i
        prepositional = toks[i].key.startswith("ل") and i + 1 < len(toks) and toks[i + 1].definite  # «لكرة القدم»
        while not prepositional and j < len(toks) and (
                _name_like(toks[j], toks[j - 1] if j else None) if j == i else _in_name(toks, j, i)):
            j += 1
        if j > i and i == 0:
            return (i, j)
        if j - i > best[1] - best[0]:
            best = (i, j)
        if j - i >= 2:
            last_pair = (i, j)
        i = max(j, i + 1)
    return last_pair if titled and last_pair != (0, 0) else best


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


# «الخبير ذاته», «المصدر نفسه»: «the same X», an emphatic closing a speaker phrase that refers back to X.
EMPHATICS = frozenset({"ذاته", "ذاتها", "نفسه", "نفسها", "ذاتهم", "انفسهم"})


# «محمود الحريري وزوجته فاطمة»: a kinship or colleague word joined by «و» after a name brings in a second person.
RELATION_WORDS = frozenset({"زوجته", "زوجها", "نظيره", "نظيرته", "شقيقه", "شقيقته", "ابنه", "ابنته", "والده", "والدته",
                            "زميله", "زميلته"})


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


def parse_speaker(text: str, toks: list[Tok]) -> Speaker | None:
    """Read a speaker phrase into a Speaker (name, kind, role)."""
    if not toks:
        return None
    pair = pair_speaker(text, toks)
    if pair is not None:
        return pair
    if len(toks) > 1 and toks[-1].key in EMPHATICS:
        found = parse_speaker(text, toks[:-1])  # «وأضاف الخبير ذاته»: the title, then the emphatic (never a name)
        if found is None or found.kind not in ("ROLE", "ORG"):
            return found
        whole = _span(text, toks)
        return replace(found, name=whole, role=whole if found.role else "", end=toks[-1].end)
    first = word_kind(toks[0])
    i, j = _name_run(toks)
    start, end = toks[0].start, toks[-1].end
    if len(_span(text, toks).replace(" ", "")) < 2:
        return None
    titled = toks[0].definite and i == 1 and j - i >= 2  # «الباحث برونو موتان»: a definite word as a title
    if first == "org" or (first != "role" and toks[0].definite and not titled):
        if first != "role":  # «الاتحاد الصيني لشركات صناعة السيارات», «وزارة الخارجية التركية»
            name = " ".join(_span(text, toks).translate(NO_MARKS).split())
            return Speaker(name, "ORG", "", start, end)
    if j > i and j - i <= MAX_NAME_WORDS:
        role = _span(text, toks[:i]) or _span(text, toks[j:])
        kind = "PER" if (j - i > 1 or role) else "NAME"
        return Speaker(_span(text, toks[i:j]), kind, role, start, end)
    if len(toks) <= 2 and not toks[0].definite and toks[0].key.endswith(("ون", "ين")) and len(toks[0].key) > 4:
        return Speaker(_span(text, toks), "ORG", "", start, end)  # «دبلوماسيين قالوا»: an unnamed collective
    if first == "role":
        # «متحدث باسم القوات» is a spokesman, «نائب وزير الدفاع» the deputy minister
        definite = any(t.definite for t in toks) and not (len(toks) > 1 and toks[1].key == "باسم" and not toks[0].definite)
        kind = "ROLE" if definite else "ORG"  # «مسؤول سعودي» is an unnamed source, not a known person
        return Speaker(_span(text, toks), kind, _span(text, toks), start, end)
    return None


MIN_HOLDER_LETTERS = 4  # a one-word name after a title («الإمام الجليل حبيب»), not «الرئيس الاميركي باي تصريح»


def title_holders(text: str, toks: list[Tok]) -> list[Speaker]:
    """Names read after a definite title anywhere in a sentence («التقينا الإمام الجليل حبيب ما جونغ يي»), with the
    title as their role: the people a later role phrase («وأضاف الإمام») may refer to."""
    out = []
    for k, tok in enumerate(toks):
        if word_kind(tok) != "role" or (k and word_kind(toks[k - 1]) == "role"):
            continue
        # «أحمد فهمي، المتحدث الرسمي باسم ...»: a definite title after a comma is apposed to the name before it
        found = apposed_holder(text, toks, k) if k >= 2 and (not tok.definite or toks[k - 1].text in "،,") else None
        if found is not None:
            out.append(found)
        elif tok.definite or (k + 1 < len(toks) and toks[k + 1].definite):  # «وزير المالية هشام السيد»: a construct
            phrase = before_object(leading_phrase(toks[k : k + MAX_ROLE_PHRASE_WORDS]))
            found = parse_speaker(text, before_coordinated_title(phrase))
            if found is not None and found.kind == "PER" and found.role \
                    and (" " in found.name or (tok.definite and len(match_key(found.name)) >= MIN_HOLDER_LETTERS)):
                out.append(found)
    return out


def before_coordinated_title(phrase: list[Tok]) -> list[Tok]:
    """«وزير المالية هشام السيد ووزيرة التخطيط منى الشريف»: the first title and its holder, up to a title joined by
    «و» (another person)."""
    for k in range(1, len(phrase)):
        if phrase[k].key.startswith("و") and word_kind_of(phrase[k].bare) == "role":  # not «نائب وزير»
            return phrase[:k]
    return phrase


def apposed_holder(text: str, toks: list[Tok], k: int) -> Speaker | None:
    """«فايزة أبوالنجا وزيرة التعاون الدولي», «محمد حجازي مساعد وزير الخارجية»: a name of two words or more right
    before an indefinite title word holds the title phrase that follows (ANERcorp train: 137 person names followed
    by an indefinite title word), so a later «الوزيرة» can be resolved to it."""
    end = k - 1 if toks[k - 1].text in "،," else k  # «شريف عبد الغفار، وزير التموين ...»: a comma between them
    name = closing_name(toks[max(0, end - MAX_NAME_WORDS) : end])
    before = end - len(name) - 1
    if len(name) > 2 and before >= 0 and toks[before].bare in ("قد", "لقد"):
        name, before = name[1:], before + 1  # «وقد سجل صاحب السمو رئيس الدولة»: the verb after «قد» is no name
    if not name or (before >= 0 and word_kind(toks[before]) in ("org", "place")):
        return None  # «وفد حماس اسامة حمدان»: no telling where the organisation's name ends
    role = leading_phrase(toks[k : k + MAX_ROLE_PHRASE_WORDS])
    if not role:
        return None
    return Speaker(_span(text, name), "PER", _span(text, role), name[0].start, name[-1].end)


def speaker_from_mentions(text: str, mentions: list[Mention], start: int, end: int) -> Speaker | None:
    """A PER (else ORG) mention inside [start, end): the tagger's reading of the speaker phrase."""
    inside = [m for m in mentions if m.start >= start and m.end <= end and m.type in ("PER", "ORG")]
    inside.sort(key=lambda m: (m.type != "PER", m.start))
    if not inside:
        return None
    m = inside[0]
    return Speaker(text[m.start : m.end], m.type, m.role or "", m.start, m.end)


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


GENERIC_ROLES = frozenset({skeleton(strip_article(match_key("المسؤول")))})
# Heads too common to name one person when a longer role phrase holds them («الرئيس» in «الرئيس الأميركي»).
HEAD_ROLES = frozenset(skeleton(strip_article(match_key(w))) for w in ("الرئيس", "الوزير", "المسؤول", "الملك", "الأمير",
                                                                         "رئيس", "وزير", "مسؤول", "نائب", "الأمين", "العام"))


def _role_words(role: str) -> set[str]:
    """Words of a role without the article, so «الوزير» matches «وزير الخارجية»."""
    words = set()
    for w in match_key(role).split():
        if w in EMPHATICS:
            continue
        words.add(skeleton(strip_article(w)))
        if w.startswith("و") and len(w) > 3:  # «ولاعب خط وسط»: the conjunction, or a root و («وزير»)
            words.add(skeleton(strip_article(w[1:])))
    return words


WAZIR = frozenset(_role_words("وزير"))


@dataclass(slots=True)
class Registry:
    """People named as speakers (or by mentions) in one article, with the roles they hold."""

    people: list[Speaker] = field(default_factory=list)

    names: list[Speaker] = field(default_factory=list)  # one-word names of unknown type («انطونوف»)

    orgs: list[Speaker] = field(default_factory=list)

    holders: list[Speaker] = field(default_factory=list)  # titled names read anywhere in the text (not only speakers)

    # ``people`` ordered by word count, most first, then as added: ``expand`` reads the longest names first
    # without sorting every time (3,000 quoted people in one text took 14 s of sorting).
    by_length: list[tuple[int, int, Speaker]] = field(default_factory=list)

    named: set[Speaker] = field(default_factory=set)  # ``people`` and ``names`` as a set

    _held: dict[str, set[str]] | None = None  # role words the holders' titles give each name, built on first use

    def known(self, speaker: Speaker) -> bool:
        """Already registered as a person or a one-word name."""
        return speaker in self.named

    def add(self, speaker: Speaker) -> None:
        if speaker.kind == "PER":
            for member in [speaker, *pair_members(speaker)]:  # «بلير» later expands to «توني بلير», not to the pair
                bisect.insort(self.by_length, (-len(member.name.split()), len(self.people), member),
                              key=lambda row: row[:2])
            self.people.append(speaker)
            self.named.add(speaker)
        elif speaker.kind == "NAME":
            self.names.append(speaker)
            self.named.add(speaker)
        elif speaker.kind == "ORG":
            self.orgs.append(speaker)

    def resolve_org(self, speaker: Speaker, before: int) -> Speaker:
        """«البيان», «الحزب», «الصحيفة»: one definite word back to the organisation named before it
        («بيان صادر عن مكتب أولمرت», «حزب الله», «صحيفة "واشنطن بوست"»)."""
        words = match_key(speaker.name).split()
        if emphatic(speaker.name):  # «وأضاف المصدر ذاته»: the source named before
            words = words[:-1]
        if len(words) != 1 or not speaker.name.startswith(("ال", "وال")):
            return speaker
        for person in reversed(self.people):  # «وأوضح المعلم» after «وزير الخارجية وليد المعلم»
            if person.start < before and name_words(words[0]) <= name_words(person.name):
                members = [m for m in pair_members(person) if name_words(words[0]) <= name_words(m.name)]
                person = members[0] if members else person  # «وقال العربي» after «أحمد سالم ونظيره ... كمال العربي»
                return replace(person, start=speaker.start, end=speaker.end, via=speaker.via)
        head = strip_article(words[0])  # no skeleton: «التقرير» is not «تقارير صحافية»
        for org in reversed(self.orgs):
            if org.start < before and org.name != speaker.name and head in match_key(f"{org.role} {org.name}").split():
                return replace(org, start=speaker.start, end=speaker.end, via=speaker.via)
        return speaker

    def expand(self, speaker: Speaker) -> Speaker:
        """A short name («أنطونوف») to the fullest known form («أناتولي أنطونوف»)."""
        if speaker.kind not in ("NAME", "PER"):
            return speaker
        words = len(speaker.name.split())
        for negative_words, _, person in self.by_length:
            if -negative_words <= words:
                break
            if same_name(person.name, speaker.name) and not _pair_of(person.name, speaker.name) \
                    and not member_of_pair(person.name, speaker.name):
                return replace(speaker, name=person.name, kind="PER", role=speaker.role or person.role)
        return speaker

    def _holder_of(self, role_words: set[str], before: int, later: bool = True) -> Speaker | None:
        """The titled name holding the role, the last one before ``before``, else (``later``) the first after it."""
        held = [h for h in self.holders if role_words and role_words <= _role_words(h.role) and role_words - HEAD_ROLES]
        earlier = [h for h in held if h.start < before]
        return earlier[-1] if earlier else held[0] if held and later else None

    def roles_of(self, person: Speaker) -> set[str]:
        """Words of every role the person is given: in its own phrase, and in the titles the text sets next to the
        same name elsewhere («قال الدكتور شريف ...، وزير التموين ...، إن»: the speaker phrase ends at the comma)."""
        if self._held is None:
            self._held = {}
            for holder in self.holders:
                self._held.setdefault(holder.name, set()).update(_role_words(holder.role))
        return _role_words(person.role) | self._held.get(person.name, set())

    def resolve_role(self, speaker: Speaker, before: int) -> Speaker:
        """A role phrase to the person holding it, else to the last person named before it when the role
        is a generic one («المسؤول الروسي») or shares a word with that person's role; «الرئيس الاميركي»
        is not whoever was named last. People named before the role phrase come first: a role refers back
        («أوضح المدرب» is the coach introduced earlier, not the other team's coach named further on)."""
        role_words = _role_words(speaker.role)
        earlier = [p for p in self.people if p.start < before]
        found = self._titled_surname(speaker.role, earlier) or self._person_holding(role_words, earlier) \
            or self._org_holding(role_words, before) or self._holder_of(role_words, before, later=False)
        named_before = earlier or any(n.start < before for n in self.names)
        if found is None and (len(speaker.role.split()) > 1 or not named_before):  # «المدرب» alone refers back
            found = self._person_holding(role_words, [p for p in self.people if p.start >= before]) \
                or self._holder_of(role_words, before)
        if found is not None:
            return replace(found, start=speaker.start, end=speaker.end, via=speaker.via)
        earlier = earlier or [p for p in self.names if p.start < before]
        if earlier and (role_words & GENERIC_ROLES or (_shares_role(role_words, self.roles_of(earlier[-1]))
                                                       and not other_complement(speaker.role, self.roles_of(earlier[-1])))
                        or emphatic(speaker.role)):  # «وأضاف الخبير ذاته»: the one quoted before
            return replace(earlier[-1], start=speaker.start, end=speaker.end, via=speaker.via)
        return speaker

    def _titled_surname(self, role: str, earlier: list[Speaker]) -> Speaker | None:
        """«الوزير المقداد», «الرئيس الأسد»: a title and a definite family name, the person named in full before
        (quoted, else a titled name anywhere in the text) whose name holds that word."""
        words = role.split()
        last = match_key(words[-1]) if len(words) == 2 else ""
        if not last.startswith("ال") or word_kind_of(last) or len(last) < 5:
            return None
        nisba = _is_adjective(last, True)  # «الرئيس السيسي»; but «الوزير المصري» is no «أحمد المصري»: same title then
        people = [p for p in earlier if " " in p.name] + [h for h in self.holders if " " in h.name]
        for person in reversed(people):
            if name_words(last) <= name_words(person.name) \
                    and (not nisba or _role_words(words[0]) <= self.roles_of(person)):
                return person
        return None

    def _person_holding(self, role_words: set[str], people: list[Speaker]) -> Speaker | None:
        """The last of the people whose roles hold all the role's words, else whose role words (not only heads) the
        role holds («المتحدث باسم الخارجية الإيرانية» ... «وكان المتحدث ناصر كنعاني»)."""
        for person in reversed(people):
            if role_words and role_words <= self.roles_of(person):
                return person
        for person in reversed(people):
            held = _role_words(person.role)
            if held and held <= role_words and held - HEAD_ROLES:
                return person
        return None

    def _org_holding(self, role_words: set[str], before: int) -> Speaker | None:
        """«وتوقع المسؤول» after «مسؤول في مطار دبي الدولي»: an unnamed holder named before."""
        for org in reversed(self.orgs):
            if org.role and org.start < before and role_words and role_words <= _role_words(org.role):
                return org
        return None


def emphatic(phrase: str) -> bool:
    """«الخبير ذاته»: a phrase closed by «ذاته/نفسه», which names again the one just spoken of."""
    words = match_key(phrase).split()
    return len(words) > 1 and words[-1] in EMPHATICS


def _shares_role(role_words: set[str], held: set[str]) -> bool:
    """The role shares a word with a person's roles, and its own words that are no head word («وزير» in «وزير
    التموين») are among them: «وزير التموين» is not the minister of agriculture named before."""
    shared = role_words & held
    own = role_words - HEAD_ROLES - WAZIR  # «وزير» reads «وزر» and «زر» (a و stripped)
    return bool(shared) and (not own or bool(shared & own))


def other_complement(role: str, held: set[str]) -> bool:
    """«أما مدرب الريان» after «مدرب الدحيل، الإسباني X»: a role closed by a definite noun (its club, ministry or
    company, not an adjective of relation) that the person's roles do not hold is another holder of the same title;
    so is a role whose head word the person's roles lack («المتحدثة باسم مكتب المبعوث» after the envoy)."""
    words = role.split()
    if len(words) > 1 and skeleton(strip_article(match_key(words[0]))) not in held:
        return True  # «المتحدثة باسم مكتب المبعوث» is not the envoy: the head of the role is another title
    last = match_key(words[-1]) if len(words) > 1 else ""
    if not last.startswith("ال") or word_kind_of(last) or _is_adjective(last, True):
        return False
    return skeleton(strip_article(last)) not in held


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
