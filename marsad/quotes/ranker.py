"""Experiment (issue 5): choose a quote's speaker by ranking candidates with a learned scorer.

The hand rules pick one speaker per quote. Here every quote gets a list of candidates — the speaker
phrases of its sentence and the two before it (read with the rules' own phrase reader), role phrases
resolved to a person named earlier, the rules' choice and the speakers of earlier quotes (carry-over) —
each described by structure only (where it stands relative to the cue, its type, whether the rules or the
previous quote chose it, ...; never the words of a name), and a logistic model scores them. A candidate
lying inside the quote itself never wins (issue 5's rule).

This module is NOT wired into extraction: the comparison (``benchmarks/bench_speaker_ranker.py``) did not
show the clear gain asked for (+0.02 speaker accuracy). Trained with the rules' choice as a feature, the model
learns to follow the rules (they are right on 96% of dev, the data it learns from) and differs from them on
one or two quotes of dev2; without it (structure only) it is 0.13 below them. Training uses numpy only
(L2-regularised Newton iterations, deterministic): pointwise logistic regression (``train``) or a listwise
softmax over each quote's candidates (``train_softmax``).

Round 3 (three dev sets; ``benchmarks/bench_speaker_ranker.py --repeats 10``): grouped CV by passage over
dev + dev2 + dev3 (890 matched quotes, seeds as training only, ridge by inner CV) gives model 0.959 vs rules 0.956
(+0.003, per-fold +0.003 ± 0.004; dev +0.000, dev2 +0.009, dev3 +0.014; 3 quotes won, none lost), the same with
entity mentions and with or without the round-3 features (clause distance, subject slot, tagger type, verb-gender
agreement); structure only 0.821 (0.820 without them). Still below the +0.02 asked for: not wired in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

import numpy as np

from marsad.model import Article, Quote
from marsad.quotes.lexicon import Cue, speaker_words
from marsad.quotes.names import (
    Speaker,
    female_names,
    name_words,
    same_name,
)
from marsad.quotes.roles import Registry
from marsad.quotes.score import match, speaker_matches
from marsad.quotes.speakers import (
    MAX_ROLE_PHRASE_WORDS,
    leading_phrase,
    parse_speaker,
)
from marsad.quotes.tokens import COMPLEMENTIZERS, Tok, cue_of, is_boundary, sentence_tokens, word_kind
from marsad.text.normalize import match_key

WINDOW = 2  # sentences before the quote's own searched for candidates (the experiment brief)
CARRY_KINDS = frozenset({"add", "continue"})  # «وأضاف», «وتابع»: the last speaker goes on
SOURCE_WORDS = frozenset({"عن", "حسب", "بحسب", "وبحسب", "وفقا", "نقلا", "لسان"})
BASE_FEATURES = (
    "bias", "before", "after", "log_dist", "back0", "back1", "back2", "carry_only", "adj_after", "adj_before",
    "PER", "ORG", "ROLE", "NAME", "role_resolved", "has_role", "in_quote", "after_source", "after_lam",
    "rules", "rules_like", "prev", "prev_like", "earlier", "log_count", "words", "sentence_first",
    "rules_x_carry", "prev_x_carry", "after_x_direct", "before_x_direct", "adj_after_x_carry",
    "rules_x_log_cands", "rules_x_no_adjacent",
)
# Added in round 3 of the experiment (issue 5, three dev sets): clause distance, the subject slot right after the
# verb, the entity tagger's type for the phrase (only when the article carries mentions) and verb-gender agreement.
NEW_FEATURES = ("subject", "log_clauses", "same_clause", "tag_PER", "tag_ORG", "gender_agree", "gender_clash")
FEATURES = BASE_FEATURES + NEW_FEATURES
CLAUSE_MARKS = frozenset("،,؛;:.?!؟")


@dataclass(slots=True)
class Candidate:
    """One possible speaker of a quote, with its structural features (name of feature -> value)."""

    name: str
    kind: str
    feats: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Example:
    """A matched quote: its candidates, which of them name the gold speaker, and the rules' verdict."""

    passage: str
    candidates: list[Candidate]
    labels: list[bool]
    rules_ok: bool
    gold: tuple[str, ...]
    x: np.ndarray = field(default_factory=lambda: np.zeros((0, len(FEATURES))))  # matrix(candidates), built once


def _window_tokens(article: Article, sentence: int) -> list[tuple[int, list[Tok]]]:
    """(sentences back, tokens) of the quote's sentence and the WINDOW sentences before it."""
    spans = {s.index: (s.start, s.end) for s in article.sentences}
    out = []
    for back in range(WINDOW, -1, -1):
        if sentence - back in spans:
            start, end = spans[sentence - back]
            out.append((back, sentence_tokens(article.text, start, end)))
    return out


def _phrase_starts(toks: list[Tok]) -> list[int]:
    """Token indexes where a speaker phrase may start: after a boundary or a cue, or at a role/organisation word."""
    out = []
    for k, tok in enumerate(toks):
        if not tok.is_word or is_boundary(tok) or cue_of(tok) is not None:
            continue
        prev = toks[k - 1] if k else None
        if prev is None or is_boundary(prev) or cue_of(prev) is not None \
                or (word_kind(tok) in ("role", "org") and word_kind(prev) not in ("role", "org")):
            out.append(k)
    return out


def _cue_index(toks: list[Tok], quote: Quote) -> int:
    """The cue's token in the quote's sentence: the last one spelled like ``quote.cue`` before the quote, else
    the first after it; the quote's first token when the cue is not found."""
    first = quote.cue.split()[0] if quote.cue.split() else ""
    same = [k for k, t in enumerate(toks) if first and t.text == first]
    before = [k for k in same if toks[k].start < quote.start]
    if before:
        return before[-1]
    if same:
        return same[0]
    inside = [k for k, t in enumerate(toks) if t.start >= quote.start]
    return inside[0] if inside else max(len(toks) - 1, 0)


class Reading(NamedTuple):
    """A speaker phrase read in the window: token offsets count from the cue (negative: before it)."""

    speaker: Speaker
    back: int  # sentences before the quote's own
    first: int
    last: int
    opens: bool  # the phrase opens its sentence
    clauses: int  # clause marks (punctuation, another cue, a complementizer) between the phrase and the cue


def _clause_marks(toks: Sequence[Tok]) -> int:
    return sum(t.text in CLAUSE_MARKS or t.key in COMPLEMENTIZERS or (t.is_word and cue_of(t) is not None)
               for t in toks)


def _phrase_candidates(article: Article, quote: Quote) -> list[Reading]:
    """Every speaker phrase read from the window, in text order."""
    window = _window_tokens(article, quote.sentence)
    flat = [t for _, toks in window for t in toks]
    own = window[-1][1] if window else []
    cue_tok = own[_cue_index(own, quote)] if own else None
    cue_at = flat.index(cue_tok) if cue_tok is not None else 0
    out = []
    base = 0
    for back, toks in window:
        for k in _phrase_starts(toks):
            phrase = leading_phrase(toks[k : k + MAX_ROLE_PHRASE_WORDS])
            found = parse_speaker(article.text, phrase) if phrase else None
            if found is not None:
                first, last = base + k - cue_at, base + k + len(phrase) - 1 - cue_at
                between = flat[cue_at + 1 : cue_at + first] if first > 0 else flat[cue_at + last + 1 : cue_at]
                out.append(Reading(found, back, first, last, k == 0, _clause_marks(between)))
        base += len(toks)
    return out


def _add(cands: dict[frozenset[str], Candidate], name: str, kind: str, feats: dict[str, float]) -> Candidate:
    """One candidate per name (its words' skeletons); a later reading closer to the cue replaces the features."""
    key = frozenset(name_words(name))
    old = cands.get(key)
    count = (old.feats.get("count", 0.0) if old else 0.0) + (not feats.get("carry_only"))  # readings in the window
    if old is None or feats.get("carry_only", 0.0) < old.feats.get("carry_only", 0.0) \
            or (not feats.get("carry_only") and feats.get("abs_dist", 99) < old.feats.get("abs_dist", 99)):
        cands[key] = Candidate(name, kind, {**(old.feats if old else {}), **feats})
    cands[key].feats["count"] = count
    return cands[key]


def _position(speaker: Speaker, back: int, first: int, last: int, quote: Quote) -> dict[str, float]:
    dist = min(abs(first), abs(last)) if first * last > 0 else 0
    return {"subject": float(back == 0 and first == 1),"before": float(last < 0), "after": float(first > 0), "abs_dist": float(dist),
            "log_dist": float(np.log1p(dist)), f"back{back}": 1.0,
            "adj_after": float(back == 0 and 0 < first <= 2), "adj_before": float(back == 0 and -2 <= last < 0),
            speaker.kind: 1.0, "has_role": float(bool(speaker.role)),
            "in_quote": float(quote.start <= speaker.start < quote.end)}


def candidates(article: Article, quote: Quote, earlier: Sequence[Quote], with_rules: bool = True) -> list[Candidate]:
    """Every candidate speaker of ``quote``; ``earlier``: the article's quotes before it (rules' speakers).

    ``with_rules=False`` leaves out the rules' choice for this quote (candidate and flags): a purely
    structural chooser."""
    cands: dict[frozenset[str], Candidate] = {}
    registry = Registry()
    verb = cue_gender(quote.cue)
    for speaker, back, first, last, opens, clauses in _phrase_candidates(article, quote):
        feats = _position(speaker, back, first, last, quote)
        feats["log_clauses"] = float(np.log1p(clauses + back))
        feats["same_clause"] = float(clauses == 0 and back == 0)
        tagged = mention_type(article, speaker.start, speaker.end)
        if tagged:
            feats[f"tag_{tagged}"] = 1.0
        feats["after_source"] = float(_before_word(article.text, speaker.start) in SOURCE_WORDS)
        feats["after_lam"] = float(article.text[speaker.start : speaker.start + 1] == "ل")
        feats["sentence_first"] = float(opens)
        feats["words"] = min(len(speaker.name.split()), 6) / 6
        _add(cands, speaker.name, speaker.kind, feats)
        if speaker.kind == "ROLE":
            resolved = registry.resolve_role(speaker, speaker.start)
            if resolved.name != speaker.name:
                _add(cands, resolved.name, resolved.kind, {**feats, "role_resolved": 1.0, "ROLE": 0.0})
        registry.add(speaker)
    previous = [q.speaker for q in earlier if q.speaker]
    for name in reversed(list(dict.fromkeys(reversed(previous)))[:3]):
        _add(cands, name, "CARRY", {"carry_only": 1.0, "earlier": 1.0, "abs_dist": 99.0})
    if quote.speaker and with_rules:
        _add(cands, quote.speaker, "CARRY", {"carry_only": 1.0, "abs_dist": 99.0})
    for c in cands.values():
        gender = name_gender(c.name)
        c.feats["gender_agree"] = float(bool(verb and gender) and verb == gender)
        c.feats["gender_clash"] = float(bool(verb and gender) and verb != gender)
    return _flag(list(cands.values()), quote if with_rules else replace(quote, speaker=None),
                 previous[-1] if previous else None)


def mention_type(article: Article, start: int, end: int) -> str:
    """PER or ORG when an entity mention of that type overlaps [start, end) (PER first); "" otherwise."""
    if start < 0:
        return ""
    types = {m.type for m in article.mentions if m.start < end and start < m.end}
    return "PER" if "PER" in types else "ORG" if "ORG" in types else ""


def _cue_gender(cue: Cue) -> str:
    """"f" for «قالت», «تضيف», «مضيفة»; "m" for «قال», «يضيف», «مضيفا»; "" when the form does not say
    (carry.verb_gender's reading, extended to participles)."""
    form = cue.form
    if cue.pos == "past":
        return "f" if form.endswith("ت") else "" if form.endswith(("وا", "ا")) else "m"
    if cue.pos == "present":
        return "f" if form.startswith("ت") else "m" if form.startswith("ي") else ""
    if cue.pos == "participle":
        return "f" if form.endswith("ه") else "m" if form.endswith("ا") else ""
    return ""


def cue_gender(cue_text: str) -> str:
    """Gender marked on a quote's reporting verb (its first word), "" when unmarked or not a lexicon verb."""
    words = cue_text.split()
    found = cue_of(Tok(words[0], 0, 0, match_key(words[0]))) if words else None
    return _cue_gender(found) if found is not None else ""


def _bare(key: str) -> list[str]:
    out = [key]
    if key.startswith(("و", "ف")) and len(key) > 3:
        out.append(key[1:])
    out.extend(k[2:] for k in list(out) if k.startswith("ال") and len(k) > 4)
    return out


def name_gender(name: str) -> str:
    """"f" for a female given name first, or a role/organisation head ending in ة (الوزيرة، وزارة); "m" otherwise;
    "" for an empty name."""
    keys = match_key(name).split()
    if not keys:
        return ""
    if any(k in female_names() for k in _bare(keys[0])):
        return "f"
    words = speaker_words()
    for key in keys[:3]:
        if any(words.get(k) in ("role", "org") for k in _bare(key)):
            return "f" if key.endswith("ه") else "m"
    return "m"


def _before_word(text: str, start: int) -> str:
    from marsad.text.normalize import match_key

    words = text[max(0, start - 20) : start].split()
    return match_key(words[-1]) if words else ""


def _flag(cands: list[Candidate], quote: Quote, prev: str | None) -> list[Candidate]:
    """Flags that need the whole list: the rules' choice, the previous speaker, and their interactions."""
    cue = cue_of(Tok(quote.cue, 0, 0, _key(quote.cue.split()[0]))) if quote.cue.split() else None
    carry = float(cue is not None and (cue.kind in CARRY_KINDS or cue.pos == "participle"))
    direct = float(quote.kind == "direct")
    adjacent = any(c.feats.get("adj_after") or c.feats.get("adj_before") for c in cands)
    for c in cands:
        f = c.feats
        f["rules"] = float(bool(quote.speaker) and name_words(c.name) == name_words(quote.speaker or ""))
        f["rules_like"] = float(bool(quote.speaker) and same_name(c.name, quote.speaker or ""))
        f["prev"] = float(prev is not None and name_words(c.name) == name_words(prev))
        f["prev_like"] = float(prev is not None and same_name(c.name, prev))
        f["log_count"] = float(np.log1p(f.get("count", 1.0)))
        f["rules_x_carry"] = f["rules"] * carry
        f["prev_x_carry"] = f["prev_like"] * carry
        f["after_x_direct"] = f.get("after", 0.0) * direct
        f["before_x_direct"] = f.get("before", 0.0) * direct
        f["adj_after_x_carry"] = f.get("adj_after", 0.0) * carry
        f["rules_x_log_cands"] = f["rules"] * float(np.log(len(cands)))
        f["rules_x_no_adjacent"] = f["rules"] * float(not adjacent)
        f["bias"] = 1.0
    return cands


def _key(word: str) -> str:
    from marsad.text.normalize import match_key

    return match_key(word)


def matrix(cands: Sequence[Candidate], features: Sequence[str] = FEATURES) -> np.ndarray:
    """Feature rows in ``features`` order (FEATURES by default)."""
    return np.array([[c.feats.get(name, 0.0) for name in features] for c in cands], dtype=float).reshape(-1, len(features))


def examples(name: str, article: Article, predicted: Sequence[Quote], gold: Sequence[Mapping[str, Any]],
             with_rules: bool = True) -> list[Example]:
    """One Example per gold quote matched by a predicted quote (the bench's matching)."""
    out = []
    for i, j in sorted(match(predicted, gold)):
        q, g = predicted[i], gold[j]
        cands = candidates(article, q, predicted[:i], with_rules)
        labels = [speaker_matches(c.name, g["speaker"]) for c in cands]
        out.append(Example(name, cands, labels, speaker_matches(q.speaker, g["speaker"]), tuple(g["speaker"]),
                           matrix(cands)))
    return out


def train(data: Sequence[Example], l2: float = 1.0, steps: int = 25, features: Sequence[str] = FEATURES) -> np.ndarray:
    """Logistic-regression weights (``features`` order) over the candidates of examples with a correct candidate.

    ``l2``: ridge penalty (default 1.0, read from dev cross-validation; the bench picks it by inner CV); Newton steps."""
    rows = [(_rows(e, features), np.array(e.labels, dtype=float)) for e in data if any(e.labels)]
    x = np.vstack([r[0] for r in rows])
    y = np.concatenate([r[1] for r in rows])
    w = np.zeros(x.shape[1])
    penalty = l2 * np.eye(x.shape[1])
    penalty[0, 0] = 0.0  # no penalty on the bias
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + penalty @ w
        hess = x.T @ (x * (p * (1 - p))[:, None]) + penalty + 1e-9 * np.eye(x.shape[1])
        w -= np.linalg.solve(hess, grad)
    return w


def _listwise_loss(groups: Sequence[tuple[np.ndarray, np.ndarray]], w: np.ndarray, penalty: np.ndarray) -> float:
    total = 0.5 * float(w @ penalty @ w)
    for x, t in groups:
        z = x @ w
        total += float(np.log(np.exp(z - z.max()).sum()) + z.max() - t @ z)
    return total


def train_softmax(data: Sequence[Example], l2: float = 1.0, steps: int = 25,
                  features: Sequence[str] = FEATURES) -> np.ndarray:
    """Conditional-logit (listwise) weights: a softmax over each quote's candidates, the correct ones sharing
    the target; same penalty as ``train``, Newton steps halved until the loss falls."""
    groups = [(_rows(e, features), np.array(e.labels, dtype=float) / sum(e.labels))
              for e in data if any(e.labels)]
    d = len(features)
    w = np.zeros(d)
    penalty = l2 * np.eye(d)
    penalty[0, 0] = 1.0  # the bias cancels in a softmax: keep it at zero
    for _ in range(steps):
        grad, hess = penalty @ w, penalty + 1e-9 * np.eye(d)
        for x, t in groups:
            z = x @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            grad = grad + x.T @ (p - t)
            hess = hess + x.T @ (x * p[:, None]) - np.outer(x.T @ p, x.T @ p)
        step, before = np.linalg.solve(hess, grad), _listwise_loss(groups, w, penalty)
        size = 1.0
        while size > 1e-4 and _listwise_loss(groups, w - size * step, penalty) > before:
            size /= 2
        w = w - size * step
    return w


def choose(weights: np.ndarray, cands: Sequence[Candidate], features: Sequence[str] = FEATURES) -> Candidate | None:
    """The top-scoring candidate; one inside the quote never wins (ties: the first in list order)."""
    allowed = [c for c in cands if not c.feats.get("in_quote")]
    if not allowed:
        return None
    scores = matrix(allowed, features) @ weights
    return allowed[int(np.argmax(scores))]


def _rows(e: Example, features: Sequence[str]) -> np.ndarray:
    """The example's feature rows in ``features`` order (from its prebuilt matrix when it has one)."""
    if e.x.shape[0] != len(e.candidates):
        return matrix(e.candidates, features)
    return e.x[:, [FEATURES.index(name) for name in features]]


def correct(weights: np.ndarray, data: Sequence[Example], features: Sequence[str] = FEATURES) -> list[bool]:
    """Whether the model's choice (``choose``'s) names the gold speaker, per example."""
    out = []
    inside = FEATURES.index("in_quote")
    for e in data:
        x = _rows(e, features)
        allowed = [k for k in range(len(e.candidates)) if not e.candidates[k].feats.get("in_quote")] \
            if e.x.shape[0] != len(e.candidates) else list(np.flatnonzero(e.x[:, inside] == 0))
        out.append(bool(allowed) and e.labels[allowed[int(np.argmax(x[allowed] @ weights))]])
    return out


def accuracy(weights: np.ndarray, data: Sequence[Example], features: Sequence[str] = FEATURES) -> tuple[float, float]:
    """(model, rules) speaker accuracy over the examples."""
    if not data:
        return 0.0, 0.0
    return sum(correct(weights, data, features)) / len(data), sum(e.rules_ok for e in data) / len(data)
