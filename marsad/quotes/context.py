"""Shared records of quote extraction: a cue hit, a raw quote, the per-article context, and quotation look-ups."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from marsad.model import Mention
from marsad.quotes.lexicon import Cue
from marsad.quotes.marks import PAIRS, TOGGLES, Quoted
from marsad.quotes.names import (
    ADVERBS,
    MAX_NAME_WORDS,
    Speaker,
    _name_like,
    _name_run,
    _prepositional_object,
    addressee_word,
    name_words,
    nisba_apposition,
    pair_speaker,
    participle_shaped_surname,
    possessed,
    title_prefix,
)
from marsad.quotes.speakers import (
    TITLE_PREPOSITIONS,
    definite_object,
    leading_phrase,
    parse_speaker,
    possessed_title,
    speaker_from_mentions,
)
from marsad.quotes.tokens import (
    COMPLEMENTIZERS,
    PREPOSITIONS,
    Tok,
    cue_of,
    is_boundary,
    lam_of_noun,
    sentence_tokens,
    word_kind,
    word_kind_of,
)
from marsad.text.countries import country_names
from marsad.text.normalize import match_key

ARABIC = re.compile(r"[\u0621-\u064a]")
OPENERS = frozenset(PAIRS) | TOGGLES | {"»"}  # » opens the reversed pairs of marks.py («قال »لن نتراجع«»)
QUOTE_MARKS_ALL = frozenset("\"«»“”'")
# A quotation this short followed by another introducer in the clause is a name («لشبكة "سي ان ان":»,
# «ذكرت صحيفة "واشنطن بوست" أن»), not the content. Set by reading ANERcorp (tests/golden/quotes_dev.json).
MAX_NAME_QUOTE_WORDS = 4


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
    sequel: bool = False  # «..., قبل أن تعود أم محمد إلى الحديث: "..."»: a speaker of its own, kept as found


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


def person_spans(ctx: Context) -> frozenset[tuple[int, int]]:
    """(start, end) of every person the entity tagger marks: a run set off by commas that is one of them is a name."""
    return frozenset((m.start, m.end) for m in ctx.mentions if m.type == "PER")


def in_quotation(ctx: Context, offset: int) -> bool:
    return any(q.start <= offset < q.end and q.words(ctx.text) >= 2 for q in ctx.quoted)


def short_quotation(tok: Tok, ctx: Context) -> bool:
    q = opened_at(tok, ctx)
    return q is not None and q.words(ctx.text) <= MAX_NAME_QUOTE_WORDS


def opened_at(mark: Tok, ctx: Context) -> Quoted | None:
    """The top-level quotation opened by the mark token."""
    found = [q for q in ctx.quoted if q.depth == 0 and mark.end <= q.start <= mark.end + 1]
    return found[0] if found else None


def known_prefix(toks: list[Tok], ctx: Context) -> int:
    """Length of a known speaker name at the start of ``toks`` (for «وأضاف انطونوف يوجد ...»)."""
    for n in (3, 2, 1):
        if len(toks) >= n and all(t.is_word for t in toks[:n]):
            surface = ctx.text[toks[0].start : toks[n - 1].end]
            if any(name_words(surface) <= name_words(name) for name in ctx.known):
                return n
    return 0


def phrase_speaker(phrase: list[Tok], ctx: Context) -> Speaker | None:
    """The speaker of a phrase: the tagger's person (else organisation) inside it, else the phrase read with the
    word lists. A phrase headed by a title whose only mention is an organisation after the title is the titled
    person, not the organisation («وأكد مدير منظمة الصحة العالمية أن», «واوضح المتحدث باسم حزب الله»)."""
    if not phrase:
        return None
    phrase = without_object(phrase, ctx)
    issuer = issued_by(phrase, ctx)
    found = issuer or _phrase_speaker(phrase, ctx)
    holder = nisba_holder(phrase, found, ctx) if issuer is None else None
    if holder is not None:
        return holder
    noun = match_key(phrase[0].text) if issuer is not None else \
        statement_noun_after(ctx.text, phrase[-1].end) if found is not None and found.kind == "ORG" else ""
    return replace(found, role=f"{found.role} {noun}".strip()) if found is not None and noun else found


def without_object(phrase: list[Tok], ctx: Context) -> list[Tok]:
    """«واتهم الوزير الجماعة بأنها»: a definite title, then a definite noun that «بأن»/«بال...» follows: the noun is
    the verb's object (a definite noun is never the genitive of a definite title), the speaker the title alone."""
    if len(phrase) != 2 or not phrase[0].definite or word_kind(phrase[0]) != "role":
        return phrase
    end = phrase[-1].end
    after = sentence_tokens(ctx.text, end, min(len(ctx.text), end + 20))
    return phrase[:1] if definite_object(phrase[1], after[0] if after else None) else phrase


NISBA_LOOKAHEAD = 80  # characters after a role phrase read for «، الإسباني NAME،» (a nationality and a name of 2-5 words)


def nisba_holder(phrase: list[Tok], found: Speaker | None, ctx: Context) -> Speaker | None:
    """«وقال مدرب الدحيل، الإسباني كارلوس مارتينيز، إن»: a role phrase with no full name in it, then a nationality
    adjective and a name between commas: the name holds the whole role phrase (its club or company included), so a
    later «وأضاف المدرب» resolves to it. Modern sports and business copy writes it constantly (quotes_dev9); ANERcorp
    train has no such apposition after a speaker phrase."""
    commas = [k for k, t in enumerate(phrase) if t.text in "،,"]
    head = phrase[: commas[0]] if commas else phrase  # with mentions the phrase may run on over the apposition
    if not head or word_kind(head[0]) != "role":
        return None
    end = head[-1].end
    if found is not None and found.kind == "PER" and " " in found.name and found.end <= end:
        return None  # «وقال مدير الشركة أحمد علي، ...»: the holder is named in the phrase itself
    named = nisba_apposition(ctx.text, sentence_tokens(ctx.text, end, min(len(ctx.text), end + NISBA_LOOKAHEAD)))
    if named is None:
        return None
    return replace(named, role=ctx.text[phrase[0].start : end], start=phrase[0].start)


def after_possessed_title(text: str, tok: Tok) -> bool:
    """The word before ``tok`` is a title with a pronoun suffix («وقال رئيسها عماد السائح»)."""
    words = text[max(0, tok.start - 30) : tok.start].split()
    return bool(words) and possessed_title(Tok(words[-1], 0, 0, match_key(words[-1])))


def _phrase_speaker(phrase: list[Tok], ctx: Context) -> Speaker | None:
    pair = pair_speaker(ctx.text, phrase)
    if pair is not None:
        return pair  # «محمود الحريري وزوجته فاطمة»: two people, though the tagger marks each one
    found = speaker_from_mentions(ctx.text, ctx.mentions, phrase[0].start, phrase[-1].end)
    if found is not None and found.kind == "ORG" and found.start == phrase[0].start + 1 \
            and ctx.text[phrase[0].start] == "ل":
        return None  # «وأوضح لسكاي نيوز عربية أن»: the outlet told, glued to «ل»; the speaker goes on
    if found is not None and found.kind == "ORG" and found.start > phrase[0].start and word_kind(phrase[0]) == "role":
        return parse_speaker(ctx.text, phrase) or found
    if found is not None and found.kind == "ORG" and found.start > phrase[0].start and word_kind(phrase[0]) == "org":
        return outlet_head_kept(found, ctx.text[phrase[0].start : found.start])
    if found is not None and found.kind == "PER" and " " not in found.name and (
            after_possessed_title(ctx.text, phrase[0])  # «رئيسها عماد السائح», «المهندس طارق السيد»
            or (found.start > phrase[0].start and word_kind(phrase[0]) == "role" and ctx.text.startswith(" ال", found.end))):
        parsed = parse_speaker(ctx.text, phrase)  # «رئيسها عماد السائح»: the tagger marked the first name alone
        words = parsed.name.split() if parsed is not None and parsed.kind == "PER" else []
        if 2 <= len(words) <= 3 and words[0] == found.name and all(w.startswith("ال") for w in words[1:]):
            return parsed  # an «ال» family name the tagger left out; not «واورد سنو اسم زعيم ...»
    if found is not None and found.kind == "PER" and ctx.text[found.end : found.end + 1] == "-":
        parsed = parse_speaker(ctx.text, phrase)  # «جان-لوك بيرو»: the tagger stopped at the hyphen
        if parsed is not None and parsed.kind == "PER" and parsed.name.startswith(found.name + "-"):
            return replace(parsed, role=parsed.role or found.role)
    if found is not None and found.kind == "PER" and word_kind(phrase[0]) == "role" and any(
            t.text in "،," and t.start >= found.end for t in phrase):
        parsed = parse_speaker(ctx.text, phrase)  # «الرئيس المدير العام لسوناطراك، رشيد بن زيان»: the tagger's person
        if parsed is not None and parsed.kind == "PER" and ctx.text.find(parsed.name, found.end, phrase[-1].end) >= 0:
            return parsed  # is the company; the name set off by commas after it holds the title
    if found is not None and found.kind == "PER" and found.start > phrase[0].start and word_kind(phrase[0]) == "role":
        title = ctx.text[phrase[0].start : found.start].strip(" ،,")  # «عضو كتلة «X» النائب NAME»: the whole title,
        return replace(found, role=title)  # not the tagger's last title word, so «عضو الكتلة» later resolves to him
    if found is None and participle_shaped_surname(phrase) and _set_off(ctx.text, phrase):
        return Speaker(span_text(ctx.text, phrase), "PER", "", phrase[0].start, phrase[-1].end)  # «، بريا شارما،»
    return found or parse_speaker(ctx.text, phrase)


def _set_off(text: str, phrase: list[Tok]) -> bool:
    """The phrase stands between two commas («TITLE، NAME، رفضت»)."""
    before = text[max(0, phrase[0].start - SET_OFF_REACH) : phrase[0].start].rstrip()
    after = text[phrase[-1].end : phrase[-1].end + SET_OFF_REACH].lstrip()
    return before.endswith(("،", ",")) and after.startswith(("،", ","))


SET_OFF_REACH = 8  # characters read on each side for the comma (spaces between); never the whole text


MAX_TITLE_CHAIN = 14  # tokens between a title's head and its holder («لمنظمة البلدان المصدرة للبترول (أوبك)»)


# Nouns of an occasion or a document after «في», which end a title («في مؤتمر صحفي», «في تصريح لـ», «في بيان»).
EVENT_NOUNS = frozenset({"بيان", "بلاغ", "تصريح", "تصريحات", "مؤتمر", "حديث", "مقابله", "كلمه", "اتصال", "لقاء",
                         "اجتماع", "جلسه", "ندوه", "حوار", "رساله", "تغريده", "منشور", "خطاب", "ختام", "افتتاح", "اطار",
                         "اعقاب", "ظل", "اثناء", "سياق", "معرض", "رد", "تعليق", "افاده", "ايجاز", "احاطه"})


def occasion_at(toks: list[Tok], k: int) -> bool:
    """«في حديث إلى X», «خلال مؤتمر صحفي»: the occasion of a statement opens at k (no part of its content)."""
    return k + 1 < len(toks) and toks[k].bare in ("في", "خلال") and toks[k + 1].bare in EVENT_NOUNS


def tagged_holder(after: list[Tok], ctx: Context) -> Speaker | None:
    """«قال الأمين العام لمنظمة البلدان المصدرة للبترول (أوبك) هيثم الغيص إن», «أفاد وزير الصحة في الكونغو
    الديمقراطية روجيه كامبا، ...»: a person the entity tagger marks (two words or more) right after the rest of a title
    (its genitives, its «في/لدى/إلى/باسم» phrases, an acronym in brackets, at most a comma before the name) and closing
    it (a comma, a mark or the end of the region follows) holds the title, however long it is."""
    for m in ctx.mentions:
        if m.type != "PER" or " " not in m.text.strip() or not after or m.start < after[0].start:
            continue
        k = next((n for n, t in enumerate(after) if t.start >= m.start), len(after))
        if k == len(after) or after[k].start != m.start or k > MAX_TITLE_CHAIN:
            continue
        e = next((n for n, t in enumerate(after) if t.start >= m.end), len(after))
        if k and _name_like(after[k - 1], after[k - 2] if k > 1 else None) and not word_kind(after[k - 1]):
            continue  # «الرئيس السابق للمجلس نذار فيصل المشعل»: the name starts before the tagger's mention
        closed = e == len(after) or not after[e].is_word or after[e].key in COMPLEMENTIZERS \
            or after[e].bare in PREPOSITIONS or after[e].key.startswith(("بال", "ل"))  # «... بالخطوة», «... لـ"سبأ"»
        if closed and _title_rest(after[:k]):
            return Speaker(ctx.text[m.start : m.end], "PER", "", m.start, m.end)
    return None


CALLED_WORDS = frozenset({"يدعي", "تدعي", "اسمه", "اسمها"})  # «مهاجر يدعى إبراهيم», «إحدى الضحايا، وتدعى أم هاشم»
MAX_CALLED_GAP = 8  # tokens between a speaker phrase and «يدعى» («مهاجر من ساحل العاج يدعى X»)


def called_name(after: list[Tok], ctx: Context) -> Speaker | None:
    """«عن مهاجر من ساحل العاج يدعى إبراهيم قوله», «قالت إحدى الضحايا، وتدعى أم هاشم، إن»: the name given by «يدعى/
    تدعى/اسمه» right after a speaker phrase is the speaker (a tagged person there, else a name of up to three words)."""
    for k, tok in enumerate(after[:MAX_CALLED_GAP]):
        if tok.bare in CALLED_WORDS and k + 1 < len(after):
            rest = after[k + 1 :]
            for m in ctx.mentions:
                if m.type == "PER" and m.start == rest[0].start:
                    return Speaker(ctx.text[m.start : m.end], "PER", "", m.start, m.end)
            i, j = _name_run(rest[:MAX_NAME_WORDS])
            return Speaker(span_text(ctx.text, rest[:j]), "PER", "", rest[0].start, rest[j - 1].end) \
                if i == 0 and j else None
        if (not tok.is_word and tok.text not in "،,") or cue_of(tok) is not None or tok.key in COMPLEMENTIZERS:
            return None
    return None


def _title_rest(chain: list[Tok]) -> bool:
    """Tokens that can continue a title before its holder's name (see ``tagged_holder``)."""
    depth = 0
    quoted = False
    for n, tok in enumerate(chain):
        nxt = chain[n + 1] if n + 1 < len(chain) else None
        if tok.text in ("(", "«"):
            depth += 1
        elif tok.text in (")", "»"):
            depth -= 1
        elif tok.text in ('"', "“", "”"):
            quoted = not quoted
            depth += 1 if quoted else -1  # «عضو كتلة "التنمية والتحرير" النائب X»: a bloc's name in marks
        elif depth > 0 and tok.is_word:
            continue  # «(أوبك)»: an acronym or a name in brackets
        elif tok.text in "،," and title_prefix(chain[n + 1 :]) == len(chain) - n - 1:
            continue  # «منسقة ... في السودان، NAME،», «الخبير ... بجامعة السوربون، الدكتور NAME،», «، النائب السابق NAME،»
        elif not tok.is_word or not _title_word(tok, nxt):
            return False
    return depth == 0


def _title_word(tok: Tok, nxt: Tok | None) -> bool:
    if tok.bare in TITLE_PREPOSITIONS:  # «في الكونغو», «في مصلحة خفر السواحل»; not «في مؤتمر صحفي», «في تصريح»
        return nxt is not None and nxt.is_word and (nxt.definite or word_kind(nxt) in ("org", "place")
                                                    or nxt.key in country_names()
                                                    or (nxt.bare not in EVENT_NOUNS and cue_of(nxt) is None))
    if tok.key in COMPLEMENTIZERS or cue_of(tok) is not None or possessed(tok) or tok.key in ADVERBS:
        return False
    if addressee_word(tok):
        return False  # «لنظيره الروسي X»: the one spoken to, not the holder («المستشار الإعلامي لرئيس الوزراء» is a title)
    kind = word_kind(tok)
    lam_genitive = tok.key.startswith("ل") and len(tok.key) > 3  # «لمنظمة», «للبترول», «للأمم»
    return (kind in ("", "role", "org", "place") or lam_genitive) and not _prepositional_object(tok.key) \
        and (kind != "boundary" or lam_genitive)


ISSUED_WORDS = frozenset({"صادر", "صادره", "الصادر", "الصادره"})
ISSUER_LOOKAHEAD = 160  # characters after «بيان صادر» read for «عن X» (a title and an organisation's name)


def issued_by(phrase: list[Tok], ctx: Context) -> Speaker | None:
    """«وأفاد بيان صادر عن مكتب أولمرت أن»: a statement noun «issued» by someone speaks for its issuer, the phrase
    after «عن» (ANERcorp train: 3 «بيان صادر عن X» as a reporting verb's subject)."""
    if len(phrase) == 1 and match_key(phrase[0].text) in STATEMENT_NOUNS:
        return statement_of(phrase[0], ctx)
    if len(phrase) != 2 or phrase[-1].bare not in ISSUED_WORDS or match_key(phrase[0].text) not in STATEMENT_NOUNS:
        return None
    end = phrase[-1].end
    after = sentence_tokens(ctx.text, end, min(len(ctx.text), end + ISSUER_LOOKAHEAD))
    words = leading_phrase(after[1:]) if len(after) > 1 and after[0].key == "عن" else []
    if not words:
        return None
    # «مكتب أولمرت» is the office even where the tagger marks the person in it
    found = parse_speaker(ctx.text, words) if word_kind(words[0]) == "org" else _phrase_speaker(words, ctx)
    return replace(found, start=phrase[0].start, end=phrase[-1].end) if found is not None else None  # the subject's place


MAX_ISSUER_WORDS = 5  # «بيان لرئاسة مجلس الوزراء العراقي»


def statement_of(noun: Tok, ctx: Context) -> Speaker | None:
    """«وذكر بيان للجيش أن», «قال بيان لرئاسة الوزراء»: a statement noun and its ل-genitive speaks for the body after
    «ل» (ANERcorp train: 5 such subjects; the body was read as the outlet told)."""
    after = sentence_tokens(ctx.text, noun.end, min(len(ctx.text), noun.end + ISSUER_LOOKAHEAD))
    if not after or not after[0].key.startswith("ل") or len(after[0].key) < 4 or possessed(after[0]):
        return None
    body = after[0].key[2:] if after[0].key.startswith("لل") else after[0].key[1:]
    if word_kind_of(body) != "org" and not after[0].key.startswith("لل"):
        return None  # «بيان لوزير» names a person told, «بيان لها» the speaker's own
    words = [after[0]]
    for tok in after[1:MAX_ISSUER_WORDS]:
        if not tok.is_word or is_boundary(tok) or cue_of(tok) is not None or word_kind(tok) in ("aux", "role"):
            break
        words.append(tok)
    first = ctx.text[after[0].start : after[0].end]
    head = ("ال" + lam_of_noun(after[0].key) + first[2:]) if after[0].key.startswith("لل") else first[1:]
    name = " ".join([head, *(ctx.text[t.start : t.end] for t in words[1:])])
    return Speaker(name, "ORG", match_key(noun.text), noun.start, noun.end)


# «أعلنت الوزارة، في بيان/بلاغ ...، أن»: the document an organisation speaks through, which a later «وأوضح البيان»
# names again (ANERcorp train: 4 «وأضاف/وقال/واكد البيان» after «X في بيان»; Maghrebi copy writes «بلاغ»: quotes_dev8).
STATEMENT_NOUNS = frozenset({"بيان", "بلاغ", "تقرير"})
# up to two words (an adjective the phrase left out: «وزارة الخارجية التركية في بيان») before «في/ب»
STATEMENT_AFTER = re.compile(r"(?:\s+[^\s،,.]+){0,2}?\s*[،,]?\s*(?:في|ب)\s*([^\s،,.]+)")


def statement_noun_after(text: str, end: int) -> str:
    """«بيان» in «وزارة الصحة، في بيان لها، أن» right after a speaker phrase ending at ``end``; "" when none."""
    found = STATEMENT_AFTER.match(text, end)
    word = match_key(found.group(1)) if found else ""
    return word if word in STATEMENT_NOUNS else ""


def outlet_head_kept(org: Speaker, head: str) -> Speaker:
    """«صحيفة يديعوت أحرونوت»: the tagger's organisation keeps the head noun before it as its role, so that «الصحيفة»
    later resolves to it as it does to the phrase read without mentions."""
    head = head.strip(" \"'«»“”")
    return replace(org, role=head) if head and not org.role else org


def span_text(text: str, toks: list[Tok]) -> str:
    return text[toks[0].start : toks[-1].end] if toks else ""
