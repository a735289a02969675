"""The quote lexicons (data files under marsad/data/), loaded lazily and cached per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
VERBS_PATH = DATA / "reporting_verbs.tsv"
RELAYS_PATH = DATA / "relay_patterns.tsv"
MEDIA_PATH = DATA / "media_heads.tsv"
SPEAKER_WORDS_PATH = DATA / "speaker_words.tsv"
BARE_OPENERS_PATH = DATA / "bare_speech_openers.tsv"


@dataclass(frozen=True, slots=True)
class Cue:
    """One reporting-verb form of the lexicon."""

    form: str
    lemma: str
    kind: str
    pos: str
    prep: str  # "-", "obj", or the preposition that may introduce a nominal content
    quote: str  # yes | no | impersonal
    needs: str  # "-" or a word that must follow within a few words (alternatives joined by «|»)

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.form.split())


def read_rows(path: Path) -> list[list[str]]:
    """Rows of a TSV lexicon without its comment lines and header."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows[1:]


@lru_cache(maxsize=1)
def cues() -> dict[str, Cue]:
    """Reporting-verb forms keyed by their normalised form (single words and phrases)."""
    return {row[0]: Cue(*row[:7]) for row in read_rows(VERBS_PATH)}


@lru_cache(maxsize=1)
def phrase_cues() -> tuple[Cue, ...]:
    return tuple(c for c in cues().values() if len(c.words) > 1)


@lru_cache(maxsize=1)
def phrase_cues_by_first_word() -> dict[str, tuple[Cue, ...]]:
    """Phrase cues indexed by their first word, so a token is checked only against phrases it can start."""
    index: dict[str, list[Cue]] = {}
    for cue in phrase_cues():
        index.setdefault(cue.words[0], []).append(cue)
    return {first: tuple(rows) for first, rows in index.items()}


@lru_cache(maxsize=1)
def relay_phrases() -> tuple[tuple[tuple[str, ...], str], ...]:
    """Relay phrases as (words, kind), longest first so «وفقا لما نقلته» wins over «وفقا»; not the figure nouns."""
    rows = [(tuple(row[0].split()), row[1]) for row in read_rows(RELAYS_PATH) if row[1] != "figures"]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def figure_nouns() -> frozenset[str]:
    """Nouns of figures and data («الأرقام», «تقديرات», «السعر»), without the article: «according to» them names no
    speaker unless their genitive does. The ``figures`` rows of ``data/relay_patterns.tsv``."""
    return frozenset(row[0] for row in read_rows(RELAYS_PATH) if row[1] == "figures")


@lru_cache(maxsize=1)
def outlet_heads() -> frozenset[str]:
    """Head nouns of news outlets («صحيفة», «وكالة»), with and without the article: what an outlet reports
    another speaker saying is relayed. From ``data/media_heads.tsv`` (shared with entities and dates), the
    rows naming an organisation (not «برنامج», a programme)."""
    heads = [row[0] for row in read_rows(MEDIA_PATH) if row[1] == "ORG"]
    return frozenset(heads) | frozenset("ال" + h for h in heads)


@lru_cache(maxsize=1)
def programme_heads() -> frozenset[str]:
    """Head nouns of programmes («برنامج»): the MISC rows of media_heads.tsv."""
    return frozenset(row[0] for row in read_rows(MEDIA_PATH) if row[1] == "MISC")


@lru_cache(maxsize=1)
def title_adjectives() -> frozenset[str]:
    """Indefinite adjectives of an unnamed title («مسؤول آخر», «مصدر رفيع»): never a name after it. ``data/title_adjectives.tsv``."""
    return frozenset(row[0] for row in read_rows(DATA / "title_adjectives.tsv"))


@lru_cache(maxsize=1)
def definite_given_names() -> frozenset[str]:
    """Given names written with the article («الحسين», «المهدي»): a name's first word. ``data/definite_given_names.tsv``."""
    return frozenset(row[0] for row in read_rows(DATA / "definite_given_names.tsv"))


@lru_cache(maxsize=1)
def outlet_names() -> tuple[tuple[str, ...], ...]:
    """Outlet names written without the article (``data/outlet_names.tsv``), as word tuples, longest first."""
    names = [tuple(row[0].split()) for row in read_rows(DATA / "outlet_names.tsv")]
    return tuple(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def outlet_names_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """``outlet_names`` indexed by their first word (longest first), so a word is checked only against its own."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for name in outlet_names():
        index.setdefault(name[0], []).append(name)
    return {first: tuple(names) for first, names in index.items()}


@lru_cache(maxsize=1)
def speaker_words() -> dict[str, str]:
    return {row[0]: row[1] for row in read_rows(SPEAKER_WORDS_PATH)}


@lru_cache(maxsize=16)
def words_of_kind(kind: str) -> frozenset[str]:
    return frozenset(w for w, k in speaker_words().items() if k == kind)


@lru_cache(maxsize=1)
def bare_openers() -> frozenset[str]:
    """Words that open speech reported with no introducer («وقال إبراهيم ليت ...»), from ``data/bare_speech_openers.tsv``."""
    return frozenset(row[0] for row in read_rows(BARE_OPENERS_PATH))

