"""Speaker position and extent: the frame of one cue (subject before the verb, phrase after it, relay, holder
of a role phrase) and the quotes it introduces."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from marsad.quotes.content import (
    ANAPHORIC,
    anaphoric_object_end,
    content_span,
    find_intro,
    kama_after_comma,
    object_start,
    quotation_on_next_line,
    quote_before,
    quoted_words,
    quotes_of_content,
)
from marsad.quotes.context import (
    MAX_NAME_QUOTE_WORDS,
    OPENERS,
    STATEMENT_NOUNS,
    Context,
    Hit,
    Raw,
    called_name,
    known_prefix,
    occasion_at,
    opened_at,
    person_spans,
    phrase_speaker,
    span_text,
    tagged_holder,
)
from marsad.quotes.cues import subject_before
from marsad.quotes.lexicon import bare_openers, outlet_heads, programme_heads
from marsad.quotes.names import (
    MAX_NAME_WORDS,
    TITLES,
    Speaker,
    adverbial,
    apposed_name,
    apposed_run,
    closes_phrase,
    closing_name,
    glued_outlet,
    name_after_role,
    name_at_end,
    whole_name,
)
from marsad.quotes.relay import (
    relay_noun_phrase,
    relay_span,
)
from marsad.quotes.roles import GENERIC_ROLES
from marsad.quotes.speakers import (
    before_object,
    leading_phrase,
    parse_speaker,
    titled_apposed_run,
    trailing_phrase,
)
from marsad.quotes.tokens import (
    NAME_NOT_PREPOSITION,
    ORG_NAME_ADJECTIVES,
    PREPOSITIONS,
    Tok,
    cue_of,
    is_boundary,
    word_kind,
    word_kind_of,
)
from marsad.text.normalize import match_key, skeleton
from marsad.text.tokens import strip_article

MAX_RELAY_WORDS_BEFORE = 5  # «ذكرت وكالة سانا نقلا عن»: the relay named before «نقلا عن» is short
MAX_RELAY_GAP = 12  # words between «نقلت» and «عن»: «نقلت صحيفة "صن" البريطانية في عددها الصادر اليوم عن» (ANERcorp dev)
BARE_KINDS = frozenset({"say", "add", "continue"})
CLAUSE_ONLY_KINDS = frozenset({"state"})  # «نص على أن»: a text's terms («ينص على انسحاب») are no statement


AFFILIATED = frozenset({"التابعه", "التابع", "تابعه", "تابع", "التابعين", "التابعتين"})


def addressee_relay(region: list[Tok], ctx: Context) -> str | None:
    """«قال ... لشبكة "سي ان ان"», «لوكالة تاس», «ل ـ «الشرق الاوسط»»: the outlet told, a relay."""
    if region and match_key(region[0].text) in STATEMENT_NOUNS:
        return None  # «وذكر بيان للجيش أن»: the statement's issuer, not an outlet told
    for n, tok in enumerate(region):
        if n and region[n - 1].key in AFFILIATED:
            continue  # «"مؤسسة المعارض" التابعة لوزارة الإرشاد»: the body it belongs to, not the outlet told
        rest = [t for t in region[n + 1 :] if t.key or t.text in OPENERS]
        if tok.key in ("ل", "لـ") and rest and rest[0].text in OPENERS:
            q = opened_at(rest[0], ctx)
            return ctx.text[q.start : q.end] if q and q.words(ctx.text) <= MAX_NAME_QUOTE_WORDS else None
        if tok.key.startswith("لل") and not tok.key.endswith(("ين", "ون", "ات")) and not (n and adverbial(region[n - 1])) \
                and not org_name_genitive(region, n):
            found = relay_span(ctx.text, region[n:], lam=True)
            if found and n + found[1] >= len(region) and (found[1] == 1 or _brand_word(region[n + 1 : n + found[1]])):
                return found[0]  # «قال للجزيرة إن», «للسومرية نيوز إن»: a name running up to the clause
        size = glued_outlet(region, n)
        if size:  # «وقال لبي بي سي:», «في تصريح ليورونيوز»: a named outlet glued to ل
            return ctx.text[tok.start + 1 : region[n + size - 1].end].lstrip("ـ")
        if tok.key.startswith("لل") and word_kind_of(tok.key[2:]) == "org":  # «للقناة التلفزيونية الاسرائيلية العاشرة»
            return None if role_genitive(region, n) else relay_noun_phrase(ctx.text, region[n:], lam=True)
        if tok.key.startswith("ل") and not tok.key.startswith("لل") \
                and (word_kind_of(tok.key[1:]) == "org" or tok.key[1:] in programme_heads()):  # «لبرنامج "X"»
            if role_genitive(region, n):
                continue  # «دعا الأمين العام لحزب الله حسن نصر الله»: the party of the title, not an outlet told
            q = opened_at(rest[0], ctx) if rest and rest[0].text in OPENERS else None
            if q is not None and q.words(ctx.text) <= MAX_NAME_QUOTE_WORDS:
                return f"{ctx.text[tok.start + 1 : tok.end]} {ctx.text[q.start : q.end]}"
            return relay_noun_phrase(ctx.text, region[n:], lam=True)
    return None


def _brand_word(rest: list[Tok]) -> bool:
    """«نيوز» of «للسومرية نيوز», «نت» of «للجزيرة نت»: one indefinite word after the ل-name; a definite adjective
    makes it a genitive or an addressee («للحياة البرية», «للوفد الدولي»: ANERcorp train, round 7)."""
    return len(rest) == 1 and rest[0].is_word and not rest[0].definite


def org_name_genitive(region: list[Tok], n: int) -> bool:
    """The «لل»-word at n continues an organisation's name, not an outlet told: an adjective of such names before it,
    and no title opening the region («قالت الكونفدرالية العامة للعمل إن»; not «قال المتحدث العام للجزيرة»)."""
    return 0 < n and region[n - 1].key in ORG_NAME_ADJECTIVES and word_kind(region[0]) != "role"


def role_genitive(region: list[Tok], n: int) -> bool:
    """«الأمين العام لحزب الله», «المدير التنفيذي لشركة ...»: a ل-organisation right after a title with no name is the
    title's genitive, not the outlet told, unless the organisation is a news outlet («المتحدث لوكالة فرانس برس»)."""
    if not 0 < n < len(region) or region[n].key[:1] != "ل":
        return False
    head = region[n].key[2:] if region[n].key.startswith("لل") else region[n].key[1:]  # «الأمين العام للمنظمة»
    if word_kind_of(head) != "org" or head in outlet_heads():
        return False
    if _title_right_before(region, n):
        return True  # «ماجد الأنصاري ... المتحدث الرسمي لوزارة الخارجية»: the title after the name
    if word_kind(region[0]) != "role":
        return False
    return all(t.is_word and word_kind(t) in ("role", "") and (t.definite or word_kind(t) == "role")
               for t in region[:n])


def _title_right_before(region: list[Tok], n: int) -> bool:
    """A title (and at most one definite adjective: «المتحدث الرسمي») right before the ل-word at n."""
    if n >= 1 and word_kind(region[n - 1]) == "role":
        return True
    return n >= 2 and region[n - 1].definite and word_kind(region[n - 1]) == "" and word_kind(region[n - 2]) == "role"


def _outlet_named(speaker: Speaker) -> bool:
    """The organisation is a news outlet («صحيفة الحياة», «وكالة تاس»): a masculine «ونقل عن مسؤول» after a source
    («مصدر أمني») is a passive, not that source relaying (dev8 own8-06, round 7)."""
    words = (speaker.role + " " + speaker.name).split()
    return any(strip_article(match_key(w)) in outlet_heads() for w in words)


def _after_addressee(region: list[Tok], told: str | None, ctx: Context) -> list[Tok]:
    """«أكد لوكالة فرانس برس شاهد عيان أن»: the subject phrase after an outlet told right after the verb."""
    if told is None or not region or not region[0].key.startswith("ل"):
        return []
    size = glued_outlet(region, 0)
    if size:
        return leading_phrase(region[size:])  # «أكد لبي بي سي شاهد عيان أن»
    found = relay_span(ctx.text, region, lam=True)
    return leading_phrase(region[found[1] :]) if found and found[1] < len(region) else []


ISSUED_BY = frozenset({"الصادر", "الصادره"})  # «البيان الصادر عن وزارة الصحة»


def _document_speaker(region: list[Tok]) -> list[Tok]:
    """The speaker of «جاء/ورد في» + a document: its issuer when named («نص القرار الذي أعلنته القاضية», «البيان
    الصادر عن وزارة الصحة»), else the document itself without «نص» («نص البيان» -> «البيان»)."""
    for k in range(len(region) - 2):
        tok, nxt = region[k], region[k + 1]
        if (tok.bare in ISSUED_BY and nxt.key == "عن") \
                or (word_kind(tok) == "relative" and nxt.key.endswith(("ته", "ها"))):
            return leading_phrase(region[k + 2 :])
    if len(region) > 1 and region[0].key == "نص":
        return leading_phrase(region[1:])
    return []


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


@dataclass(slots=True)
class Frame:
    """Where a cue's parts lie: speaker phrase, relay, and the start of the content (c0, -1 if none)."""

    how: str
    c0: int
    phrase: list[Tok]
    region: list[Tok]
    subject: list[Tok]
    relay: str | None


# Words carrying the verb's subject as a pronoun right before it («لكنه اتهم», «غير أنها رفضت»): the phrase after the
# verb is its object, the speaker is the one «he/she» refers to.
PRONOUN_SUBJECTS = frozenset({"لكنه", "لكنها", "لكنهم", "لكنهما", "انه", "انها", "انهم", "انهما"})


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
        elif relay is None and pos == hit.j + 1 and ctx.current is not None and ctx.current.kind == "ORG" \
                and _outlet_named(ctx.current):
            relay = ctx.current.name  # «ونقلت عن مسؤولين قولهم»: the outlet just named is the relay
    intro = find_intro(toks, pos, limit, hit.cue, ctx)
    if hit.cue.kind in CLAUSE_ONLY_KINDS and (intro is None or intro[0] != "clause"):
        return None  # «وتنص الخطة على "نقل الجنديين ..."»: the terms of a text, no statement
    if intro is not None and intro[0] == "nominal" and hit.cue.quote == "yes":
        # «أكد فيها رغبة الحكومة ... وفي السيطرة على النفط», «أكد فيه إصرار الأمم المتحدة على»: after the
        # resumptive «فيه» the verbal noun comes first, as right after the verb
        start = object_start(toks, pos + 1 if toks[pos].key in ("فيه", "فيها") else pos, intro[1])
        intro = ("object", start, start) if start is not None else intro
    subject = subject_before(toks, hit, person_spans(ctx))
    region = toks[pos : intro[1] if intro else limit]
    if intro and intro[0] == "clause" and region and region[-1].key in NAME_NOT_PREPOSITION \
            and not given_name_before(region) and not toks[intro[1]].text.startswith("إ"):  # «ويقول علي إنه»: Ali
        region = region[:-1]  # «وشدد علي انه»: على spelled with ي before the clause, not the name علي
    region = region[: ala_before_demonstrative(region)]
    skip = anaphoric_object_end(region, 0, len(region))
    if skip:  # «عبرت عن ذلك "نانسي كوال" حين قالت»: the subject after the back-referring object
        region = quoted_words(region[skip:], ctx) if skip < len(region) else []
    quoting = _quoting_from(region, ctx.text)
    if quoting is not None and not subject:
        relay, region = quoting
    told = addressee_relay(region, ctx) if relay is None and hit.cue.kind != "relay" else None
    relay = relay or told
    # A participle («مشيرا», «قائلا») always shares the subject of the verb before it.
    glued = told is not None and bool(region) and glued_outlet(region, 0) > 0  # «وقال لبي بي سي:»: no speaker phrase
    pronoun = hit.i > 0 and toks[hit.i - 1].bare in PRONOUN_SUBJECTS and hit.cue.kind != "relay"  # «لكنه اتهم قوات X
    # بـ"..."»: X is the object; not «لكنها نقلت عن X»: the relay's source
    phrase = [] if hit.cue.pos == "participle" else subject or ([] if pronoun else (not glued and leading_phrase(region))
                                                                or _after_addressee(region, told, ctx))
    if hit.cue.pos == "noun" and toks[hit.i].key.startswith("ب"):
        phrase = opening_subject(toks[: hit.i])  # «وبررت وكالة ... القرار بقولها إنه»: the subject of «بررت»
    elif hit.cue.pos == "noun" and not phrase and hit.i > 1 and toks[hit.i - 1].bare in PREPOSITIONS:
        phrase = _subject_before_preposition(toks, hit.i - 1)  # «سارعت حركة حماس إلى إعلان أن»
    if hit.cue.words[-1] == "في" and not subject:
        phrase = _document_speaker(region) or phrase  # «وجاء في نص القرار الذي أعلنته القاضية أنه»
    object_follows = hit.cue.quote == "no" or hit.cue.kind == "describe"  # «ووصف عنان وصبري المحادثات بانها»
    if object_follows and phrase and not subject and word_kind(phrase[0]) in ("role", "org"):
        phrase = before_object(phrase[: head_phrase_end(phrase, 0, len(phrase))])  # «ورفض المتحدث التعليق»
    elif object_follows and phrase and not subject and known_prefix(phrase, ctx):
        phrase = phrase[: known_prefix(phrase, ctx)]  # «وانتقد نجاد مساعي الولايات المتحدة»: a known name
    elif hit.cue.kind == "describe" and len(phrase) > 1 and not subject and phrase[-1].bare.startswith("ال") \
            and region and region[-1] is phrase[-1]:
        phrase = phrase[:-1]  # «ووصف عنان وصبري المحادثات بانها»: the definite word before «بأن» is the object
    if not phrase and not subject and hit.j < limit and toks[hit.j].key in ("فيه", "فيها"):
        phrase = _resumptive_holder(toks, hit, ctx)  # «تصريحات لوزير النفط حسين الشهرستاني أكد فيها»
    frame = Frame(intro[0] if intro else "", intro[2] if intro else -1, phrase, region, subject, relay)
    if intro is None:
        _frame_without_intro(frame, toks, hit, limit, ctx)
    return frame


def given_name_before(region: list[Tok]) -> bool:
    """«... في جامعة القاهرة محمد علي أن»: a plain indefinite word (no title, no verb) before the closing «علي» makes it
    the name Ali, not «على» spelled with ي (the verb's preposition follows the verb or its definite subject)."""
    if len(region) < 2:
        return False
    before = region[-2]
    return before.is_word and not before.definite and not word_kind(before) and cue_of(before) is None \
        and not is_boundary(before)


def ala_before_demonstrative(region: list[Tok]) -> int:
    """Where «علي ذلك» («on that», على spelled with ي) starts in a speaker region, else its length: «ويعلق تيم
    سيباستيان علي ذلك بالقول» gave «تيم سيباستيان علي», «وعلق الوزير علي ذلك» gave «علي»."""
    for k in range(len(region) - 1):
        if region[k].text in NAME_NOT_PREPOSITION and region[k + 1].key in ANAPHORIC:
            return k
    return len(region)


SUBJECT_LOOKBACK = 6  # tokens searched back from «إلى إعلان» for the verb's subject; set by reading, no gold data


def _subject_before_preposition(toks: list[Tok], p: int) -> list[Tok]:
    """«سارعت حركة حماس الفلسطينية إلى إعلان أن», «وبادر الوزير إلى تأكيد أن»: the role or organisation phrase
    right after the verb that governs the preposition at p (a plain word before a role/organisation head)."""
    for k in range(p - 1, max(0, p - SUBJECT_LOOKBACK) - 1, -1):
        before = toks[k - 1] if k else None
        if word_kind(toks[k]) in ("role", "org") and before is not None and before.is_word \
                and not before.definite and not word_kind(before):
            return leading_phrase(toks[k:p])
    return []


def opening_subject(toks: list[Tok]) -> list[Tok]:
    """The subject phrase after the verb that opens the sentence («وبررت وكالة أنباء الشرق الأوسط ...», «وعلق
    الوزير على ذلك»): a first word that is not a noun of the lexicons, a preposition or definite."""
    words = [t for t in toks if t.is_word]
    if len(words) < 2 or words[0].definite or word_kind(words[0]) or words[0].bare in PREPOSITIONS:
        return []
    return leading_phrase(toks[toks.index(words[0]) + 1 :])


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
        portfolio = tok.key.startswith("وال") and word_kind(toks[j]) == "role"  # «وزير التربية والتعليم»
        if tok.definite and not (construct or portfolio or word_kind(tok) in ("role", "org")
                                 or tok.key.endswith(("ي", "يه", "يين", "يون"))):
            break
        k += 1
    run = (apposed_run(toks, k + 1) or titled_apposed_run(toks, k + 1)) \
        if k < limit and toks[k].text in "،," and word_kind(toks[j]) == "role" else 0
    return k + 1 + run if run and k + 1 + run <= limit else k  # «وزير التربية، عبد الحق الوزاني،»: its holder


def _frame_without_intro(frame: Frame, toks: list[Tok], hit: Hit, limit: int, ctx: Context) -> None:
    """«نفى X، شن ...» (an object after the speaker) and «وأضاف انطونوف يوجد ...» (bare speech)."""
    if hit.cue.prep == "obj":
        commas = [k for k in range(hit.j, limit) if toks[k].text in "،,"]
        listed = None if frame.subject else object_start(toks, hit.j, commas[0] if commas else limit)
        if listed is not None and len(leading_phrase(toks[hit.j : listed])) != listed - hit.j:
            listed = None  # «ونفى الوزير الأنباء عن وقوع»: the object starts before the listed word
        after = _object_after_apposition(toks, hit.j, commas) if commas else None
        frame.how, frame.c0 = ("object", hit.j) if frame.subject else ("object", listed) if listed is not None \
            else ("object", after) if after is not None else ("", -1)  # «ونفى الرئيس وجود ...، واصفا»: the listed object first
        if not frame.subject and frame.c0 > 0:
            frame.phrase = leading_phrase(toks[hit.j : frame.c0])
        j = hit.j + 1 if hit.j < limit and toks[hit.j].key in ("فيه", "فيها") else hit.j  # «نفت فيه حركة ...»
        if frame.how == "" and not frame.subject and j < limit and word_kind(toks[j]) in ("role", "org"):
            k = head_phrase_end(toks, j, limit)  # «ونفى المتحدث الأنباء التي ...»: speaker, then object
            if k < limit:
                frame.how, frame.c0, frame.phrase = "object", k, toks[j:k]
    if frame.how == "" and hit.cue.quote == "yes":
        start = object_start(toks, hit.j, limit)  # «وأكد شهود عيان وجود قوات ...», «حيث أكد وجود قطار ثالث»
        if start is not None:
            frame.how, frame.c0 = "object", start
    if frame.how == "" and hit.cue.pos == "participle" and hit.cue.kind == "say" and hit.j < limit:
        frame.how, frame.c0 = "bare", hit.j  # «وأضاف قائلا نادرا ما كان ...»
    if frame.how == "" and hit.cue.kind in BARE_KINDS:
        n = known_prefix(toks[hit.j : limit], ctx)
        if n and hit.j + n < limit and (toks[hit.j + n].is_word or toks[hit.j + n].text in OPENERS):
            # not «"..."، يقول أحمد.»: nothing said after the name
            frame.how, frame.c0, frame.phrase = "bare", hit.j + n, toks[hit.j : hit.j + n]
    if frame.how == "" and hit.cue.kind in BARE_KINDS and hit.main:
        opener = bare_opener(toks, hit.j, limit)
        if opener is not None:  # «وقال إبراهيم ليت إسماعيل يعيش», «يقول كورت لقد سعدت»
            frame.how, frame.c0 = "bare", opener
            frame.phrase = frame.region = toks[hit.j : opener]


def _object_after_apposition(toks: list[Tok], j: int, commas: list[int]) -> int:
    """Where the object set off by commas after «نفى TITLE» starts: after the first comma, past a name set off after
    the title («نفى المستشار الإعلامي لقائد X، عمر الزين، في تصريحات لوكالة Y، هذه الاتهامات»: the name is the
    speaker's, «في تصريحات ...» its occasion); the first comma's segment when no such name follows a title."""
    if word_kind(toks[j]) != "role" or apposed_run(toks, commas[0] + 1) == 0:
        return commas[0] + 1
    for c in commas[1:]:
        if not occasion_at(toks, c + 1):
            return c + 1
    return commas[0] + 1


MAX_BARE_SUBJECT_WORDS = 4  # words between the verb and «لقد/ليت/لا/لن» (ANERcorp train: at most 3 seen)


def bare_opener(toks: list[Tok], j: int, limit: int) -> int | None:
    """Index of a word of ``data/bare_speech_openers.tsv`` that opens speech right after the verb's subject: only
    plain words (no punctuation, preposition or time word) lie between the verb and it."""
    for k in range(j, min(limit, j + MAX_BARE_SUBJECT_WORDS + 1)):
        if toks[k].key in bare_openers() and k + 1 < limit and toks[k + 1].is_word:
            return k
        if not toks[k].is_word or is_boundary(toks[k]) or word_kind(toks[k]) in ("aux", "manner"):
            return None
    return None


def _holder(frame: Frame, speaker: Speaker, ctx: Context) -> Speaker | None:
    """The person named after a role phrase cut by a preposition («مندوب فرنسا لدى الأمم المتحدة جان
    مارك ...», «المتحدث باسم المجلس ... في الصومال محمد محمود»)."""
    if frame.subject or len(frame.region) <= len(frame.phrase) or not frame.phrase or frame.how == "object" \
            or frame.phrase[-1] not in frame.region:
        return None
    after = frame.region[frame.region.index(frame.phrase[-1]) + 1 :]
    tagged_person = any(m.type == "PER" and m.start <= speaker.start < m.end for m in ctx.mentions)
    qualified = _qualified_role(frame.phrase, speaker, after, ctx)
    if qualified is not None:
        comma = next((k for k, t in enumerate(after) if t.text in "،,"), len(after))
        named = apposed_name(ctx.text, after) if comma <= MAX_QUALIFIER_WORDS + 1 else None
        # «المسؤول في الحزب، الوزير الأسبق X،»: the name set off right after the qualifier holds the qualified role
        return replace(named, role=qualified.role) if named is not None else qualified
    called = called_name(after, ctx)
    if called is not None:
        return replace(called, role=span_text(ctx.text, frame.phrase))
    titled_after = len(after) > 2 and (after[1].key in TITLES or (after[1].definite and word_kind(after[1]) == "role"))
    named_after = len(after) > 2 and word_kind(frame.phrase[0]) == "role" and apposed_run(after, 1) > 0
    if speaker.kind != "ROLE" and not tagged_person and after and after[0].text in "،," and (titled_after or named_after):
        named = apposed_name(ctx.text, after)  # «قال دفاع المتهم، المحامي X، إن»: a person speaks for the body
        if named is not None:
            return replace(named, role=span_text(ctx.text, frame.phrase))
    cut_by_preposition = bool(after) and after[0].is_word and (after[0].bare in PREPOSITIONS
                                                               or after[0].key.startswith(("لل", "بال"))
                                                               or role_genitive(frame.region, len(frame.phrase)))
    if len(frame.phrase) == 1 and not frame.phrase[0].definite:
        # «مسؤول في شرطة ...»: an unnamed official, unless a tagged person closes the title («عضو في وفد حماس اسامة حمدان»)
        return _closing_person(after, ctx) if word_kind(frame.phrase[0]) == "role" else None
    titled = word_kind(frame.phrase[0]) == "role" and cut_by_preposition
    # «مندوب فرنسا لدى ...», «رئيس اللجنة المنظمة لكأس العالم في ...»; not «العقيد أحمد المسماري في مؤتمر صحفي»
    weak = len(speaker.name.split()) == 1 or match_key(speaker.name).startswith("ل")
    named = name_after_role(ctx.text, after) if cut_by_preposition else None
    # «رئيس مجموعة عطية للاستشارات بيجان خاجيبور إن»: a full name right before the content is the holder
    closing = named is not None and after[0].key.startswith("لل") and _closes_region(after, named)
    if word_kind(frame.phrase[0]) == "role" and not (speaker.kind == "PER" and " " in speaker.name and tagged_person):
        tagged = tagged_holder(after, ctx)
        if tagged is not None:  # the whole title is its role: «وأضاف الأمين العام للمنظمة» resolves to it later
            title = ctx.text[frame.phrase[0].start : tagged.start].strip(" ،,")
            return replace(tagged, role=title)
    if not (speaker.kind == "ROLE" or (titled and (speaker.kind != "PER" or weak or closing))):
        return None
    at_end = speaker.kind == "ROLE" and bool(after) and after[0].is_word  # not across «،»: «وقال المبعوث، طالبا ...»
    region = frame.region[:-1] if frame.region and frame.region[-1].text in "،," else frame.region  # «... مارك بونسان، "»
    return named or apposed_name(ctx.text, after) or (name_at_end(ctx.text, region) if at_end else None) \
        or (_name_before_colon(ctx.text, after) if frame.how == "colon" and titled else None)


MAX_QUALIFIER_WORDS = 4  # «المسؤول في الجامعة العربية»


def _qualified_role(phrase: list[Tok], speaker: Speaker, after: list[Tok], ctx: Context) -> Speaker | None:
    """«ولفت المسؤول في الجامعة العربية إلى أن»: a generic definite role and its «في» + institution: the role phrase
    keeps the qualifier, so that it resolves to the official whose titles name that institution."""
    if speaker.kind not in ("ROLE", "ORG") or len(phrase) != 1 or len(after) < 2 \
            or skeleton(strip_article(phrase[0].key)) not in GENERIC_ROLES or after[0].bare != "في" \
            or not (after[1].definite or word_kind(after[1]) == "org" or _body_name(after, ctx)):
        return None
    words = [after[0]]
    closed = False
    for n, tok in enumerate(after[1 : 1 + MAX_QUALIFIER_WORDS + 1], start=1):
        if not tok.is_word or is_boundary(tok) or cue_of(tok) is not None or glued_outlet(after, n) \
                or n > MAX_QUALIFIER_WORDS:
            closed = n <= MAX_QUALIFIER_WORDS
            break
        words.append(tok)
    else:
        closed = len(words) - 1 <= MAX_QUALIFIER_WORDS  # the region ends with the qualifier
    qualified = span_text(ctx.text, [*phrase, *words])
    if not phrase[0].definite and closed:  # «مسؤول في حركة حماس»: the unnamed official is known by the whole phrase
        return replace(speaker, name=qualified, role=qualified, end=words[-1].end)
    return replace(speaker, role=qualified)


def _body_name(after: list[Tok], ctx: Context) -> bool:
    """«في حماس»: a body the tagger marks as an organisation after the qualifier's «في» (not an occasion)."""
    if occasion_at(after, 0) or not after[1].is_word or word_kind(after[1]) or cue_of(after[1]) is not None:
        return False
    closes = len(after) == 2 or not after[2].is_word or is_boundary(after[2])  # no holder's name after it
    return closes and (any(m.type == "ORG" and m.start == after[1].start for m in ctx.mentions) or whole_name([after[1]]))


def _closing_person(after: list[Tok], ctx: Context) -> Speaker | None:
    """«واكد عضو في وفد حماس اسامة حمدان "..."»: a person the entity tagger marks as the last words before the content
    holds the indefinite title cut by a preposition (ANERcorp train: 5 such titles before a tagged name)."""
    words = [t for t in after if t.is_word]
    if not words:
        return None
    for m in ctx.mentions:
        if m.type == "PER" and m.end == words[-1].end and m.start >= words[0].start and " " in m.text:
            return Speaker(ctx.text[m.start : m.end], "PER", "", m.start, m.end)
    return None


def _name_before_colon(text: str, after: list[Tok]) -> Speaker | None:
    """«يقول مسؤول الناشرين في "مؤسسة ..." التابعة لوزارة الثقافة محمد علي السعدي: إن»: the full name (with its
    «ال» family name) closing a titled phrase right before the colon."""
    run = closing_name(after)
    return Speaker(span_text(text, run), "PER", "", run[0].start, run[-1].end) if run else None


def second_title(frame: Frame, speaker: Speaker, ctx: Context) -> Speaker | None:
    """«سفير غانا، رئيس المجلس نانا ايفا - ابنتنغ، ان»: the holder named in a titled apposition after a role phrase
    whose "name" is one word (a place), with both titles as its role."""
    if frame.subject or not frame.phrase or word_kind(frame.phrase[0]) != "role" or frame.phrase[-1] not in frame.region \
            or not (speaker.kind == "ROLE" or len(speaker.name.split()) == 1):
        return None
    after = frame.region[frame.region.index(frame.phrase[-1]) + 1 :]
    found = titled_apposition(ctx.text, after) if after and after[0].text in "،," else None
    return replace(found, role=f"{span_text(ctx.text, frame.phrase)}، {found.role}") if found else None


def titled_apposition(text: str, after: list[Tok]) -> Speaker | None:
    """«، رئيس المجلس نانا ايفا - ابنتنغ،»: a second title with a full name set off by commas after a role phrase
    whose own "name" is a place («سفير غانا»); the name it gives is the holder (quotes_dev2, issue 5)."""
    ends = [k for k in range(1, len(after)) if after[k].text in "،,"]
    segment = [t for t in after[1 : ends[0] if ends else len(after)] if t.text not in "-–"]
    if not segment or word_kind(segment[0]) != "role":
        return None
    found = parse_speaker(text, segment)
    return found if found is not None and found.kind == "PER" and len(found.name.split()) >= 2 else None


def _closes_region(after: list[Tok], named: Speaker) -> bool:
    ends = [k for k, t in enumerate(after) if t.end == named.end]
    return bool(ends) and closes_phrase(after, ends[0] + 1)


MAX_PLAIN_SUBJECT = 4  # words of a subject before its verb beyond which the name next to the verb is taken


def _sure_speaker(speaker: Speaker, phrase: list[Tok], ctx: Context) -> bool:
    """A full name, a title or organisation phrase, or a name already quoted in the article."""
    if known_prefix(phrase, ctx) > 0 or word_kind(phrase[0]) in ("role", "org") or phrase[0].definite:
        return True
    if any(m.type == "PER" and m.start == speaker.start == phrase[0].start for m in ctx.mentions):
        return True  # «ودعا أنان خلال كلمة له»: a one-word name the tagger marks as a person, right after the verb
    return speaker.kind == "PER" and len(speaker.name.split()) >= 2 and not speaker.name.startswith(("ب", "ل"))


def _object_then_preposition(frame: Frame) -> bool:
    """«ورفض الحديث عن أي تفاصيل»: one definite noun of no lexicon kind right after a verb, then its preposition, is the
    verb's object (subjects after a verb are names, titles or organisations)."""
    phrase, region = frame.phrase, frame.region
    if frame.subject or len(phrase) != 1 or not region or phrase[0] is not region[0] or len(region) < 2:
        return False
    word = phrase[0]
    return word.definite and not word_kind(word) and region[1].is_word and region[1].bare in PREPOSITIONS


def _frame_speaker(frame: Frame, ctx: Context, quoting: bool = True) -> Speaker | None:
    phrase = frame.phrase
    if frame.subject and len(phrase) > MAX_PLAIN_SUBJECT and word_kind(phrase[0]) not in ("role", "org"):
        phrase = closing_name(phrase) or phrase  # «... لاعتناق الإسلام أيمن الظواهري يقول»: the name by the verb
    speaker = phrase_speaker(phrase, ctx)
    if not quoting and speaker is not None and (not _sure_speaker(speaker, phrase, ctx) or _object_then_preposition(frame)):
        return None  # «كما وعد بإجراء تداول سلمي», «ورفض الحديث عن»: a non-quoting verb's object is no speaker
    second = second_title(frame, speaker, ctx) if speaker is not None else None
    if second is not None:
        return replace(second, via=(frame.relay,)) if frame.relay else second
    named = _holder(frame, speaker, ctx) if speaker is not None else None
    if speaker is not None and named is not None:
        speaker = replace(named, role=named.role or speaker.role or span_text(ctx.text, frame.phrase))
    if speaker is not None and frame.relay:
        speaker = replace(speaker, via=(frame.relay,))
    return speaker


def _kama_closing(toks: list[Tok], hit: Hit, frame: Frame) -> bool:
    """«... قبل عملية الانزال وبعدها كما افادت الشرطة اللبنانية.»: «كما» + cue + its subject closing the sentence
    attribute what came before, with or without a comma (quotes_dev2, second batch)."""
    rest = [t for t in toks[hit.j :] if t.is_word]
    # «كما ورد باتفاق الطائف» is «as stated in», not «و» + «رد»: after «كما» the verb carries no و
    return hit.i >= 4 and toks[hit.i - 1].key == "كما" and toks[hit.i].key == toks[hit.i].bare \
        and toks[hit.i - 2].is_word and bool(frame.phrase) \
        and len(rest) == len(frame.phrase)


# «قبل أن», «ثم», «بعد أن» (not «قبل نشر الكتاب»): a second verb follows the quotation's speaker, perhaps with its
# own subject.
SEQUENCE_WORDS = frozenset({"قبل", "ثم", "بعد"})


def _sequel_subject(toks: list[Tok], then: int, c0: int, ctx: Context) -> Speaker | None:
    """«"..."، تستدرك سعاد، قبل أن تعود أم محمد إلى الحديث: "..."»: the person named after the verb that follows
    «قبل أن/ثم» speaks the second part; None when that verb has no named subject («قبل أن يضيف أنه»)."""
    k = then + 1 + (then + 1 < c0 and toks[then + 1].key == "ان")
    phrase = leading_phrase(toks[k + 1 : c0]) if k < c0 else []
    found = phrase_speaker(phrase, ctx) if phrase else None
    return found if found is not None and found.kind in ("PER", "NAME") else None


MAX_BACK_REFERENCE_WORDS = 3  # «هذه الاتهامات», «تلك الأنباء جملة وتفصيلا»


def _back_reference(toks: list[Tok], frame: Frame, limit: int) -> bool:
    """«نفى ... هذه الاتهامات»: an object that is a demonstrative and its noun refers back to what was reported before;
    it reports nothing new."""
    if frame.how != "object" or toks[frame.c0].key not in BACK_REFERENCES:
        return False
    words = [t for t in toks[frame.c0 : limit] if t.is_word]
    return len(words) <= MAX_BACK_REFERENCE_WORDS and all(t.is_word or t.text in ".،," for t in toks[frame.c0 : limit])


BACK_REFERENCES = frozenset({"هذه", "هذا", "تلك", "ذلك", "هذان", "هاتان", "هؤلاء"})


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
    then = next((k for k in range(hit.j, frame.c0) if toks[k].bare == "ثم" or (
        toks[k].bare in SEQUENCE_WORDS and k + 1 < frame.c0 and toks[k + 1].key == "ان")), -1) if frame.c0 > 0 else -1
    second = 0 <= frame.c0 < limit and (any(cue_of(t) is not None for t in toks[hit.j : frame.c0]) or then >= 0
                                        or (frame.how == "quote" and toks[frame.c0 - 1].text in "،,"))
    # «"ثلاثة أكياس فقط"، يقول الأب، "في سنة جيدة ..."»: a quotation interrupted by its speaker, both parts said
    before = quote_before(toks, hit, ctx) if (frame.c0 < 0 or second) and hit.cue.quote == "yes" else None
    if before is not None and second:  # «"..."، يقول الشاب، قبل أن يضيف أنه ...»: the quotation, then the clause
        span = content_span(toks, frame.c0, min([limit, *(c for c in cuts if c > frame.c0)]), ctx.text)  # of the second verb
        other = _sequel_subject(toks, then, frame.c0, ctx) if then >= 0 else None
        later = quotes_of_content(span, frame.how, cue, other or speaker, -1, ctx) if span is not None else []
        later = [replace(r, sequel=True) for r in later] if other is not None else later
        return [Raw(before.start, before.end, "direct", cue, speaker, -1), *later], speaker
    if before is not None:
        return [Raw(before.start, before.end, "direct", cue, speaker, -1)], speaker
    if frame.how == "colon" and frame.c0 >= len(toks) and hit.cue.quote == "yes":
        below = quotation_on_next_line(toks[-1].end, ctx)  # «وقال رئيس البلدية:\n"نعمل على ..."»
        return ([Raw(below.start, below.end, "direct", cue, speaker, -1)] if below else []), speaker
    if frame.c0 < 0 and hit.cue.quote == "yes" and hit.main and (kama_after_comma(toks, hit) or _kama_closing(toks, hit, frame)):
        end = hit.i - 2 if toks[hit.i - 2].text in "،," else hit.i - 1
        closed = next((q for q in ctx.quoted if q.depth == 0 and end > 0 and q.end == toks[end - 1].start), None)
        if closed is not None:  # «تحتفظ رنا ... بكشف حسابها "كأنه صورة لشخص متوفى"، كما تقول»: her words are the quotation
            return [Raw(closed.start, closed.end, "direct", cue, speaker, -1)], speaker
        span = content_span(toks, 0, end, ctx.text)  # «أوقفت الشرطة ... العشرات، كما ذكرت وكالة الأناضول»
        return ([Raw(span[0], span[1], "indirect", cue, speaker, -1)] if span else []), speaker
    if frame.c0 < 0 or frame.c0 >= limit or hit.cue.quote != "yes" or _back_reference(toks, frame, limit):
        return [], speaker
    opened = opened_at(toks[frame.c0], ctx) if frame.how == "quote" else None
    if frame.how == "colon" and opened is None:
        after = opened_at(toks[frame.c0], ctx)  # «تقول: «...»، ثم تستدرك»: the quotation after the colon, not the clause after it
        closes = after is not None and next((k for k in range(frame.c0, limit) if toks[k].start >= after.end), limit)
        if after is not None and closes < limit and toks[closes].text in "»\"”'" and closes + 1 < limit \
                and toks[closes + 1].text in "،,":
            return [Raw(after.start, after.end, "direct", cue, speaker, -1)], speaker
    if opened is not None:  # «وتابع بلير "..." مكررا القول»: the quotation is the content
        return [Raw(opened.start, opened.end, "direct", cue, speaker, -1)], speaker
    span = content_span(toks, frame.c0, min([limit, *(c for c in cuts if c > frame.c0)]), ctx.text)
    if span is None:
        return [], speaker
    return quotes_of_content(span, frame.how, cue, speaker, -1, ctx), speaker
