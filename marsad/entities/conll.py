"""CoNLL NER files: reading, tag-set mapping onto PER/ORG/LOC/MISC, and the CoNLL entity-level scorer.

A file has one ``token TAG [TAG ...]`` line per token (space- or tab-separated) and a blank line
between sentences. Tags may be IOB1 or IOB2; ``spans`` follows ``conlleval``: a chunk starts at a
``B-`` tag, or at an ``I-`` tag whose type differs from the previous token's, and a predicted entity
counts only when its span and type match a gold one exactly.

Several corpora nest entities in extra tag columns (Wojood). ``read_conll`` keeps, for each token,
the outermost column whose type maps to one of ours: an outer type we drop (Wojood's OCC, DATE ...)
lets the entities nested inside it through.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from marsad.errors import MalformedInput

Tagged = list[tuple[str, str]]  # one sentence: (token, tag) pairs
TYPES = ("PER", "ORG", "LOC", "MISC")

# Types of each corpus onto ours; a type absent from a map becomes O. See models/MODEL_CARD.md.
COMMON: dict[str, str] = {"PER": "PER", "PERS": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC",
                          "MIS": "MISC", "GPE": "LOC"}
WOJOOD: dict[str, str] = {"PERS": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
                          "EVENT": "MISC", "PRODUCT": "MISC", "LAW": "MISC", "WEBSITE": "ORG",
                          "LANGUAGE": "MISC"}
# WikiFANE fine classes (Alotaibi & Lee 2014, ACE-style): PER, ORG, GPE/LOC/FAC, the rest MISC;
# "Group" (العرب, المسلمين) is a people, which news corpora leave untagged: O.
WIKIFANE: dict[str, str] = {
    **{t: "PER" for t in ("Politician", "Religious_PER", "Artist", "Other_PER", "Scientist", "Athlete",
                          "Businessperson", "Engineer", "Lawyer", "Police")},
    **{t: "ORG" for t in ("Government", "Commercial", "Educational", "Media", "Religious_ORG", "Sports",
                          "Medical-Science", "Entertainment", "Non-Governmental")},
    **{t: "LOC" for t in ("Nation", "Population-Center", "State-or-Province", "County-or-District",
                          "GPE-Cluster", "Continent", "Water-Body", "Land-Region-Natural", "Celestial",
                          "Building-Grounds", "Airport", "Path", "Subarea-Facility", "Address",
                          "Boundary")},
    **{t: "MISC" for t in ("Book", "Movie", "Sound", "Software", "Hardware", "Food", "Drug", "Air", "Land",
                           "Water", "Plant", "Projectile", "Nuclear", "Shooting", "Blunt", "Exploding",
                           "Chemical", "Sharp", "Biological")},
}
TAG_MAPS: dict[str, dict[str, str]] = {"common": COMMON, "wojood": WOJOOD, "wikifane": WIKIFANE,
                                       "identity": {}}


def split_tag(tag: str) -> tuple[str, str]:
    """('B'|'I'|'O', type) of a tag; accepts B-X, I-X, X-B (rare), and O."""
    if tag in ("O", "", "_"):
        return "O", ""
    if len(tag) > 2 and tag[1] in "-_" and tag[0] in "BIESbies":
        prefix = tag[0].upper()
        return ("B" if prefix in "BS" else "I"), tag[2:]
    return "I", tag  # a bare type: IOB1-like inside tag


def map_tag(tag: str, mapping: Mapping[str, str] | None) -> str:
    """Map a tag's type through ``mapping`` (None or empty = keep); unmapped types become O."""
    prefix, kind = split_tag(tag)
    if prefix == "O":
        return "O"
    if mapping:
        kind = mapping.get(kind, "")
        if not kind:
            return "O"
    return f"{prefix}-{kind}"


def _pick(tags: list[str], mapping: Mapping[str, str] | None) -> str:
    for tag in tags:
        mapped = map_tag(tag, mapping)
        if mapped != "O":
            return mapped
    return "O"


_MARKS = str.maketrans("", "", "\ufeff\u200e\u200f")


def parse_conll(lines: Iterable[str], mapping: Mapping[str, str] | None = None,
                source: str = "<lines>") -> Iterator[Tagged]:
    """Sentences of (token, tag) from CoNLL lines; BOM, CR and LRM/RLM marks are stripped."""
    sentence: Tagged = []
    for number, raw in enumerate(lines, 1):
        parts = raw.split()
        if not parts:
            if sentence:
                yield sentence
            sentence = []
            continue
        token = parts[0].translate(_MARKS)
        if len(parts) < 2:
            raise MalformedInput(f"line {number}: expected 'token TAG', got {raw.strip()[:40]!r}", source=source)
        if token:  # a token made only of bidi marks carries nothing
            sentence.append((token, _pick(parts[1:], mapping)))
    if sentence:
        yield sentence


def read_conll(path: str | Path, mapping: Mapping[str, str] | None = None) -> list[Tagged]:
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig") as handle:
            return list(parse_conll(handle, mapping, str(path)))
    except (OSError, UnicodeDecodeError) as exc:
        raise MalformedInput(f"cannot read CoNLL file: {exc}", source=str(path)) from exc


def to_iob2(tags: list[str]) -> list[str]:
    """Rewrite IOB1 (or mixed) tags as IOB2: every chunk starts with B-."""
    out: list[str] = []
    previous = "O"
    for tag in tags:
        prefix, kind = split_tag(tag)
        if prefix == "O":
            out.append("O")
        elif prefix == "I" and split_tag(previous)[1] == kind and previous != "O":
            out.append(f"I-{kind}")
        else:
            out.append(f"B-{kind}")
        previous = out[-1]
    return out


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity chunks (start, end exclusive, type) of a tag sequence, conlleval-style."""
    found: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, this = split_tag(tag)
        begins = prefix == "B" or (prefix == "I" and this != kind)
        if kind and (prefix == "O" or begins):
            found.add((start, i, kind))
            kind = ""
        if prefix != "O" and begins:
            start, kind = i, this
    return found


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Scores:
    per_type: dict[str, Counts] = field(default_factory=dict)
    micro: Counts = field(default_factory=Counts)
    tokens: int = 0

    def add(self, gold: list[str], pred: list[str]) -> None:
        g, p = spans(gold), spans(pred)
        self.tokens += len(gold)
        for chunk_set, attr in ((g & p, "tp"), (p - g, "fp"), (g - p, "fn")):
            for _, _, kind in chunk_set:
                counts = self.per_type.setdefault(kind, Counts())
                setattr(counts, attr, getattr(counts, attr) + 1)
                setattr(self.micro, attr, getattr(self.micro, attr) + 1)

    def table(self) -> str:
        rows = [f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
        for kind, c in sorted(self.per_type.items()) + [("micro", self.micro)]:
            rows.append(f"{kind:<6} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} "
                        f"{c.tp + c.fn:6d} {c.tp + c.fp:6d}")
        return "\n".join(rows)


def score(gold: Iterable[list[str]], pred: Iterable[list[str]]) -> Scores:
    """Entity-level scores of predicted tag sequences against gold ones (same lengths)."""
    scores = Scores()
    for g, p in zip(gold, pred, strict=True):
        if len(g) != len(p):
            raise MalformedInput(f"sentence lengths differ: {len(g)} gold vs {len(p)} predicted tags")
        scores.add(g, p)
    return scores


def read_conll_pairs(path: str | Path, mapping: Mapping[str, str] | None = None) -> list[tuple[list[str], list[str]]]:
    """(gold tags, predicted tags) per sentence of a ``token GOLD PRED`` file (conlleval's input)."""
    out: list[tuple[list[str], list[str]]] = []
    gold: list[str] = []
    pred: list[str] = []
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise MalformedInput(f"cannot read CoNLL file: {exc}", source=str(path)) from exc
    for number, line in enumerate([*lines, ""], 1):
        parts = line.split()
        if not parts:
            if gold:
                out.append((gold, pred))
            gold, pred = [], []
        elif len(parts) < 3:
            raise MalformedInput(f"line {number}: expected 'token GOLD PRED'", source=str(path))
        else:
            gold.append(map_tag(parts[-2], mapping))
            pred.append(map_tag(parts[-1], mapping))
    return out
