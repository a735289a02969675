"""Gold quote sets whose passages come from a licensed corpus are stored WITHOUT the corpus text.

A passage taken from ANERcorp (``../shared/data/ner/anercorp/train.txt``) keeps only the numbers of its
sentences (0-based, file order), the SHA-1 of its text and the offsets of its quotes; ``load_gold``
rebuilds the text from the corpus with ``detokenise`` and checks the hash, so the repository never
holds the raw data. Passages written by the team keep their text.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError

CLOSE_GLUE = frozenset({".", "،", ",", ":", "؛", "?", "؟", "!", ")", "%"})
END = "\x00"  # sentence boundary inside a passage: an open quotation closes there


def read_conll_sentences(path: Path) -> list[list[str]]:
    """Token lists of a CoNLL file (the entities package's reader, tags dropped)."""
    from marsad.entities.conll import read_conll

    return [[token for token, _ in sentence] for sentence in read_conll(path)]


def _tokens(sentences: list[list[str]]) -> list[str]:
    """Tokens with sentence ends marked; ANERcorp's two apostrophes read as one quotation mark."""
    flat = [t for s in sentences for t in [*s, END]]
    out: list[str] = []
    k = 0
    while k < len(flat):
        if flat[k] == "'" and k + 1 < len(flat) and flat[k + 1] == "'":
            out.append('"')
            k += 2
        else:
            out.append(flat[k])
            k += 1
    return out


def detokenise(sentences: list[list[str]]) -> str:
    """Readable text of tokenised sentences: punctuation glued, quotation marks paired per sentence."""
    tokens = _tokens(sentences)
    out, in_quote, glue_next = "", False, False
    for n, t in enumerate(tokens):
        if t == END:
            in_quote = False
        elif t == '"':
            following = tokens[n + 1] if n + 1 < len(tokens) else END
            if not in_quote and following not in CLOSE_GLUE and following != END:
                out, in_quote, glue_next = out + (" " if out else "") + t, True, True
            else:
                out, in_quote = out.rstrip() + t, False
        elif t in ("«", "("):
            out, glue_next = out + (" " if out else "") + t, True
        elif t == "»":
            out = out.rstrip() + t
        elif t in CLOSE_GLUE or glue_next:
            out, glue_next = out + t, False
        else:
            out += (" " if out else "") + t
    return out


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def load_gold(path: str | Path, anercorp: str | Path | None = None) -> dict[str, Any]:
    """A gold file with every passage's ``text`` and every quote's ``text`` filled in.

    ``anercorp``: the corpus file passages were taken from (needed only when some passage has
    ``sentences`` and no ``text``)."""
    gold: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    corpus: list[list[str]] | None = None
    for name, passage in gold["articles"].items():
        if "text" not in passage and "sentences" in passage:
            if anercorp is None or not Path(anercorp).exists():
                raise ConfigError(f"passage {name} is rebuilt from ANERcorp, which is not at {anercorp}", source=str(path))
            corpus = corpus or read_conll_sentences(Path(anercorp))
            passage["text"] = detokenise([corpus[k] for k in passage["sentences"]])
            if _sha1(passage["text"]) != passage.get("text_sha1"):
                raise ConfigError(f"passage {name} does not rebuild to the annotated text", source=str(path))
        for quote in passage.get("quotes", []):
            quote.setdefault("text", passage.get("text", "")[quote["start"] : quote["end"]])
    return gold


def strip_corpus_text(gold: dict[str, Any], anercorp: Path) -> dict[str, Any]:
    """The storable form: ANERcorp passages lose their text (kept as a hash) after a rebuild check."""
    corpus = read_conll_sentences(anercorp)
    for name, passage in gold["articles"].items():
        if "sentences" not in passage or "text" not in passage:
            continue
        rebuilt = detokenise([corpus[k] for k in passage["sentences"]])
        if rebuilt != passage["text"]:
            raise ConfigError(f"passage {name} does not rebuild from ANERcorp", source=str(anercorp))
        for quote in passage["quotes"]:
            assert passage["text"][quote["start"] : quote["end"]] == quote["text"], (name, quote["text"])
            del quote["text"]
        passage["text_sha1"] = _sha1(passage.pop("text"))
    return gold
