"""Carry-over: who speaks when a cue names no one (the last speaker, by gender; a time clause's named person;
a relative antecedent; the last tagged person), and resolution of roles and organisations to names."""

from __future__ import annotations

from dataclasses import replace

from marsad.model import Mention
from marsad.quotes.context import (
    Context,
    Hit,
    Raw,
    in_quotation,
    person_spans,
    phrase_speaker,
    span_text,
    tagged_holder,
)
from marsad.quotes.cues import clause_start
from marsad.quotes.frame import PRONOUN_SUBJECTS, head_phrase_end
from marsad.quotes.lexicon import outlet_names
from marsad.quotes.names import (
    SUBORDINATORS,
    TITLES,
    Speaker,
    adjective_title,
    closing_name,
    female_names,
    name_at_end,
    relation_noun,
    same_name,
    whole_name,
)
from marsad.quotes.roles import Registry
from marsad.quotes.speakers import (
    MAX_PARTITIVE_GROUP_WORDS,
    PARTITIVES,
    amma_topic,
    apposition,
    before_coordinated_title,
    before_object,
    imperfect_shaped,
    leading_phrase,
    object_word,
    parse_speaker,
    possessed_title,
    pronoun_suffixed,
    title_holders,
)
from marsad.quotes.tokens import (
    PREPOSITIONS,
    Tok,
    cue_of,
    is_boundary,
    masculine,
    sentence_tokens,
    word_kind,
    word_kind_of,
)
from marsad.text.countries import country_names
from marsad.text.normalize import match_key


def in_time_clause(toks: list[Tok], hit: Hit) -> bool:
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


def relative_antecedent(toks: list[Tok], hit: Hit, ctx: Context) -> Speaker | None:
    """The named person before «التي/الذي + verb» earlier in the sentence, the subject of a participle."""
    for k in range(hit.i - 2, 1, -1):
        if toks[k].key in ("التي", "الذي") and cue_of(toks[k + 1]) is not None:
            found = name_at_end(ctx.text, toks[:k])
            return found
    return None


def apposed_subject(ctx: Context, before_comma: list[Tok]) -> Speaker | None:
    """The titled name set off by commas before a clause («لكن مندوبة الهند، بريا شارما، رفضت», «وكان رئيس اللجنة،
    المحامي بيتر موانغي، قد أعلن»), read with the people the entity tagger marks: the subject of that clause's verb."""
    title, apposed = apposition(before_comma, person_spans(ctx))
    found = phrase_speaker(apposed, ctx) if apposed else None
    if found is None or found.kind not in ("PER", "NAME"):
        return found
    return replace(found, role=found.role or span_text(ctx.text, title))  # «وتابع الوزير» later resolves to him


MAX_FRONTED_WORDS = 3  # «في المقابل،», «من جهته،», «على الجانب الآخر،»: a fronted phrase before the verb


def fronted_end(toks: list[Tok]) -> int:
    """Index after a short fronted prepositional phrase and its comma opening the sentence, else 0."""
    if not toks or toks[0].bare not in PREPOSITIONS:
        return 0
    comma = next((k for k in range(1, min(len(toks), MAX_FRONTED_WORDS + 2)) if toks[k].text in "،,"), 0)
    return comma + 1 if comma and all(t.is_word for t in toks[:comma]) else 0


def _object_clause(clause: list[Tok]) -> bool:
    """«بالقرار»: a ب/ل-phrase set off by commas before a participle («ورحب TITLE، NAME، بالقرار، معتبرا»): the
    object of the verb before it, no clause of its own."""
    return bool(clause) and clause[0].is_word and clause[0].key[:1] in "بل" and len(clause[0].key) > 3 \
        and (not _verb_like(clause[0]) or len(clause[0].key) > 4)  # «بخروج الوزير»; «بدأ», «بحث» are verbs


MAX_SEGMENTS_BACK = 3  # comma-separated segments searched back for the verb a participle shares; set by reading


def participle_subject(ctx: Context, toks: list[Tok], hit: Hit) -> Speaker | None:
    """«من جهته رفض السفير الأميركي بمجلس الأمن اقتراح أنان ...، قائلا إنه», «وفضلا عن ...، تطرق الهباش للدعم ...،
    مشيرا إلى أن»: a participle that no reporting verb precedes in its sentence shares the subject of the verb
    opening the clause before its comma (after a fronted «من جهته» or an adverbial set off by a comma): the phrase
    after that verb up to its object. Only a sure phrase counts: a role or organisation phrase, a name of two
    words, or one definite word that is no verbal noun («الهباش», not «الاقتراح»)."""
    end = hit.i - 1 if hit.i and toks[hit.i - 1].text in "،," else hit.i
    commas = [k for k in range(end) if toks[k].text in "،,"]
    clause = toks[commas[-1] + 1 if commas else 0 : end]
    if commas and clause and clause[0].bare in ("الذي", "التي"):
        clause = toks[commas[-2] + 1 if len(commas) > 1 else 0 : commas[-1]]  # «وأثنى العداء سعيد عويطة، الذي ...، مشيرا»
    stops = [k for k, t in enumerate(clause) if t.text == "."]
    clause = clause[stops[-1] + 1 :] if stops else clause  # «م. وأثنى ...»: an abbreviation left in the sentence
    if len(clause) > 2 and clause[0].bare in PREPOSITIONS and clause[1].key.endswith(("ه", "ها", "هم")):
        clause = clause[2:]  # «من جهته», «من جانبها»
    topic = amma_topic(clause)
    if topic:  # «أما الخارجية الفرنسية فقد دانت ...، مؤكدة»: the topic is the subject of the verb after ف
        found = country_subject(ctx.text, topic) or phrase_speaker(topic, ctx)
        return found if found is not None and found.kind in ("PER", "ORG", "ROLE") else None
    if commas and clause and (clause[0].bare in ("قد", "لقد") or clause[0].key == clause[0].bare) \
            and clause[0].start == toks[commas[-1] + 1].start:
        apposed = apposed_subject(ctx, toks[: commas[-1]])
        if apposed is not None:  # «وكان TITLE، NAME، قد أعلن النتائج ...، مؤكدا»: the name, not the verb's object
            return apposed
    v = fronted_end(toks)  # «في المقابل، رحب TITLE، NAME، بخروج ...، مؤكدا»: the verb after the fronted phrase
    if commas and _object_clause(clause) and commas[-1] > v + 1 and _verb_like(toks[v]):
        apposed = apposed_subject(ctx, toks[v + 1 : commas[-1]])
        if apposed is not None:  # «ورحب وزير خارجية غيانا، روبرت سينغ، بالقرار، معتبرا»: the verb's titled subject
            return apposed
    after = [k for k in commas if k > v + 1]
    accusative = bool(clause) and clause[0].is_word and not clause[0].definite and not word_kind(clause[0]) \
        and clause[0].key.endswith("ا")  # «وفدا من الأهالي»: an indefinite object in the accusative
    if len(after) >= 2 and (_object_clause(clause) or accusative) and _verb_like(toks[v]) \
            and word_kind(toks[after[0] + 1]) == "role":
        named = phrase_speaker(toks[v + 1 : after[0]], ctx)  # «التقى اللواء هشام فاروق، رئيس الحي، وفدا ...، مؤكدا»
        if named is not None and named.kind == "PER" and " " in named.name:
            return named
    if len(clause) < 2 or not _verb_like(clause[0]):
        # «شكا أحد الباعة، رفض ذكر اسمه، من تراجع الإقبال، قائلا»: the segment opening with a verb, further back
        segments = [toks[a + 1 : b] for a, b in zip([-1, *commas], [*commas, end], strict=False)][:-1]
        opening = next((seg for seg in reversed(segments[-MAX_SEGMENTS_BACK:]) if len(seg) > 1 and _verb_like(seg[0])),
                       None) if not stops else None
        if opening is None:
            return None
        clause = opening
    phrase = leading_phrase(clause[1:])
    if phrase and word_kind(phrase[0]) in ("role", "org"):
        phrase = phrase[: head_phrase_end(phrase, 0, len(phrase))]  # «زارت وزارة الصحة المخيم»
    phrase = before_object(phrase)
    if not phrase:
        return None
    country = country_subject(ctx.text, phrase)
    if country is not None:
        return country  # «شنت كوريا الشمالية هجوما حادا علي الولايات المتحدة قائلة انها»
    found = phrase_speaker(phrase, ctx)  # the tagger's person first: «والتقى عباس أولمرت، مؤكدا» is Abbas
    if found is None:
        return None
    first = phrase[0]
    sure = word_kind(first) in ("role", "org") or first.bare in PARTITIVES or _one_of(phrase) or (found.kind == "PER" and " " in found.name) \
        or (len(phrase) == 1 and first.definite and not object_word(first))
    return found if sure else None


GROUP_OBJECTS = frozenset({"عددا", "بعض", "عشرات", "العشرات", "مئات", "المئات"})


def group_object(ctx: Context, toks: list[Tok]) -> Speaker | None:
    """«والتقت «الأيام» عددا من الناخبين الشباب ...، فقالوا إنهم»: a plural verb with no subject of its own after a
    clause whose object is a part of a group («عددا من + the group»): the group speaks."""
    for k in range(len(toks) - 2, -1, -1):
        if toks[k].bare in GROUP_OBJECTS and toks[k + 1].key == "من" and k + 2 < len(toks) and toks[k + 2].definite:
            end = k + 3
            while end < len(toks) and end < k + 2 + MAX_PARTITIVE_GROUP_WORDS and toks[end].definite and toks[end].is_word:
                end += 1
            return Speaker(span_text(ctx.text, toks[k:end]), "ORG", "", toks[k].start, toks[end - 1].end)
    return None


def _one_of(phrase: list[Tok]) -> bool:
    """«أحد الباعة», «إحدى المعلمات»: one of a definite group, an unnamed but sure subject."""
    return len(phrase) >= 2 and phrase[0].bare in ("احد", "احدي") and phrase[1].definite


# Past verbs that open with «ال» once normalised (أ -> ا): «التقى», «ألقى», «ألغى», «ألمح», «ألزم»; not the article.
AL_VERBS = frozenset({"التقي", "التقت", "التزم", "التزمت", "القي", "القت", "الغي", "الغت", "المح", "المحت", "الزم",
                      "الزمت", "التمس", "التمست"})


def _verb_like(tok: Tok) -> bool:
    """A word that may be the clause's finite verb: not definite, no word of the speaker lexicon, no preposition,
    no reporting verb (that one would be a cue of its own)."""
    return tok.is_word and (not tok.definite or tok.bare in AL_VERBS) and not word_kind(tok) \
        and tok.bare not in PREPOSITIONS and cue_of(tok) is None and not is_boundary(tok)


def verb_gender(hit: Hit) -> str:
    """"f" for «قالت», «تضيف», «مضيفة»; "m" for «قال», «يضيف», «مضيفا»; "pl" for a dual or plural subject («أكدا»,
    «قالوا», «يقولون»: two speakers or more, never the single one quoted before); "" when the form does not say."""
    form, lemma = hit.cue.form, hit.cue.lemma
    if hit.cue.kind == "relay":
        return ""  # «ونقلت وكالة X عن Y قوله»: the verb agrees with the outlet, not with the speaker it quotes
    if hit.cue.pos == "past":
        if form.endswith("ا") and form != lemma:  # not «دعا», whose alef is the root's
            return "pl"
        if form.endswith("ت") and form != lemma:  # «لفت» ends in its root's ta: «لفتت» is the feminine
            return "f"
        return "" if form.endswith("ا") else "m"
    if hit.cue.pos == "present":
        if form.endswith(("ون", "ان")) and form[:1] in "يت" and len(form) > len(lemma):
            return "pl"
        return "f" if form.startswith("ت") else "m" if form.startswith("ي") else ""
    return ""


def agree(ctx: Context, gender: str, at: int = -1) -> None:
    """Carry-over to the last speaker whose verb had the same gender, when the current one's did not; with none,
    for a feminine verb, the last woman named before ``at`` (``woman_before``)."""
    if not gender or ctx.current is None or not ctx.history:
        return
    genders = {id(sp): g for sp, g in ctx.history}
    if genders.get(id(ctx.current), gender) not in (gender, ""):
        ctx.current = next((sp for sp, g in reversed(ctx.history) if g == gender), ctx.current)
    if genders.get(id(ctx.current), gender) in (gender, ""):
        woman = woman_before(ctx, at) if gender == "f" and ctx.current.kind == "ORG" and at > ctx.current.end else None
        if woman is not None:  # «وكانت اللجنة قد أعلنت ... . وتجلس جارتها سعاد ...، وتقول»: the woman named since speaks
            ctx.current = woman
            ctx.history.append((woman, gender))
        return
    other = woman_before(ctx, at) if gender == "f" else man_before(ctx, at) if gender == "m" else None
    if other is not None and at > ctx.current.end:
        ctx.current = other
        ctx.history.append((other, gender))


def man_before(ctx: Context, at: int) -> Speaker | None:
    """«تقول آمنة ... . وإلى جانبها يعمل زميلها عبد الرحيم موسى ... . ويوضح أن»: a masculine verb after a woman was
    quoted, with no man quoted before: the last person the entity tagger found since, not a listed woman's name."""
    men = [m for m in tagged_people(ctx, _since_current(ctx, at), at) if not woman_named(ctx.text[m.start : m.end])]
    return mention_speaker(ctx.text, men[-1]) if men else None


def _since_current(ctx: Context, at: int) -> int:
    """Where the search for someone named since the current speaker starts: after it, at most PERSON_LOOKBACK back."""
    current = ctx.current
    return max(current.end if current is not None else 0, at - PERSON_LOOKBACK, 0)


def tagged_people(ctx: Context, start: int, end: int) -> list[Mention]:
    """The entity tagger's persons between ``start`` and ``end``, outside quotations."""
    return [m for m in ctx.mentions if m.type == "PER" and start <= m.start and m.end <= end and not in_quotation(ctx, m.start)]


def mention_speaker(text: str, m: Mention) -> Speaker:
    return Speaker(text[m.start : m.end], "PER", m.role or "", m.start, m.end)


def woman_before(ctx: Context, at: int) -> Speaker | None:
    """«وتعيش أم أحمد، النازحة من ريف إدلب، في خيمة. "..."، تقول لعنب بلدي»: a feminine verb that no speaker quoted
    before agrees with: the last woman named after the current speaker and before ``at``, outside quotations -- a
    kunya «أم + name» or a listed female given name (with the name after it)."""
    toks = sentence_tokens(ctx.text, _since_current(ctx, at), at)
    for k in range(len(toks) - 2, -1, -1):
        tok, nxt = toks[k], toks[k + 1]
        if in_quotation(ctx, tok.start) or not tok.is_word:
            continue
        if tok.bare == "ام" and nxt.is_word and whole_name([nxt]):
            return Speaker(span_text(ctx.text, toks[k : k + 2]), "PER", "", tok.start, nxt.end)
        if tok.bare in female_names() and tok.key == tok.bare:  # «هناء (38 عاما)»: a bracket may follow
            run = toks[k : k + 2] if whole_name(toks[k : k + 2]) else [tok]
            return Speaker(span_text(ctx.text, run), "PER", "", tok.start, run[-1].end)
    return None


AGE_WORDS = frozenset({"البالغ", "البالغه"})
MAX_AGE_OFFSET = 3  # words from «البالغة» to the number: «البالغة 27 سنة», «البالغ من العمر 36 عاما»


def age_described(text: str, speaker: Speaker) -> bool:
    """«المحاسبة البالغة 27 سنة», «المهندسة البالغة العمر 26 عاما»: a definite noun described by an age, a person
    the text has named before, not an organisation."""
    words = match_key(text[speaker.start : speaker.end]).split() if speaker.start >= 0 else []
    return len(words) >= 3 and words[0].startswith("ال") and words[1] in AGE_WORDS \
        and any(w.isdigit() for w in words[2 : 2 + MAX_AGE_OFFSET])


def described_person(ctx: Context, speaker: Speaker, gender: str) -> Speaker | None:
    """The person an age-described noun refers to («ولاحظت شيفا رحماني ... واضافت هذه المحاسبة البالغة 27 سنة»):
    the last person quoted before it whose verb agrees in gender, else the last person the entity tagger found."""
    generic = generic_person(ctx.text, speaker)
    if not generic and not age_described(ctx.text, speaker):
        return None
    about = previous_subject(ctx, speaker.start) if generic and ctx.mentions else None
    if about is not None and _agrees(about, gender):  # «أما مهند، فعاد إلى العزف ... . "..."، يقول الرجل مبتسما»
        return replace(about, start=speaker.start, end=speaker.end, via=speaker.via)
    quoted = [sp for sp, g in ctx.history if sp.kind in ("PER", "NAME") and sp.start < speaker.start and g in (gender, "")]
    found = quoted[-1] if quoted else _current_of_gender(ctx, gender)
    if found is None and gender == "f":
        found = woman_before(ctx, speaker.start)  # «تجلس أم علي ... . "..."، تقول السيدة الستينية»
    tagged = last_person(ctx, speaker.start) if generic or found is None else None
    if tagged is not None and (found is None or tagged.start > found.start):
        found = tagged  # «يقف جبار حسن على ضفة ... "..."، يقول الرجل الخمسيني»: the man just described
    return replace(found, start=speaker.start, end=speaker.end, via=speaker.via) if found is not None else None


def _current_of_gender(ctx: Context, gender: str) -> Speaker | None:
    """The current speaker, a person, when the verb's gender fits: a listed female given name for «تضيف», any other
    name for «يضيف» («"..."، تقول لرصيف22. وتضيف الممرضة الأربعينية أن»: the woman found without a verb of her own)."""
    current = ctx.current
    if current is None or current.kind not in ("PER", "NAME") or gender not in ("f", "m"):
        return None
    return current if _agrees(current, gender) else None


# Nouns by which a feature story names again the person it has just described («يقول الرجل الخمسيني», «تضيف
# السيدة الستينية»); by reading written feature sets (quotes_dev24), no data tuned.
GENERIC_PEOPLE = frozenset({"الرجل", "المراه", "السيده", "الشاب", "الشابه", "الفتاه", "المسن", "المسنه", "العجوز", "الاب",
                            "الام", "الابن", "الابنه", "الجد", "الجده"})  # «يقول الأب»: the father just described


def generic_person(text: str, speaker: Speaker) -> bool:
    """The speaker phrase is such a noun, alone or with adjectives («الرجل الخمسيني»), no name or title after it."""
    words = match_key(text[speaker.start : speaker.end]).split() if speaker.start >= 0 else []
    aged = len(words) == 2 and age_decade(words[1])  # «الممرضة الأربعينية», «المدرس السبعيني»: any noun with an age
    job = masculine(words[0]) in EVERYDAY_JOBS if words else False  # «تقول الصيدلانية», «يضيف المزارع الفلسطيني»
    return bool(words) and (words[0] in GENERIC_PEOPLE or aged or job) and len(words) <= 3 \
        and speaker.kind in ("ROLE", "ORG", "NAME") and all(w.startswith("ال") for w in words)


# Everyday jobs by which feature copy names again a person it introduced by name only («علّقت رنا الأتاسي لافتة ...
# "..."، تقول الصيدلانية»); officials' titles are not here (their holders are found by the role registry). By reading
# quotes_dev39-dev42; masculine keys.
EVERYDAY_JOBS = frozenset({"الصيدلاني", "الصياد", "السائق", "البائع", "الخياط", "الموظف", "التاجر", "الممرض", "المزارع",
                           "الطالب", "الحارس", "الخباز", "النجار"})


AGE_DECADES = ("العشريني", "الثلاثيني", "الاربعيني", "الخمسيني", "الستيني", "السبعيني", "الثمانيني", "التسعيني")


def age_decade(key: str) -> bool:
    """«الخمسيني», «الأربعينية», «الستينية»: an adjective of a person's age in decades."""
    return key.removesuffix("ه") in AGE_DECADES


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
    people = [m for m in tagged_people(ctx, before - PERSON_LOOKBACK, before) if not outlet_tail(ctx.text, m.start, m.end)]
    return mention_speaker(ctx.text, people[-1]) if people else None


def introduced_person(ctx: Context, toks: list[Tok], hit: Hit) -> Speaker | None:
    """«ابنه خليل، وهو في الرابعة والعشرين، لا يرى مستقبلا في المهنة. يقول لرصيف22: "..."», «عند الظهيرة يعود حسن
    بصندوقين من السردين. يبتسم ويقول: "..."»: a present reporting verb opening its sentence with no subject (no «و»:
    not a carried «ويضيف»; after a bare present verb, «يبتسم ويقول») speaks for the person the sentence before is
    about (``previous_subject``), the way feature copy introduces someone (quotes_dev36, dev42). The person must
    agree with the verb in gender."""
    if hit.cue.pos != "present" or not ctx.mentions:
        return None
    opening = hit.i == 0 and toks[0].key == toks[0].bare
    after_gesture = hit.i == 1 and imperfect_shaped(toks[0]) and toks[1].key != toks[1].bare  # «يبتسم ويقول»
    if not (opening or after_gesture):
        return None
    person = previous_subject(ctx, toks[0].start)
    return person if person is not None and _agrees(person, verb_gender(hit)) else None


def _agrees(person: Speaker, gender: str) -> bool:
    """A person agrees with a feminine verb when named by a listed female given name, with any other verb otherwise."""
    return (gender == "f") == woman_named(person.name)


def woman_named(name: str) -> bool:
    """The name opens with a listed female given name (``data/speaker_gender.tsv``)."""
    return any(w in female_names() for w in match_key(name).split()[:1])


def previous_subject(ctx: Context, at: int) -> Speaker | None:
    """The person the sentence before ``at`` is about: its «أما» topic, the tagged person opening it (after a
    kinship word or «its head» set off: «ابنه خليل», «معلمها، إبراهيم أوبلا،»), or the tagged person right after a
    verb among its first words («عند الظهيرة يعود حسن بصندوقين ...»). Periods inside quotations do not end it."""
    end = _sentence_start(ctx, at) - 1
    if end < 0:
        return None
    toks = sentence_tokens(ctx.text, _sentence_start(ctx, end), end)
    topic = amma_topic(toks)
    found = phrase_speaker(topic, ctx) if topic else None
    if found is not None and found.kind in ("PER", "NAME"):
        return found
    opening = toks[:3]
    if opening and (relation_noun(opening[0]) or possessed_title(opening[0])):
        opening = opening[1:]
    if opening and opening[0].text in "،,":
        opening = opening[1:]
    starts = {t.start for t in opening[:1]}
    starts |= {toks[k + 1].start for k in range(min(len(toks) - 1, MAX_OPENING_WORDS)) if imperfect_shaped(toks[k])
               or (toks[k].is_word and cue_of(toks[k]) is None and toks[k].key != toks[k].bare and not toks[k].definite)}
    person = next((m for m in ctx.mentions if m.type == "PER" and m.start in starts and not in_quotation(ctx, m.start)), None)
    if person is None:
        return None
    words = ctx.text[person.start : person.end].split()
    if len(words) >= 2 and words[-1][:1] in "بل" and len(words[-1]) >= MIN_GLUED_OBJECT_LETTERS:
        words = words[:-1]  # «يعود حسن بصندوقين»: the tagger ran the name into the verb's ب-complement
    name = " ".join(words)
    return Speaker(name, "PER", person.role or "", person.start, person.start + len(name))


MIN_GLUED_OBJECT_LETTERS = 6  # a ب/ل-word this long closing a tagged name is a complement («بصندوقين»), not «بركات»


MAX_OPENING_WORDS = 4  # tokens before the verb whose subject the sentence is about («عند الظهيرة يعود حسن»); by reading


def _sentence_start(ctx: Context, at: int) -> int:
    """Start of the sentence holding ``at``: after the last full stop or line break before it outside quotations."""
    k = at - 1
    while k >= 0 and not (ctx.text[k] in ".\n" and not in_quotation(ctx, k)):
        k -= 1
    return k + 1


def outlet_tail(text: str, start: int, end: int) -> bool:
    """The span ends an outlet's name whose first words stand right before it («لبي بي سي»: the tagger's «بي سي»)."""
    words = match_key(text[start:end]).split()
    before = match_key(text[max(0, start - OUTLET_LOOKBACK) : start]).split()
    for name in outlet_names():
        head = len(name) - len(words)
        if head > 0 and tuple(name[head:]) == tuple(words) and len(before) >= head:
            opening = [before[-head].removeprefix("ل"), *before[len(before) - head + 1 :]]
            if tuple(opening) == tuple(name[:head]):
                return True
    return False


OUTLET_LOOKBACK = 30  # characters before a span searched for the first words of an outlet's name


def unnamed_fallback(ctx: Context, toks: list[Tok], i: int) -> Speaker | None:
    """With no speaker yet and no tagged person: the last titled name before the cue («قدم السيد سوريش ماثيور ...
    ورقة عمل ... وقال ان»), the person the passage is about (quotes_dev2, issue 5)."""
    at = toks[i].start
    holders = [h for h in ctx.holders if at - PERSON_LOOKBACK <= h.start < at and not in_quotation(ctx, h.start)
               and len(h.role.split()) <= MAX_FALLBACK_TITLE_WORDS and not _prefixed_head(h.name)]
    return holders[-1] if holders else None


def first_verb_subject(ctx: Context, toks: list[Tok], i: int) -> Speaker | None:
    """With no entity mentions given and no speaker found: the subject of the sentence's first verb, read from
    the words after it up to the cue («ولخص محفوظ رؤيته ... قال فيها إن»), else the name opening the sentence
    before, followed by a present verb («هوانغ يصمم شعارات ... . وقال في مقابلة إن»)."""
    if ctx.mentions:
        return None
    if _opens_with_verb(toks[:i]):
        if described_object(toks[1:i]):  # «وأرسل كلمة تلخص رؤيته ... قال فيها»: the verb's subject is the one before
            return _previous_verb_subject(ctx, toks[0].start)
        found = parse_speaker(ctx.text, _subject_words(leading_phrase(toks[1:i])))
        if found is not None and found.kind in ("PER", "NAME", "ORG"):
            return found
    return _name_opening_previous(ctx, toks[0].start)


def _opens_with_verb(toks: list[Tok]) -> bool:
    """A و-word opening the sentence that may be its verb («ولخص», «وأرسل»), followed by other words."""
    return len(toks) > 1 and toks[0].key != toks[0].bare and not toks[0].bare.startswith("ال") \
        and not word_kind(toks[0]) and cue_of(toks[0]) is None


def described_object(words: list[Tok]) -> bool:
    """«كلمة تلخص رؤيته»: an indefinite noun, a present verb and its pronoun-suffixed object -- a noun described by
    a clause, the object of the verb before it, not its subject (ANERcorp train: an imperfect-shaped word before a
    pronoun-suffixed one 453 times, 6 of them inside a name)."""
    return len(words) >= 3 and words[0].is_word and not words[0].definite and not word_kind(words[0]) \
        and imperfect_shaped(words[1]) and pronoun_suffixed(words[2])


def _previous_verb_subject(ctx: Context, at: int) -> Speaker | None:
    """The subject after the و-verb opening the sentence before ``at`` («ولخص محفوظ رؤيته ...»), a name only."""
    end = ctx.text.rfind(".", 0, at)
    if end < 0 or ctx.text[end:at].strip(". \n"):
        return None
    start = max(ctx.text.rfind(".", 0, end), ctx.text.rfind("\n", 0, end)) + 1
    toks = sentence_tokens(ctx.text, start, end)
    if not _opens_with_verb(toks) or described_object(toks[1:]):
        return None
    found = parse_speaker(ctx.text, _subject_words(leading_phrase(toks[1:])))
    return found if found is not None and found.kind in ("PER", "NAME") else None


def _subject_words(phrase: list[Tok]) -> list[Tok]:
    """The subject alone, without the object after it: a role or organisation phrase whole («الوفد»), a name
    up to the first definite or pronoun-suffixed word («سامر المدينة», «محفوظ رؤيته» -> «سامر», «محفوظ»)."""
    titled = adjective_title(phrase)
    if titled:
        return titled  # «وعقد البرتغالي مانويل كاجودا جلسة»: the nationality is a title before the name
    if not phrase or phrase[0].definite or word_kind(phrase[0]) in ("role", "org"):
        return phrase[:1] if phrase and phrase[0].definite and not word_kind(phrase[0]) else phrase
    k = 1
    while k < len(phrase) and not phrase[k].definite and not phrase[k].key.endswith(("ته", "ها", "هم")):
        k += 1
    return phrase[:k]


def _name_opening_previous(ctx: Context, at: int) -> Speaker | None:
    end = ctx.text.rfind(".", 0, at)
    if end < 0 or ctx.text[end:at].strip(". \n"):
        return None
    start = max(ctx.text.rfind(".", 0, end), ctx.text.rfind("\n", 0, end)) + 1
    words = [t for t in sentence_tokens(ctx.text, start, end) if t.is_word]
    if len(words) < 2 or words[0].definite or word_kind(words[0]) or cue_of(words[0]) is not None:
        return None
    verb = words[1]
    if verb.key[:1] not in "يت" or len(verb.key) < 4 or verb.definite or word_kind(verb):
        return None  # «هوانغ يصمم»: a name, then a present verb
    return Speaker(words[0].text, "NAME", "", words[0].start, words[0].end)


MAX_FALLBACK_TITLE_WORDS = 3  # «السيد», «الرئيس الفرنسي»; a longer "title" is a misread clause (quotes_dev, 0214)


def _prefixed_head(name: str) -> bool:
    """«لشركة بترونت»: a ل/ب-prefixed organisation or title word read as a name."""
    first = match_key(name.split()[0]) if name.split() else ""
    return first[:1] in ("ل", "ب") and word_kind_of(first[1:]) in ("org", "role")


def resolve_speaker(speaker: Speaker | None, at: int, registry: Registry) -> Speaker | None:
    if speaker is None or not speaker.name:
        return None
    if speaker.kind == "ROLE":
        return registry.resolve_role(speaker, at)
    if speaker.kind == "ORG":
        return registry.resolve_org(speaker, at)
    return registry.expand(speaker)


def named_later(raws: list[Raw], raw: Raw, registry: Registry) -> Speaker | None:
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


def adjacent_person(role: Speaker, history: list[tuple[Speaker, str]]) -> Speaker | None:
    """The speaker named without a role nearest to an unresolved epithet («الرئيس الفرنسي», «السفير الاسرائيلي»:
    a title and a nationality), if close enough."""
    words = role.role.split()
    if not 2 <= len(words) <= 3 or not match_key(words[1]).endswith(("ي", "يه")) or not words[1].startswith("ال"):
        return None
    inner = inner_name_words(history)
    near = [sp for sp, _ in history if sp.kind in ("PER", "NAME") and not sp.role and sp.start != role.start
            and abs(sp.start - role.start) <= ADJACENT_PERSON_CHARS
            and (not sp.name.startswith(("ب", "ل")) or sp.name.split()[0] in inner)]
    if not near:
        return None
    best = min(near, key=lambda sp: abs(sp.start - role.start))
    return replace(best, start=role.start, end=role.end, via=role.via, role=role.role)


def inner_name_words(history: list[tuple[Speaker, str]]) -> set[str]:
    """Words after the first of the people quoted («بالاك» of «مايكل بالاك»): a speaker whose name starts with ب/ل
    and is one of them is that person («ويرى بالاك»), not a preposition glued to a word."""
    return {w for sp, _ in history if sp.kind == "PER" for w in sp.name.split()[1:]}


CONTRAST_OPENERS = frozenset({"لكن", "ولكن", "بينما", "فيما"})
KANA = frozenset({"كان", "كانت"})
MAX_SV_NAME_WORDS = 3  # «ولكن فيلار مير يقاتل»: a name of two or three words before its present verb


def _clause_openings(toks: list[Tok], i: int) -> list[int]:
    """Starts of the clauses before index i, nearest first: the sentence start, after a comma, a bracket or a
    contrast word («ولكن»). Not every و-word: «وبرنامج الرئيس» is a noun as often as «وعقد» is a verb."""
    out = {0}
    for p in range(1, i - 1):
        prev = toks[p - 1]
        if prev.text in "،,()" or prev.bare in CONTRAST_OPENERS:
            out.add(p)
    return sorted(out, reverse=True)


def _verb_first_subject(ctx: Context, clause: list[Tok]) -> Speaker | None:
    """«وجه المهاجم الهولندي رود فان نيستلروي انتقادات ...», «وقد سجل رئيس الدولة كلمة», «وكانت فرنسا التي ...»:
    the subject after the verb (or after كان) opening the clause, if it is sure: a title or organisation phrase
    (with the name it holds), or a name already quoted in the article; after كان any name."""
    k = 0
    while k < len(clause) and clause[k].bare in ("قد", "لقد", "لم", "لن", "لا"):
        k += 1  # «وقد سجل», «ولم تستبعد مصادر ...، وقالت»: the verb after the particle
    kana = clause[k].bare in KANA if k < len(clause) else False
    qad = next((q for q in range(k + 2, len(clause)) if clause[q].bare == "قد"), -1) if kana else -1
    if kana and qad < 0:
        return None  # only «وكانت X ...، قد قالت»: a كان clause of its own («وكان يعد نفسه») names no speaker
    if k + 1 >= len(clause) or not (kana or _verb_like(clause[k])):
        return None
    # «وزير X ووزيرة Y ...، وأكدا»: the first; «وكان X وY قد التقيا ... وأعلنا»: the subject between كان and قد
    phrase = before_coordinated_title(leading_phrase(clause[k + 1 : qad] if kana else clause[k + 1 :]))
    if phrase and word_kind(phrase[0]) in ("role", "org"):
        phrase = phrase[: head_phrase_end(phrase, 0, len(phrase))]
    phrase = before_object(phrase)
    country = country_subject(ctx.text, phrase)
    if country is not None:
        return country  # «وشنت روسيا هجوما ... وقالت إن»
    found = phrase_speaker(phrase, ctx) if phrase else None
    if found is None:
        return None
    tagged = any(m.type == "PER" and m.start <= found.start < m.end for m in ctx.mentions)
    if word_kind(phrase[0]) == "role" and not (found.kind == "PER" and " " in found.name and (tagged or not ctx.mentions)):
        rest = clause[k + 1 :]
        rest = rest[rest.index(phrase[-1]) + 1 :] if phrase[-1] in rest else []
        holder = tagged_holder(rest, ctx)  # «ورحبت المديرة العامة لصندوق النقد الدولي X بالخطوة، وقالت»
        if holder is not None:
            return replace(holder, role=ctx.text[phrase[0].start : holder.start].strip(" ،,"))
    tagged_org = found.kind == "ORG" and any(m.type == "ORG" and m.start == found.start for m in ctx.mentions)
    sure = tagged_org or word_kind(phrase[0]) in ("role", "org") or phrase[0].key in TITLES \
        or (found.kind == "PER" and bool(adjective_title(phrase))) \
        or any(same_name(found.name, name) for name in ctx.known) \
        or (kana and found.kind in ("PER", "NAME", "ORG") and not phrase[0].key.startswith(("ل", "ب")))
    return found if sure else None


def _name_then_verb(ctx: Context, clause: list[Tok]) -> Speaker | None:
    """«ولكن فيلار مير يقاتل من أجل ...»: a name of two or three words, then its present verb."""
    if clause and clause[0].key.startswith("و") and clause[0].key != clause[0].bare:
        return None  # «وأرسل كلمة تلخص»: a و-word opening the sentence is a verb more often than a name
    for m in range(2, MAX_SV_NAME_WORDS + 1):
        if m >= len(clause):
            return None
        verb = clause[m]
        present = verb.key[:1] in "يت" and len(verb.key) >= 4 and not verb.definite and not word_kind(verb) \
            and cue_of(verb) is None
        plain = all(t.is_word and not t.definite and not word_kind(t) and not is_boundary(t) for t in clause[:m])
        if present and plain:
            found = parse_speaker(ctx.text, clause[:m])
            return found if found is not None and found.kind in ("PER", "NAME") else None
    return None


def earlier_clause_subject(ctx: Context, toks: list[Tok], i: int) -> Speaker | None:
    """A reporting verb with no subject of its own after another clause of its sentence («وجه X انتقادات لمدرب
    المنتخب وقال إنه», «ولكن X يقاتل ...، رغم انه يقول انه», «وكانت فرنسا التي ...، قد قالت انها»): the subject of
    the nearest earlier clause that has a sure one, not the speaker carried from before (issue 5, quotes_dev4).
    A verb without و right after a word («ولكن أينشتاين رفض») has that word as its subject: no search then."""
    if i > 0 and toks[i].key == toks[i].bare and toks[i - 1].is_word and not is_boundary(toks[i - 1]) \
            and word_kind(toks[i - 1]) != "aux" and toks[i - 1].bare not in PRONOUN_SUBJECTS:
        return None  # not «..., لكنها اعتبرت»: «she» is the earlier clause's subject
    for p in _clause_openings(toks, i):
        if p > 1 and toks[p].key in ("الذي", "التي") and toks[p - 1].text in "،,":
            named = closing_name(toks[: p - 1])
            if named:  # «الصحافي X، الذي قضى ...، وكتب»: the relative clause's antecedent goes on
                return phrase_speaker(named, ctx)
        clause = toks[p:i]
        apposed = apposed_subject(ctx, toks[: p - 1]) if p > 1 and toks[p - 1].text in "،," else None
        if apposed is not None:  # «لكن مندوبة الهند، بريا شارما، رفضت النص، وقالت»: the name set off before the first verb
            return apposed
        found = _name_then_verb(ctx, clause) or _verb_first_subject(ctx, clause)
        if found is not None:
            return found
    return None


def country_subject(text: str, phrase: list[Tok]) -> Speaker | None:
    """A subject phrase opening with a country's name (data/countries.tsv), with the definite adjectives after it
    («كوريا الشمالية», «فرنسا»): the state speaks, an organisation speaker."""
    if not phrase or phrase[0].key not in country_names():
        return None
    n = 1
    while n < len(phrase) and phrase[n].definite and phrase[n].key.endswith(("يه", "ي")) and not word_kind(phrase[n]):
        n += 1
    return Speaker(text[phrase[0].start : phrase[n - 1].end], "ORG", "", phrase[0].start, phrase[n - 1].end)
