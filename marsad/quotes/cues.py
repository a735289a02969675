"""Cues: the reporting verbs of a sentence that start a statement, and where each statement's clause begins.

A verb inside a quotation, after a relative pronoun or a subjunctive particle, or read as a verbal noun is no
cue; a verb nested in an earlier clause («إن الدراسة ... كشفت أن») is part of that clause."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from marsad.quotes.content import quotation_ending_at
from marsad.quotes.context import OPENERS, Context, Hit, in_quotation, occasion_at
from marsad.quotes.lexicon import Cue, cues, outlet_heads, phrase_cues_by_first_word
from marsad.quotes.names import (
    MAX_NAME_WORDS,
    Speaker,
    apposed_run,
    name_at_end,
    purpose_cue,
    whole_name,
)
from marsad.quotes.speakers import (
    ASIDE_PRONOUNS,
    MAX_ASIDE_WORDS,
    OWNER_HEADS,
    amma_topic,
    apposition,
    imperfect_shaped,
    trailing_phrase,
)
from marsad.quotes.tokens import (
    COMPLEMENTIZERS,
    NAME_NOT_PREPOSITION,
    PREPOSITIONS,
    RESUMING,
    Tok,
    cue_of,
    is_boundary,
    word_kind,
    word_kind_of,
)
from marsad.text.tokens import strip_article

# Tokens after a cue searched for its needed word: «عبر الأمين العام للأمم المتحدة كوفي أنان عن» (seven words
# between); widened from five on issue 5's structures round, checked on the seeds, dev and dev2 sets.
NEEDS_WINDOW = 9
SUBJUNCTIVE = frozenset({"ان", "لن", "لم", "كي", "لكي"})


def _phrase_hit(toks: list[Tok], i: int) -> Hit | None:
    for cue in phrase_cues_by_first_word().get(toks[i].bare, ()):
        n = len(cue.words)
        window = toks[i : i + n]
        if len(window) == n and window[0].bare == cue.words[0] and all(
                t.key == w for t, w in zip(window[1:], cue.words[1:], strict=True)):
            return Hit(i, i + n, cue)
    return None


def _named_antecedent(toks: list[Tok], i: int, cue: Cue, ctx: Context) -> Speaker | None:
    """«... كوندوليزا رايس التي قالت إن ...»: «said» after التي/الذي whose antecedent is a named person
    (not «تصريحه الذي قال فيه»)."""
    if cue.kind != "say" or cue.pos != "past" or i < 3 or toks[i - 1].key not in ("التي", "الذي"):
        return None
    if i + 1 < len(toks) and toks[i + 1].key in ("فيه", "فيها"):
        return None
    return name_at_end(ctx.text, toks[: i - 1])


MAX_TITLED_ANTECEDENT = 4  # name words and adjectives between a title and «الذي قال» («الخبير القانوني علي التميمي»)


def _titled_antecedent(toks: list[Tok], i: int, cue: Cue) -> int | None:
    """«... الخبير القانوني علي التميمي الذي قال لموقع ... إن», «المحامي سالم الذي قال إن»: «said» after التي/الذي
    whose antecedent is a definite title with at most a few name words after it; a title is the one who speaks, never
    the object of the relative verb (not «تصريحه الذي قال فيه»)."""
    if cue.kind != "say" or cue.pos != "past" or i < 3 or toks[i - 1].key not in ("التي", "الذي") \
            or (i + 1 < len(toks) and toks[i + 1].key in ("فيه", "فيها")):
        return None
    for k in range(i - 2, max(-1, i - 3 - MAX_TITLED_ANTECEDENT), -1):
        tok = toks[k]
        if k == i - 2 and tok.text in "،,":
            continue  # «إلى والد الضحية، الذي قال»: the relative set off by a comma
        if word_kind(tok) == "role" and (tok.definite or (k + 1 < i and toks[k + 1].definite)):
            return k  # «المحامي سالم», «والد الضحية»: a definite title or a title in construct
        if not tok.is_word or cue_of(tok) is not None or (word_kind(tok) and tok.key not in NAME_NOT_PREPOSITION):
            return None
    return None


def _apposed_relative(toks: list[Tok], i: int, cue: Cue) -> bool:
    """«... متحدث باسم الشرطة، الذي قال: ...»: «said» in a relative clause set off by a comma after the person just
    named, introducing its own content (a colon, a complementizer or a quotation)."""
    return cue.kind == "say" and cue.pos == "past" and i >= 2 and toks[i - 1].key in ("التي", "الذي") \
        and toks[i - 2].text in "،," and i + 1 < len(toks) \
        and (toks[i + 1].text == ":" or toks[i + 1].key in COMPLEMENTIZERS or toks[i + 1].text in OPENERS)


# «في الوقت الذي أكد فيه X أن»: «at the time when», a conjunction; the verb after it has its own subject.
TIME_NOUNS = frozenset({"الوقت", "اليوم", "اللحظه", "الحين"})


def conjunction_relative(toks: list[Tok], i: int) -> bool:
    """The verb at i follows «الوقت الذي» and is followed by «فيه»: a new statement, not a relative clause."""
    return i >= 2 and toks[i - 1].key in ("الذي", "التي") and toks[i - 2].key in TIME_NOUNS \
        and i + 1 < len(toks) and toks[i + 1].key in ("فيه", "فيها")


# «وعاد نجاد ليؤكد أن», «وعادت الوزيرة لتقول إن»: «went back to say», the speaker between «عاد» and a present
# reporting verb with the ل of purpose. ANERcorp train: 1 such statement of 5 ل + present reporting verbs; the
# others («خرجوا ... لتؤكد وقوفها», «ليؤكد الجزيرة تفوقه») follow no «عاد» and are not speech.
MAX_RESUMED_SUBJECT = 5  # words of the speaker between «عاد» and the verb


def _resumed_present(toks: list[Tok], i: int) -> Cue | None:
    """The present reporting verb of «عاد X ليؤكد»: «ل» + a listed present form, after «عاد» and a short subject."""
    cue = purpose_cue(toks[i])
    if cue is None or cue.quote != "yes":
        return None
    return cue if resuming_verb_before(toks, i) is not None else None


def resuming_verb_before(toks: list[Tok], i: int) -> int | None:
    """Index of the «عاد» before token i, right before it («النائب عاد ليؤكد») or a short subject before it."""
    for k in range(i - 1, max(-1, i - 2 - MAX_RESUMED_SUBJECT), -1):
        if toks[k].bare in RESUMING:
            return k
        if (not toks[k].is_word and toks[k].text not in "-‐") or cue_of(toks[k]) is not None:
            return None  # a hyphen may join a name («نكويتا-سلامي»)
    return None


def _hit_at(toks: list[Tok], i: int, ctx: Context) -> Hit | None:
    tok = toks[i]
    if in_quotation(ctx, tok.start):
        return None
    hit = _phrase_hit(toks, i)
    cue = hit.cue if hit else (cue_of(tok) or _resumed_present(toks, i) or _with_shadda(tok))
    if cue is not None and cue.pos == "noun" and _definite_say_noun(toks, i):
        return Hit(i, i + 1, cue)  # «لكنه حرص على القول إن», «بادرنا بالقول إن»: a new content, same speaker
    if cue is not None and cue.pos == "noun" and cue.needs in COMPLEMENTIZERS and _owner_then_an(toks, i):
        return Hit(i, i + 1, cue)  # «وجاء إعلان الوزارة أن»: the verbal noun, its owner the speaker
    said_by = bi_qawlihi(toks, i)
    if said_by is not None:
        return Hit(i, i + 1, said_by)  # «وبررت الوكالة القرار بقولها إنه ...»: a content, the sentence's subject
    if cue is None or cue.pos == "noun" or cue.quote == "impersonal":
        return None
    if cue.lemma == "روي" and tok.bare.startswith("ي") and not tok.key.startswith("ف") and i + 1 < len(toks) \
            and toks[i + 1].key in COMPLEMENTIZERS:
        return None  # «ويُروى أن»: «it is told that», no one tells it; «تروي أن», «أما X فيروي أن» are people telling
    if anonymity_aside(toks, i):
        return None  # «، رفض ذكر اسمه،», «فضلت عدم ذكر اسمها»: the source's anonymity, no statement
    prev = toks[i - 1] if i else None
    if prev is not None and word_kind(prev) == "relative" and not _named_antecedent(toks, i, cue, ctx) \
            and not _apposed_relative(toks, i, cue) and not conjunction_relative(toks, i) \
            and _titled_antecedent(toks, i, cue) is None:
        return None
    if prev is not None and cue.pos == "present" and (prev.key in SUBJUNCTIVE or prev.bare in SUBJUNCTIVE) \
            and not (i + 1 < len(toks) and toks[i + 1].text == ":" and i > 1 and toks[i - 2].bare in ("قبل", "بعد")):
        return None  # not «قبل أن يقول: "..."»: the words said next
    if prev is not None and cue.pos == "participle" and tok.key.endswith("ه") and prev.is_word and not prev.definite \
            and prev.key.endswith("ه") and not word_kind(prev) and cue_of(prev) is None \
            and not (i + 1 < len(toks) and (toks[i + 1].bare in COMPLEMENTIZERS or toks[i + 1].text == ":")):
        return None  # «في خطوة لافتة بالنظر إلى»: a feminine adjective agreeing with the noun before it
    if prev is not None and cue.pos == "participle" and tok.key.endswith("ه") and cue_of(prev) is not None \
            and _word_follows(toks, i):
        return None  # «وقالت مضيفة على متن الطائرة إن»: right after a verb, the noun (a stewardess); not «وتابعت قائلة "»
    if prev is not None and cue.pos == "past" and _noun_reading(prev):
        return None  # «وفي رد على تصريحات», «طالبا عدم كشف هويته»: the verbal noun, not the verb
    if cue.pos == "past" and _governed_noun(toks, i):
        return None  # «رفض اللواء X، نائب المحافظ، وصف الخطة بالتهجير»: the verbal noun the verb before governs
    if cue.pos == "past" and tok.key == tok.bare and i > 1 and prev is not None and prev.definite \
            and toks[i - 2].key == "من":
        return None  # «طلب من الهيئة رد طلبات الدفاع»: the verbal noun asked for, not a verb
    if cue.needs == "clause" and not clause_follows(toks, i):
        return None  # «وكررت دعوتها إلى»: «كرر» reports only a clause
    if cue.needs == "near_clause" and not near_clause(toks, i):
        return None
    if cue.needs not in ("-", "clause", "near_clause") and not needed_word_follows(toks, i, cue.needs) \
            and not _preposed_quotation(toks, i, ctx):
        return None  # «"..."، بهذه الكلمات يتذكر أحمد»: the quotation before the verb is what it needs
    if cue.kind == "describe" and cue.quote == "no" and _bi_an_follows(toks, i, cue.pos == "participle"):
        return Hit(i, i + 1, replace(cue, quote="yes"))  # «ووصف عنان وصبري المحادثات بانها "..."»: the clause is said
    return hit or Hit(i, i + 1, cue)


MIN_PREPOSED_WORDS = 3  # «"..."، يتذكر أحمد»: a sentence said, not a name in marks («ل ـ «الشرق الاوسط» عبر الهاتف»)


def _preposed_quotation(toks: list[Tok], i: int, ctx: Context) -> bool:
    """A quotation of MIN_PREPOSED_WORDS words or more closed by a comma right before the cue (a bridge such as
    «بهذه الكلمات» allowed): «"..."، بهذه الكلمات يتذكر أحمد»; the verb needs nothing after it."""
    if toks[i].key != toks[i].bare:
        return False  # «"كل محام وكل وسيط"، ودفعت آلاف الدولارات»: a و-verb goes on narrating
    q = quotation_ending_at(ctx, toks[i].start)
    return q is not None and q.words(ctx.text) >= MIN_PREPOSED_WORDS and any(
        t.text in "،," for t in toks[max(0, i - 4) : i] if q.end <= t.start)


SHADDA = "\u0651"


def _with_shadda(tok: Tok) -> Cue | None:
    """«بيّن», «بيّنت»: a verb listed only after «و» because without its shadda it reads as «بين» (between); the shadda
    written on it makes it the verb (quotes_dev44)."""
    return cues().get("و" + tok.key) if SHADDA in tok.text and tok.key == tok.bare else None


OWN_NAME_WORDS = frozenset({"اسمه", "اسمها", "اسمهم", "اسمهما", "هويته", "هويتها", "هويتهم", "هويتهما"})
ANONYMITY_WINDOW = 4  # words from «رفض/فضل/طلب» to «اسمه/هويته» («طلب عدم الكشف عن هويته»); set by reading


def anonymity_aside(toks: list[Tok], i: int) -> bool:
    """The cue at i asks that its subject stay unnamed («رفض ذكر اسمه», «طلب عدم الكشف عن هويته»): «his name/identity»
    follows within a few words, before any punctuation."""
    for t in toks[i + 1 : i + 1 + ANONYMITY_WINDOW]:
        if not t.is_word:
            return False
        if t.key in OWN_NAME_WORDS:
            return True
    return False


def clause_follows(toks: list[Tok], i: int) -> bool:
    """A complementizer within CLAUSE_WINDOW words, before any reporting verb other than a verbal noun and before
    a comma or a full stop (a bracket may come between): «كرر وزير الخارجية ... أمس القول ان», «وكرر بوش وبلير
    خلال لقاء ... في كامب ديفيد (ولاية ميريلاند - شرق) انهما»."""
    words = 0
    for t in toks[i + 1 :]:
        if t.key in COMPLEMENTIZERS:
            return True
        cue = cue_of(t)
        if (cue is not None and cue.pos != "noun") or t.text in CLAUSE_ENDS or words >= CLAUSE_WINDOW:
            return False
        words += t.is_word
    return False


# Words between «كرر» and its clause: up to 20 in ANERcorp train's 4 «كرر ... أن» statements (set on train).
CLAUSE_WINDOW = 24


CLAUSE_ENDS = frozenset("،,:؛;.!?؟")


BI_AN = frozenset({"بان", "بانه", "بانها", "بانهم", "باننا"})


def _bi_an_follows(toks: list[Tok], i: int, participle: bool) -> bool:
    """«وصف X Y بأنها "..."», «..., واصفا زعماء الحرب بأنهم ...»: «بأن» within NEEDS_WINDOW tokens, before any
    other reporting verb or boundary, then a quotation (or any clause after the participle that extends a statement)
    makes a describing verb report the clause; a narrated description stays none («ووصف الطرفان المشاورات بأنها
    كانت بناءة», seeds). ANERcorp train: 5 «وصف ... بأن» phrases, this fires on 2, both quotes of dev5/dev6 gold."""
    for k in range(i + 1, min(len(toks) - 1, i + 1 + NEEDS_WINDOW)):
        if toks[k].key in BI_AN:
            return participle or toks[k + 1].text in OPENERS
        if cue_of(toks[k]) is not None or is_boundary(toks[k]):
            return False
    return False


NEAR_CLAUSE_WORDS = 4  # «وبيّن أن», «وبين الساعدي، أن», «وبين جلالته ان» (quotes_dev19; ANERcorp train: 2 of 2 such «وبين»)


def near_clause(toks: list[Tok], i: int) -> bool:
    """A complementizer within NEAR_CLAUSE_WORDS words (a comma allowed), before any present verb or reporting verb:
    «وبين المرأة كمخلوق يريد أن» is the preposition, the «أن» is another verb's."""
    words, k = 0, _role_subject_end(toks, i + 1) or i + 1
    while k < len(toks):
        t = toks[k]
        end = _apposed_title_end(toks, k) if t.text in "،," else 0
        if end:  # «وبيّن مدير فرع المؤسسة ...، محمد نور حمامي، أن»: the name set off costs nothing
            k = end + 1
            continue
        k += 1
        if t.bare in COMPLEMENTIZERS:
            return True
        if words >= NEAR_CLAUSE_WORDS or cue_of(t) is not None or imperfect_shaped(t) \
                or (t.bare != t.key and imperfect_shaped(Tok(t.text, t.start, t.end, t.bare))):
            return False
        words += t.is_word
    return False


def needed_word_follows(toks: list[Tok], i: int, needed: str) -> bool:
    """The word a cue needs («عن» of «عبر») comes within NEEDS_WINDOW tokens and before any other reporting verb:
    in «رسائل عبر البريد الإلكتروني ... أعربت فيها عن» the «عن» is the nearer verb's, and «عبر» is «via». A title set
    off by commas after the subject's name does not count («عبرت NAME، رئيسة فيدرالية ... بجهة الرباط، عن»)."""
    counted, wanted = 0, needed.split("|")  # «:|ان»: either word
    k = _role_subject_end(toks, i + 1) or i + 1  # «ترى الباحثة في شؤون الهجرة بجامعة X، الدكتورة Y، أن»
    while k < len(toks) and counted < NEEDS_WINDOW:
        t = toks[k]
        if t.key in wanted or t.bare in wanted:
            return True
        if cue_of(t) is not None:
            return False
        end = _apposed_title_end(toks, k)
        k, counted = (end, counted) if end else (k + 1, counted + 1)  # a skipped segment costs nothing
    return False


def _role_subject_end(toks: list[Tok], k: int) -> int:
    """Index of the comma closing a title subject that opens at k and runs to a comma («الباحثة في شؤون الهجرة
    الداخلية بجامعة عمر المختار،»), when a name set off by commas follows it; else 0. The subject costs a cue's
    window nothing: its needed word («أن» of «ترى») comes after the subject."""
    if k >= len(toks) or word_kind(toks[k]) != "role":
        return 0
    for m in range(k + 1, min(len(toks), k + 1 + MAX_APPOSED_TITLE)):
        if toks[m].text in "،,":
            return m if apposed_run(toks, m + 1) or word_kind_of(toks[m + 1].bare if m + 1 < len(toks) else "") == "role" else 0
        if not toks[m].is_word or cue_of(toks[m]) is not None:
            return 0
    return 0


MAX_APPOSED_TITLE = 16  # tokens of a title set off by commas («، رئيسة فيدرالية جمعيات آباء وأمهات ... القنيطرة،»)


def _apposed_title_end(toks: list[Tok], k: int) -> int:
    """Index of the closing comma of a segment set off by commas opening at the comma k that belongs to the subject
    or the occasion, not the content: a title («، رئيسة فيدرالية ...،»), a name («، إدريس العلوي،») or an occasion
    («، في حديث إلى رصيف22،»); else 0."""
    if toks[k].text not in "،," or k + 2 >= len(toks):
        return 0
    if word_kind_of(toks[k + 1].bare) != "role" and not occasion_at(toks, k + 1) and not apposed_run(toks, k + 1) \
            and toks[k + 1].bare not in OWNER_HEADS and toks[k + 1].bare not in ASIDE_PRONOUNS:
        # «، صاحب معصرة في منطقة الحنشة،», «، وهو نحال من وادي دوعن،»
        return 0
    for m in range(k + 2, min(len(toks), k + 2 + MAX_APPOSED_TITLE)):
        if toks[m].text in "،,":
            return m  # the closing comma: the next segment may be skipped too
        if not toks[m].is_word or cue_of(toks[m]) is not None:
            return 0
    return 0


MAX_OWNER_WORDS = 3  # words between a verbal-noun cue and «أن» («إعلان وزارة الصحة أن»); set by reading, no gold data


def _owner_then_an(toks: list[Tok], i: int) -> bool:
    """«إعلان الوزارة أن», «إعلان أن»: «أن» after at most MAX_OWNER_WORDS plain words (no verb, no punctuation)."""
    for k in range(i + 1, min(len(toks), i + 2 + MAX_OWNER_WORDS)):
        if toks[k].key == "ان":
            return True
        if not toks[k].is_word or cue_of(toks[k]) is not None or is_boundary(toks[k]):
            return False
    return False


def _definite_say_noun(toks: list[Tok], i: int) -> bool:
    """«القول»/«بالقول» right before a complementizer, after an earlier content (not «وخلص موتان الى القول إن»)."""
    return toks[i].bare.startswith("ال") and 0 < i < len(toks) - 1 and toks[i + 1].key in COMPLEMENTIZERS \
        and toks[i - 1].key in ("علي", "الي") and any(t.key in COMPLEMENTIZERS for t in toks[:i])  # not «بالقول إن»


# Verbs whose object is often a reporting verb's verbal noun («رفض وصف الخطة», «انتقد إعلان», «جدد رفض»): lemmas of
# data/reporting_verbs.tsv and words outside it; set by reading (quotes_dev36), no gold data.
NOUN_GOVERNING = frozenset({"رفض", "جدد", "انتقد", "ايد", "ادان", "استنكر", "تجنب", "واصل", "عارض", "رحب"})


def _governed_noun(toks: list[Tok], i: int) -> bool:
    """The past form at i follows «VERB SUBJECT» with no «و», VERB one of NOUN_GOVERNING: it is that verb's object,
    a verbal noun («رفض اللواء عادل الحسيني، نائب المحافظ، وصف الخطة بالتهجير»; «رفض الوزير وصف الخطة»)."""
    if toks[i].key not in cues():
        return False  # «رفض هذا الاقتراح وقالت»: a و-verb is a second verb
    k = i - 1
    if k > 0 and toks[k].text in "،,":  # a title set off by commas after the subject's name
        c = next((m for m in range(k - 1, max(0, k - 1 - MAX_APPOSED_TITLE), -1) if not toks[m].is_word), -1)
        if c < 1 or toks[c].text not in "،," or c == k - 1 or word_kind(toks[c + 1]) != "role":
            return False
        k = c
    v = k - 1 if toks[k].text in "،," else k
    subject = 0
    while v >= 0 and toks[v].is_word and cue_of(toks[v]) is None and subject <= MAX_NAME_WORDS:
        if toks[v].bare.removesuffix("ت") in NOUN_GOVERNING:
            break
        v, subject = v - 1, subject + 1
    if v < 0 or subject == 0 or not toks[v].is_word:
        return False
    verb = cue_of(toks[v])
    return toks[v].bare.removesuffix("ت") in NOUN_GOVERNING or (verb is not None and verb.lemma in NOUN_GOVERNING)


def _word_follows(toks: list[Tok], i: int) -> bool:
    """A word (not a complementizer, colon or quotation mark) right after token i."""
    return i + 1 < len(toks) and toks[i + 1].is_word and toks[i + 1].key not in COMPLEMENTIZERS


# A past-tense form right after these is the verbal noun («في رد», «عدم كشف»), not a verb.
NOUN_BEFORE = frozenset({"عدم", "بعدم", "لعدم"})
# After a quantifier a verb form is the noun («فكل فرد», «كل وعد», «أي ذكر»: all three such pairs of ANERcorp train).
QUANTIFIERS = frozenset({"كل", "لكل", "بكل", "اي", "لاي", "باي"})


def _noun_reading(prev: Tok) -> bool:
    return prev.is_word and prev.text not in NAME_NOT_PREPOSITION and (
        prev.key in NOUN_BEFORE or prev.bare in QUANTIFIERS or (prev.bare in PREPOSITIONS and prev.bare != "ذلك"))


def find_hits(toks: list[Tok], ctx: Context) -> list[Hit]:
    hits: list[Hit] = []
    i = 0
    while i < len(toks):
        hit = _hit_at(toks, i, ctx)
        if hit:
            hits.append(hit)
        i = hit.j if hit else i + 1
    return hits


def subject_before(toks: list[Tok], hit: Hit, people: Collection[tuple[int, int]] = ()) -> list[Tok]:
    """The subject before a verb; none for participles, relays and verbs joined by و/ف («واعتبر»),
    whose subject is the previous one. ``people``: spans the entity tagger marks as persons (a titled name set off
    by commas before the verb is read with them)."""
    if not hit.main or hit.cue.kind == "relay" or (toks[hit.i].key != toks[hit.i].bare and not _amma_fa(toks, hit)):
        return []
    resumed = resuming_verb_before(toks, hit.i) if cue_of(toks[hit.i]) is None else None
    if resumed is not None and resumed < hit.i - 1:
        return toks[resumed + 1 : hit.i]  # «وعادت الوزيرة هدى علي لتؤكد»: the subject of «عاد»
    if resumed is not None:  # «غير أن النائب عاد ليؤكد»: the subject before «عاد», none after «وعاد ليؤكد»
        return [] if toks[resumed].key != toks[resumed].bare else trailing_phrase(toks[:resumed])
    amma = _amma_particle(toks, hit)
    if amma is not None:  # «أما الرئيس السنيورة فقد اعتبر», «أما نائب المحافظ ... فأنه يقول»
        phrase = trailing_phrase(toks[amma + 1 : hit.i - 1])
        if not phrase or phrase[0] is not toks[amma + 1]:  # «أما نائبان عن الحزب ... فقد أكدا»: the whole topic
            return amma_topic(toks[amma : hit.i]) or phrase
        return phrase
    if hit.i > 1 and toks[hit.i - 1].key in ("التي", "الذي"):
        named = name_at_end("", toks[: hit.i - 1])  # the named antecedent of «التي قالت»
        if named is None:  # «المحامي سالم الذي قال»: the titled antecedent
            title = _titled_antecedent(toks, hit.i, hit.cue)
            end = hit.i - 2 if toks[hit.i - 2].text in "،," else hit.i - 1
            return toks[title:end] if title is not None else []
        return [t for t in toks[: hit.i - 1] if named.start <= t.start]
    # «لكن مندوبة الهند، بريا شارما، رفضت النص»: the name set off before the verb, not its object; with its title when
    # they read as one, so «وأضاف العميد» later resolves to the name («، بريا شارما،» is read alone: a participle's shape)
    before_title, apposed = apposition(toks[: hit.i - 1], people) if hit.i > 1 and toks[hit.i - 1].text in "،," \
        else ([], [])
    if apposed:
        whole = toks[toks.index(before_title[0]) : toks.index(apposed[-1]) + 1]
        return whole if whole_name(apposed) else apposed
    topic = _amma_fa_topic(toks, hit)
    if topic:
        return topic  # «أما سانتوس، فكتب على حسابه:»: the topic, whatever follows the verb
    if hit.cue.pos == "past" and subject_follows(toks, hit.j):
        return []  # «... رغم المخاطر قال البنك الدولي إن»: verb first, its subject after it
    subject = trailing_phrase(toks[: hit.i]) or subject_before_relative(toks, hit.i)
    if subject and subject[0].key in ("بهذه", "هكذا"):
        return []  # «"..."، بهذه الكلمات يتذكر أحمد»: the words just quoted, the speaker follows the verb
    if subject and subject[-1].text == "/":
        return []  # «شفق نيوز/ أكدت وزارة ...»: a dateline glued to a slash, the subject follows the verb
    opening = opening_subject_of_resumptive(toks, hit)
    if opening:
        return opening  # «وأرسلت الشركة رسائل ... أعربت فيها عن»: the letters hold the statement, the company speaks
    if hit.cue.pos == "present" and len(subject) == 1 and subject[0].key != subject[0].bare \
            and not subject[0].definite and word_kind(subject[0]) not in ("role", "org"):
        return []  # «ومضى يقول», «وعاد يقول»: a و-verb of continuation before a present reporting verb
    return subject


RESUMPTIVES = frozenset({"فيه", "فيها", "فيهما", "فيهم"})
# Words of the object between a title subject and «أكد فيها» («الوزير كلمة», «الوزير مؤتمرا صحفيا»); more, and the
# words after the title are its holder's name (tests/test_quotes_dev2.py); set by reading, no gold data.
MAX_TITLED_OBJECT_WORDS = 2


def opening_subject_of_resumptive(toks: list[Tok], hit: Hit) -> list[Tok]:
    """«وأرسلت الشركة رسائل ... أعربت فيها عن», «وأصدرت الوزارة بيانا أكدت فيه أن»: a verb without و followed by
    «فيها» describes the indefinite object of the و-verb opening the sentence (the letters, the speech); the
    speaker is that verb's definite subject, read up to its object."""
    resumptive = hit.cue.words[-1] in RESUMPTIVES or (hit.j < len(toks) and toks[hit.j].key in RESUMPTIVES)
    if not resumptive or hit.i < 3:  # «بيانا مشتركا جاء فيه أن»: the phrase cue holds the resumptive
        return []
    first = toks[0]
    qad = next((q for q in range(2, min(hit.i - 2, 2 + MAX_KANA_SUBJECT_WORDS)) if toks[q].bare in ("قد", "لقد")), 0) \
        if first.bare in ("كان", "كانت") else 0
    if qad and all(t.is_word for t in toks[1:qad]) and toks[qad + 2].is_word and not toks[qad + 2].definite \
            and hit.i - qad - 3 <= MAX_TITLED_OBJECT_WORDS:
        return toks[1:qad]  # «وكان تجمع أصحاب المولدات قد أصدر بيانا اعتبر فيه أن»: the subject between كان and قد
    if not first.is_word or first.key == first.bare or first.definite or word_kind(first) or cue_of(first) is not None:
        return []
    k = 1
    while k < hit.i and toks[k].is_word and toks[k].definite and not is_boundary(toks[k]):
        k += 1
    subject_end = k
    if k < hit.i and toks[k].text in "،," and _apposed_title_end(toks, k):
        k = _apposed_title_end(toks, k) + 1  # «ووقع الوزيران، في ختام اللقاء، بيانا»: the occasion set off
    obj = toks[k] if k < hit.i else None
    if k == 1 or obj is None or not obj.is_word or obj.definite or word_kind(obj) or is_boundary(obj):
        return []
    if word_kind(toks[1]) == "role" and hit.i - k > MAX_TITLED_OBJECT_WORDS:
        return []  # «وعقد الوزير نبيل حداد مؤتمرا صحفيا أكد فيه»: the title's holder, not its object, follows it
    return toks[1:subject_end]


MAX_KANA_SUBJECT_WORDS = 8  # words between «وكان» and «قد» («وكان تجمع أصحاب المولدات الخاصة قد»); by reading

MAX_RELATIVE_CLAUSE = 14  # tokens from «، الذي» to the verb («أحد الأطباء النفسيين، الذي استفسرت منه جوليانا، عن ... قال»)


def subject_before_relative(toks: list[Tok], i: int) -> list[Tok]:
    """«أحد الأطباء النفسيين، الذي استفسرت منه جوليانا، عن اختيار ليوناردو ... قال:»: a verb without و right after a
    relative clause set off by a comma has the phrase before that comma as its subject."""
    for k in range(i - 2, max(1, i - MAX_RELATIVE_CLAUSE) - 1, -1):
        if toks[k].key in ("الذي", "التي") and toks[k - 1].text in "،," and toks[k + 1].is_word:
            return trailing_phrase(toks[: k - 1])
        if toks[k].text in ".:؛" or cue_of(toks[k]) is not None:
            return []
    return []


def fronted_start(toks: list[Tok], k: int) -> int:
    """Where the clause at k really starts: at a fronted «وفي ...» within three words before it («وفي مانشيستر قالت»)."""
    for m in range(max(0, k - 3), k):
        if toks[m].key != toks[m].bare and toks[m].bare in PREPOSITIONS:
            return m
    return k


def _amma_fa(toks: list[Tok], hit: Hit) -> bool:
    """«أما الشيخ الخراساني أمين المجمع فيقول»: the ف of «أما ... ف» follows the subject."""
    return toks[hit.i].key.startswith("ف") and _amma_before(toks, hit.i) is not None


def _amma_before(toks: list[Tok], i: int) -> int | None:
    """Index of «أما» within MAX_AMMA_GAP tokens before i, a relative aside set off by commas («، الذي لم يشارك في
    الدراسة،») not counted; None when there is none."""
    counted, k = 0, i - 1
    while k >= 0 and counted < MAX_AMMA_GAP:
        if toks[k].key in ("اما", "واما"):
            return k
        if toks[k].text in "،,":
            start = next((m for m in range(k - 1, max(-1, k - 2 - MAX_ASIDE_WORDS), -1) if toks[m].text in "،,"), -1)
            if start >= 0 and toks[start + 1].key in ("الذي", "التي"):
                k = start  # the aside costs nothing
        counted += 1
        k -= 1
    return None


def _amma_fa_topic(toks: list[Tok], hit: Hit) -> list[Tok]:
    """The plain phrase between «أما» and the ف-verb («أما سانتوس، فكتب»), a comma before the verb allowed."""
    if not _amma_fa(toks, hit):
        return []
    k = _amma_before(toks, hit.i)
    if k is None:
        return []
    return amma_topic(toks[k : hit.i + 1])


AMMA_PARTICLES = frozenset({"فقد", "فانه", "فانها", "فانهم"})


def _amma_particle(toks: list[Tok], hit: Hit) -> int | None:
    """Index of «أما» when the verb follows «فقد» / «فإنه» closing its topic («أما بلير فقد شدد»): the topic between
    them is the subject (ANERcorp train: 4 such sentences beside 4 with «ف» on the verb itself)."""
    if hit.i < 3 or toks[hit.i - 1].key not in AMMA_PARTICLES:
        return None
    for k in range(hit.i - 2, max(-1, hit.i - 2 - MAX_AMMA_GAP), -1):
        if toks[k].key in ("اما", "واما"):
            return k if k + 1 < hit.i - 1 else None
    return None


# Tokens between «أما» and its verb (ANERcorp dev set, ninth batch: 10; a long title, a body's name in marks and a
# titled name set off by commas: «أما المستشار الطبي في منظمة «X»، الدكتور Y، فحذر», quotes_dev14). A relative aside
# inside the topic («أما X، TITLE، الذي لم يشارك ...، فرأى», quotes_dev33) is not counted (_amma_before).
MAX_AMMA_GAP = 16


def clause_start(toks: list[Tok], hit: Hit) -> int:
    subject = subject_before(toks, hit)
    return toks.index(subject[0]) if subject else hit.i


# Words after which a verb begins a new statement rather than one reported inside the current one.
NEW_CLAUSE = frozenset({"فيما", "بينما", "كما", "لكن", "لكنه", "لكنها", "اذ", "حيث", "اما", "ثم", "حين", "بل", "رغم", "غير",
                        "برغم"})


def nested(toks: list[Tok], hit: Hit) -> bool:
    """A verb without و/ف inside the clause of an earlier one («إن الدراسة ... كشفت أن»): nested
    speech, part of that clause, not a new statement. Participles and «في حين أن ...» start one."""
    if not hit.main or toks[hit.i].key != toks[hit.i].bare:
        return False
    if hit.i > 1 and toks[hit.i - 1].key in ("التي", "الذي"):
        return False  # «... رايس التي قالت إن»: a statement of the named antecedent
    resumed = resuming_verb_before(toks, hit.i) if cue_of(toks[hit.i]) is None else None
    if resumed is not None and toks[resumed].key != toks[resumed].bare:
        return False  # «وعاد نجاد ليؤكد»: «وعاد» opens a statement of its own
    k = clause_start(toks, hit)
    if k == 0:
        return False
    before = toks[k - 1]
    if not before.is_word or _opens_clause(before) or word_kind(before) == "aux":
        return False
    if any(t.key != t.bare and t.bare in PREPOSITIONS for t in toks[max(0, k - 3) : k]):
        return False  # «(رويترز) وفي مانشيستر قالت الشرطة»: a fronted «وفي ...» opens a new statement
    # «غير أن X قال», «إلا أن X يذكرون» (ANERcorp train: 3 «إلا أن X + cue»); a bare «الا» is «أن لا» («قرر الا يقول»)
    return not (before.key in COMPLEMENTIZERS and k > 1 and (_opens_clause(toks[k - 2]) or toks[k - 2].bare == "الا"))


def _opens_clause(tok: Tok) -> bool:
    """«فيما», «وبينما», «كما»: the key itself or without its و/ف («فيما» is not ف + «يما»)."""
    return tok.key in NEW_CLAUSE or tok.bare in NEW_CLAUSE


def contrast_cuts(toks: list[Tok]) -> list[int]:
    """Where a contrasting clause of the reporter starts: «، غير أن ...», «، لكن ...»: the content stops."""
    cuts = []
    for k in range(1, len(toks) - 1):
        if toks[k - 1].text in "،," and (toks[k].bare in ("لكن", "ولكن") or
                                          (toks[k].bare in ("غير", "الا") and toks[k + 1].key in COMPLEMENTIZERS)):
            cuts.append(k)
    return cuts


def relayed_statement(toks: list[Tok], hit: Hit, outer: Hit) -> bool:
    """«قالت صحيفة بيلد الألمانية إن السفير الألماني ... هانز سيدت توقع أن»: a verb nested right after the
    complementizer of an outlet's statement, with a person or title as its subject, is that person's statement,
    relayed by the outlet (quotes_dev2, issue 5); «ذكرت الوكالة أن الدراسات أكدت أن» stays one statement."""
    k = clause_start(toks, hit)
    if not hit.main or k < 2 or k == hit.i or toks[k - 1].key not in COMPLEMENTIZERS or outer.i >= k:
        return False
    subject = subject_before(toks, outer) or toks[outer.j : k - 1]
    heads = [t for t in subject if t.is_word][:1]
    return bool(heads) and strip_article(heads[0].bare) in {strip_article(h) for h in outlet_heads()} \
        and word_kind(toks[k]) == "role"


def bi_qawlihi(toks: list[Tok], i: int) -> Cue | None:
    """«بقوله/بقولها» right before a complementizer or colon: «... by saying that», the say-noun cue."""
    tok = toks[i]
    if not tok.key.startswith("ب") or tok.key.startswith("بال") or i + 1 >= len(toks) or not (toks[i + 1].key in COMPLEMENTIZERS or toks[i + 1].text == ":"):
        return None
    found = cues().get(tok.key[1:])
    return found if found is not None and found.pos == "noun" and found.kind == "say" else None


def by_saying(toks: list[Tok], hit: Hit) -> bool:
    """The hit is «بقوله/بقولها» before its content («... القرار بقولها إنه»)."""
    return hit.cue.pos == "noun" and toks[hit.i].key.startswith("ب") and not toks[hit.i].key.startswith("بال")


MAX_VSO_SUBJECT = 6  # tokens of a definite subject between a verb and its complementizer («قال البنك الدولي إن»)


def subject_follows(toks: list[Tok], j: int) -> bool:
    """A definite title or organisation right after the verb, then (words only) a complementizer: the verb's
    subject follows it (VSO), and a phrase before the verb belongs to what precedes (a run-in headline)."""
    if j >= len(toks) or not toks[j].definite or word_kind(toks[j]) not in ("role", "org"):
        return False
    for k in range(j + 1, min(len(toks), j + MAX_VSO_SUBJECT + 1)):
        if toks[k].key in COMPLEMENTIZERS:
            return True
        if not toks[k].is_word:
            return False
    return False
