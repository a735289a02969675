"""Speaker phrases: cutting them out of a clause and reading them into a ``Speaker`` (name, kind, role).

Name words and the ``Speaker`` record are in ``marsad.quotes.names``; resolving roles to people named before, in
``marsad.quotes.roles``.

Without entity mentions a speaker phrase is read with the word lists of ``speaker_words.tsv``:
role words (نائب، وزير، المتحدث ...), organisation heads (وزارة، وكالة، تقارير ...), adjectives of
relation (الروسي، التركية) and definite nouns are not names; the longest run of the other words is the
name («نائب وزير الدفاع الروسي اناتولي انطونوف» -> «اناتولي انطونوف», role «نائب وزير الدفاع الروسي»).
A phrase with no name is an organisation when it starts with an organisation head or a definite noun
(«وزارة الخارجية التركية», «التقرير»), and a role to resolve when it starts with a role word
(«المسؤول الروسي»).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from marsad.model import Mention
from marsad.quotes.lexicon import bare_openers, cues
from marsad.quotes.names import (
    ADVERBS,
    MAX_NAME_WORDS,
    NAME_NOT_A_WORD,
    PRONOUN_SUFFIXES,
    QUOTE_MARKS,
    SUBORDINATORS,
    TITLES,
    Speaker,
    _in_name,
    _is_adjective,
    _name_like,
    _name_run,
    _prepositional_object,
    _quoted_name_end,
    _span,
    _verb_cue,
    addressee_word,
    adverbial,
    apposed_run,
    closing_name,
    glued_outlet,
    hyphen_joined,
    masdar_pattern,
    nisba,
    pair_speaker,
    pair_split,
    participle_shaped_surname,
    possessed,
    relation_noun,
    title_prefix,
    whole_name,
)
from marsad.quotes.roles import EMPHATICS
from marsad.quotes.tokens import (
    COMPLEMENTIZERS,
    ORG_NAME_ADJECTIVES,
    PREPOSITIONS,
    RESUMING,
    Tok,
    is_boundary,
    word_kind,
    word_kind_of,
)
from marsad.text.countries import country_codes, country_names
from marsad.text.normalize import match_key
from marsad.text.tokens import strip_article

# Partitive heads of a collective speaker («وقال عدد من السكان», «العديد من النواب»): «من» and the group follow.
PARTITIVES = frozenset({"عدد", "العديد", "بعض", "كثير", "الكثير", "معظم", "غالبيه", "اغلب", "مئات", "عشرات", "الاف",
                        "المئات", "العشرات", "الالاف"})
MAX_PARTITIVE_GROUP_WORDS = 3  # «عدد من المصادر التاريخية الصينية»: the group noun and two adjectives; by reading
MAX_SPEAKER_WORDS = 9


# «قائد منتخب ألمانيا ولاعب خط وسط نادي تشلسي الإنجليزي لكرة القدم مايكل بالاك»: titles run long before the
# name (ANERcorp dev set, sports and culture pages).
MAX_ROLE_PHRASE_WORDS = 14


# Prepositions with a pronoun («وقال عنها مصدر آخر»): skipped before a speaker phrase.
PRONOUN_PREPS = frozenset({"له", "لها", "لهم", "لنا", "لي", "عنه", "عنها", "عنهم", "فيه", "فيها", "منه", "منها", "عليه",
                           "عليها", "اليه", "اليها"})


NO_MARKS = str.maketrans("", "", QUOTE_MARKS)


# Time words between a verb and its subject («اشارت امس قناة», «أعلن اليوم الخميس النادي»): skipped before the speaker.
DAY_WORDS = frozenset({"السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "مساء", "الليله"})


def _is_say_noun(tok: Tok) -> bool:
    from marsad.quotes.tokens import cue_of

    cue = cue_of(tok)
    return cue is not None and cue.pos == "noun"


OWN_SPEECH_NOUNS = frozenset({"حديث", "كلام", "كلمت", "تصريح", "تصريحات", "مداخلت", "خطاب"})


def own_speech_noun(tok: Tok) -> bool:
    """«حديثه», «كلمتها», «تصريحاته»: a noun of speech with its speaker's pronoun (the object of «ختم/بدأ/استهل»)."""
    return any(tok.key.endswith(s) and tok.key[: -len(s)] in OWN_SPEECH_NOUNS for s in ("ه", "ها", "هم"))


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
        if _verb_cue(tok) or (out and tok.bare in RESUMING):
            break  # «وتابع يقول "..."»: another reporting verb, not a speaker; «النائب عاد ليؤكد»: its verb
        if not out and word_kind(tok) == "pronoun":
            break  # «ولفت جلالته النظر»: an honorific pronoun, the current speaker
        if word_kind(tok) == "manner":
            if out:
                break  # «وأضاف الإمام بحزن شديد»: a manner phrase after the speaker
            manner_to = _after_manner(toks, n)  # «وأشار بلهجة مليئة بالسخرية إلى»: before any speaker
            if manner_to >= len(toks) or is_boundary(toks[manner_to]) or toks[manner_to].key in NAME_NOT_A_WORD:
                break
            continue
        if not out and possessed_title(tok) and n + 2 < len(toks) and toks[n + 1].text in "،," and apposed_run(toks, n + 2):
            manner_to = n + 2
            continue  # «وقال رئيسها، سمير أوعمر، لموقع ...»: the name set off after «its head» speaks
        if not out and possessed_title(tok):
            m = n + 1 + title_prefix(toks[n + 1 :], after_title=True)  # «منسقتها العامة ريما صليبا»: its adjectives
            if m < len(toks) and _name_like(toks[m], None) and m + 1 < len(toks) and _in_name(toks, m + 1, m):
                manner_to = m
                continue  # «وقال رئيسها عماد السائح إن»: her/its head, then his name: the name is the speaker
        if not out and relation_noun(tok) and nxt is not None and _name_like(nxt, None) and n + 2 < len(toks) \
                and (not toks[n + 2].is_word or toks[n + 2].key in COMPLEMENTIZERS):  # «صديقها كريم أن»
            continue  # «يقاطعها ابنها إياد،»: her son, then his name: the name is the speaker (not «رأت ابنها عمر يخرج»)
        if out and own_speech_noun(tok):
            break  # «وختم الأكاديمي حديثه بالقول»: «his talk» is the verb's object, not part of the speaker
        if out and glued_outlet(toks, n):
            break  # «وقال السفير X لواشنطن بوست إن»: the outlet told, not part of the speaker
        if not out and possessed(tok) and word_kind(tok) != "org":
            break  # «وأبدت ثقتها من أن»: a possessed noun is the object, not the speaker («أحدهم» is one of them)
        if not out and (word_kind(tok) == "aux" or tok.bare in PRONOUN_PREPS or tok.key in PRONOUN_PREPS
                        or tok.key in ADVERBS or tok.key in DAY_WORDS
                        or (adverbial(tok) and not (nxt is not None and _name_like(nxt, tok)))):
            continue  # «وأضاف متمنيا للادب أن»; but «ماريا زاخاروفا» is a name; «أعلن اليوم الخميس النادي الأهلي أن»
        if out and tok.key in ADVERBS:
            break  # «أكد الرئيس ... مرارا أن»
        if out and addressee_word(tok):
            break  # «وقال وزير الخارجية لنظيره الروسي X»: the one spoken to follows
        if out and not out[-1].definite and out[-1].key.endswith(("يه", "ي")) and not tok.definite and possessed(tok):
            break  # «دراسة كندية أقامها المجلس»: a verb with its object pronoun after an indefinite adjective
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
        if out and tok.text in "،," and word_kind(out[0]) == "role" and titled_apposed_run(toks, n + 1):
            out.extend(toks[n : n + 1 + titled_apposed_run(toks, n + 1)])
            break  # «عضو لجنة النفط، النائب عن الإطار التنسيقي كاظم الفياض،»: a second title and the name
        if len(out) == 1 and out[0].bare in PARTITIVES and tok.key == "من" and nxt is not None and nxt.definite:
            out.append(tok)
            continue  # «عدد من السكان», «بعض المحتجين»: a part of a group speaks, the group names it
        if len(out) >= 2 and out[0].bare in PARTITIVES and out[1].key == "من" \
                and (not tok.definite or len(out) >= 2 + MAX_PARTITIVE_GROUP_WORDS):
            break  # «ويعتبر كثير من البريطانيين يحيى بيرت»: the group and its adjectives, then the verb's object
        if tok.key.startswith("لل") and len(out) > 1 and out[-1].key in ORG_NAME_ADJECTIVES \
                and word_kind(out[-2]) == "org" and len(out) < cap:
            out.append(tok)
            continue  # «المديرية العامة للغابات», «الهيئة الوطنية للإعلام»: the organisation's name goes on
        if is_boundary(tok) or len(out) >= cap or (nxt is not None and _preposition_before_clause(tok, nxt)):
            break
        coordinated = bool(out) and word_kind(out[0]) == "role" and out[-1].definite and tok.key.startswith("وال") \
            and not word_kind(tok)  # «وزير التربية الوطنية والتعليم الأولي»: a second portfolio of the title
        if _is_say_noun(tok) or object_word(tok, nxt, patterns=not (in_construct(out) or coordinated)) \
                or (out and _ends_speaker(tok)) \
                or (tok.is_word and _prepositional_object(tok.key)):  # «وهدد تروتنيف بوقف», «ووعد بإجراء»
            break  # «عن شهود عيان قولهم إن», «الناطقة باسم ... ردا على», «شهود عيان وجود قوات»
        out.append(tok)
    return out


def _plural_collective(tok: Tok) -> bool:
    """«باحثون», «مسؤولين», «دبلوماسيون»: an indefinite sound masculine plural (a group, never a given name)."""
    return tok.is_word and not tok.definite and len(tok.key) > 4 and tok.key.endswith(("ون", "ين")) and not word_kind(tok)


def titled_apposed_run(toks: list[Tok], k: int) -> int:
    """Length of a segment set off by commas at k that is a definite title with its complement and closes with a name
    of two words («، النائب عن الإطار التنسيقي كاظم الفياض،»); 0 when none."""
    if k >= len(toks) or not toks[k].definite or word_kind(toks[k]) != "role":
        return 0
    m = k + 1
    while m < len(toks) and toks[m].is_word and m - k < MAX_ROLE_PHRASE_WORDS:
        m += 1
    closed = m >= len(toks) or toks[m].text in "،,"
    return m - k if closed and m - k >= 3 and not word_kind(toks[m - 2]) and whole_name(toks[m - 2 : m]) else 0


def possessed_title(tok: Tok) -> bool:
    """«رئيسها», «مديرهم», «نائبها», «منسقتها»: a title word with a plural or feminine pronoun suffix (its/their head)."""
    stems = [tok.bare[: -len(s)] for s in PRONOUN_SUFFIXES if tok.bare.endswith(s)]
    stems += [stem[:-1] + "ه" for stem in stems if stem.endswith("ت")]  # «منسقتها», «مديرتهم»: the ة before a suffix
    return possessed(tok) and any(word_kind_of(stem) == "role" for stem in stems)


def definite_object(tok: Tok, nxt: Tok | None) -> bool:
    """«الجماعة» in «اتهم الوزير الجماعة بأنها»: a definite noun (no adjective or title word) right
    after a definite title cannot be its genitive; followed by «بأن»/«بال...» it is the verb's object."""
    return tok.is_word and tok.definite and word_kind(tok) in ("", "org") and not _is_adjective(tok.key, True) \
        and nxt is not None and nxt.is_word and nxt.key.startswith(("بان", "بال"))


def construct_head(tok: Tok) -> bool:
    """«وزير», «مدير»: an indefinite title or organisation word, whose definite genitive («وزير التموين», «مدير
    الاستخبارات») belongs to the phrase even when it has a verbal-noun pattern."""
    return tok.is_word and not tok.definite and word_kind(tok) in ("role", "org")


def in_construct(out: list[Tok]) -> bool:
    """The phrase read so far ends in a construct that a definite genitive completes: an indefinite title
    («وزير», «مدير») or an indefinite noun governed by one («أستاذ علم» + «الاجتماع», «خبير شؤون» + «الطاقة»)."""
    if not out:
        return False
    return construct_head(out[-1]) or (len(out) >= 2 and construct_head(out[-2]) and out[-1].is_word
                                       and not out[-1].definite and not word_kind(out[-1]))


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
        if phrase[k - 1].definite and not tok.definite and (masdar_pattern(tok.key) or object_word(tok, patterns=False)
                                                            or cue_noun(tok)):
            return phrase[:k]
    return phrase


def cue_noun(tok: Tok) -> bool:
    """«إدانة», «إشارة»: a word written with ة whose ت-form is a listed past reporting verb («أدانت»): its verbal noun."""
    return tok.is_word and tok.text.endswith("ة") and len(tok.key) >= 4 and tok.key[:-1] + "ت" in cues()


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


def _is_cue(tok: Tok) -> bool:
    from marsad.quotes.tokens import cue_of

    return cue_of(tok) is not None


def _preposition_before_clause(tok: Tok, nxt: Tok) -> bool:
    """«علي أن» in copy that writes على with ي: a preposition, not the name علي."""
    from marsad.quotes.tokens import COMPLEMENTIZERS

    return tok.key == "علي" and nxt.key in COMPLEMENTIZERS and not nxt.text.startswith("إ")  # «ويقول علي إنه»: the name


# Prepositions inside a title («وزير الصحة في الكونغو», «سفير ... لدى», «المبعوث ... إلى اليمن», «المتحدث باسم»); «مع»,
# «خلال», «عن» ... open the verb's complements instead («خلال لقائه مع الرئيس X»).
TITLE_PREPOSITIONS = frozenset({"في", "لدي", "الي", "باسم", "عن"})  # «النائب عن حزب X», «البرلمانية عن فريق X»
AMMA = frozenset({"اما", "واما"})
ASIDE_PRONOUNS = frozenset({"هو", "هي", "هم", "هما", "وهو", "وهي", "وهم", "وهما"})  # «، وهي معلمة ...،»: an aside
MAX_TOPIC_WORDS = 8  # words of a topic («أما النائب عن المتن طوني عبود فرأى», «أما وزارة الخارجية ... الفرنسية فقد»)


def negated_adjective(toks: list[Tok], n: int) -> bool:
    """«غير» before a definite word («الاقتصاد غير الرسمي», «المنظمات غير الحكومية»): part of the phrase, not «غير أن»."""
    return toks[n].bare == "غير" and n + 1 < len(toks) and toks[n + 1].definite


MAX_ASIDE_WORDS = 16  # tokens of a relative aside inside a topic («، الذي خرج من سجن صيدنايا بعد سقوط النظام في
# ديسمبر (كانون الأول) 2024،», quotes_dev36); set by reading, as MAX_APPOSED_TITLE


def _aside_at(toks: list[Tok], lo: int, hi: int) -> int:
    """Index of the comma opening an aside («، الذي ...», «، وهي معلمة ...») between lo and hi; 0 when none."""
    return next((n for n in range(lo, min(hi, len(toks) - 1)) if toks[n].text in "،," and (
        toks[n + 1].bare in ASIDE_PRONOUNS or toks[n + 1].key in ("الذي", "التي"))), 0)


def amma_topic(toks: list[Tok]) -> list[Tok]:
    """«أما الخارجية الفرنسية فقد دانت», «أما سانتوس، فكتب», «أما النائب عن المتن X فرأى»: from «أما» at toks[0], the
    plain phrase before the ف-word that closes the topic (ف+verb, «فقد», «فإن»; a comma before it allowed; a title's
    preposition inside it allowed); [] when there is none."""
    if len(toks) < 3 or toks[0].bare not in AMMA:
        return []
    reach = 2 * MAX_TOPIC_WORDS + 3 + (MAX_ASIDE_WORDS if _aside_at(toks, 1, MAX_TOPIC_WORDS + 1) else 0)
    k = next((n for n in range(1, min(len(toks), reach)) if toks[n].key.startswith("ف")
              and toks[n].key != toks[n].bare and _closes_topic(toks, n)), 0)
    topic = toks[1:k]
    aside = _aside_at(topic, 1, len(topic) - 1)  # «، الذي لم يشارك ...،»
    if aside:
        topic = topic[:aside]  # «أما هبة، وهي معلمة في مدرسة ...، فقالت»: the aside describes the topic
    if topic and topic[-1].text in "،,":
        topic = topic[:-1]
    relative = next((n for n in range(1, len(topic)) if topic[n].bare in ("كان", "كانت") or imperfect_shaped(topic[n])), 0)
    if relative and not topic[0].definite and not word_kind(topic[0]) and all(t.is_word for t in topic[:relative]):
        topic = topic[:relative]  # «أما سائق شاحنة كان يمر بالطريق لحظة الحادث، فقال»: the noun its clause describes
    if topic and topic[-1].text == ")":  # «أما الجدة خيرية (68 عاما)، فتقول»: an age or a job in brackets
        topic = topic[: max((n for n, t in enumerate(topic) if t.text == "("), default=len(topic))]
    comma = next((n for n in range(1, len(topic)) if topic[n].text in "،,"), 0)
    if comma and (word_kind(topic[0]) == "role" or relation_noun(topic[0])) and (
            apposed_run(topic, comma + 1) == len(topic) - comma - 1 or (
            comma + 2 == len(topic) and whole_name(topic[comma + 1 :]))):  # «أما والد إيطو، الحسين، وهو مزارع، فيقول»
        return topic  # «أما عميد بلدية درنة المكلف، سالم بوخطوة، فيقول»: the title and its holder set off by commas
    named = title_prefix(topic[:comma]) if comma else 0  # «أما المحامي زياد حمدان، وكيل ...، فقال»: its honorific
    if comma and comma + 1 < len(topic) and whole_name(topic[named:comma]) and comma - named >= 1 and (
            word_kind(topic[comma + 1]) == "role" or topic[comma + 1].bare in OWNER_HEADS
            or (comma - named >= 2 and not word_kind(topic[named]))):  # «أما الحاج رجب، صاحب مخبز ...، فأكد»
        return topic[:comma]  # «أما كلير دوبوا، الممرضة في مستشفى ...، فقالت», «أما سعاد حسن، ربة منزل، فقالت»
    plain = all((t.is_word and (not is_boundary(t) or t.bare in TITLE_PREPOSITIONS or t.key.startswith("لل")
                                or negated_adjective(topic, n)))
                or (t.text in QUOTE_MARKS and n) for n, t in enumerate(topic))  # «أما حزب التجمع الوطني للإصلاح
    # والتنمية «تواصل»، فقد أعلن»: an organisation's «لل» genitive and its quoted short name
    return topic if 0 < len(topic) <= MAX_TOPIC_WORDS and plain and not is_boundary(topic[0]) else []


# ف-words that close an «أما» topic besides a ف + reporting verb («أما X فقد ...», «فإن», «فهو»).
AMMA_CLOSERS = frozenset({"فقد", "فان", "فانه", "فانها", "فانهم", "فهو", "فهي", "فهم", "فلم", "فلا", "فلن", "فما"})


def _closes_topic(toks: list[Tok], n: int) -> bool:
    """The ف-word at n closes an «أما» topic: ف + a reporting verb or a particle, anything after a comma («أما مهند،
    فعاد إلى العزف») or anything before a clause; not a name read with a ف («أما السائحة السعودية أم فيصل فقالت»,
    «أما فهد فقال»)."""
    from marsad.quotes.tokens import cue_of

    tok = toks[n]
    return cue_of(tok) is not None or tok.key in AMMA_CLOSERS or toks[n - 1].text in "،," or (n + 1 < len(toks) and (
        toks[n + 1].key in COMPLEMENTIZERS or toks[n + 1].text in "،,:")) or (
        n >= 2 and imperfect_shaped(Tok(tok.text, tok.start, tok.end, tok.bare))
        and any(t.text == ":" for t in toks[n + 1 : n + 2 + MAX_COLON_GAP]))  # «أما أم خليل، فتختصر الحكاية بجملة:»


MAX_COLON_GAP = 5  # words between a ف-verb closing an «أما» topic and its colon («فتختصر الحكاية بجملة واحدة:»); by reading


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
        if len(toks) > 2 and toks[-2].text in "،,":
            return apposed_after_title(toks[:-2])  # «وكان رئيس اللجنة، المحامي بيتر موانغي، قد أعلن»
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
    named = apposed_after_title(toks)
    if named:
        return named
    apposed = next((c for c in range(2, len(toks) - 1) if toks[c].text in "،," and toks[c + 1].definite
                    and word_kind(toks[c + 1]) == "role" and all(t.is_word for t in toks[c + 1 :])), 0)
    titled = trailing_phrase(toks[:apposed]) if apposed else []
    if titled and whole_name(titled[-2:]):
        return titled  # «عضو المكتب التنفيذي في مجلس محافظة حلب رهف قباني، المسؤولة عن قطاع التجارة، أكدت»
    aside = _aside_at(toks, 1, len(toks))
    head = toks[1:aside] if aside and toks[0].bare in CLAUSE_OPENERS else toks[:aside]
    if aside and 0 < len(head) <= MAX_NAME_WORDS and (whole_name(head) or (
            word_kind(head[0]) in ("role", "org") and _plain_phrase(head) == head)):
        return head  # «مصطفى، وهو يتيم في الثانية عشرة، قال»: the subject before an aside that describes it
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


# Words opening a clause before its title: contrast («لكن TITLE، NAME، رأى»), topic («أما TITLE، NAME، فاتهم») and
# pluperfect كان («وكان TITLE، NAME، قد أعلن»).
CLAUSE_OPENERS = frozenset({"لكن", "ولكن", "بينما", "فيما", "غير", "الا", "اما", "واما", "كان", "كانت"})


def apposed_after_title(toks: list[Tok], people: Collection[tuple[int, int]] = ()) -> list[Tok]:
    """«لكن مدير شبكة ... لمراقبة الانتخابات، NAME، رأى»: a name set off by commas after a title opening the clause,
    right before a verb without و (or «قد» after «وكان»), is that verb's subject (the title alone is no speaker).
    ``people`` are spans the entity tagger marks as persons: such a run is a name even when a word of it looks like
    another word («بريا شارما», a فاعلا participle's shape)."""
    return apposition(toks, people)[1]


# «صاحب المخبز، إبراهيم آدم، يقول»: the owner of a shop or a business is a title only set off before a name; not a
# title word of its own («صاحب السمو» is an honorific); by reading quotes_dev39.
OWNER_HEADS = frozenset({"صاحب", "مالك"})


def apposition(toks: list[Tok], people: Collection[tuple[int, int]] = ()) -> tuple[list[Tok], list[Tok]]:
    """(title, name) of ``apposed_after_title``; ([], []) when there is none."""
    commas = [k for k, t in enumerate(toks) if t.text in "،,"]
    if not commas:
        return [], []
    k = commas[-1]
    run = toks[k + 1 :]
    while len(run) > 2 and (run[0].key in TITLES or (run[0].definite and word_kind(run[0]) == "role")):
        run = run[1:]  # «، الدكتور ياسر الحلبي، فحذر», «، المحامي بيتر موانغي، قد»: the honorific before the name
    tagged = bool(run) and (run[0].start, run[-1].end) in people
    if not 2 <= len(run) <= MAX_NAME_WORDS or not all(t.is_word for t in run) \
            or not (tagged or _name_run(run) == (0, len(run)) or participle_shaped_surname(run)):
        return [], []
    start = 0
    while start < k and (toks[start].bare in CLAUSE_OPENERS or (start and toks[start].key == "ان" and toks[start - 1].bare in (
            "غير", "الا"))):
        start += 1  # «غير أن مدير ...، NAME، قال»: «however» is two words
    title = toks[start:k]
    # a bloc's or body's name in marks may sit inside the title («المستشار الطبي في منظمة «أطباء بلا حدود»»)
    owner = len(title) >= 2 and title[0].bare.removesuffix("ه") in OWNER_HEADS and title[1].definite  # «صاحب المخبز»
    if not title or (word_kind(title[0]) != "role" and not owner) \
            or any((not t.is_word and t.text not in QUOTE_MARKS) or _is_cue(t) or t.key in COMPLEMENTIZERS for t in title):
        return [], []  # «المتحدث ذاته أن زراعات ...، مثل X،»: a clause, no title
    return title, run


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
    rest = list(reversed(out))
    field = len(rest) >= 4 and not rest[0].definite and not word_kind(rest[0]) and rest[1].definite \
        and not word_kind(rest[1]) and whole_name(rest[2:])  # «في علم الاجتماع سنية الجلاصي»: a field, then the name
    name = rest[2:] if field else closing_name(rest)
    if name and name[0].key in country_names():
        name = name[1:]  # «إلى ليبيا جون ماركس»: the country is the preposition's, the name follows it
    start = 0
    while start < n and toks[start].bare in CLAUSE_OPENERS:
        start += 1  # «لكن الباحثة في ...»: the contrast word opens the clause, the title follows it
    if _role_opening(toks[start:n]) and len(name) >= 2:
        return toks[start:n] + name  # «أما المبعوث الأممي الخاص إلى اليمن هانس غروندبرغ فقد أعرب»: the title and its holder
    head: list[Tok] = []
    for k in range(n - 1, max(-1, n - 4), -1):
        if _clause_start(toks[k]) and head and not head[-1].definite:
            return list(reversed(head)) + [toks[n]] + list(reversed(out))
        if is_boundary(toks[k]) or word_kind(toks[k]) == "aux":
            return []
        head.append(toks[k])
    if head and n <= len(head) and word_kind(head[-1]) in ("org", "role") and (
            len(out) <= MAX_PLACE_WORDS or (len(out) >= 3 and whole_name(out[1::-1]))):
        # «نقابة الصيادين في غزة تقول إن», «عضو المكتب التنفيذي في مجلس محافظة حلب رهف قباني»: opening the sentence
        return list(reversed(head)) + [toks[n]] + list(reversed(out))
    return []


MAX_PLACE_WORDS = 2  # words after the preposition of a body opening its sentence («في غزة», «في جنوب لبنان»); by reading


def _clause_start(tok: Tok) -> bool:
    from marsad.quotes.tokens import COMPLEMENTIZERS

    return tok.key in COMPLEMENTIZERS or tok.key in SUBORDINATORS or tok.key in ("فيما", "بينما") or tok.bare in ("فيما", "بينما", "كما", "حين", "لكن", "لكنه", "لكنها", "ولكن",
                                                      "اذ", "حيث", "اما")


MAX_KIN_TITLE_WORDS = 3  # «والد إيطو», «والدة الطفل»: a title before a name set off by a comma; by reading quotes_dev36


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
    commas = [k for k, t in enumerate(toks) if t.text in "،,"]
    if (first == "role" or relation_noun(toks[0])) and len(commas) == 1 and commas[0] <= MAX_KIN_TITLE_WORDS and 0 < len(toks) - commas[0] - 1 <= 2 \
            and whole_name(toks[commas[0] + 1 :]) and not any(word_kind(t) for t in toks[commas[0] + 1 :]):
        # «والد إيطو، الحسين»: a short name set off after a short title holds it (not «X، أحد وجهاء العشيرة»)
        role = _span(text, toks[: commas[0]])
        return Speaker(_span(text, toks[commas[0] + 1 :]), "PER", role, toks[0].start, toks[-1].end)
    if len(toks) > 2 and toks[0].bare in PARTITIVES and toks[1].key == "من":
        return Speaker(_span(text, toks), "ORG", "", toks[0].start, toks[-1].end)  # «عدد من السكان»: a collective
    if 2 <= len(toks) <= 3 and _plural_collective(toks[0]) and all(_is_adjective(t.key, t.definite) for t in toks[1:]):
        return Speaker(_span(text, toks), "ORG", "", toks[0].start, toks[-1].end)  # «باحثون بريطانيون»: a collective
    if len(toks) > 1 and toks[0].key.isdigit() and toks[1].is_word:
        return Speaker(_span(text, toks), "ORG", "", toks[0].start, toks[-1].end)  # «100 عائلة»: a counted group
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
        role = (_span(text, toks[:i]) or _span(text, toks[j:])).strip(" ،,")  # «رئيس المقر، NAME»: no comma in the role
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
            elif found is None or found.kind != "PER":
                out.extend(_apposed_holder_after(text, toks, k))
    return out + counterpart_holders(text, toks)


COUNTERPARTS = frozenset({"نظيره", "نظيرته", "نظيرها", "نظيرهم"})


def counterpart_holders(text: str, toks: list[Tok]) -> list[Speaker]:
    """«مع نظيره الإسباني خافيير مورينو»: the counterpart named with his nationality holds the same office abroad, so
    a later «الوزير الإسباني» may refer to him; his role is the counterpart phrase («نظيره الإسباني»)."""
    out = []
    for k, tok in enumerate(toks):
        if tok.bare not in COUNTERPARTS and lam_free(tok.key) not in COUNTERPARTS:
            continue
        m = k + 1
        while m < len(toks) and toks[m].definite and nisba(toks[m]):
            m += 1
        end = m
        while end < len(toks) and end - m < MAX_NAME_WORDS and toks[end].is_word and not is_boundary(toks[end]) \
                and whole_name(toks[m : end + 1]):
            end += 1
        if m > k + 1 and end - m >= 2:
            # «وزير الخارجية X ... مع نظيره الإسباني Y»: Y holds the office of the sentence's titled subject
            head = next((t for t in reversed(toks[:k]) if word_kind(t) == "role"), None)
            first = strip_article(head.text) if head is not None else tok.text
            role = " ".join([first, *(t.text for t in toks[k + 1 : m])])
            out.append(Speaker(text[toks[m].start : toks[end - 1].end], "PER", role, toks[m].start, toks[end - 1].end))
    return out


def lam_free(key: str) -> str:
    """«لنظيره» -> «نظيره»: a word without a ل/ب prefix."""
    return key[1:] if key[:1] in "لب" and len(key) > 4 else key


def _apposed_holder_after(text: str, toks: list[Tok], k: int) -> list[Speaker]:
    """«وكان رئيس اللجنة المستقلة للانتخابات، المحامي بيتر موانغي، قد أعلن», «لكن مدير الشبكة، سامي الخطيب، رأى»:
    the name set off by commas after the title opening at k holds it."""
    commas = [n for n in range(k + 1, len(toks)) if toks[n].text in "،,"]
    if not commas:
        return []
    end = commas[1] if len(commas) > 1 else len(toks)
    title, run = apposition(toks[k:end])
    if not run or title[0] is not toks[k]:
        return []
    return [Speaker(_span(text, run), "PER", _span(text, title), run[0].start, run[-1].end)]


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
    titled = bool(role) and (role[0].key in TITLES or (role[0].definite and word_kind(role[0]) == "role"))
    if not role or (len(role) >= 3 and titled and _name_run(role[1:]) == (0, len(role) - 1)):
        return None  # «الخبير في شؤون الطاقة، الدكتور زياد العمري»: an honorific and a name, not a title after a name
    return Speaker(_span(text, name), "PER", _span(text, role), name[0].start, name[-1].end)


def _title_only(surface: str) -> bool:
    """A one-word mention that is a title, an honorific or a country's adjective («الأمينة», «معالي», «الإندونيسي»):
    the tagger's slip, no name («الخراساني», «البدري» are family names)."""
    words = surface.split()
    if len(words) != 1:
        return False
    tok = Tok(words[0], 0, 0, match_key(words[0]))
    return tok.key in TITLES or word_kind(tok) == "role" or (tok.definite and strip_article(tok.key) in country_codes())


def speaker_from_mentions(text: str, mentions: list[Mention], start: int, end: int) -> Speaker | None:
    """A PER (else ORG) mention inside [start, end): the tagger's reading of the speaker phrase."""
    inside = [m for m in mentions if m.start >= start and m.end <= end and m.type in ("PER", "ORG")
              and not _title_only(text[m.start : m.end])
              and not (m.type == "PER" and _is_adjective(match_key(m.text), False) and " " not in m.text.strip())]
    inside.sort(key=lambda m: (m.type != "PER", m.start))
    if not inside:
        return None
    m = inside[0]
    name = " ".join(text[m.start : m.end].translate(NO_MARKS).split())  # «منظمة “أطباء بلا حدود»: no stray mark
    return Speaker(name, m.type, m.role or "", m.start, m.end)
