"""Pipeline stages: ``marsad.entities.tag`` (article) and ``marsad.entities.resolve`` (story).

Tagging: the CRF's spans, trimmed of proclitics and leading titles, extended over a following nisba
(«وزارة الدفاع» + «الروسية»); alias-table names the CRF missed or cut short; names tagged once in an
article tagged at their other occurrences, and a person's surname wherever it stands alone
(«أنطونوف»); a role phrase before a person's name, or in apposition after it, becomes
``Mention.role``. Sentences whose language is not Arabic (or, without languages, with more Latin
than Arabic letters) are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from marsad.entities import lexicons, rules
from marsad.entities.conll import spans
from marsad.entities.crf import NerTagger, load
from marsad.entities.matching import find_in, resolve_mentions
from marsad.model import Article, Entity, EntityType, Mention, Story
from marsad.pipeline import Resources, stage
from marsad.text.normalize import match_key
from marsad.text.sentences import split_sentences
from marsad.text.tokens import Token, tokenize

MODEL_RESOURCE = "entities.ner"
PROPAGATE_MAX_WORDS = 4
ARABIC_LETTERS = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
LATIN_LETTERS = re.compile(r"[A-Za-z]")
Span = tuple[int, int, str, str]  # token start, end (exclusive), type, source


def _tagger(resources: Resources | None) -> NerTagger:
    if resources is None:
        return load()
    tagger: NerTagger = resources.get(MODEL_RESOURCE, load)
    return tagger


def _crf_spans(tags: list[str], keys: list[str]) -> list[Span]:
    out = []
    pieces = [(s, e, kind) for start, end, kind in sorted(spans(tags))
              for s, e in rules.split_at_conjunction(keys, start, end, kind)]
    for start, end, kind in pieces:
        trimmed = rules.leading_titles(keys, start, end)
        if trimmed > start and lexicons.title_words().get(keys[start]) == "title":
            kind = "PER"  # «الجنرال ايجور ...»: a title opens a person's name
        start, end = trimmed, rules.trailing_verb(keys, trimmed, rules.trailing_titles(keys, trimmed, end))
        if kind in ("ORG", "LOC", "MISC") and rules.indefinite_description(keys, start, end):
            continue
        if kind in ("ORG", "MISC"):
            end = rules.quoted_model_number(keys, start, rules.cut_at_preposition(keys, start, end))
        if kind == "LOC":
            start = rules.leading_place_head(keys, start, end)
        if kind == "ORG":
            start = rules.leading_org_head(keys, start, end)
        if kind in ("ORG", "LOC"):
            end = rules.trailing_nisba(keys, start, end)
        if kind == "ORG" and rules.generic_org(keys, start):
            end = rules.nisba_extension(keys, end)
        if kind == "PER":
            end = rules.name_particle_extension(keys, end)
        if kind == "PER" and end - start == 1 and rules.plural_gentilic(keys[start]):
            continue
        if kind == "LOC" and rules.quoted(keys, start, end):
            kind = "ORG"
        out.append((start, end, kind, "crf"))
    return out


def _merge_aliases(found: list[Span], keys: list[str]) -> list[Span]:
    """Add alias-table names; an alias replaces CRF spans it covers, and also a CRF ORG/MISC span that
    starts with it and runs on («تنظيم الدولة الإسلامية الإرهابي»: the alias is the name); it is dropped
    if it cuts any other span."""
    result = list(found)
    for start, end, kind, _ in rules.alias_matches(keys):
        overlapping = [s for s in result if s[0] < end and start < s[1]]
        runs_on = [s for s in overlapping if s[0] == start and s[1] > end and s[2] in ("ORG", "MISC") and kind == "ORG"]
        if runs_on or all(start <= s[0] and s[1] <= end for s in overlapping):
            result = [s for s in result if s not in overlapping]
            result.append((start, rules.nisba_extension(keys, end) if kind == "ORG" and rules.generic_org(keys, start) else end, kind, "gazetteer"))
    return sorted(result)


def _events(found: list[Span], keys: list[str]) -> list[Span]:
    """A place or MISC name right after a competition head («كأس إسبانيا», «بطولة السوبر الإسباني»)
    becomes, with the head, a MISC name (AQMAR train: «بطولة دوري أبطال أوروبا»; ANERcorp train: «بطولة
    كأس إنجلترا»); a MISC span holding just the head is absorbed. Dev (full tagger): Wikipedia
    0.689 -> 0.700, news unchanged. «دوري أبطال» is not a head: ANERcorp tags «أبطال أوروبا» LOC (4 of 4
    in train) while AQMAR tags the whole MISC; with it Wikipedia 0.710 but news -0.002."""
    out = list(found)
    for span in found:
        start, end, kind, source = span
        head = rules.event_head_before(keys, start) if kind in ("LOC", "MISC") else None
        if head is None:
            continue
        inside = [s for s in out if head <= s[0] < start and s[1] <= start and s[2] == "MISC"]
        if any(s[0] < start and head < s[1] for s in out if s not in inside):
            continue
        out = sorted([s for s in out if s not in inside and s != span] + [(head, end, "MISC", source)])
    for i, (start, end, kind, source) in enumerate(out):
        stop = rules.event_nisba_extension(keys, start, end) if kind == "MISC" else end
        if stop > end and not any(s[0] < stop and end <= s[0] for s in out):
            out[i] = (start, stop, kind, source)
    return out


def _rule_orgs(found: list[Span], keys: list[str]) -> list[Span]:
    """Organisations the tagger left out, added where no span is: «البنك التجاري»
    (``rules.head_adjective_orgs``), a foreign name after «شركة/مجموعة» (``rules.company_names``), a team
    after «فريق/نادي» or a host word (``rules.team_after_head``)."""
    candidates = [*rules.head_adjective_orgs(keys), *rules.company_names(keys),
                  *((i, i + 1) for i in rules.team_after_head(keys))]
    for start, end in candidates:
        if not any(s[0] < end and start < s[1] for s in found):
            found = sorted([*found, (start, end, "ORG", "rule")])
    return found


def _quoted_names(found: list[Span], keys: list[str]) -> list[Span]:
    """A quoted outlet name («موقع "بالينغ كات"») replaces the spans inside its quotation marks."""
    for start, end, kind in rules.quoted_names(keys):
        inside = [s for s in found if start <= s[0] and s[1] <= end]
        if any(s[0] < end and start < s[1] for s in found if s not in inside):
            continue
        found = sorted([s for s in found if s not in inside] + [(start, end, kind, "quoted")])
    return found


def _mention(text: str, offset: int, tokens: list[Token], keys: list[str], span: Span,
             next_start: int | None = None, cut: int = 0) -> Mention:
    start, end, kind, source = span
    first = tokens[start].start + (0 if source == "quoted" else cut or rules.clitic_length(keys[start]))
    mention = Mention(start=offset + first, end=offset + tokens[end - 1].end,
                      text=text[first : tokens[end - 1].end], type=_type(kind), source=source)
    if kind == "PER":
        role = rules.find_role(keys, start) or rules.find_role_after(keys, end, next_start)
        if role:
            mention.role = text[tokens[role[0]].start : tokens[role[1] - 1].end]
    return mention


def _type(kind: str) -> EntityType:
    return kind if kind in ("PER", "ORG", "LOC", "MISC") else "MISC"  # type: ignore[return-value]


def tag_sentence(tagger: NerTagger, text: str, offset: int = 0) -> list[Mention]:
    """Mentions in one sentence ``text`` whose first character is at ``offset`` in the article."""
    tokens = tokenize(text)
    tagged = _tag_sentence(tokens, tagger.tag([t.text for t in tokens]))
    return _mentions(text, offset, tagged)


def _mentions(text: str, offset: int, tagged: _Tagged) -> list[Mention]:
    starts = [s[0] for s in tagged.spans[1:]] + [len(tagged.tokens)]
    return [_mention(text, offset, tagged.tokens, tagged.keys, span, nxt, tagged.cuts.get(span[0], 0))
            for span, nxt in zip(tagged.spans, starts, strict=False)]


@dataclass(slots=True)
class _Tagged:
    start: int
    tokens: list[Token]
    keys: list[str]
    spans: list[Span]
    cuts: dict[int, int] = field(default_factory=dict)  # token -> proclitic letters a propagated name drops


def _tag_sentence(tokens: list[Token], tags: list[str], start: int = 0) -> _Tagged:
    keys = [match_key(t.text) for t in tokens]
    found = _merge_aliases(_crf_spans(tags, keys), keys)
    found = _quoted_names(_rule_orgs(_events(found, keys), keys), keys) if tokens else []
    return _Tagged(start, tokens, keys, found)


def _sports_teams(sentences: list[_Tagged]) -> None:
    """Teams of a match report named after a city or a person become organisations: a LOC/PER span of
    a match sentence in a team's slot («تغلب على مضيفه ليون», ``rules.match_team``) or a LOC span
    followed by a country nisba («هامبورغ الألماني», ``rules.club_nisba``), then every LOC/PER mention,
    in the article's match sentences, of a name tagged ORG there in a team's slot or after «فريق/نادي»
    («فريق برشلونة» ... «أنقذ برشلونة»). Country names keep LOC (national teams, as ANERcorp tags
    them). Train (ANERcorp first 90% + AQMAR, gold spans in match sentences): a non-country name in a
    team's slot is ORG 21, LOC 5 (countries missing from the table), PER 1, MISC 1; the mentions of a name
    tagged ORG after «فريق/نادي» or in a slot, in 20-sentence windows, ORG 64, LOC 2 (both «قطر», a
    country). Dev (full tagger): news 0.7357 -> 0.7455 (slots + vote) -> 0.7466 (nisba), Wikipedia
    0.7164 unchanged; a vote from any ORG mention gave news 0.742 but Wikipedia 0.714 (AQMAR tags the
    club «برشلونة» LOC)."""
    sports = [t for t in sentences if rules.sports_sentence(t.keys)]
    for tagged in sports:
        tagged.spans = [(s, e, "ORG", src) if _team_slot(tagged.keys, s, e, k) else (s, e, k, src)
                        for s, e, k, src in tagged.spans]
    teams = {_name(t.keys, s, e) for t in sports for s, e, k, _ in t.spans if k == "ORG" and rules.team_evidence(t.keys, s)}
    for tagged in sports:
        tagged.spans = [(s, e, "ORG", src) if k in ("LOC", "PER") and _name(tagged.keys, s, e) in teams
                        and not rules.country_name(tagged.keys, s, e) else (s, e, k, src) for s, e, k, src in tagged.spans]


def _team_slot(keys: list[str], start: int, end: int, kind: str) -> bool:
    if kind not in ("LOC", "PER") or rules.country_name(keys, start, end):
        return False
    return rules.match_team(keys, start) or kind == "LOC" and rules.club_nisba(keys, start, end)


def _name(keys: list[str], start: int, end: int) -> tuple[str, ...]:
    return (_bare(keys[start]), *keys[start + 1 : end])


def _bare(key: str) -> str:
    return key[rules.clitic_length(key):]


def _known_names(sentences: list[_Tagged]) -> dict[tuple[str, ...], str]:
    """Names tagged somewhere in the article (and the surnames of people) -> type."""
    known: dict[tuple[str, ...], str] = {}
    titles = lexicons.title_words()
    for tagged in sentences:
        for start, end, kind, _ in tagged.spans:
            words = (_bare(tagged.keys[start]), *tagged.keys[start + 1 : end])
            known.setdefault(words, kind)
            if kind == "PER" and end - start > 1:
                known.setdefault((tagged.keys[end - 1],), kind)
    nisba = rules.nisba_words()
    return {w: k for w, k in known.items()
            if len(w) > 1 or (len(w[0]) > 2 and w[0] not in titles and w[0] not in nisba)}


def _propagate(tagged: _Tagged, known: dict[tuple[str, ...], str]) -> None:
    """Tag the article's other occurrences of names it tagged once (label consistency)."""
    covered = {i for start, end, _, _ in tagged.spans for i in range(start, end)}
    i = 0
    while i < len(tagged.keys):
        for n in range(min(PROPAGATE_MAX_WORDS, len(tagged.keys) - i), 0, -1):
            words = (_bare(tagged.keys[i]), *tagged.keys[i + 1 : i + n])
            if words in known and not covered & set(range(i, i + n)):
                tagged.spans.append((i, i + n, known[words], "propagated"))
                i += n - 1
                break
            cut = rules.proclitic_before(tagged.keys[i], known) if n == 1 and i not in covered else 0
            if cut:
                tagged.spans.append((i, i + 1, known[(tagged.keys[i][cut:],)], "propagated"))
                tagged.cuts[i] = cut
                break
        i += 1
    tagged.spans.sort()


def tag_text(text: str, tagger: NerTagger | None = None,
             sentences: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Mentions of a whole text (sentences split here unless given)."""
    tagger = tagger or load()
    bounds = sentences if sentences is not None else split_sentences(text)
    arabic = [(s, e) for s, e in bounds if _mostly_arabic(text[s:e])]
    tokens = [tokenize(text[s:e]) for s, e in arabic]
    tags = tagger.tag_document([[t.text for t in sentence] for sentence in tokens])
    tagged = [_tag_sentence(t, g, s) for (s, _), t, g in zip(arabic, tokens, tags, strict=True)]
    _sports_teams(tagged)
    known = _known_names(tagged)
    out: list[Mention] = []
    for sentence in tagged:
        _propagate(sentence, known)
        sentence_text = text[sentence.start : sentence.start + (sentence.tokens[-1].end if sentence.tokens else 0)]
        out.extend(_mentions(sentence_text, sentence.start, sentence))
    return out


def _mostly_arabic(text: str) -> bool:
    """More Arabic than Latin letters: English captions inside Arabic articles are not tagged."""
    arabic = len(ARABIC_LETTERS.findall(text))
    return arabic > 0 and arabic >= len(LATIN_LETTERS.findall(text))


@stage("marsad.entities.tag", "article", reads=["article.text", "article.sentences"], writes=["article.mentions"])
def tag(article: Article, resources: Resources) -> Article:
    """Named-entity mentions of an article's Arabic sentences, with roles."""
    tagger = _tagger(resources)
    bounds = [(s.start, s.end) for s in article.sentences if s.language == "ar"]
    article.mentions = tag_text(article.text, tagger, bounds)
    return article


@stage("marsad.entities.resolve", "story", reads=["article.mentions"], writes=["story.entities"])
def resolve(story: Story, articles: dict[str, Article], resources: Resources) -> Story:
    """Entities of a story: mentions across its articles merged over spelling variants and aliases."""
    pairs = [(aid, m) for aid in story.article_ids if aid in articles for m in articles[aid].mentions]
    story.entities = resolve_mentions(pairs)
    return story


def find_entity(story: Story, surface: str) -> Entity | None:
    """The story entity a name string (a quote's speaker, «كوناشنكوف») refers to, or None."""
    return find_in(story.entities, surface)
