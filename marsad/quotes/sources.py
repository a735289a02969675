"""Sentence-level sources: «بحسب X», «على لسان X», «على حد قوله» (the current speaker's view), relays named
outside the quotes, and quotations left after non-quoting cues."""

from __future__ import annotations

from dataclasses import replace

from marsad.quotes.content import after_title_word, content_span, quotes_of_content
from marsad.quotes.context import OPENERS, Context, Hit, Raw, in_quotation, opened_at, phrase_speaker
from marsad.quotes.frame import addressee_relay
from marsad.quotes.lexicon import figure_nouns, outlet_heads
from marsad.quotes.names import (
    Speaker,
    name_words,
)
from marsad.quotes.relay import (
    QUOTE_CHARS,
    according_at,
    chain,
    lam_stripped,
    relay_span,
    relays_in,
)
from marsad.quotes.speakers import (
    amma_topic,
    leading_phrase,
    parse_speaker,
)
from marsad.quotes.tokens import (
    COMPLEMENTIZERS,
    Tok,
    cue_of,
    word_kind,
    word_kind_of,
)
from marsad.text.normalize import match_key
from marsad.text.tokens import strip_article

# Outside reported speech (after «دعا», «اتهم») a three-word quotation is mostly a term («"قطاع النفط الكردستاني"»):
# set by reading the ANERcorp dev set, ninth batch.
MIN_ORPHAN_WORDS = 4
# «حسب رأيه», «بحسب قوله»: «in his view», no new source.
OWN_VIEW = frozenset({"رايه", "رايها", "رايهم", "قوله", "قولها", "قولهم", "تعبيره", "تعبيرها", "وصفه", "وصفها"})


# «وتحدث عن رحلته "من الكفر الى الايمان"»: after «talk about» a quotation names the topic, not words said (quotes_dev2).
TOPIC_LEMMAS = frozenset({"تحدث"})


def orphan_quotations(toks: list[Tok], hits: list[Hit], out: list[Raw], speaker: Speaker | None, index: int,
                       ctx: Context) -> list[Raw]:
    """«ودعا أنان إلى رفع "الحصار البحري والجوي ..."», «وانتقد ... التحذير من "الرؤية المفرطة ..."»: a quotation of
    MIN_PARTIAL_WORDS words or more after a non-quoting cue (call, criticise), quoted by that cue's speaker."""
    calls = [h for h in hits if h.cue.quote == "no" and h.cue.lemma not in TOPIC_LEMMAS]
    if speaker is None or not toks or not calls:
        return []
    # past the verb's object: «حث فيه "الشعب الأميركي ..." إلى» is an addressee, not words said
    first = min(_object_end(toks, h) for h in calls)
    taken = [(r.start, r.end) for r in out]
    found = []
    for q in ctx.quoted:
        if q.depth == 0 and first < q.start and q.end <= toks[-1].end + 1 and q.words(ctx.text) >= MIN_ORPHAN_WORDS \
                and not any(s < q.end and q.start < e for s, e in taken) and not after_title_word(ctx.text, q.start):
            found.append(Raw(q.start, q.end, "direct", "", speaker, index))
    return found


def _object_end(toks: list[Tok], hit: Hit) -> int:
    """Where a non-quoting cue's object ends: after one word when it is a ب-verbal noun («متعهدا بمحاسبة «...»»,
    «طالب بإجراء "..."»), else after two tokens («حث فيه "الشعب الأميركي ..." إلى» names an addressee)."""
    if hit.j < len(toks) - 1 and toks[hit.j].is_word and toks[hit.j].key.startswith("ب") and len(toks[hit.j].key) > 4:
        return toks[hit.j].end
    return toks[min(hit.j + 1, len(toks) - 1)].end


def topic_colon_quote(toks: list[Tok], index: int, ctx: Context) -> list[Raw]:
    """«أما أم خليل، فتختصر الحكاية بجملة واحدة: "..."»: with no reporting verb, a quotation right after a colon in a
    sentence opening with «أما» + a person is that person's words (quotes_dev36)."""
    topic = amma_topic(toks)
    if not topic:
        return []
    colon = next((k for k, t in enumerate(toks) if t.text == ":" and t.start > topic[-1].end), -1)
    if colon < 0 or colon + 1 >= len(toks):
        return []
    quoted = opened_at(toks[colon + 1], ctx)  # «...: "..."»: the quotation the mark after the colon opens
    speaker = phrase_speaker(topic, ctx) if quoted is not None and quoted.words(ctx.text) >= MIN_ORPHAN_WORDS else None
    if quoted is None or speaker is None or speaker.kind not in ("PER", "NAME", "ROLE"):
        return []
    return [Raw(quoted.start, quoted.end, "direct", "colon", speaker, index)]


OWN_VIEW_OPENERS = (("علي", "حد", "قوله"), ("علي", "حد", "قولها"), ("علي", "حد", "تعبيره"), ("في", "رايه"),
                    ("في", "رايها"), ("بحسب", "قوله"), ("حسب", "قوله"))


def own_view(toks: list[Tok], index: int, ctx: Context) -> list[Raw]:
    """«وعلى حد قوله فإن ...», «وفي رأيه فإن ...»: the rest of the sentence, said by the current speaker."""
    words = [t for t in toks if t.is_word]
    for opener in OWN_VIEW_OPENERS:
        n = len(opener)
        if len(words) > n + 2 and (words[0].bare, *(t.key for t in words[1:n])) == opener \
                and words[n].bare in ("ان", "فان"):
            span = content_span(toks, toks.index(words[n + 1]), len(toks), ctx.text)
            return [Raw(span[0], span[1], "indirect", opener[-1], ctx.current, index)] if span else []
    return []


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
        if toks[found[0]].bare in MEASURE_NOUNS:
            continue  # «لتتراوح بين 8 و20 جنيها حسب عدد المحطات»: «depending on the number», no source
        phrase = toks[found[0] : after]
        figures = figures_source(toks, found[0])
        if figures is not None and not figures:
            continue  # «بحسب الأرقام الرسمية», «بحسب السعر المعلن من ...»: figures with no one named, not speech
        if figures:  # «وفقا لتقديرات مصادر مختلفة»: the sources whose estimates they are
            phrase, after = figures, max(after, toks.index(figures[-1]) + 1)
            source = (span_of(ctx.text, phrase), source[1])
        issuer = issuer_after(toks, after, any(t.bare.startswith("نقل") for t in toks[i : found[0]]))
        if found[1] and issuer is None and figures is None and not speaking_head(toks[found[0]]) \
                and not tagged_source(toks[found[0]], ctx):
            continue  # «وفقا للقانون», «وفقا لقرار ...», «وفقا لآليات ...»: «in accordance with», not a source
        if issuer is not None:  # «وفقا لبيان صادر عن الرئاسة»; «بحسب ما نقلته صحيفة X عن مصادر»: the source is after «عن»
            relayed = [source[0]] if issuer[0] else []
            phrase, after = toks[issuer[1] : issuer[2]], issuer[2]
            source = (span_of(ctx.text, phrase), source[1])
        spoke = next((m for m in range(found[0] + 1, min(len(toks), after + 1)) if _spoke_to(toks, m)), None)
        outlet = spoken_to(toks, spoke, ctx) if spoke is not None else None
        if spoke is not None:  # «وبحسب مصادر قضائية تحدثت إليها «الأخبار»، فإن»: the sources, then the outlet told
            phrase = toks[found[0] : spoke]
            source = (span_of(ctx.text, phrase), source[1])
        fa = comma_fa_inna(toks, after)
        # «وبحسب X، فإن ...», also after a fronted circumstance («وعلى الجانب الآخر، وبحسب X، فإن»): what follows
        first, last = (after, len(toks)) if i <= 1 or fa is not None else (dateline_end(toks[:i]), i)
        if i <= 1 or fa is not None:
            first = fa or first
        while first < last and (not toks[first].is_word or toks[first].bare in ("ان", "فان")):
            first += 1
        span = content_span(toks, first, last, ctx.text) if first < last else None
        if span is None or len(ctx.text[span[0] : span[1]].split()) < 3:
            return []
        speaker = parse_speaker(ctx.text, phrase)
        if speaker is None or (found[1] and match_key(speaker.role).startswith("ل")):  # «وفقا لمصادر طبية»: not «طبية»
            speaker = Speaker(source[0], "ORG", "", phrase[0].start, phrase[-1].end)
        told = outlet or addressee_relay(toks[after : fa or len(toks)], ctx)  # «بحسب ما قال ... لوكالة فرانس برس»
        speaker = replace(speaker, via=(told,)) if told else speaker
        if issuer is not None and relayed:
            speaker = replace(speaker, via=tuple(chain(relayed, speaker.via)))
        cue = ctx.text[toks[i].start : toks[found[0] - 1].end]
        speaker = replace(speaker, name=speaker.name if speaker.kind in ("PER", "NAME") else source[0])
        return quotes_of_content(span, "clause", cue, speaker, index, ctx)  # with its partial quotations
    return []


# Nouns of measure after «حسب/بحسب/وفقا ل» that make it «depending on» («حسب عدد المحطات», «بحسب نوع السلعة»).
MEASURE_NOUNS = frozenset({"عدد", "نوع", "حجم", "طبيعه", "مده", "درجه", "قيمه", "مستوي", "مسافه"})


def speaking_head(tok: Tok) -> bool:
    """The ل-word after «وفقا/طبقا» names who can speak: a title, an organisation or an outlet («لمصادر», «للشرطة»,
    «لوكالة»), not a rule or a document («للقانون», «لقرار»)."""
    head = lam_stripped(tok.key)
    return word_kind_of(head) in ("role", "org") or word_kind_of(strip_article(head)) in ("role", "org") \
        or strip_article(head) in outlet_heads() or tok.text[1:2] in QUOTE_CHARS


def tagged_source(tok: Tok, ctx: Context) -> bool:
    """The ل-word after «وفقا/طبقا» opens a name the entity tagger marks as an organisation or a person
    («للحماية المدنية», «للهلال الأحمر»): a source whose head no word list holds."""
    return any(tok.start <= m.start < tok.end and m.type in ("ORG", "PER") for m in ctx.mentions)


def figures_source(toks: list[Tok], k: int) -> list[Tok] | None:
    """For a source at k headed by a noun of figures (``figure_nouns``: «الأرقام», «تقديرات», «السعر»): the source
    named in its genitive («تقديرات مصادر مختلفة», «إحصاءات وزارة الصحة», «أرقام السلطات»), [] when none is named
    (an adjective, a year, «المعلن من ...»); None for any other source."""
    if k >= len(toks) or strip_article(lam_stripped(toks[k].bare)) not in figure_nouns():
        return None
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is None or not nxt.is_word:
        return []
    named = word_kind(nxt) in ("role", "org") or (nxt.definite and not nxt.key.endswith(("ي", "يه", "يين", "يون"))
                                                   and not nxt.key.startswith("الم"))
    return (leading_phrase(toks[k + 1 :]) or [nxt]) if named else []


ISSUERS = frozenset({"صادر", "صادره", "الصادر", "الصادره"})
MAX_ISSUER_GAP = 3  # words between an outlet and «عن» («صحيفة "لوموند" الفرنسية عن»); set by reading, no gold data
MAX_SOURCE_TAIL = 8  # tokens between a fronted source and «، فإن» («وحسب ما أعلنه فريقه X - Y، فإن»; ANERcorp train)


def issuer_after(toks: list[Tok], k: int, relayed: bool) -> tuple[bool, int, int] | None:
    """(relayed, start, end) of the phrase after «عن» that ends an «according to» source: the issuer of «بيان صادر
    عن X», or, when the source relayed («ما نقلته صحيفة X الفرنسية عن مصادر»), the speaker it relayed."""
    for m in range(k, min(len(toks) - 1, k + MAX_ISSUER_GAP + 1)):
        issued = m > 0 and toks[m - 1].bare in ISSUERS
        if toks[m].key == "عن" and (issued or relayed):
            phrase = leading_phrase(toks[m + 1 :])
            return (not issued, m + 1, m + 1 + len(phrase)) if phrase else None
        if not toks[m].is_word and toks[m].text not in QUOTE_CHARS:
            return None
    return None


def comma_fa_inna(toks: list[Tok], k: int) -> int | None:
    """Index of «فإن» after a comma closing a fronted source («وبحسب X، فإن ...»), before any reporting verb."""
    for m in range(k, min(len(toks) - 1, k + MAX_SOURCE_TAIL)):
        if toks[m].text in "،," and toks[m + 1].key.startswith("ف") and toks[m + 1].bare in COMPLEMENTIZERS:
            return m + 1
        if cue_of(toks[m]) is not None and not _spoke_to(toks, m):
            return None
    return None


TO_HER = frozenset({"اليها", "اليه", "اليهم", "الي"})  # «تحدثت إليها «الأخبار»»


def _spoke_to(toks: list[Tok], m: int) -> bool:
    """«مصدر حكومي تحدث لـ"الغد"», «مصادر تحدثت إليها «الأخبار»»: the source's talking to an outlet, no statement
    of its own."""
    cue = cue_of(toks[m])
    return cue is not None and cue.lemma in TOPIC_LEMMAS and m + 1 < len(toks) \
        and (toks[m + 1].key.startswith("ل") or toks[m + 1].key in TO_HER)


def spoken_to(toks: list[Tok], m: int, ctx: Context) -> str | None:
    """The outlet named after «تحدثت إليها» at m: a quoted name, else the noun phrase («صحيفة الغد»)."""
    k = m + 1 + (toks[m + 1].key in TO_HER)
    if k >= len(toks):
        return None
    if toks[k].text in OPENERS:
        q = opened_at(toks[k], ctx)
        return ctx.text[q.start : q.end] if q is not None else None
    return addressee_relay(toks[m + 1 :], ctx)


def span_of(text: str, toks: list[Tok]) -> str:
    return text[toks[0].start : toks[-1].end]


MAX_DATELINE_TOKENS = 8  # «طرابلس – «القدس العربي»:», «بيروت - رويترز:»: place, dash, outlet; set by reading, no gold data
DASHES = frozenset("-–—")


def dateline_end(toks: list[Tok]) -> int:
    """Index after a dateline closing with a colon at the start of the sentence («عمان – «الغد»: ارتفع ...»): a few
    tokens, a dash among them, no reporting verb; 0 when there is none."""
    for k, tok in enumerate(toks[:MAX_DATELINE_TOKENS]):
        if tok.text == ":":
            head = toks[:k]
            return k + 1 if any(t.text in DASHES for t in head) and not any(cue_of(t) for t in head) else 0
    return 0


def with_sentence_relays(raws: list[Raw], toks: list[Tok], ctx: Context) -> list[Raw]:
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
