"""Relay chains: who carried a statement from its speaker to the outlet.

Inside a sentence: «نقلت وكالة تاس عن انطونوف قوله» (relay before the speaker), «في تصريحات نقلتها
وكالات الأنباء الروسية», «وفقا لما نقلته "روسيا اليوم"», «وفقا لمواقع ...», «بحسب وكالة ...». For the whole
article: its source line («المصدر: "تاس"», from ``article.meta["source_line"]`` or the last line of
the text) and finally the outlet. ``via`` lists the chain from the speaker outward: a programme before the
channel that airs it («في تصريحات لبرنامج "X" على قناة "Y"» gives [X, Y]), the outlet an agency quoted before the
agency («بحسب ما نقلته قناة X عن وكالة Y» gives [Y, X]).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from marsad.model import Article
from marsad.quotes.lexicon import RELAYS_PATH, outlet_heads, programme_heads, read_rows, relay_phrases
from marsad.quotes.tokens import (
    COMPLEMENTIZERS,
    PREPOSITIONS,
    Tok,
    cue_of,
    lam_of_noun,
    word_kind,
    word_kind_of,
)
from marsad.text.normalize import match_key
from marsad.text.tokens import strip_article

MAX_RELAY_WORDS = 5
# Addressees that are not relays («في تصريح للصحفيين»).
GENERIC = frozenset({"الصحفيين", "الصحافيين", "صحفيين", "الصحافه", "الاعلام", "وسائل", "الجميع"})
# Participles that follow an addressee («لوكالة فرانس برس طالبا عدم الكشف عن هويته»): not part of its name.
CIRCUMSTANCE = frozenset({"طالبا", "طالبه", "مفضلا", "مفضله", "رافضا", "رافضه", "مشترطا", "مشترطه"})
# Definite participles describing an outlet after its name («صحيفة الشرق الأوسط الصادرة في لندن», «قناة المنار
# التابعة لحزب الله», «صحيفة X المقربة من الحكومة»): not part of the name.
OUTLET_TAIL = frozenset({"الصادره", "الصادر", "التابعه", "التابع", "المقربه", "المقرب"})
SOURCE_LINE = re.compile(r"^\s*(?:المصدر|المصادر|مصدر الخبر)\s*:\s*(.{1,80}?)\s*$")
QUOTE_CHARS = "\"'«»“”„"


def _stop(tok: Tok) -> bool:
    if not tok.is_word:
        return tok.text not in QUOTE_CHARS
    return tok.key in COMPLEMENTIZERS or tok.bare in PREPOSITIONS or word_kind(tok) in ("boundary", "relative") \
        or tok.key in CIRCUMSTANCE or tok.key in OUTLET_TAIL or _verb_cue(tok)


def _verb_cue(tok: Tok) -> bool:
    """A reporting verb ends an outlet's name («في تصريحات لصحيفة الحياة قال الوزير» gave «صحيفة الحياة قال»)."""
    cue = cue_of(tok)
    return cue is not None and cue.pos in ("past", "present")


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, kind in relay_phrases():
        if kind == "host":
            continue  # «على», «الذي تبثه»: what leads from a programme to its channel, no relay phrase alone
        index.setdefault(words[0], []).append((words, kind))
    return {first: tuple(rows) for first, rows in index.items()}


def _phrase_at(toks: list[Tok], i: int) -> tuple[int, str] | None:
    """(index after the phrase, its kind) when a relay phrase starts at token i (with و/ف allowed)."""
    first = toks[i]
    index = _by_first_word()
    # Only و may be stripped: «فحسب» is «only», not «according to».
    candidates = index.get(first.key) or (index.get(first.bare) if first.key.startswith("و") else None) or ()
    for words, kind in candidates:
        n = len(words)
        if tuple(t.key for t in toks[i + 1 : i + n]) == words[1:]:
            return i + n, kind
    if "وفق" in (first.key, first.bare) and _ma_verb(toks, i + 1):
        return i + 3, "after"  # «وفق ما أعلنته السلطات», «ووفق ما أوردته صحيفة ...»: any reporting verb after «ما»
    return None


def relay_noun_phrase(text: str, toks: list[Tok], lam: bool = False) -> str | None:
    """The relay named by the tokens (up to a boundary); with ``lam`` the first word must carry ل."""
    found = relay_span(text, toks, lam)
    return found[0] if found else None


def relay_span(text: str, toks: list[Tok], lam: bool = False) -> tuple[str, int] | None:
    """(relay, number of tokens it takes) for the tokens at the start of ``toks``."""
    if lam and toks and toks[0].key in ("ل", "لـ", "") and len(toks) > 1:  # «لـ«العربية.نت»», «ل ـ "..."»
        found = relay_span(text, toks[1:])
        return (found[0], found[1] + 1) if found else None
    if toks and toks[0].text == "(":  # «في تصريح لـ(كونا)»: an agency's short name in brackets
        close = next((k for k in range(1, min(len(toks), MAX_RELAY_WORDS + 2)) if toks[k].text == ")"), 0)
        inside = toks[1:close]
        return (text[inside[0].start : inside[-1].end], close + 1) if close > 1 and all(t.is_word for t in inside) \
            else None
    words: list[Tok] = []
    quoted = bool(toks) and toks[0].text in QUOTE_CHARS
    rest = toks[1:] if quoted else toks
    for n, tok in enumerate(rest):
        if tok.text in QUOTE_CHARS and words and not quoted and _named_head(words[-1], lam and len(words) == 1):
            name = _quoted_after(rest, n)  # «صحيفة "ماركا"», «لبرنامج "حديث الساعة"»: the outlet's quoted name
            if name:
                words.extend(name)
                break
        glued = bool(words) and words[-1].text == "." and words[-1].end == tok.start
        if (tok.text == "." and words and tok.end < len(text) and text[tok.end].isalpha() and not quoted) or glued \
                or (tok.text == "." and words and _initials(words[-1], rest[n + 1 : n + 2])):
            words.append(tok)  # «سي.أن.أن», «العربية.نت», «بي. تي. ايه»
            continue
        if tok.text in QUOTE_CHARS or sum(w.is_word for w in words) >= MAX_RELAY_WORDS:
            break
        if _stop(tok) and not quoted and not (lam and not words):
            break
        if lam and len(words) >= 2 and not quoted and word_kind(tok) in ("role", "org"):
            break  # «أكد لوكالة فرانس برس شاهد عيان أن»: the subject follows the outlet told
        if words and not quoted and tok.key.startswith("ل") \
                and _addressee_word(tok.key):
            break  # «احمد سالم مدير الإسعاف لوكالة فرانس برس»: the outlet told is another relay
        if words and not quoted and tok.key.startswith("و") and tok.key != tok.bare and not tok.definite \
                and not tok.bare.startswith("ال"):
            break  # «بحسب هيئة الأرصاد الجوية وخلف أضرارا»: a new verb, not part of the name
        words.append(tok)
    if not words:
        return None
    start = words[0].start
    prefix = ""
    if lam:
        if not words[0].key.startswith("ل"):
            return None
        if words[0].key.startswith("لل"):  # «في تصريح للجزيرة نت»: ل + the article
            prefix, start = "ال", start + 1
        start += 1
    surface = prefix + text[start : words[-1].end].strip(QUOTE_CHARS + " ـ")  # «لـLe360»: no tatweel left
    keys = match_key(surface).split()
    if not keys or (lam and keys[0] in GENERIC):
        return None
    used = toks.index(words[-1]) + 1
    surface = " ".join(surface.translate(str.maketrans("", "", QUOTE_CHARS)).split())
    return surface, used + (1 if quoted and used < len(toks) else 0)


def _named_head(tok: Tok, lam: bool) -> bool:
    """An organisation or an outlet's head noun («صحيفة», ل + «قناة», «برنامج»): a quoted name after it is its name."""
    head = strip_article(lam_stripped(tok.key) if lam else tok.bare)
    return word_kind(tok) == "org" or head in outlet_heads() or head in programme_heads()


@lru_cache(maxsize=1)
def _host_phrases() -> tuple[tuple[str, ...], ...]:
    """What leads from a programme to the channel airing it («على», «على شاشة», «الذي تبثه»), longest first."""
    rows = [tuple(row[0].split()) for row in read_rows(RELAYS_PATH) if row[1] == "host"]
    return tuple(sorted(rows, key=len, reverse=True))


def _initials(before: Tok, after: list[Tok]) -> bool:
    """A full stop between two spelled-out initials («بي. تي. ايه»): short words on both sides."""
    return before.is_word and len(before.text) <= 3 and bool(after) and after[0].is_word and len(after[0].text) <= 3


def _addressee_word(key: str) -> bool:
    from marsad.quotes.tokens import word_kind_of

    return not key.startswith("لل") and word_kind_of(key[1:]) == "org"


def _quoted_after(toks: list[Tok], n: int) -> list[Tok]:
    """The words of a short quotation opened at token n, [] when it is not one."""
    for k in range(n + 1, min(len(toks), n + MAX_RELAY_WORDS + 2)):
        if toks[k].text in QUOTE_CHARS:
            return toks[n + 1 : k]
        if not toks[k].is_word:
            return []
    return []


# Phrases that, with no reporting verb in the sentence, attribute the whole sentence to a source.
ACCORDING = frozenset({("بحسب",), ("حسب",), ("وفقا",), ("طبقا",), ("نقلا", "عن"), ("علي", "لسان")})


def according_at(toks: list[Tok], i: int) -> tuple[int, bool] | None:
    """(index after the phrase, whether its source carries ل) when an «according to» phrase is at i."""
    hit = _phrase_at(toks, i)
    if hit is None:
        return None
    first_word = toks[i].key if toks[i].key in _by_first_word() else toks[i].bare  # «وفقا» is no «و» + «فقا»
    words = (first_word, *(t.key for t in toks[i + 1 : hit[0]]))
    first = {words[0], toks[i].key} if words else set()
    said = len(words) == 3 and bool(first & {"بحسب", "حسب", "وفق", "وفقا"}) and words[1] in ("ما", "لما")
    if words in ACCORDING and _ma_verb(toks, hit[0]):
        return hit[0] + 2, False  # «طبقا لما قاله متحدث ...», «وفقا لما أعلنه»: the source is the verb's subject
    return (hit[0], hit[1] == "lam") if words in ACCORDING or said else None


def _ma_verb(toks: list[Tok], k: int) -> bool:
    """«(ل)ما قاله», «ما أعلنته»: a relative ما and a verb with its object pronoun after an «according to» head."""
    from marsad.quotes.tokens import cue_of

    if k + 2 >= len(toks) or toks[k].key not in ("ما", "لما"):
        return False
    verb = toks[k + 1].key
    return cue_of(toks[k + 1]) is not None or any(
        verb.endswith(suffix) and len(verb) - len(suffix) >= 3 and cue_of(replace(toks[k + 1], key=verb[: -len(suffix)]))
        is not None for suffix in ("ته", "ه", "ها"))


def relay_cuts(toks: list[Tok]) -> list[int]:
    """Token indices where a relay phrase closes the clause before it («...، وذلك وفقا لما نقلته ...»)."""
    cuts = []
    for i in range(1, len(toks)):
        hit = _phrase_at(toks, i)
        if hit is not None and hit[1] != "source" and toks[i - 1].text in ("،", ",", "وذلك", "ذلك") \
                and (hit[1] != "media" or outlet_next(toks, hit[0])):
            cuts.append(i - 1)
    return cuts


def relays_in(text: str, toks: list[Tok], skip: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """(offset, relay) for every relay phrase among ``toks`` outside the ``skip`` spans."""
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(toks):
        if any(s <= toks[i].start < e for s, e in skip):
            i += 1
            continue
        hit = _phrase_at(toks, i)
        if hit is None or hit[1] == "source":
            i += 1
            continue
        end, kind = hit
        if kind == "media" and not outlet_next(toks, end):
            i = end  # «في اتصال هاتفي مع نظيره»: a call with a person, not an interview with an outlet
            continue
        if kind == "lam" and titled_holder(toks, end):
            i = end  # «في تصريحات للوزير سامي الخطيب»: the minister's statements, not statements to him
            continue
        relay = relay_span(text, toks[end:], lam=kind == "lam")
        if relay:
            links, end = _links(text, toks, end + relay[1], relay[0], toks[end - 1].bare.startswith("نقل"))
            found.extend((toks[i].start, link) for link in links)
        i = end
    return found


def _links(text: str, toks: list[Tok], k: int, relay: str, carried: bool) -> tuple[list[str], int]:
    """The relay found before k with its neighbour in the chain, speaker outward, and the index after them: the
    outlet an outlet carried from («ما نقلته قناة X عن وكالة Y», «قناة X نقلا عن وكالة Y»: [Y, X]) or the channel
    airing a programme («لبرنامج "X" على قناة "Y"»: [X, Y])."""
    while k < len(toks) and toks[k].text in QUOTE_CHARS:
        k += 1  # the closing mark of a quoted name
    words = tuple(t.key for t in toks[k : k + 2])
    lead = 1 if carried and words[:1] == ("عن",) else 2 if words == ("نقلا", "عن") else 0
    if lead and outlet_next(toks, k + lead):
        source = relay_span(text, toks[k + lead :])
        if source:
            return [source[0], relay], k + lead + source[1]
    if strip_article(match_key(relay).split()[0]) in programme_heads():
        host = host_after(text, toks, k)
        if host:
            return [relay, host[0]], host[1]
    return [relay], k


def outlets_carried(text: str, toks: list[Tok], k: int) -> tuple[list[str], int]:
    """After «نقلت وكالة X عن» (k at the word after «عن»): the outlets the statement passed through before X, speaker
    outward, and the index of the speaker phrase («عن صحيفة "الحياة" عن مصدر دبلوماسي»: (['صحيفة الحياة'], index of
    «مصدر»)); ([], k) when no outlet followed by another «عن» is there."""
    carried: list[str] = []
    while outlet_next(toks, k):
        found = relay_span(text, toks[k:])
        m = k + found[1] if found else k
        while m < len(toks) and toks[m].text in QUOTE_CHARS:
            m += 1
        if found is None or m + 1 >= len(toks) or toks[m].key != "عن":
            break
        carried.insert(0, found[0])
        k = m + 1
    return carried, k


def host_after(text: str, toks: list[Tok], k: int) -> tuple[str, int] | None:
    """(channel, index after it) when the tokens at k name the channel airing a programme: «على قناة "الميادين"»,
    «على شاشة X», «الذي تبثه قناة X», or a bare brand after «على» («على سكاي نيوز عربية»: no definite word and no
    pronoun suffix, so not «على هامش المؤتمر», «على حد تعبيره»)."""
    if _phrase_at(toks, k) is not None:
        return None  # «على لسان ...»: another relay phrase
    for words in _host_phrases():
        m = k + len(words)
        if tuple(t.key for t in toks[k:m]) != words:
            continue
        found = relay_span(text, toks[m:])
        if found is None:
            return None
        return (found[0], m + found[1]) if len(words) > 1 or outlet_next(toks, m) \
            or _brand(toks[m : m + found[1]]) else None
    return None


def _brand(toks: list[Tok]) -> bool:
    """A channel's bare name («سكاي نيوز عربية», «فرانس 24»): no definite word, no word ending in a pronoun."""
    return not any(t.definite or t.text.endswith(("ه", "ها", "هم")) for t in toks if t.is_word)


def outlet_next(toks: list[Tok], k: int) -> bool:
    """An outlet is named at k: a quoted name («في اتصال مع «القدس العربي»») or a news-outlet or programme head noun
    («إذاعة», «في اتصال هاتفي مع برنامج ...»)."""
    if k >= len(toks):
        return False
    heads = _media_heads()  # the key too: «وكالة» is no «و» + «كالة»
    return toks[k].text in QUOTE_CHARS or strip_article(toks[k].bare) in heads or strip_article(toks[k].key) in heads


@lru_cache(maxsize=1)
def _media_heads() -> frozenset[str]:
    return outlet_heads() | programme_heads()


def lam_stripped(key: str) -> str:
    """A word without its ل («للوزير» -> «الوزير», «لوزير» -> «وزير»)."""
    return "ال" + lam_of_noun(key) + key[2:] if key.startswith("لل") else key[1:] if key.startswith("ل") else key


def titled_holder(toks: list[Tok], k: int) -> bool:
    """The word at k is ل + a title («في تصريحات للوزير سامي الخطيب», «في تصريح لوزير النفط»): the statements'
    holder, never the addressee an outlet would be."""
    return k < len(toks) and toks[k].is_word and toks[k].key.startswith("ل") \
        and word_kind_of(lam_stripped(toks[k].key)) == "role"


def statements_holder(text: str, toks: list[Tok]) -> list[Tok]:
    """The titled holder phrase after «في تصريحات ل…» among ``toks`` (the sentence before its first cue)."""
    for i in range(len(toks)):
        hit = _phrase_at(toks, i)
        if hit is not None and hit[1] == "lam" and titled_holder(toks, hit[0]):
            return toks[hit[0] :]
    return []


def source_line(article: Article) -> str | None:
    """The relay named by the article's source line, from meta or from the last line of the text."""
    line = article.meta.get("source_line")
    if not line:
        lines = [ln for ln in article.text.splitlines() if ln.strip()]
        line = lines[-1] if lines else ""
    match = SOURCE_LINE.match(str(line))
    if not match:
        return None
    value = match.group(1).strip(QUOTE_CHARS + " .")
    return value or None


def chain(*parts: list[str] | tuple[str, ...] | str | None) -> list[str]:
    """Concatenate relay names, dropping empties and repeats (compared by match_key)."""
    out: list[str] = []
    seen: set[str] = set()
    for part in parts:
        items = [part] if isinstance(part, str) or part is None else list(part)
        for item in items:
            key = match_key(item) if item else ""
            if key and key not in seen:
                seen.add(key)
                out.append(item)  # type: ignore[arg-type]
    return out
