"""Quotes of one article: cues, the clause each introduces, its speaker and its relays.

Per Arabic sentence: every reporting verb of the lexicon (with و/ف prefixes) that is not inside a
quotation, not after a relative pronoun («التي تزعم») and not a subjunctive («أن يعلن») is a cue. The
reported content starts at the first introducer after the cue — a complementizer (أن/إن/بأن/أنه...),
a colon, an opening quotation mark, the verb's own preposition before a noun («أشار إلى تلقي»,
«أعرب عن استعداد») or, for «نفى», its object — and runs to the next cue (or the subject of the next
cue) or the end of the sentence. Content that is one quotation is a direct quote; otherwise indirect,
with any quotation of three words or more inside it also returned as a (partial) direct quote.
The speaker is the subject before the verb («وزارة الخارجية التركية أعلنت»), else the phrase after
it, else the previous speaker in the sentence (participles: «مشيرا إلى أن») or the article
(«وأضاف:», «وأشار إلى أنه»). Headline lines «NAME: text» are direct quotes of NAME.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from marsad.model import Article, Mention, Quote
from marsad.quotes.lexicon import Cue, phrase_cues_by_first_word
from marsad.quotes.marks import PAIRS, TOGGLES, Quoted, quoted_spans, strip_marks
from marsad.quotes.relay import (
    according_at,
    chain,
    relay_cuts,
    relay_noun_phrase,
    relay_span,
    relays_in,
    source_line,
)
from marsad.quotes.speakers import (
    MAX_NAME_WORDS,
    Registry,
    Speaker,
    adverbial,
    apposed_name,
    closes_phrase,
    closing_name,
    faa_il_an,
    leading_phrase,
    name_after_role,
    name_at_end,
    name_words,
    object_word,
    parse_speaker,
    speaker_from_mentions,
    title_holders,
    trailing_phrase,
)
from marsad.quotes.tokens import (
    COMPLEMENTIZERS,
    NAME_NOT_PREPOSITION,
    PREPOSITIONS,
    Tok,
    cue_of,
    sentence_tokens,
    word_kind,
    word_kind_of,
)
from marsad.text.normalize import match_key

ARABIC = re.compile(r"[\u0621-\u064a]")
HEADLINE = re.compile(r"^([^:\n\"«“”]{2,60}?)\s*:\s*(\S.*)$")
OPENERS = frozenset(PAIRS) | TOGGLES
QUOTE_MARKS_ALL = frozenset("\"«»“”'")
MIN_PARTIAL_WORDS = 3  # a quotation inside reported speech shorter than this is a scare quote («"داعش"»)
# Outside reported speech (after «دعا», «اتهم») a three-word quotation is mostly a term («"قطاع النفط الكردستاني"»):
# set by reading the ANERcorp dev set, ninth batch.
MIN_ORPHAN_WORDS = 4
MAX_RELAY_WORDS_BEFORE = 5  # «ذكرت وكالة سانا نقلا عن»: the relay named before «نقلا عن» is short
MAX_RELAY_GAP = 12  # words between «نقلت» and «عن»: «نقلت صحيفة "صن" البريطانية في عددها الصادر اليوم عن» (ANERcorp dev)
MAX_INTRO_GAP = 30  # words between a cue and its introducer; beyond this the introducer is not its own
SUBJUNCTIVE = frozenset({"ان", "لن", "لم", "كي", "لكي"})
TRAILING = frozenset({"و", "ان", "حين", "فيما", "بينما", "في", "،", ",", "وذلك", "ذلك", "كما", "لكن", "لكنه", "لكنها", "لكنهم",
                      "ولكن", "ولكنه", "ولكنها", "غير"})
MAX_HEADLINE_WORDS = 30
# A quotation this short followed by another introducer in the clause is a name («لشبكة "سي ان ان":»,
# «ذكرت صحيفة "واشنطن بوست" أن»), not the content. Set by reading ANERcorp (tests/golden/quotes_dev.json).
MAX_NAME_QUOTE_WORDS = 4
NAME_QUOTE_LOOKAHEAD = 8  # tokens after the quoted name in which the real introducer must come
# «قبل أن», «بعد أن»: أن after these is a conjunction of time, not the start of reported speech.
TEMPORAL = frozenset({"قبل", "بعد", "دون", "حتي", "منذ", "بدل", "لمجرد", "سبق"})  # «الذي سبق أن وجه»
# «حسب رأيه», «بحسب قوله»: «in his view», no new source.
OWN_VIEW = frozenset({"رايه", "رايها", "رايهم", "قوله", "قولها", "قولهم", "تعبيره", "تعبيرها", "وصفه", "وصفها"})
BARE_KINDS = frozenset({"say", "add", "continue"})
# A quotation right after these words is a title («تحت عنوان "..."»), not a partial quote.
TITLE_WORDS = frozenset({"عنوان", "بعنوان", "اسم", "باسم", "شعار", "بشعار", "عبارة", "كلمة"})
# Labels before a colon that are bylines or page furniture, not speakers.
NO_HEAD = frozenset({"المصدر", "المصادر", "تحديث", "اخر", "بقلم", "تعليق", "المراسل", "عدسه", "تصوير", "كتب",
                     "كتبت", "اعداد", "ترجمه", "الكاتب", "المحرر", "متابعات", "صوره", "الصوره", "فيديو", "اقرا"})


@dataclass(frozen=True, slots=True)
class Hit:
    i: int
    j: int
    cue: Cue

    @property
    def main(self) -> bool:
        return self.cue.pos in ("past", "present", "phrase")


@dataclass(frozen=True, slots=True)
class Raw:
    """A quote before speaker resolution."""

    start: int
    end: int
    kind: str
    cue: str
    speaker: Speaker | None
    sentence: int


@dataclass(slots=True)
class Context:
    """What one sentence needs to know about the article."""

    text: str
    quoted: list[Quoted]
    mentions: list[Mention]
    current: Speaker | None
    known: list[str]
    history: list[tuple[Speaker, str]] = field(default_factory=list)  # explicit speakers and their verbs' gender
    holders: list[Speaker] = field(default_factory=list)  # «الإمام الجليل حبيب ...»: titled names, speakers or not


def in_quotation(ctx: Context, offset: int) -> bool:
    return any(q.start <= offset < q.end and q.words(ctx.text) >= 2 for q in ctx.quoted)


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


def _apposed_relative(toks: list[Tok], i: int, cue: Cue) -> bool:
    """«... متحدث باسم الشرطة، الذي قال: ...»: «said» in a relative clause set off by a comma after the person just
    named, introducing its own content (a colon, a complementizer or a quotation)."""
    return cue.kind == "say" and cue.pos == "past" and i >= 2 and toks[i - 1].key in ("التي", "الذي") \
        and toks[i - 2].text in "،," and i + 1 < len(toks) \
        and (toks[i + 1].text == ":" or toks[i + 1].key in COMPLEMENTIZERS or toks[i + 1].text in OPENERS)


def _hit_at(toks: list[Tok], i: int, ctx: Context) -> Hit | None:
    tok = toks[i]
    if in_quotation(ctx, tok.start):
        return None
    hit = _phrase_hit(toks, i)
    cue = hit.cue if hit else cue_of(tok)
    if cue is not None and cue.pos == "noun" and _definite_say_noun(toks, i):
        return Hit(i, i + 1, cue)  # «لكنه حرص على القول إن», «بادرنا بالقول إن»: a new content, same speaker
    if cue is None or cue.pos == "noun" or cue.quote == "impersonal":
        return None
    prev = toks[i - 1] if i else None
    if prev is not None and word_kind(prev) == "relative" and not _named_antecedent(toks, i, cue, ctx) \
            and not _apposed_relative(toks, i, cue):
        return None
    if prev is not None and cue.pos == "present" and (prev.key in SUBJUNCTIVE or prev.bare in SUBJUNCTIVE):
        return None
    if prev is not None and cue.pos == "participle" and tok.key.endswith("ه") and cue_of(prev) is not None \
            and _word_follows(toks, i):
        return None  # «وقالت مضيفة على متن الطائرة إن»: right after a verb, the noun (a stewardess); not «وتابعت قائلة "»
    if prev is not None and cue.pos == "past" and _noun_reading(prev):
        return None  # «وفي رد على تصريحات», «طالبا عدم كشف هويته»: the verbal noun, not the verb
    if cue.needs != "-" and not any(cue.needs in (t.key, t.bare) for t in toks[i + 1 : i + 6]):
        return None
    return hit or Hit(i, i + 1, cue)


def _definite_say_noun(toks: list[Tok], i: int) -> bool:
    """«القول»/«بالقول» right before a complementizer, after an earlier content (not «وخلص موتان الى القول إن»)."""
    return toks[i].bare.startswith("ال") and 0 < i < len(toks) - 1 and toks[i + 1].key in COMPLEMENTIZERS \
        and toks[i - 1].key in ("علي", "الي") and any(t.key in COMPLEMENTIZERS for t in toks[:i])  # not «بالقول إن»


def _word_follows(toks: list[Tok], i: int) -> bool:
    """A word (not a complementizer, colon or quotation mark) right after token i."""
    return i + 1 < len(toks) and toks[i + 1].is_word and toks[i + 1].key not in COMPLEMENTIZERS


# A past-tense form right after these is the verbal noun («في رد», «عدم كشف»), not a verb.
NOUN_BEFORE = frozenset({"عدم", "بعدم", "لعدم"})


def _noun_reading(prev: Tok) -> bool:
    return prev.is_word and prev.text not in NAME_NOT_PREPOSITION and (
        prev.key in NOUN_BEFORE or (prev.bare in PREPOSITIONS and prev.bare != "ذلك"))


def find_hits(toks: list[Tok], ctx: Context) -> list[Hit]:
    hits: list[Hit] = []
    i = 0
    while i < len(toks):
        hit = _hit_at(toks, i, ctx)
        if hit:
            hits.append(hit)
        i = hit.j if hit else i + 1
    return hits


def subject_before(toks: list[Tok], hit: Hit) -> list[Tok]:
    """The subject before a verb; none for participles, relays and verbs joined by و/ف («واعتبر»),
    whose subject is the previous one."""
    if not hit.main or hit.cue.kind == "relay" or (toks[hit.i].key != toks[hit.i].bare and not _amma_fa(toks, hit)):
        return []
    if hit.i > 1 and toks[hit.i - 1].key in ("التي", "الذي"):
        named = name_at_end("", toks[: hit.i - 1])  # the named antecedent of «التي قالت»
        return [t for t in toks[: hit.i - 1] if named is not None and named.start <= t.start] if named else []
    subject = trailing_phrase(toks[: hit.i])
    if hit.cue.pos == "present" and len(subject) == 1 and subject[0].key != subject[0].bare \
            and not subject[0].definite and word_kind(subject[0]) not in ("role", "org"):
        return []  # «ومضى يقول», «وعاد يقول»: a و-verb of continuation before a present reporting verb
    return subject


def fronted_start(toks: list[Tok], k: int) -> int:
    """Where the clause at k really starts: at a fronted «وفي ...» within three words before it («وفي مانشيستر قالت»)."""
    for m in range(max(0, k - 3), k):
        if toks[m].key != toks[m].bare and toks[m].bare in PREPOSITIONS:
            return m
    return k


def _amma_fa(toks: list[Tok], hit: Hit) -> bool:
    """«أما الشيخ الخراساني أمين المجمع فيقول»: the ف of «أما ... ف» follows the subject."""
    return toks[hit.i].key.startswith("ف") and any(t.key == "اما" for t in toks[max(0, hit.i - MAX_AMMA_GAP) : hit.i])


MAX_AMMA_GAP = 10  # words between «أما» and its verb (ANERcorp dev set, ninth batch)


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
    k = clause_start(toks, hit)
    if k == 0:
        return False
    before = toks[k - 1]
    if not before.is_word or _opens_clause(before) or word_kind(before) == "aux":
        return False
    if any(t.key != t.bare and t.bare in PREPOSITIONS for t in toks[max(0, k - 3) : k]):
        return False  # «(رويترز) وفي مانشيستر قالت الشرطة»: a fronted «وفي ...» opens a new statement
    return not (before.key in COMPLEMENTIZERS and k > 1 and _opens_clause(toks[k - 2]))


def _opens_clause(tok: Tok) -> bool:
    """«فيما», «وبينما», «كما»: the key itself or without its و/ف («فيما» is not ف + «يما»)."""
    return tok.key in NEW_CLAUSE or tok.bare in NEW_CLAUSE


def find_intro(toks: list[Tok], start: int, limit: int, cue: Cue, ctx: Context) -> tuple[str, int, int] | None:
    """(how, index of the introducer, index where the content starts), or None."""
    circumstance = False  # «حذر بوتين الشركات ...، طالبا من حكومته»: a preposition after a participle is its own
    subject_at = anaphoric_object_end(toks, start, limit)  # «عبرت عن ذلك "نانسي كوال"»: the subject comes next
    for k in range(start, min(limit, start + MAX_INTRO_GAP)):
        tok = toks[k]
        if k < subject_at:
            continue
        if start < k == subject_at and tok.text in OPENERS and _short_quotation(tok, ctx):
            continue  # the quoted name of the subject, not the content
        circumstance = circumstance or (k > start and tok.is_word and not tok.key.endswith("ها")  # not «مسؤوليتها»
                                        and (adverbial(tok) or faa_il_an(tok.key)))
        nxt = toks[k + 1] if k + 1 < len(toks) else None  # «أكد العثور على»: على may be the limit
        if tok.is_word and any(q.start <= tok.start < q.end for q in ctx.quoted):
            continue  # «لـ "سي ان ان" ان ...»: words inside a quoted name introduce nothing
        if tok.key in COMPLEMENTIZERS and not (k > start and toks[k - 1].bare in TEMPORAL) \
                and ctx.text[tok.start - 1 : tok.start] != ".":  # «سي.أن.أن» is a name, not «أن»
            return "clause", k, k + 1
        if tok.text == ":":
            return "colon", k, k + 1
        if tok.text in OPENERS and any(q.start == tok.end and q.words(ctx.text) >= 2 for q in ctx.quoted) \
                and not quoted_name(toks, k, limit, ctx) and not _after_lam(toks, k):
            return "quote", k, k
        if cue.prep not in ("-", "obj") and tok.key == cue.prep and nxt is not None and nxt.key not in COMPLEMENTIZERS \
                and not circumstance \
                and (tok.text not in NAME_NOT_PREPOSITION or _ala_spelled_ali(toks, k, start, nxt)):
            return "nominal", k, k + 1
    return None


# Demonstratives standing for something already reported («أكد ذلك الوزير», «عبرت عن ذلك نانسي كوال»): an object
# that refers back, after which the verb's subject follows, never reported content.
ANAPHORIC = frozenset({"ذلك", "هذا", "هذه", "ذاك", "ذلك،"})


def anaphoric_object_end(toks: list[Tok], start: int, limit: int) -> int:
    """Index after a back-referring object right after the cue («ذلك», «عن ذلك»), else ``start``."""
    k = start
    if k < limit and toks[k].is_word and toks[k].bare in PREPOSITIONS and k + 1 < limit:
        k += 1
    return k + 1 if k < limit and toks[k].key in ANAPHORIC else start


def _quoted_words(toks: list[Tok], ctx: Context) -> list[Tok]:
    """The words inside a short quotation opening ``toks`` (a quoted name), else ``toks``."""
    q = _opened_at(toks[0], ctx) if toks and _short_quotation(toks[0], ctx) else None
    return [t for t in toks if q is not None and q.start <= t.start and t.end <= q.end and t.is_word] if q else toks


def _short_quotation(tok: Tok, ctx: Context) -> bool:
    q = _opened_at(tok, ctx)
    return q is not None and q.words(ctx.text) <= MAX_NAME_QUOTE_WORDS


def _after_lam(toks: list[Tok], k: int) -> bool:
    """«ل ـ «الجبهة الشعبية»», «لـ"الشرق الأوسط"»: a quotation after a bare ل is a name, not content."""
    before = [t for t in toks[:k] if t.key]
    return bool(before) and before[-1].key in ("ل", "لـ")


def quoted_name(toks: list[Tok], k: int, limit: int, ctx: Context) -> bool:
    """The quotation opened at token k is a short name followed, in the clause, by the real introducer, or
    right after an indefinite title or organisation head («رئيس "بروتان انتيرناسيونال"،»)."""
    q = _opened_at(toks[k], ctx)
    if q is None or q.words(ctx.text) > MAX_NAME_QUOTE_WORDS:
        return False
    if k > 0 and word_kind(toks[k - 1]) in ("role", "org") and not toks[k - 1].definite \
            and ctx.text[q.end + 1 : q.end + 3].strip()[:1] in ("،", ","):
        return True
    after = [t for t in toks[k + 1 : limit] if t.start > q.end][:NAME_QUOTE_LOOKAHEAD]
    return any(t.key in COMPLEMENTIZERS or t.text == ":" or t.text in OPENERS for t in after)


def addressee_relay(region: list[Tok], ctx: Context) -> str | None:
    """«قال ... لشبكة "سي ان ان"», «لوكالة تاس», «ل ـ «الشرق الاوسط»»: the outlet told, a relay."""
    for n, tok in enumerate(region):
        rest = [t for t in region[n + 1 :] if t.key or t.text in OPENERS]
        if tok.key in ("ل", "لـ") and rest and rest[0].text in OPENERS:
            q = _opened_at(rest[0], ctx)
            return ctx.text[q.start : q.end] if q and q.words(ctx.text) <= MAX_NAME_QUOTE_WORDS else None
        if tok.key.startswith("لل") and not tok.key.endswith(("ين", "ون")) and n + 1 >= len(region) \
                and not (n and adverbial(region[n - 1])) \
                and relay_noun_phrase(ctx.text, region[n:], lam=True):
            return relay_noun_phrase(ctx.text, region[n:], lam=True)  # «قال للجزيرة إن»: right before the clause
        if tok.key.startswith("لل") and word_kind_of(tok.key[2:]) == "org":  # «للقناة التلفزيونية الاسرائيلية العاشرة»
            return relay_noun_phrase(ctx.text, region[n:], lam=True)
        if tok.key.startswith("ل") and not tok.key.startswith("لل") and word_kind_of(tok.key[1:]) == "org":
            q = _opened_at(rest[0], ctx) if rest and rest[0].text in OPENERS else None
            if q is not None and q.words(ctx.text) <= MAX_NAME_QUOTE_WORDS:
                return f"{ctx.text[tok.start + 1 : tok.end]} {ctx.text[q.start : q.end]}"
            return relay_noun_phrase(ctx.text, region[n:], lam=True)
    return None


# Nouns that follow «أكد/شدد على» (written علي in some copy): «علي ضرورة», «علي أهمية».
ALA_NOUNS = frozenset({"ضروره", "اهميه", "حرص", "التزام", "رفض", "دعم", "استعداد", "عزم", "حق", "وجوب"})


def _ala_spelled_ali(toks: list[Tok], k: int, start: int, nxt: Tok) -> bool:
    """«كما أكد نجاد علي ضرورة ...»: after the speaker, علي before a noun phrase is the preposition على."""
    return k > start and (nxt.key in ALA_NOUNS or (nxt.definite and nxt.key not in ("الله",)))


def _relay_verb(toks: list[Tok], hit: Hit, limit: int, text: str) -> tuple[str | None, int] | None:
    """«نقلت وكالة تاس عن انطونوف قوله»: (relay, index of the speaker phrase)."""
    if hit.j < limit and toks[hit.j].key in ("عنه", "عنها", "عنهم"):  # «ونقلت عنه صحيفة الحياة أن»
        found = relay_span(text, toks[hit.j + 1 : limit])
        return (found[0], hit.j + 1 + found[1]) if found else None
    source_prep = "الي" if hit.cue.lemma == "نسب" else "عن"  # «نسبت الصحيفة إلى مسؤول قوله»
    for k in range(hit.j, min(limit, hit.j + MAX_RELAY_GAP)):
        if toks[k].key == source_prep:
            return relay_noun_phrase(text, toks[hit.j : k]), k + 1
    return None


def _quoting_from(region: list[Tok], text: str) -> tuple[str | None, list[Tok]] | None:
    """«ذكرت وكالة سانا نقلا عن مصدر عسكري أن»: (relay before «نقلا عن», the tokens after it)."""
    for k in range(len(region) - 1):
        if region[k].bare == "نقلا" and region[k + 1].key == "عن":
            if sum(t.is_word for t in region[:k]) > MAX_RELAY_WORDS_BEFORE or any(word_kind(t) == "relative" for t in region[:k]):
                return None  # «نفى ... ما نقل على لسانه نقلا عن اذاعة الجيش»: not «X نقلا عن Y»
            return relay_noun_phrase(text, region[:k]), region[k + 2 :]
    return None


def _opened_at(mark: Tok, ctx: Context) -> Quoted | None:
    """The top-level quotation opened by the mark token."""
    found = [q for q in ctx.quoted if q.depth == 0 and mark.end <= q.start <= mark.end + 1]
    return found[0] if found else None


def _quote_before(toks: list[Tok], hit: Hit, ctx: Context) -> Quoted | None:
    """«"نحن مستعدون"، قال أنطونوف»: a quotation ending right before the cue."""
    cue_start = toks[hit.i].start
    for q in ctx.quoted:
        between = ctx.text[q.end : cue_start].replace("هكذا", "")  # «"..."، هكذا قال»
        if q.depth == 0 and q.end <= cue_start and not between.strip(" \t\"'»”“،,.:") and q.words(ctx.text) >= 2:
            return q
    return None


def _known_prefix(toks: list[Tok], ctx: Context) -> int:
    """Length of a known speaker name at the start of ``toks`` (for «وأضاف انطونوف يوجد ...»)."""
    for n in (3, 2, 1):
        if len(toks) >= n and all(t.is_word for t in toks[:n]):
            surface = ctx.text[toks[0].start : toks[n - 1].end]
            if any(name_words(surface) <= name_words(name) for name in ctx.known):
                return n
    return 0


def _speaker(phrase: list[Tok], ctx: Context) -> Speaker | None:
    if not phrase:
        return None
    found = speaker_from_mentions(ctx.text, ctx.mentions, phrase[0].start, phrase[-1].end)
    return found or parse_speaker(ctx.text, phrase)


# «... على حد قوله», «... حسب تعبيره»: the reporter's tag closing the content, not part of it.
CLOSING_TAGS = (("علي", "حد", "قوله"), ("علي", "حد", "قولها"), ("علي", "حد", "تعبيره"), ("علي", "حد", "تعبيرها"),
                ("حسب", "تعبيره"), ("حسب", "تعبيرها"), ("بحسب", "تعبيره"), ("بحسب", "تعبيرها"))


def _content_span(toks: list[Tok], c0: int, limit: int, text: str) -> tuple[int, int] | None:
    end = _without_credit(toks, c0, limit)
    while end > c0 and not toks[end - 1].is_word:
        end -= 1
    for tag in CLOSING_TAGS:
        if end - len(tag) > c0 and tuple(t.key for t in toks[end - len(tag) : end]) == tag:
            end -= len(tag)
            break
    while end > c0 and toks[end - 1].key in TRAILING:
        end -= 1
    if end <= c0:
        return None
    start, stop = strip_marks(text, toks[c0].start, toks[end - 1].end)
    return (start, stop) if stop > start else None


MAX_CREDIT_TOKENS = 6  # «(رويترز)», «(الفرنسية - أرشيف)»: a photo credit closing the content


def _without_credit(toks: list[Tok], c0: int, end: int) -> int:
    """End of the content before a parenthesised credit it closes with."""
    if end - c0 < 3 or toks[end - 1].text != ")":
        return end
    for k in range(end - 2, max(c0, end - MAX_CREDIT_TOKENS - 1), -1):
        if toks[k].text == "(":
            return k
    return end


def _direct(span: tuple[int, int], ctx: Context) -> Quoted | None:
    """The quotation that makes up the whole content, if it does (possibly running past the clause)."""
    start, end = span
    for q in ctx.quoted:
        if q.start == start and q.depth == 0:
            rest = ctx.text[q.end : end] if q.end < end else ""
            if not rest.strip(" \t.،,؛;:…\"'»”“«"):
                return q
    return None


def _after_title_word(text: str, offset: int) -> bool:
    before = text[max(0, offset - 20) : offset - 1].split()
    return bool(before) and match_key(before[-1]) in TITLE_WORDS


def quotes_of_content(span: tuple[int, int], how: str, cue: str, speaker: Speaker | None,
                      sentence: int, ctx: Context) -> list[Raw]:
    """The quote(s) a content span gives: one direct, or one indirect plus its partial quotations."""
    direct = _direct(span, ctx)
    if direct is not None:
        return [Raw(direct.start, direct.end, "direct", cue, speaker, sentence)]
    kind = "direct" if how in ("colon", "bare") else "indirect"
    out = [Raw(span[0], span[1], kind, cue, speaker, sentence)]
    for q in ctx.quoted:
        if span[0] <= q.start and q.end <= span[1] and q.words(ctx.text) >= MIN_PARTIAL_WORDS \
                and kind == "indirect" and not _after_title_word(ctx.text, q.start):
            out.append(Raw(q.start, q.end, "direct", cue, speaker, sentence))
    return out


@dataclass(slots=True)
class Frame:
    """Where a cue's parts lie: speaker phrase, relay, and the start of the content (c0, -1 if none)."""

    how: str
    c0: int
    phrase: list[Tok]
    region: list[Tok]
    subject: list[Tok]
    relay: str | None


def _frame(toks: list[Tok], hit: Hit, limit: int, ctx: Context) -> Frame | None:
    pos, relay = hit.j, None
    if hit.cue.kind == "relay":
        found = _relay_verb(toks, hit, limit, ctx.text)
        if found is None:
            return None
        relay, pos = found
        before = trailing_phrase(toks[: hit.i]) if relay is None and pos == hit.j + 1 else []
        if before:  # «وكانت وسائل الاعلام قد نقلت عن حمد قوله»
            relay = ctx.text[before[0].start : before[-1].end]
        elif relay is None and pos == hit.j + 1 and ctx.current is not None and ctx.current.kind == "ORG":
            relay = ctx.current.name  # «ونقلت عن مسؤولين قولهم»: the outlet just named is the relay
    intro = find_intro(toks, pos, limit, hit.cue, ctx)
    if intro is not None and intro[0] == "nominal" and hit.cue.quote == "yes":
        start = _object_start(toks, pos, intro[1])  # «أكد فيها رغبة الحكومة ... وفي السيطرة على النفط»
        intro = ("object", start, start) if start is not None else intro
    subject = subject_before(toks, hit)
    region = toks[pos : intro[1] if intro else limit]
    if intro and intro[0] == "clause" and region and region[-1].key in NAME_NOT_PREPOSITION:
        region = region[:-1]  # «وشدد علي انه»: على spelled with ي before the clause, not the name علي
    skip = anaphoric_object_end(region, 0, len(region))
    if skip:  # «عبرت عن ذلك "نانسي كوال" حين قالت»: the subject after the back-referring object
        region = _quoted_words(region[skip:], ctx) if skip < len(region) else []
    quoting = _quoting_from(region, ctx.text)
    if quoting is not None and not subject:
        relay, region = quoting
    told = addressee_relay(region, ctx) if relay is None and hit.cue.kind != "relay" else None
    relay = relay or told
    # A participle («مشيرا», «قائلا») always shares the subject of the verb before it.
    phrase = [] if hit.cue.pos == "participle" else subject or leading_phrase(region)
    if hit.cue.quote == "no" and phrase and not subject and word_kind(phrase[0]) in ("role", "org"):
        phrase = phrase[: head_phrase_end(phrase, 0, len(phrase))]  # «ورفض المتحدث التعليق»
    elif hit.cue.quote == "no" and phrase and not subject and _known_prefix(phrase, ctx):
        phrase = phrase[: _known_prefix(phrase, ctx)]  # «وانتقد نجاد مساعي الولايات المتحدة»: a known name
    if not phrase and not subject and hit.j < limit and toks[hit.j].key in ("فيه", "فيها"):
        phrase = _resumptive_holder(toks, hit, ctx)  # «تصريحات لوزير النفط حسين الشهرستاني أكد فيها»
    frame = Frame(intro[0] if intro else "", intro[2] if intro else -1, phrase, region, subject, relay)
    if intro is None:
        _frame_without_intro(frame, toks, hit, limit, ctx)
    return frame


def _resumptive_holder(toks: list[Tok], hit: Hit, ctx: Context) -> list[Tok]:
    """The nearest name before «أكد فيها» («تصريحات لوزير النفط حسين الشهرستاني أكد فيها», «دونالد رامسفيلد
    مؤتمرا صحافيا نفى فيه»): the statement noun's holder is the speaker."""
    for end in range(hit.i, max(0, hit.i - MAX_STATEMENT_NOUN_WORDS - 1), -1):
        for k in range(end - 2, max(0, end - MAX_NAME_WORDS - 1), -1):  # the shortest titled name first
            name = toks[k:end]
            titled = toks[k - 1].definite or word_kind(toks[k - 1]) in ("role", "org")  # «لوزير النفط حسين ...»
            if titled and closing_name(name) == name and not all(t.key.endswith("ا") for t in name):
                return name  # not «مؤتمرا صحافيا», the statement noun
    return []


MAX_STATEMENT_NOUN_WORDS = 3  # words between the holder's name and «أكد فيها» (ANERcorp dev set, eleventh batch)


def head_phrase_end(toks: list[Tok], j: int, limit: int) -> int:
    """End of a role/organisation phrase starting at j before its verb's object: a definite word
    after a definite word starts the object unless it is an adjective or a title («المتحدث التعليق»,
    «وزارة الدفاع الروسية الأنباء»); names go on («وزير الدفاع الأميركي أشتون كارتر»)."""
    k = j + 1
    while k < limit and toks[k].is_word:
        tok, prev = toks[k], toks[k - 1]
        construct = not prev.definite  # «وزارة الدفاع»: the genitive of an indefinite head
        if tok.definite and not (construct or word_kind(tok) in ("role", "org")
                                 or tok.key.endswith(("ي", "يه", "يين", "يون"))):
            break
        k += 1
    return k


def _frame_without_intro(frame: Frame, toks: list[Tok], hit: Hit, limit: int, ctx: Context) -> None:
    """«نفى X، شن ...» (an object after the speaker) and «وأضاف انطونوف يوجد ...» (bare speech)."""
    if hit.cue.prep == "obj":
        commas = [k for k in range(hit.j, limit) if toks[k].text in "،,"]
        frame.how, frame.c0 = ("object", hit.j) if frame.subject else ("object", commas[0] + 1) if commas \
            else ("", -1)
        if not frame.subject and frame.c0 > 0:
            frame.phrase = leading_phrase(toks[hit.j : frame.c0])
        j = hit.j + 1 if hit.j < limit and toks[hit.j].key in ("فيه", "فيها") else hit.j  # «نفت فيه حركة ...»
        if frame.how == "" and not frame.subject and j < limit and word_kind(toks[j]) in ("role", "org"):
            k = head_phrase_end(toks, j, limit)  # «ونفى المتحدث الأنباء التي ...»: speaker, then object
            if k < limit:
                frame.how, frame.c0, frame.phrase = "object", k, toks[j:k]
    if frame.how == "" and hit.cue.quote == "yes":
        start = _object_start(toks, hit.j, limit)  # «وأكد شهود عيان وجود قوات ...», «حيث أكد وجود قطار ثالث»
        if start is not None:
            frame.how, frame.c0 = "object", start
    if frame.how == "" and hit.cue.pos == "participle" and hit.cue.kind == "say" and hit.j < limit:
        frame.how, frame.c0 = "bare", hit.j  # «وأضاف قائلا نادرا ما كان ...»
    if frame.how == "" and hit.cue.kind in BARE_KINDS:
        n = _known_prefix(toks[hit.j : limit], ctx)
        if n:
            frame.how, frame.c0, frame.phrase = "bare", hit.j + n, toks[hit.j : hit.j + n]


MAX_OBJECT_OFFSET = 6  # words of a speaker phrase before the verbal noun that opens the object (ANERcorp dev)


def _object_start(toks: list[Tok], j: int, limit: int) -> int | None:
    """Index of a verbal noun opening the verb's object («وجود», «مقتل»), after at most a short speaker
    phrase of words."""
    for k in range(j, min(limit, j + MAX_OBJECT_OFFSET + 1)):
        nxt = toks[k + 1] if k + 1 < len(toks) else None  # «أكد العثور على»: على may be the limit
        # a verbal noun by its pattern only right after the verb («وأكد العثور على»), not deep in a ب-phrase
        if object_word(toks[k], nxt, patterns=k == j) and nxt is not None and nxt.is_word:
            return k
        if not toks[k].is_word or toks[k].key in COMPLEMENTIZERS:
            return None
    return None


def _holder(frame: Frame, speaker: Speaker, ctx: Context) -> Speaker | None:
    """The person named after a role phrase cut by a preposition («مندوب فرنسا لدى الأمم المتحدة جان
    مارك ...», «المتحدث باسم المجلس ... في الصومال محمد محمود»)."""
    if frame.subject or len(frame.region) <= len(frame.phrase) or not frame.phrase or frame.how == "object" \
            or frame.phrase[-1] not in frame.region:
        return None
    after = frame.region[frame.region.index(frame.phrase[-1]) + 1 :]
    cut_by_preposition = bool(after) and after[0].is_word and (after[0].bare in PREPOSITIONS
                                                               or after[0].key.startswith(("لل", "بال")))
    if len(frame.phrase) == 1 and not frame.phrase[0].definite:
        return None  # «مسؤول في شرطة ...»: an unnamed official, no holder to look for
    titled = word_kind(frame.phrase[0]) == "role" and cut_by_preposition
    # «مندوب فرنسا لدى ...», «رئيس اللجنة المنظمة لكأس العالم في ...»; not «العقيد أحمد المسماري في مؤتمر صحفي»
    weak = len(speaker.name.split()) == 1 or match_key(speaker.name).startswith("ل")
    named = name_after_role(ctx.text, after) if cut_by_preposition else None
    # «رئيس مجموعة عطية للاستشارات بيجان خاجيبور إن»: a full name right before the content is the holder
    closing = named is not None and after[0].key.startswith("لل") and _closes_region(after, named)
    if not (speaker.kind == "ROLE" or (titled and (speaker.kind != "PER" or weak or closing))):
        return None
    at_end = speaker.kind == "ROLE" and after[0].is_word  # not across «،»: «وقال المبعوث، طالبا ...»
    return named or apposed_name(ctx.text, after) or (name_at_end(ctx.text, frame.region) if at_end else None)


def _closes_region(after: list[Tok], named: Speaker) -> bool:
    ends = [k for k, t in enumerate(after) if t.end == named.end]
    return bool(ends) and closes_phrase(after, ends[0] + 1)


MAX_PLAIN_SUBJECT = 4  # words of a subject before its verb beyond which the name next to the verb is taken


def _sure_speaker(speaker: Speaker, phrase: list[Tok], ctx: Context) -> bool:
    """A full name, a title or organisation phrase, or a name already quoted in the article."""
    if _known_prefix(phrase, ctx) > 0 or word_kind(phrase[0]) in ("role", "org") or phrase[0].definite:
        return True
    return speaker.kind == "PER" and len(speaker.name.split()) >= 2 and not speaker.name.startswith(("ب", "ل"))


def _span_text(text: str, toks: list[Tok]) -> str:
    return text[toks[0].start : toks[-1].end] if toks else ""


def _frame_speaker(frame: Frame, ctx: Context, quoting: bool = True) -> Speaker | None:
    phrase = frame.phrase
    if frame.subject and len(phrase) > MAX_PLAIN_SUBJECT and word_kind(phrase[0]) not in ("role", "org"):
        phrase = closing_name(phrase) or phrase  # «... لاعتناق الإسلام أيمن الظواهري يقول»: the name by the verb
    speaker = _speaker(phrase, ctx)
    if not quoting and speaker is not None and not _sure_speaker(speaker, phrase, ctx):
        return None  # «كما وعد بإجراء تداول سلمي»: a non-quoting verb's object is no speaker
    named = _holder(frame, speaker, ctx) if speaker is not None else None
    if speaker is not None and named is not None:
        speaker = replace(named, role=speaker.role or _span_text(ctx.text, frame.phrase))
    if speaker is not None and frame.relay:
        speaker = replace(speaker, via=(frame.relay,))
    return speaker


def analyse(toks: list[Tok], hit: Hit, limit: int, ctx: Context,
            cuts: Sequence[int] = ()) -> tuple[list[Raw], Speaker | None]:
    """Quotes introduced by one cue and the explicit speaker found (or None).

    ``cuts`` are token indices where a relay phrase closes a clause; the content stops there."""
    frame = _frame(toks, hit, limit, ctx)
    if frame is None:
        return [], None
    speaker = _frame_speaker(frame, ctx, hit.cue.quote == "yes")
    if speaker is None and frame.relay:  # «وقال لـ«الشرق الاوسط» ان»: the relay of the current speaker
        raws, _ = _quotes_of_frame(toks, hit, limit, ctx, cuts, frame, Speaker("", "NONE", via=(frame.relay,)))
        return raws, None
    return _quotes_of_frame(toks, hit, limit, ctx, cuts, frame, speaker)


def _quotes_of_frame(toks: list[Tok], hit: Hit, limit: int, ctx: Context, cuts: Sequence[int], frame: Frame,
                     speaker: Speaker | None) -> tuple[list[Raw], Speaker | None]:
    cue = ctx.text[toks[hit.i].start : toks[hit.j - 1].end]
    before = _quote_before(toks, hit, ctx) if frame.c0 < 0 and hit.cue.quote == "yes" else None
    if before is not None:
        return [Raw(before.start, before.end, "direct", cue, speaker, -1)], speaker
    if frame.how == "colon" and frame.c0 >= len(toks) and hit.cue.quote == "yes":
        below = _quotation_on_next_line(toks[-1].end, ctx)  # «وقال رئيس البلدية:\n"نعمل على ..."»
        return ([Raw(below.start, below.end, "direct", cue, speaker, -1)] if below else []), speaker
    if frame.c0 < 0 and hit.cue.quote == "yes" and hit.main and _kama_after_comma(toks, hit):
        span = _content_span(toks, 0, hit.i - 2, ctx.text)  # «أوقفت الشرطة ... العشرات، كما ذكرت وكالة الأناضول»
        return ([Raw(span[0], span[1], "indirect", cue, speaker, -1)] if span else []), speaker
    if frame.c0 < 0 or frame.c0 >= limit or hit.cue.quote != "yes":
        return [], speaker
    opened = _opened_at(toks[frame.c0], ctx) if frame.how == "quote" else None
    if opened is not None:  # «وتابع بلير "..." مكررا القول»: the quotation is the content
        return [Raw(opened.start, opened.end, "direct", cue, speaker, -1)], speaker
    span = _content_span(toks, frame.c0, min([limit, *(c for c in cuts if c > frame.c0)]), ctx.text)
    if span is None:
        return [], speaker
    return quotes_of_content(span, frame.how, cue, speaker, -1, ctx), speaker


def _kama_after_comma(toks: list[Tok], hit: Hit) -> bool:
    """«...، كما ذكرت وكالة الأناضول»: the verb closes the sentence, attributing what came before it."""
    return hit.i >= 4 and toks[hit.i - 1].key == "كما" and toks[hit.i - 2].text in "،,"


def _quotation_on_next_line(end: int, ctx: Context) -> Quoted | None:
    """A top-level quotation opening right after a sentence that ends with a colon."""
    for q in ctx.quoted:
        gap = ctx.text[end : q.start]
        if q.depth == 0 and q.start > end and len(gap) <= 4 and not gap.strip(" \t\n:\"'«“„"):
            return q
    return None


def headline(text: str, start: int, end: int, sentence: int, ctx: Context) -> list[Raw]:
    """«أنطونوف: الطيران الروسي لا يقصف ...»: a short name before a colon on a line of its own."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if text[line_start:start].strip() or text[end : len(text) if line_end < 0 else line_end].strip():
        return []
    match = HEADLINE.match(text[start:end])
    if not match or not 3 <= len(match.group(2).split()) <= MAX_HEADLINE_WORDS or ":" in match.group(2):
        return []
    toks = sentence_tokens(text, start, start + len(match.group(1)))
    if not 1 <= len(toks) <= 4 or not all(t.is_word and not t.key.isdigit() for t in toks):
        return []
    if any(cue_of(t) for t in toks) or toks[0].bare in NO_HEAD or not ARABIC.search(match.group(1)):
        return []
    if any(h.cue.quote == "yes" for h in find_hits(sentence_tokens(text, start + match.start(2), end), ctx)):
        return []  # «الرياض: قال مسؤول ...» is a dateline before reported speech
    speaker = parse_speaker(text, toks) or Speaker(match.group(1).strip(), "NAME", "", toks[0].start, toks[-1].end)
    if len(toks) == 1 and toks[0].definite and word_kind(toks[0]) not in ("org", "role"):
        return []  # «النتيجة: ...» is a label, not a speaker
    body = strip_marks(text, start + match.start(2), end)
    quote = _direct(body, ctx)
    s, e = (quote.start, quote.end) if quote else body
    return [Raw(s, e, "direct", ":", speaker, sentence)]


def sentence_quotes(start: int, end: int, index: int, ctx: Context) -> list[Raw]:
    """All quotes of one sentence; updates ``ctx.current`` (the speaker a pronoun refers to)."""
    if not ARABIC.search(ctx.text[start:end]):
        return []
    found = headline(ctx.text, start, end, index, ctx)
    if found:
        return found
    toks = sentence_tokens(ctx.text, start, end)
    ctx.holders.extend(title_holders(ctx.text, toks))
    hits = [h for n, h in enumerate(find_hits(toks, ctx)) if n == 0 or not nested(toks, h)]
    if not hits:
        return own_view(toks, index, ctx) or according(toks, index, ctx)
    local: Speaker | None = None
    out: list[Raw] = []
    first = clause_start(toks, hits[0])
    if first > 1 and toks[first - 1].key in ("التي", "الذي"):  # «X طبقا لما قاله Y، الذي قال:»: the source first
        out = according(toks[: first - 1], index, ctx)
        local = ctx.current = out[0].speaker if out and out[0].speaker is not None else ctx.current
    elif first > 0:  # «وجاءت المفاجأة على لسان X، حيث أكد»: a source named before the first cue speaks next
        local = source_before(toks[:first], ctx) or local
        ctx.current = local or ctx.current
    cuts = sorted(relay_cuts(toks) + contrast_cuts(toks))
    for n, hit in enumerate(hits):
        limit = fronted_start(toks, clause_start(toks, hits[n + 1])) if n + 1 < len(hits) else len(toks)
        raws, explicit = analyse(toks, hit, max(limit, hit.j), ctx, cuts)
        if out and _kama_after_comma(toks, hit):
            raws = []  # «قال إن ...، كما نقلت عنه مصادر»: the relay of the quote already found, not a new one
        if explicit is not None:
            local = explicit
            if not pluperfect(toks, hit):  # «وكان الاسد قال ...»: background, the main speaker stays current
                ctx.current = explicit
            ctx.known.append(explicit.name)
            ctx.history.append((explicit, verb_gender(hit)))
        elif hit.main and _subordinate(toks, hit):
            explicit = nearest_named(ctx.text, toks[: hit.i], local)  # «خطاب الرئيس ... نجاد اليوم ... حين قال»
            if explicit is not None:
                local = ctx.current = explicit
                raws = [replace(r, speaker=explicit) if r.speaker is None else r for r in raws]
        elif local is None and hit.main:
            _agree(ctx, verb_gender(hit))  # «وأضافت أن» after a man was quoted: the last woman or organisation
        elif local is None and n == 0 and hit.cue.pos == "participle":
            explicit = _relative_antecedent(toks, hit, ctx)  # «... أنجيلا ميركل التي رفضت التعليق ... قائلة إنها»
            if explicit is not None:
                local = ctx.current = explicit
        if passive(toks[hit.i]):  # «وأُعلن أن»: said by no one named, not by the last speaker
            out.extend(replace(r, speaker=explicit, sentence=index) for r in raws)
            continue
        speaker = explicit or local or ctx.current or last_person(ctx, toks[hit.i].start)
        if ctx.current is None and speaker is not None:
            ctx.current = speaker
        told = raws[0].speaker if raws and raws[0].speaker and raws[0].speaker.kind == "NONE" else None
        if told is not None and speaker is not None:
            speaker = replace(speaker, via=tuple(chain(speaker.via, told.via)))
            local = ctx.current = speaker
        out.extend(replace(r, speaker=speaker or told, sentence=index) for r in raws)
    out.extend(_orphan_quotations(toks, hits, out, local or ctx.current, index, ctx))
    if not out:  # «ونقلت الجثث ... بحسب ما قال ...»: a cue that quoted nothing leaves the sentence to its source
        return according(toks, index, ctx)
    return _with_sentence_relays(out, toks, ctx)


SUBORDINATORS = frozenset({"حين", "حينما", "عندما", "لما", "بعدما", "اذ"})


def _subordinate(toks: list[Tok], hit: Hit) -> bool:
    """«... حين قال», «عندما أكد»: a verb (no و/ف) opening a time clause; not the contrast «في حين»."""
    k = hit.i
    return k > 0 and toks[k].key == toks[k].bare and toks[k - 1].key in SUBORDINATORS \
        and not (k > 1 and toks[k - 2].key == "في")


def nearest_named(text: str, toks: list[Tok], local: Speaker | None) -> Speaker | None:
    """The person named last before a subordinate verb without a subject: the speaker of an earlier cue in the
    sentence, a titled name («الرئيس الإيراني محمود أحمدي نجاد») or a quoted one («"نانسي كوال"»)."""
    found = [s for s in title_holders(text, toks)]
    if local is not None and local.start >= 0:
        found.append(local)
    return max(found, key=lambda sp: sp.start) if found else None


def _relative_antecedent(toks: list[Tok], hit: Hit, ctx: Context) -> Speaker | None:
    """The named person before «التي/الذي + verb» earlier in the sentence, the subject of a participle."""
    for k in range(hit.i - 2, 1, -1):
        if toks[k].key in ("التي", "الذي") and cue_of(toks[k + 1]) is not None:
            found = name_at_end(ctx.text, toks[:k])
            return found
    return None


def _orphan_quotations(toks: list[Tok], hits: list[Hit], out: list[Raw], speaker: Speaker | None, index: int,
                       ctx: Context) -> list[Raw]:
    """«ودعا أنان إلى رفع "الحصار البحري والجوي ..."», «وانتقد ... التحذير من "الرؤية المفرطة ..."»: a quotation of
    MIN_PARTIAL_WORDS words or more after a non-quoting cue (call, criticise), quoted by that cue's speaker."""
    if speaker is None or not toks or not any(h.cue.quote == "no" for h in hits):
        return []
    # past the verb's object: «حث فيه "الشعب الأميركي ..." إلى» is an addressee, not words said
    first = min(toks[min(h.j + 1, len(toks) - 1)].end for h in hits if h.cue.quote == "no")
    taken = [(r.start, r.end) for r in out]
    found = []
    for q in ctx.quoted:
        if q.depth == 0 and first < q.start and q.end <= toks[-1].end + 1 and q.words(ctx.text) >= MIN_ORPHAN_WORDS \
                and not any(s < q.end and q.start < e for s, e in taken) and not _after_title_word(ctx.text, q.start):
            found.append(Raw(q.start, q.end, "direct", "", speaker, index))
    return found


def verb_gender(hit: Hit) -> str:
    """"f" for «قالت», «تضيف», «مضيفة»; "m" for «قال», «يضيف», «مضيفا»; "" when the form does not say."""
    form = hit.cue.form
    if hit.cue.pos == "past":
        return "f" if form.endswith("ت") else "" if form.endswith(("وا", "ا")) else "m"
    if hit.cue.pos == "present":
        return "f" if form.startswith("ت") else "m" if form.startswith("ي") else ""
    return ""


def _agree(ctx: Context, gender: str) -> None:
    """Carry-over to the last speaker whose verb had the same gender, when the current one's did not."""
    if not gender or ctx.current is None or not ctx.history:
        return
    genders = {id(sp): g for sp, g in ctx.history}
    if genders.get(id(ctx.current), gender) in (gender, ""):
        return
    for speaker, g in reversed(ctx.history):
        if g == gender:
            ctx.current = speaker
            return


def pluperfect(toks: list[Tok], hit: Hit) -> bool:
    """«وكان X قال/قد أعلن»: a statement recalled from before, introduced by كان."""
    k = clause_start(toks, hit)
    return any(t.bare in ("كان", "كانت") for t in toks[max(0, k - 2) : hit.i])


def passive(tok: Tok) -> bool:
    """A verb written with a damma on its first letter («أُعلن», «وذُكر»): the passive voice."""
    letters = tok.text.lstrip("وف") if len(tok.text) > 3 else tok.text
    return "\u064f" in letters[:2]


PERSON_LOOKBACK = 400  # characters before a cue searched for a tagged person when no speaker is known yet


def last_person(ctx: Context, before: int) -> Speaker | None:
    """With no speaker yet in the article («ولخص محفوظ رؤيته ... قال فيها "..."»), the last person the
    entity tagger found before the cue, outside quotations."""
    people = [m for m in ctx.mentions if m.type == "PER" and before - PERSON_LOOKBACK <= m.start and m.end <= before
              and not in_quotation(ctx, m.start)]
    if not people:
        return None
    m = people[-1]
    return Speaker(ctx.text[m.start : m.end], "PER", m.role or "", m.start, m.end)


OWN_VIEW_OPENERS = (("علي", "حد", "قوله"), ("علي", "حد", "قولها"), ("علي", "حد", "تعبيره"), ("في", "رايه"),
                    ("في", "رايها"), ("بحسب", "قوله"), ("حسب", "قوله"))


def own_view(toks: list[Tok], index: int, ctx: Context) -> list[Raw]:
    """«وعلى حد قوله فإن ...», «وفي رأيه فإن ...»: the rest of the sentence, said by the current speaker."""
    words = [t for t in toks if t.is_word]
    for opener in OWN_VIEW_OPENERS:
        n = len(opener)
        if len(words) > n + 2 and (words[0].bare, *(t.key for t in words[1:n])) == opener \
                and words[n].bare in ("ان", "فان"):
            span = _content_span(toks, toks.index(words[n + 1]), len(toks), ctx.text)
            return [Raw(span[0], span[1], "indirect", opener[-1], ctx.current, index)] if span else []
    return []


def contrast_cuts(toks: list[Tok]) -> list[int]:
    """Where a contrasting clause of the reporter starts: «، غير أن ...», «، لكن ...»: the content stops."""
    cuts = []
    for k in range(1, len(toks) - 1):
        if toks[k - 1].text in "،," and (toks[k].bare in ("لكن", "ولكن") or
                                          (toks[k].bare == "غير" and toks[k + 1].key in COMPLEMENTIZERS)):
            cuts.append(k)
    return cuts


def source_before(toks: list[Tok], ctx: Context) -> Speaker | None:
    """The person or organisation an «according to» phrase names among ``toks`` («على لسان مراقب البرج X»)."""
    for i in range(len(toks)):
        found = according_at(toks, i)
        source = relay_span(ctx.text, toks[found[0] :], found[1]) if found else None
        if found is None or source is None or in_quotation(ctx, toks[i].start):
            continue
        phrase = leading_phrase(toks[found[0] :]) or toks[found[0] : found[0] + source[1]]
        return parse_speaker(ctx.text, phrase)  # «مراقب برج قليوب عدوي عبدالفتاح حسين»
    return None


def according(toks: list[Tok], index: int, ctx: Context) -> list[Raw]:
    """«قتل خمسة مدنيين بحسب المرصد» / «وبحسب وزارة الصحة، فإن ...»: the sentence, said by the source."""
    for i in range(len(toks)):
        found = according_at(toks, i)
        source = relay_span(ctx.text, toks[found[0] :], found[1]) if found else None
        if found is None or source is None or in_quotation(ctx, toks[i].start):
            continue
        after = found[0] + source[1]
        if match_key(source[0]) in OWN_VIEW:
            continue  # «"الأفضل" حسب رأيه»: the subject's own opinion, not a source
        if i > 1 and toks[i - 1].text not in "،," and any(t.is_word for t in toks[after:]) and toks[i].key == "حسب":
            continue  # «تتباين حسب تخمينات الحظ التي ...»: «depending on», not «according to» (بحسب is)
        first, last = (after, len(toks)) if i <= 1 else (0, i)
        while first < last and (not toks[first].is_word or toks[first].bare in ("ان", "فان")):
            first += 1
        span = _content_span(toks, first, last, ctx.text) if first < last else None
        if span is None or len(ctx.text[span[0] : span[1]].split()) < 3:
            return []
        phrase = toks[found[0] : after]
        speaker = parse_speaker(ctx.text, phrase) or Speaker(source[0], "ORG", "", phrase[0].start, phrase[-1].end)
        told = addressee_relay(toks[after:], ctx)  # «بحسب ما قال ... لوكالة فرانس برس»
        speaker = replace(speaker, via=(told,)) if told else speaker
        cue = ctx.text[toks[i].start : toks[found[0] - 1].end]
        return [Raw(span[0], span[1], "indirect", cue, replace(speaker, name=speaker.name if speaker.kind in ("PER", "NAME") else source[0]), index)]
    return []


def _with_sentence_relays(raws: list[Raw], toks: list[Tok], ctx: Context) -> list[Raw]:
    """Relays named in the sentence outside the quotes («في تصريحات نقلتها ...») join each speaker's via."""
    relays = [r for _, r in relays_in(ctx.text, toks, [(q.start, q.end) for q in raws])]
    if not relays:
        return raws
    out = []
    for raw in raws:
        speaker = raw.speaker or Speaker("", "NONE")
        own = [r for r in relays if not (speaker.name and name_words(r) == name_words(speaker.name))]
        out.append(replace(raw, speaker=replace(speaker, via=tuple(chain(speaker.via, own)))))
    if ctx.current is not None and out and out[-1].speaker is not None and ctx.current.name == out[-1].speaker.name:
        ctx.current = out[-1].speaker
    return out


def _arabic_sentences(article: Article) -> list[tuple[int, int, int]]:
    """(start, end, index) of the sentences to read: language "ar", in a paragraph that is Arabic."""
    from marsad.text.sentences import split_sentences

    spans = [(s.start, s.end, s.index, s.language) for s in article.sentences]
    if not spans:
        spans = [(s, e, i, "ar") for i, (s, e) in enumerate(split_sentences(article.text))]
    foreign = [(p.start, p.end) for p in article.paragraphs if p.language != "ar"]
    return [(s, e, i) for s, e, i, lang in spans
            if lang == "ar" and not any(ps <= s < pe for ps, pe in foreign)]


def _resolve(speaker: Speaker | None, at: int, registry: Registry) -> Speaker | None:
    if speaker is None or not speaker.name:
        return None
    if speaker.kind == "ROLE":
        return registry.resolve_role(speaker, at)
    if speaker.kind == "ORG":
        return registry.resolve_org(speaker, at)
    return registry.expand(speaker)


def _named_later(raws: list[Raw], raw: Raw, registry: Registry) -> Speaker | None:
    """A quote with no speaker before it («وأشار بلهجة ... إلى أن» opening a text): the first person named as
    a speaker after it, when it is the first quote of the text."""
    if raws[0] is not raw and any(r.speaker is not None for r in raws if r.start < raw.start):
        return None
    later = [r.speaker for r in raws if r.start > raw.start and r.speaker is not None and r.speaker.name
             and r.speaker.kind in ("PER", "NAME", "ROLE")]
    return registry.expand(later[0]) if later else None


# Characters between a role phrase no name matched («وقال الرئيس الفرنسي») and the nearest speaker named without a
# role («دعا شيراك», «وأضاف جون بولتون»), within which they are read as one person (ANERcorp dev set, batches 8-10).
ADJACENT_PERSON_CHARS = 250


def _adjacent_person(role: Speaker, history: list[tuple[Speaker, str]]) -> Speaker | None:
    """The speaker named without a role nearest to an unresolved epithet («الرئيس الفرنسي», «السفير الاسرائيلي»:
    a title and a nationality), if close enough."""
    words = role.role.split()
    if not 2 <= len(words) <= 3 or not match_key(words[1]).endswith(("ي", "يه")) or not words[1].startswith("ال"):
        return None
    near = [sp for sp, _ in history if sp.kind in ("PER", "NAME") and not sp.role and sp.start != role.start
            and abs(sp.start - role.start) <= ADJACENT_PERSON_CHARS and not sp.name.startswith(("ب", "ل"))]
    if not near:
        return None
    best = min(near, key=lambda sp: abs(sp.start - role.start))
    return replace(best, start=role.start, end=role.end, via=role.via, role=role.role)


def article_quotes(article: Article) -> list[Quote]:
    """Every quote of the article, with speaker, cue, kind and relay chain."""
    text = article.text
    ctx = Context(text, quoted_spans(text), list(article.mentions), None, [])
    raws: list[Raw] = []
    for start, end, index in _arabic_sentences(article):
        raws.extend(sentence_quotes(start, end, index, ctx))
    registry = Registry(holders=ctx.holders)
    for raw in raws:
        if raw.speaker is not None and raw.speaker not in registry.people + registry.names:
            registry.add(raw.speaker)
    tail = [source_line(article), article.outlet]
    quotes: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for raw in raws:
        if (raw.start, raw.end) in seen:
            continue
        seen.add((raw.start, raw.end))
        speaker = _resolve(raw.speaker, raw.start, registry) or _named_later(raws, raw, registry)
        if speaker is not None and speaker.kind == "ROLE":
            speaker = _adjacent_person(speaker, ctx.history) or speaker
        if speaker is not None and raw.speaker is not None and raw.start <= speaker.start < raw.end \
                and speaker.start == raw.speaker.start:
            speaker = None  # a speaker phrase read inside the quote itself: only mentioned in it (issue 5)
        via = chain(raw.speaker.via if raw.speaker else (), *tail)
        quotes.append(Quote(article.id, text[raw.start : raw.end], raw.kind, raw.start, raw.end,  # type: ignore[arg-type]
                            speaker=speaker.name if speaker else None, via=via, cue=raw.cue, sentence=raw.sentence))
    return quotes
