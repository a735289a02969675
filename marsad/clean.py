"""Boilerplate removal for plain text, paragraph languages, outlet and source lines, sentences.

HTML pages are already reduced to their main text by trafilatura in ``marsad.ingest.html``; this
module cleans what remains line by line, which is also what text copied from a site looks like
(seed 003 carries its comment form, footer and a list of other stories). Each line is judged on
signals, never on known strings of one site:

- phrases of site templates (``marsad/data/boilerplate_lines.tsv``: comment forms, share bars,
  copyright, crumbs, related-story boxes, addresses, update stamps, source lines);
- line shape: length, sentence punctuation, script (a short Latin-only line in an Arabic article),
  timestamps, overlong tokens of concatenated menu items;
- density of Arabic function words (jusText's Arabic stoplist) that marks running prose;
- repetition within the article (repeated lines, a site name repeated) and across the articles of
  one site (``learn_site_boilerplate`` builds that table);
- position: a crumb before the title, a tail of other stories after the body.

Decisions documented here:
- The title is the first line that survives cleaning and it stays the first line of ``text`` (a
  plain-text article may start with its first body paragraph, seed 000); later repeats of it are
  removed as repeated lines. A reader-given title (HTML, feed, JSON metadata) is kept as the title.
- Paragraphs are the kept lines, joined by "\\n" in ``text``; each gets a language. Paragraphs in
  another language (an English photo caption) are kept in ``text`` with their own language.
- A source line («المصدر: "تاس"») names a relay source, not the outlet: it goes to
  ``meta["source_line"]`` and out of ``text``. A site name repeated in the footer is the outlet.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

from marsad.model import Article, Paragraph, Removed, Sentence
from marsad.pipeline import Resources, stage
from marsad.text.normalize import match_key, normalize_for_display
from marsad.text.sentences import split_sentences

DATA = Path(__file__).parent / "data"
ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
SENTENCE_END = re.compile(r"[.!?؟…:»”\"')]\s*$")
CLOCK = re.compile(r"\b\d{1,2}:\d{2}(:\d{2})?\b")
SEPARATORS = re.compile(r"\s[-_|–—]\s?|\s?[-_|–—]\s|_")
BYLINE = re.compile(r"^(?:بقلم|كتب|كتبت|اعداد|by)\b\s*:?")
PUNCT = "\"'“”«»()[]{}:;,.،؛!?؟*-_|/\\–—…"

# Shape thresholds, set on the ANERcorp newswire sentences (../shared/data/ner/anercorp, 4,138
# sentences) and the seeds: 91 % of ANERcorp sentences have >= 8 words, and of those 99 % have a
# jusText-stoplist share >= 0.22 (median 0.55), so PROSE_* mark 99.9 % of them as prose; the
# template lines of the seeds (labels, buttons, names, stamps) have <= 6 words.
PROSE_MIN_WORDS = 8
PROSE_MIN_STOPWORD_SHARE = 0.1
SHORT_LINE_WORDS = 6
LEXICON_MAX_WORDS = 15  # a template phrase only condemns a line this short (never a body paragraph)
OVERLONG_TOKEN = 16  # longer words are menu items run together («الاخباريسلايدسورية»); none of ANERcorp's 111k Arabic tokens is
# A first line this short above a headline of at least KICKER_MIN_WORDS words is a section label.
SECTION_WORDS = 3
KICKER_MIN_WORDS = 5
# A block of this many removed lines after the body starts the tail (comment form, footer, other stories).
TAIL_BLOCK_LINES = 3
# Text after such a block is still body if it holds at least this share of all prose words.
TAIL_BODY_SHARE = 0.3
# learn_site_boilerplate: a short line seen in at least this many articles of one site, and in this
# share of them, is the site's boilerplate (a rule of thumb from jusText/boilerpipe practice; the
# seeds have one article per site, so it was checked on generated multi-article sites in tests).
SITE_MIN_ARTICLES = 3
SITE_MIN_SHARE = 0.3
SITE_MAX_WORDS = 12


# Templates that only stand at the end of a page.
PAGE_END = frozenset({"comment", "copyright", "address", "latin_short"})


@dataclass(frozen=True, slots=True)
class Rule:
    phrase: str
    category: str
    mode: str

    @property
    def bare(self) -> str:
        return _bare(self.phrase)


@dataclass(slots=True)
class Line:
    index: int
    text: str
    key: str
    words: int
    arabic: int
    latin: int
    stop_share: float
    reason: str | None = None

    @property
    def prose(self) -> bool:
        """Running prose: long enough and, when Arabic, dense in function words."""
        if self.words < PROSE_MIN_WORDS:
            return False
        if self.arabic >= self.latin:
            return self.stop_share >= PROSE_MIN_STOPWORD_SHARE and (self.words >= 15 or _ends(self.text))
        return _ends(self.text)


@dataclass(slots=True)
class Cleaned:
    title: str
    lines: list[Line]
    removed: list[Removed]
    meta: dict[str, str] = field(default_factory=dict)


REASONS = {
    "comment": "comment form",
    "share": "share buttons",
    "copyright": "copyright line",
    "timestamp": "timestamp line",
    "navigation": "navigation",
    "crumb": "navigation crumb",
    "related": "related-stories list",
    "address": "address",
    "source": "source line (kept in meta.source_line)",
    "advert": "advertisement",
    "tags": "tags line",
    "site": "repeated across this site's articles",
    "repeated": "repeated line",
    "repeated_short": "short line repeated in the article (site name or widget)",
    "latin_short": "short non-Arabic line (site name or widget label)",
    "tail": "after the article body (other stories, footer)",
    "header": "page header before the article (other headlines)",
    "empty": "no letters",
}


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    out = []
    for line in (DATA / "boilerplate_lines.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("phrase\t"):
            phrase, category, mode = line.split("\t")
            out.append(Rule(phrase, category, mode))
    return tuple(out)


@lru_cache(maxsize=1)
def exact_rules() -> dict[str, str]:
    """Bare phrase -> category for the whole-line rules (one dictionary look-up per line)."""
    return {rule.bare: rule.category for rule in reversed(rules()) if rule.mode == "exact"}


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    from marsad.ingest.encoding import arabic_stopwords

    return arabic_stopwords()


def _ends(text: str) -> bool:
    return bool(SENTENCE_END.search(text))


def _bare(key: str) -> str:
    """A line key without punctuation or required-field stars, spaces squeezed."""
    return " ".join("".join(" " if ch in PUNCT else ch for ch in key).split())


def make_line(index: int, raw_line: str) -> Line:
    text = " ".join(normalize_for_display(raw_line).split())
    key = match_key(text)
    tokens = [t.strip(PUNCT) for t in key.split()]
    arabic_tokens = [t for t in tokens if ARABIC_LETTER.search(t)]
    stops = sum(1 for t in arabic_tokens if t in stopwords())
    return Line(index, text, key, len(tokens), len(ARABIC_LETTER.findall(text)), len(LATIN_LETTER.findall(text)),
                stops / len(arabic_tokens) if arabic_tokens else 0.0)


def rule_category(line: Line) -> str | None:
    """The template category whose phrase this (short) line shows, if any."""
    if line.words > LEXICON_MAX_WORDS and "©" not in line.text:
        return None
    exact = exact_rules().get(_bare(line.key))
    if exact:
        return exact
    for rule in rules():
        if rule.category == "crumb" or rule.mode == "exact":
            continue
        if rule.mode == "prefix" and _starts(line.key, rule.phrase) and _prefix_shape(line, rule.category):
            return rule.category
        if rule.mode == "contains" and rule.phrase in line.key:
            return rule.category
    return None


def _starts(key: str, phrase: str) -> bool:
    return key.startswith(phrase) and (len(key) == len(phrase) or not key[len(phrase)].isalnum())


def _prefix_shape(line: Line, category: str) -> bool:
    if category == "address":
        return len(SEPARATORS.findall(line.text)) >= 2 or ":" in line.text[:15]
    if category == "source":
        return line.words <= SHORT_LINE_WORDS
    return line.words <= 10 and not line.prose


def is_timestamp(line: Line) -> bool:
    return line.words <= 12 and not line.prose and (bool(CLOCK.search(line.text)) or "gmt" in line.key.split())


def is_crumb(line: Line) -> bool:
    """A navigation crumb: short, no sentence, with menu words, separators or run-together items."""
    if line.words > SHORT_LINE_WORDS or _ends(line.text) or line.prose:
        return False
    menu = any(rule.phrase in line.key for rule in rules() if rule.category == "crumb")
    overlong = any(len(t) > OVERLONG_TOKEN for t in line.key.split() if ARABIC_LETTER.search(t))
    return menu or overlong or any(sep in line.text for sep in ("»", "›", " > ", " | ", " / "))


def is_section_label(line: Line, following: Line | None) -> bool:
    """A section name above the headline («أخبار التعليم»): a line of at most SECTION_WORDS words
    followed by a headline-shaped line (not prose, KICKER_MIN_WORDS words or more)."""
    return (line.words <= SECTION_WORDS and not _ends(line.text) and following is not None
            and not following.prose and following.words >= KICKER_MIN_WORDS)


def is_latin_short(line: Line, arabic_article: bool) -> bool:
    return arabic_article and line.arabic == 0 and line.words <= 8 and not _ends(line.text.rstrip("*"))


def repeated_phrase(key: str) -> bool:
    """The line is one phrase said several times («almaghribtoday almaghribtoday», a title twice)."""
    tokens = key.split()
    for size in range(1, len(tokens) // 2 + 1):
        if len(tokens) % size == 0 and tokens == tokens[:size] * (len(tokens) // size):
            return True
    return False


def mark_shapes(lines: list[Line], site_lines: frozenset[str], arabic_article: bool) -> None:
    """Reasons that a line shows by itself (template phrases, stamps, widget labels)."""
    for line in lines:
        if not (line.arabic or line.latin):
            line.reason = "empty"
        elif category := rule_category(line):
            line.reason = category
        elif line.key in site_lines:
            line.reason = "site"
        elif is_timestamp(line):
            line.reason = "timestamp"
        elif is_latin_short(line, arabic_article):
            line.reason = "latin_short"
        elif len(line.key.split()) >= 2 and repeated_phrase(line.key):
            line.reason = "repeated"


def mark_repeats(lines: list[Line]) -> None:
    """Lines seen before (also with a short prefix such as a site name) and short lines said twice."""
    counts = Counter(line.key for line in lines)
    seen: list[str] = []
    for position, line in enumerate(lines):
        if line.reason:
            continue
        if line.key in seen or (not line.prose and _contains_earlier(line, seen)):
            line.reason = "repeated"
        elif position > 0 and counts[line.key] > 1 and line.words <= SHORT_LINE_WORDS:
            line.reason = "repeated_short"
        else:
            seen.append(line.key)


def _contains_earlier(line: Line, seen: list[str]) -> bool:
    """The line is an earlier line of >= 4 words with at most 4 words added around it."""
    return any(len(key.split()) >= 4 and key in line.key and line.words - len(key.split()) <= 4 for key in seen)


def mark_header(lines: list[Line]) -> None:
    """When the headline is repeated before the first prose line, the page's article block starts at
    the repeat: the non-prose lines between the headline and its repeat are page header (other
    headlines, tickers)."""
    kept = [i for i, line in enumerate(lines) if not line.reason]
    if not kept:
        return
    title = lines[kept[0]]
    first_prose = next((i for i, line in enumerate(lines) if line.prose and not line.reason), len(lines))
    repeats = [i for i in range(kept[0] + 1, first_prose)
               if lines[i].reason == "repeated" and title.key in lines[i].key]
    for line in lines[kept[0] + 1 : repeats[-1] if repeats else 0]:
        if not line.reason and not line.prose:
            line.reason = "header"


def mark_crumbs(lines: list[Line]) -> None:
    """Crumbs stand before the first prose line; a section label only right above the headline."""
    for line in lines:
        if line.prose:
            break
        if not line.reason and is_crumb(line):
            line.reason = "crumb"
    kept = [line for line in lines if not line.reason]
    if len(kept) > 2 and is_section_label(kept[0], kept[1]) and any(line.prose for line in kept[2:5]):
        kept[0].reason = "crumb"


def mark_related_boxes(lines: list[Line]) -> None:
    """The headline links under «اقرأ أيضا» / «الأكثر قراءة»: non-prose lines up to the next prose line."""
    in_box = False
    for line in lines:
        if line.reason == "related":
            in_box = True
        elif line.prose and not line.reason:
            in_box = False
        elif in_box and not line.reason:
            line.reason = "related"


def mark_tail(lines: list[Line]) -> None:
    """After the body, a block of removed lines that holds a page-end template (comment form,
    copyright, address, site-name line) starts the tail: the rest is comments, other stories and
    footer. Blocks of share buttons or related links alone do not end the body."""
    prose_words = sum(line.words for line in lines if line.prose and not line.reason)
    run, terminal, seen_prose = 0, 0, 0
    for position, line in enumerate(lines):
        if line.reason and line.reason != "source":
            run += 1
            terminal += line.reason in PAGE_END
        else:
            run = terminal = 0
        if not line.reason and line.prose:
            seen_prose += line.words
        if run >= TAIL_BLOCK_LINES and terminal and seen_prose and _tail_starts(lines[position + 1 :], prose_words):
            for rest in lines[position + 1 :]:
                rest.reason = rest.reason or "tail"
            return


def _tail_starts(rest: list[Line], prose_words: int) -> bool:
    after = sum(line.words for line in rest if line.prose and not line.reason)
    return after < TAIL_BODY_SHARE * prose_words


def mark_trailing_fragments(lines: list[Line]) -> None:
    """Short non-prose lines after the last prose line that follow a removed line belong to the tail."""
    last = max((i for i, line in enumerate(lines) if line.prose and not line.reason), default=-1)
    removed_since = False
    for line in lines[last + 1 :]:
        if line.reason and line.reason != "source":
            removed_since = True
        elif removed_since and not _ends(line.text):
            line.reason = "tail"


def clean_lines(raw: str, site_lines: frozenset[str] = frozenset()) -> Cleaned:
    """Judge every line of ``raw``; return the kept lines, the removed ones with reasons, and metadata."""
    lines = [make_line(i, text) for i, text in enumerate(raw.split("\n")) if text.strip()]
    arabic_article = sum(line.arabic for line in lines) >= sum(line.latin for line in lines)
    mark_shapes(lines, site_lines, arabic_article)
    mark_repeats(lines)
    mark_crumbs(lines)
    mark_header(lines)
    mark_related_boxes(lines)
    mark_tail(lines)
    mark_trailing_fragments(lines)
    kept = [line for line in lines if not line.reason]
    removed = [Removed(line.text, REASONS[line.reason], line.index) for line in lines if line.reason]
    meta = text_meta(lines)
    return Cleaned(kept[0].text if kept else "", kept, removed, meta)


def text_meta(lines: list[Line]) -> dict[str, str]:
    """Metadata printed in the text: the source line (a relay source, not the outlet), the date line
    removed from the head of the article (for publication-date inference) and the byline."""
    meta: dict[str, str] = {}
    for line in reversed(lines):
        if line.reason == "source":
            value = line.text.split(":", 1)[-1].strip(" \"'«»“”") if ":" in line.text else line.text
            meta.update(source_line=line.text, source=value)
            break
    first_prose = next((i for i, line in enumerate(lines) if line.prose and not line.reason), len(lines))
    for line in lines[:first_prose]:
        if line.reason == "timestamp" and "date_line" not in meta:
            meta["date_line"] = line.text
        if not line.reason and BYLINE.match(line.key) and "byline" not in meta:
            meta["byline"] = line.text
    return meta


# --- outlet -------------------------------------------------------------------------------------

LATIN_NAME = re.compile(r"\b([a-z][a-z0-9]{3,}(?:\.[a-z]{2,6})?)\b")
COPYRIGHT_WORDS = re.compile(r"©|\(c\)|copyright|all rights reserved|جميع الحقوق محفوظة|كل الحقوق محفوظة|"
                             r"الحقوق محفوظة|حقوق النشر محفوظة|\b(?:19|20)\d{2}\b|[.,|\-–—]", re.I)
NOT_NAMES = frozenset({"gmt", "code", "security", "characters", "left", "rights", "reserved", "all", "share",
                       "comment", "email", "name", "print", "home", "menu", "search", "photo", "read", "more",
                       "tags", "this", "article", "copyright", "http", "https"})


def detect_outlet(removed: Iterable[Removed]) -> tuple[str | None, str]:
    """The site name from removed lines: a Latin name repeated in the footer, a repeated Arabic
    «<site> -» dateline prefix, or the copyright holder. Returns (outlet, evidence)."""
    removed = list(removed)
    names = Counter(m.lower() for r in removed for m in LATIN_NAME.findall(r.text.lower()) if m not in NOT_NAMES)
    if names and names.most_common(1)[0][1] >= 2:
        return names.most_common(1)[0][0], "a name repeated in the removed footer lines"
    prefixes = Counter(r.text.strip(" -–").strip() for r in removed if r.text.rstrip().endswith(("-", "–")))
    if prefixes and prefixes.most_common(1)[0][1] >= 2:
        return prefixes.most_common(1)[0][0], "a dateline prefix repeated in the article"
    for r in removed:
        if r.reason == REASONS["copyright"] and (holder := copyright_holder(r.text)):
            return holder, "the copyright line"
    return None, ""


def copyright_holder(text: str) -> str | None:
    """What a copyright line names once the copyright words, years and punctuation are gone."""
    holder = " ".join(COPYRIGHT_WORDS.sub(" ", text).split())
    return holder if holder and len(holder.split()) <= 6 else None


# --- language -----------------------------------------------------------------------------------

PERSIAN_LETTERS = re.compile("[پچژگکی]")


Classify = Callable[[str], tuple[str, float]]


def load_langid() -> Classify:
    """py3langid's classifier (its model ships in the wheel; loaded on first use, once per process)."""
    import py3langid

    return py3langid.classify


def paragraph_language(text: str, classify: Classify | None = None) -> str:
    """Language of a paragraph: Arabic script is Arabic (unless it reads as Persian/Urdu); other
    scripts go to py3langid."""
    arabic, latin = len(ARABIC_LETTER.findall(text)), len(LATIN_LETTER.findall(text))
    if arabic == 0 and latin == 0:
        return "und"
    if arabic >= latin:
        if len(PERSIAN_LETTERS.findall(text)) >= 3:
            language, _ = (classify or load_langid())(text)
            return language if language in ("fa", "ur", "ps", "ku") else "ar"
        return "ar"
    language, _ = (classify or load_langid())(text)
    return str(language)


def paragraphs_of(lines: list[Line], classify: Classify | None = None) -> tuple[str, list[Paragraph]]:
    text_parts: list[str] = []
    paragraphs: list[Paragraph] = []
    offset = 0
    for line in lines:
        paragraphs.append(Paragraph(offset, offset + len(line.text), paragraph_language(line.text, classify)))
        text_parts.append(line.text)
        offset += len(line.text) + 1
    return "\n".join(text_parts), paragraphs


def main_language(paragraphs: list[Paragraph]) -> str:
    sizes: Counter[str] = Counter()
    for paragraph in paragraphs:
        sizes[paragraph.language] += paragraph.end - paragraph.start
    sizes.pop("und", None)
    return sizes.most_common(1)[0][0] if sizes else "und"


# --- stages -------------------------------------------------------------------------------------


# A first line longer than this many words is a body paragraph, not a headline (Arabic news headlines
# run 5-15 words; seed 000 opens straight with a 60-word paragraph). Its title is shortened.
HEADLINE_MAX_WORDS = 20
SHORT_TITLE_WORDS = 12


def headline_from(line: str) -> str:
    """A title for a plain text whose first line is a body paragraph: the words before the first
    colon or comma when they are few enough, else the first words with an ellipsis."""
    words = line.split()
    if len(words) <= HEADLINE_MAX_WORDS:
        return line
    for mark in (":", "،"):
        head = line.split(mark, 1)[0].split()
        if 4 <= len(head) <= HEADLINE_MAX_WORDS:
            return " ".join(head) + " …"
    return " ".join(words[:SHORT_TITLE_WORDS]) + " …"


def _title(article: Article, cleaned: Cleaned) -> str:
    """A reader-given title (HTML/feed/JSON metadata) stays; a plain-text title is the first kept line,
    shortened when that line is a body paragraph rather than a headline."""
    raw_first = next((line.strip() for line in article.raw.split("\n") if line.strip()), "")
    given = " ".join(normalize_for_display(article.title).split())
    if given and given != " ".join(normalize_for_display(raw_first).split()):
        return given
    return headline_from(cleaned.title)


@stage("clean", "article", reads=["article.raw"],
       writes=["article.text", "article.title", "article.removed", "article.paragraphs", "article.language",
               "article.outlet"])
def clean(article: Article, resources: Resources) -> Article:
    """Remove boilerplate lines (kept in ``removed``), mark paragraph languages, find outlet and source."""
    site_lines = frozenset(article.meta.get("site_lines", ()))
    cleaned = clean_lines(article.raw, site_lines)
    article.text, article.paragraphs = paragraphs_of(cleaned.lines, resources.get("py3langid", load_langid))
    article.title = _title(article, cleaned)
    article.removed = cleaned.removed
    article.language = main_language(article.paragraphs)
    article.meta.update(cleaned.meta)
    if not article.outlet:
        outlet, evidence = detect_outlet(cleaned.removed)
        if outlet:
            article.outlet = outlet
            article.meta["outlet_evidence"] = evidence
    return article


@stage("split", "article", reads=["article.text", "article.paragraphs"], writes=["article.sentences"])
def split(article: Article, resources: Resources) -> Article:
    """Sentences of the cleaned text, each with the language of its paragraph."""
    sentences = []
    for index, (start, end) in enumerate(split_sentences(article.text)):
        sentences.append(Sentence(start, end, index, _language_at(article.paragraphs, start, article.language)))
    article.sentences = sentences
    return article


def _language_at(paragraphs: list[Paragraph], offset: int, default: str) -> str:
    for paragraph in paragraphs:
        if paragraph.start <= offset < paragraph.end:
            return paragraph.language
    return default


def site_of(article: Article) -> str | None:
    """The site an article comes from: its outlet, else the host of its URL."""
    if article.outlet:
        return article.outlet.casefold()
    if article.url:
        host = urlparse(article.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


@stage("learn_site_boilerplate", "corpus", reads=["article.raw"], writes=["article.meta"])
def learn_site_boilerplate(articles: list[Article], resources: Resources) -> list[Article]:
    """Short lines that recur across many articles of one site go to ``meta["site_lines"]``, which
    ``clean`` then removes (the cross-article repetition signal of boilerpipe/jusText practice)."""
    by_site: dict[str, dict[str, set[str]]] = defaultdict(dict)
    for article in articles:
        site = site_of(article)
        if site:
            by_site[site][article.id] = {k for k in _short_keys(article.raw)}
    for article in articles:
        site = site_of(article)
        if site and len(by_site[site]) >= SITE_MIN_ARTICLES:
            article.meta["site_lines"] = sorted(_frequent(by_site[site]))
    return articles


def _short_keys(raw: str) -> Iterable[str]:
    for text in raw.split("\n"):
        key = match_key(normalize_for_display(text))
        if key and len(key.split()) <= SITE_MAX_WORDS:
            yield key


def _frequent(keys_by_article: dict[str, set[str]]) -> set[str]:
    counts = Counter(key for keys in keys_by_article.values() for key in keys)
    floor = max(SITE_MIN_ARTICLES, SITE_MIN_SHARE * len(keys_by_article))
    return {key for key, count in counts.items() if count >= floor}
