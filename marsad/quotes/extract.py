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

This module orchestrates; each cause lives in its own module: ``cues`` (which verbs start a statement, where
its clause begins), ``content`` (where the reported content starts and ends, direct or indirect), ``frame``
(speaker position and extent, relays of one cue), ``sources`` («بحسب X», «على حد قوله», sentence relays),
``headline`` («NAME: text» lines), ``carry`` (carry-over to earlier speakers, role/organisation resolution),
``context`` (shared records).
"""

from __future__ import annotations

from dataclasses import replace

from marsad.model import Article, Mention, Quote
from marsad.quotes.carry import (
    adjacent_person,
    agree,
    described_person,
    earlier_clause_subject,
    first_verb_subject,
    group_object,
    in_time_clause,
    introduced_person,
    last_person,
    named_later,
    nearest_named,
    participle_subject,
    passive,
    pluperfect,
    relative_antecedent,
    resolve_speaker,
    unnamed_fallback,
    verb_gender,
    woman_before,
)
from marsad.quotes.content import kama_after_comma
from marsad.quotes.context import ARABIC, Context, Raw, in_quotation, statement_noun_after
from marsad.quotes.cues import (
    by_saying,
    clause_start,
    contrast_cuts,
    find_hits,
    fronted_start,
    nested,
    relayed_statement,
)
from marsad.quotes.frame import analyse
from marsad.quotes.headline import headline
from marsad.quotes.marks import quoted_spans
from marsad.quotes.names import Speaker
from marsad.quotes.relay import (
    chain,
    relay_cuts,
    source_line,
    statements_holder,
)
from marsad.quotes.roles import Registry
from marsad.quotes.sources import (
    according,
    orphan_quotations,
    own_view,
    source_before,
    topic_colon_quote,
    with_sentence_relays,
)
from marsad.quotes.speakers import (
    leading_phrase,
    parse_speaker,
    title_holders,
)
from marsad.quotes.tokens import (
    Tok,
    cue_of,
    sentence_tokens,
    word_kind_of,
)
from marsad.text.normalize import match_key
from marsad.text.tokens import strip_article


def sentence_quotes(start: int, end: int, index: int, ctx: Context) -> list[Raw]:
    """All quotes of one sentence; updates ``ctx.current`` (the speaker a pronoun refers to)."""
    if not ARABIC.search(ctx.text[start:end]):
        return []
    found = headline(ctx.text, start, end, index, ctx)
    if found:
        return found
    toks = sentence_tokens(ctx.text, start, end)
    ctx.holders.extend(title_holders(ctx.text, toks))
    found_hits = find_hits(toks, ctx)
    relayed = {id(h) for n, h in enumerate(found_hits) if n and relayed_statement(toks, h, found_hits[n - 1])}
    hits = [h for n, h in enumerate(found_hits) if n == 0 or not nested(toks, h) or id(h) in relayed]
    if not hits:
        return own_view(toks, index, ctx) or topic_colon_quote(toks, index, ctx) or according(toks, index, ctx)
    local: Speaker | None = None
    out: list[Raw] = []
    first = clause_start(toks, hits[0])
    if first > 1 and toks[first - 1].key in ("التي", "الذي"):  # «X طبقا لما قاله Y، الذي قال:»: the source first
        out = according(toks[: first - 1], index, ctx)
        local = ctx.current = out[0].speaker if out and out[0].speaker is not None else ctx.current
    elif first > 0:  # «وجاءت المفاجأة على لسان X، حيث أكد»: a source named before the first cue speaks next
        local = source_before(toks[:first], ctx) or held_statements(toks[:first], ctx) or local
        ctx.current = local or ctx.current
    cuts = sorted(relay_cuts(toks) + [k for k in contrast_cuts(toks) if not in_quotation(ctx, toks[k].start)])
    for n, hit in enumerate(hits):
        limit = fronted_start(toks, clause_start(toks, hits[n + 1])) if n + 1 < len(hits) else len(toks)
        raws, explicit = analyse(toks, hit, max(limit, hit.j), ctx, cuts)
        described = described_person(ctx, explicit, verb_gender(hit)) if explicit is not None else None
        if described is not None:  # «واضافت هذه المحاسبة البالغة 27 سنة»: the woman named before
            explicit = described
            raws = [replace(r, speaker=described) if r.speaker is not None else r for r in raws]
        if by_saying(toks, hit):
            if n > 0:
                continue  # «قال ... ورد على ذلك بقوله إن»: the statement of the cue before it goes on
            if explicit is not None:  # the opening verb's subject: a guess, which does not become the current speaker
                out.extend(replace(r, speaker=explicit, sentence=index) for r in raws)
                continue
        if out and kama_after_comma(toks, hit):
            raws = []  # «قال إن ...، كما نقلت عنه مصادر»: the relay of the quote already found, not a new one
        if explicit is not None and id(hit) in relayed and local is not None and local.name:
            outlet = local  # «قالت صحيفة X إن السفير Y توقع أن»: Y's statement, relayed by X
            explicit = replace(explicit, via=tuple(chain(explicit.via, [outlet.name], outlet.via)))
            raws = [replace(r, speaker=explicit) for r in raws]
        if explicit is None and local is None and hit.main and verb_gender(hit) == "pl":
            explicit = group_object(ctx, toks[: hit.i])  # «التقت «الأيام» عددا من الناخبين، فقالوا»
        if explicit is None and local is None and hit.main:
            explicit = introduced_person(ctx, toks, hit)  # «ابنه خليل ... لا يرى مستقبلا. يقول لرصيف22:»
        if explicit is None and local is None and hit.main and verb_gender(hit) and not passive(toks[hit.i]) \
                and not in_time_clause(toks, hit):  # a singular verb: «وأكدا» shares the subject of two
            explicit = earlier_clause_subject(ctx, toks, hit.i)  # «وجه X انتقادات لمدرب المنتخب وقال إنه»
        if explicit is not None:
            local = explicit
            if not pluperfect(toks, hit):  # «وكان الاسد قال ...»: background, the main speaker stays current
                ctx.current = explicit
            ctx.known.append(explicit.name)
            ctx.history.append((explicit, verb_gender(hit)))
        elif hit.main and in_time_clause(toks, hit):
            explicit = nearest_named(ctx.text, toks[: hit.i], local)  # «خطاب الرئيس ... نجاد اليوم ... حين قال»
            if explicit is not None:
                local = ctx.current = explicit
                raws = [replace(r, speaker=explicit) if r.speaker is None else r for r in raws]
        elif local is None and hit.main:
            agree(ctx, verb_gender(hit), toks[hit.i].start)  # «وأضافت أن» after a man was quoted: the last woman or organisation
        elif local is None and n == 0 and hit.cue.pos == "participle":
            explicit = relative_antecedent(toks, hit, ctx) or participle_subject(ctx, toks, hit)
            # «... أنجيلا ميركل التي رفضت التعليق ... قائلة إنها»; «رفض السفير ... الاقتراح، قائلا إنه»
            if explicit is not None:
                local = ctx.current = explicit
        if passive(toks[hit.i]):  # «وأُعلن أن»: said by no one named, not by the last speaker
            out.extend(replace(r, speaker=explicit, sentence=index) for r in raws)
            continue
        speaker = explicit or local or ctx.current or last_person(ctx, toks[hit.i].start) \
            or (woman_before(ctx, toks[hit.i].start) if verb_gender(hit) == "f" else None) \
            or unnamed_fallback(ctx, toks, hit.i) or first_verb_subject(ctx, toks, hit.i)
        if ctx.current is None and speaker is not None:
            ctx.current = speaker
        told = raws[0].speaker if raws and raws[0].speaker and raws[0].speaker.kind == "NONE" else None
        if told is not None and speaker is not None:
            speaker = replace(speaker, via=tuple(chain(speaker.via, told.via)))
            local = ctx.current = speaker
        out.extend(replace(r, speaker=r.speaker if r.sequel else speaker or told, sentence=index) for r in raws)
    out.extend(orphan_quotations(toks, hits, out, local or ctx.current, index, ctx))
    if not out:  # «ونقلت الجثث ... بحسب ما قال ...»: a cue that quoted nothing leaves the sentence to its source
        return according(toks, index, ctx)
    return with_sentence_relays(out, toks, ctx)


def held_statements(toks: list[Tok], ctx: Context) -> Speaker | None:
    """«وفي تصريحات للوزير سامي الخطيب قال إن»: the titled holder of the statements speaks next."""
    phrase = statements_holder(ctx.text, toks)
    found = parse_speaker(ctx.text, leading_phrase(phrase[1:])) if len(phrase) > 1 else None
    return found if found is not None and found.kind == "PER" else None  # the name after the title


def _arabic_sentences(article: Article) -> list[tuple[int, int, int]]:
    """(start, end, index) of the sentences to read: language "ar", in a paragraph that is Arabic."""
    from marsad.text.sentences import split_sentences

    spans = [(s.start, s.end, s.index, s.language) for s in article.sentences]
    if not spans:
        spans = [(s, e, i, "ar") for i, (s, e) in enumerate(split_sentences(article.text))]
    foreign = [(p.start, p.end) for p in article.paragraphs if p.language != "ar"]
    return [(s, e, i) for s, e, i, lang in spans
            if lang == "ar" and not any(ps <= s < pe for ps, pe in foreign)]


def same_interview(raw: Raw, speaker: Speaker | None, previous: Quote) -> bool:
    """«قال X لقناة Y ... وأضاف الوزير أن»: a role phrase naming again the speaker of the quote just before, in the same
    or the next sentence and with no relay of its own, goes on in the same interview: it keeps that quote's relays, as
    a carried-over «وأضاف أن» already does (the written dev sets dev7, dev10-dev12 mark it so: 9 such quotes); so
    does the speaker's name with a verb that goes on («وأضاف ديب:», ``CONTINUING_KINDS``)."""
    if raw.speaker is None or speaker is None or speaker.name != previous.speaker \
            or not 0 <= raw.sentence - previous.sentence <= 1:
        return False
    return raw.speaker.kind == "ROLE" or (raw.speaker.kind in ("PER", "NAME") and _continuing(raw.cue))


# Cue kinds that go on with what was said («وأضاف ديب:», «وأشار العبد الله إلى أن»): a speaker named again with one of
# them in the next sentence is still in the same interview (quotes_dev39, dev41 mark it so).
CONTINUING_KINDS = frozenset({"add", "continue", "point", "explain"})


def _continuing(cue: str) -> bool:
    """The cue's first word is a reporting verb of CONTINUING_KINDS («وأضاف», «وأشار إلى»)."""
    words = sentence_tokens(cue, 0, len(cue))
    found = cue_of(words[0]) if words else None
    return found is not None and found.kind in CONTINUING_KINDS


def tagged_org(text: str, mention: Mention) -> Speaker:
    """An organisation the tagger marks, with the head noun it left out before it («محكمة» of «محكمة جنايات القاهرة»)
    and, as its role, the statement it speaks through («أعلنت الوزارة X، في بلاغ لها،»: a later «وأوضح البلاغ»)."""
    before = text[max(0, mention.start - 20) : mention.start].split()
    head = before[-1] if before and text[mention.start - 1 : mention.start].isspace() else ""
    role = statement_noun_after(text, mention.end)
    if head and word_kind_of(strip_article(match_key(head))) == "org":
        return Speaker(f"{head} {mention.text}", "ORG", role, mention.start - len(head) - 1, mention.end)
    return Speaker(mention.text, "ORG", role, mention.start, mention.end)


def article_quotes(article: Article) -> list[Quote]:
    """Every quote of the article, with speaker, cue, kind and relay chain."""
    text = article.text
    ctx = Context(text, quoted_spans(text), list(article.mentions), None, [])
    raws: list[Raw] = []
    for start, end, index in _arabic_sentences(article):
        raws.extend(sentence_quotes(start, end, index, ctx))
    orgs = [tagged_org(text, m) for m in sorted(article.mentions, key=lambda m: m.start)
            if m.type == "ORG" and " " in m.text.strip() and not in_quotation(ctx, m.start)]
    registry = Registry(holders=ctx.holders, mentioned=orgs)
    for raw in raws:
        if raw.speaker is not None and not registry.known(raw.speaker):
            registry.add(raw.speaker)
    tail = [source_line(article), article.outlet]
    quotes: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for raw in raws:
        if (raw.start, raw.end) in seen:
            continue
        seen.add((raw.start, raw.end))
        speaker = resolve_speaker(raw.speaker, raw.start, registry) or named_later(raws, raw, registry)
        if speaker is not None and speaker.kind == "ROLE":
            speaker = adjacent_person(speaker, ctx.history) or speaker
        if speaker is not None and raw.speaker is not None and raw.start <= speaker.start < raw.end \
                and speaker.start == raw.speaker.start:
            speaker = None  # a speaker phrase read inside the quote itself: only mentioned in it (issue 5)
        own = raw.speaker.via if raw.speaker else ()
        if not own and quotes and same_interview(raw, speaker, quotes[-1]):
            own = tuple(v for v in quotes[-1].via if v not in tail)
        via = chain(own, *tail)
        quotes.append(Quote(article.id, text[raw.start : raw.end], raw.kind, raw.start, raw.end,  # type: ignore[arg-type]
                            speaker=speaker.name if speaker else None, via=via, cue=raw.cue, sentence=raw.sentence))
    return quotes
