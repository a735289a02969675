"""A small neural NER tagger, run with numpy alone (trained by ``neural_train`` with PyTorch).

Each token is represented by the concatenation of
- a frozen distributional vector of its clitic-stripped form (PPMI-SVD over neighbour counts of the
  corpora's unlabelled token text, as ``clusters.py`` learns before k-means),
- a trainable embedding of that form for words frequent in the training data,
- a character CNN over the form (max-pooled), and
- the sum of embeddings of its sparse unit features (shape, proclitic, trigger class, name gazetteer
  bucket, WikiFANE type, alias class, word clusters: ``SPARSE_PREFIXES`` of ``features.unit_features``).

A bidirectional LSTM reads the sentence and a linear layer gives per-token log-probabilities of the
IOB2 tags; decoding is an IOB2-constrained Viterbi over them. The token representation depends on the
word alone and is cached per word, so inference costs mostly the LSTM steps, batched over sentences.
Weights live in one compressed ``.npz`` with the vocabularies (``pack``: texts as UTF-8 bytes, the
frozen word vectors as int8 with a float16 scale per row, the rest float16); loading needs no torch.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from marsad.entities.clusters import cluster_key
from marsad.entities.features import unit_features
from marsad.entities.lexicons import MODELS
from marsad.errors import ModelError

NEURAL_VERSION = "ner-neural-1"
NEURAL_PATH = MODELS / "ner_neural.npz"
TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")
SPARSE_PREFIXES = ("shape=", "cl=", "trig=", "per_gaz=", "wk=", "alias=", "k0=", "k1=", "k2=")
MAX_CHARS = 20  # characters of a form read by the CNN (longer forms: first 10 + last 10)
PAD, UNK = 0, 1  # indices in every vocabulary


def word_key(word: str) -> str:
    """The form a word is looked up under: normalised, proclitics stripped (``clusters.cluster_key``)."""
    return cluster_key(word)


def sparse_features(word: str) -> list[str]:
    """The word's unit features the network reads as a bag of embeddings."""
    return [f for f in unit_features(word) if f.startswith(SPARSE_PREFIXES)]


def chars_of(key: str) -> str:
    return key if len(key) <= MAX_CHARS else key[: MAX_CHARS // 2] + key[-MAX_CHARS // 2 :]


def allowed_transitions(tags: tuple[str, ...] = TAGS) -> np.ndarray:
    """0 where tag j may follow tag i in IOB2 (I-X only after B-X or I-X), -inf elsewhere; row
    ``len(tags)`` is the sentence start."""
    out = np.zeros((len(tags) + 1, len(tags)), dtype=np.float64)
    for j, tag in enumerate(tags):
        if tag.startswith("I-"):
            kind = tag[2:]
            for i, prev in enumerate(tags):
                if prev[2:] != kind:
                    out[i, j] = -np.inf
            out[len(tags), j] = -np.inf
    return out


ALLOWED = allowed_transitions()


def viterbi(logp: np.ndarray, allowed: np.ndarray = ALLOWED) -> list[int]:
    """Best IOB2-valid tag path through per-token log-probabilities (n tokens x tags)."""
    n = logp.shape[0]
    if n == 0:
        return []
    score = allowed[-1] + logp[0]
    back = np.zeros((n, logp.shape[1]), dtype=np.int64)
    trans = allowed[:-1]
    for t in range(1, n):
        cand = score[:, None] + trans
        back[t] = cand.argmax(axis=0)
        score = cand.max(axis=0) + logp[t]
    path = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


def lstm(x: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """A forward LSTM (PyTorch gate order i, f, g, o) over a padded batch (batch x time x input);
    padding sits at the end of each row, so it never reaches a real position's output."""
    return lstm_groups(x[None], w_ih[None], w_hh[None], bias[None])[0]


def lstm_groups(x: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """Several LSTMs with their own weights (groups x ...) run in one loop over time steps: the
    directions and ensemble members share the Python overhead of each step."""
    groups, batch, steps, _ = x.shape
    hidden = w_hh.shape[2]
    gates_in = np.matmul(x, w_ih.transpose(0, 2, 1)[:, None]) + bias[:, None, None, :]
    h = np.zeros((groups, batch, hidden), dtype=x.dtype)
    c = np.zeros((groups, batch, hidden), dtype=x.dtype)
    out = np.empty((groups, batch, steps, hidden), dtype=x.dtype)
    w_hh_t = w_hh.transpose(0, 2, 1)
    for t in range(steps):
        g = gates_in[:, :, t] + np.matmul(h, w_hh_t)
        i, f = _sigmoid(g[..., :hidden]), _sigmoid(g[..., hidden : 2 * hidden])
        cand, o = np.tanh(g[..., 2 * hidden : 3 * hidden]), _sigmoid(g[..., 3 * hidden :])
        c = f * c + i * cand
        h = o * np.tanh(c)
        out[:, :, t] = h
    return out


def reverse_index(lengths: list[int], steps: int) -> np.ndarray:
    """Per row, the time index that reverses its first ``length`` positions (padding left in place)."""
    idx = np.tile(np.arange(steps), (len(lengths), 1))
    for row, n in enumerate(lengths):
        idx[row, :n] = np.arange(n - 1, -1, -1)
    return idx


# Matrices stored as int8 with a per-row float16 scale (``quantize``): the frozen vectors (58% of the
# weights). Full tagger micro-F1 on the dev splits (ANERcorp last 10% / AQMAR dev; dev-trained CRF and
# networks), float16 0.7208 / 0.6886: vectors int8 0.7215 / 0.6886; vectors and the members' word
# embeddings int8 0.7219 / 0.6911 (Wikipedia moved by more than 0.002: word embeddings stay float16).
QUANTIZED = ("vectors",)
SCALE = ".scale"  # suffix of a quantized matrix's per-row scales


def quantize(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows as int8 times a float16 scale per row (symmetric, largest magnitude -> 127). Applied to
    its own ``dequantize``d output it returns the same numbers."""
    rows = rows.astype(np.float32)
    scale = (np.abs(rows).max(axis=1) / 127.0).astype(np.float16)
    wide = scale.astype(np.float32)
    q = np.rint(rows / np.where(wide > 0, wide, 1.0)[:, None])
    return np.clip(q, -127, 127).astype(np.int8), scale


def dequantize(q: np.ndarray, scale: np.ndarray) -> np.ndarray:
    return q.astype(np.float32) * scale.astype(np.float32)[:, None]


def pack(arrays: dict[str, Any]) -> dict[str, np.ndarray]:
    """The arrays to save (``np.savez_compressed``): text (``str`` or a numpy string) as UTF-8 bytes
    (uint8), the ``QUANTIZED`` matrices as int8 + ``<name>.scale``, other weights float16."""
    out: dict[str, np.ndarray] = {}
    for name, value in arrays.items():
        if isinstance(value, str) or (isinstance(value, np.ndarray) and value.dtype.kind == "U"):
            out[name] = np.frombuffer(str(value).encode("utf-8"), dtype=np.uint8)
        elif name.rsplit(".", 1)[-1] in QUANTIZED:
            out[name], out[name + SCALE] = quantize(value)
        else:
            out[name] = np.asarray(value).astype(np.float16)
    return out


def unpack(stored: dict[str, np.ndarray]) -> dict[str, Any]:
    """Inverse of ``pack`` (texts as ``str``, weights float32); also reads the older layout (numpy
    unicode texts, float16 vectors)."""
    out: dict[str, Any] = {}
    for name, value in stored.items():
        if name.endswith(SCALE):
            continue
        if value.dtype == np.uint8 or value.dtype.kind == "U":
            out[name] = bytes(value).decode("utf-8") if value.dtype == np.uint8 else str(value)
        elif name + SCALE in stored:
            out[name] = dequantize(value, stored[name + SCALE])
        else:
            out[name] = value.astype(np.float32)
    return out


def save(path: Path, arrays: dict[str, Any]) -> None:
    """Write ``arrays`` ``pack``ed into one compressed ``.npz``."""
    packed: dict[str, Any] = pack(arrays)
    np.savez_compressed(path, **packed)


def read_npz(path: Path) -> dict[str, Any]:
    """A saved tagger's arrays, ``unpack``ed."""
    with np.load(path, allow_pickle=False) as npz:
        return unpack({k: npz[k] for k in npz.files})


MEMBER_ARRAYS = ("word_emb", "char_emb", "char_conv_w", "char_conv_b", "feat_emb", "proj_w", "proj_b",
                 "fwd_ih", "fwd_hh", "fwd_b", "bwd_ih", "bwd_hh", "bwd_b", "out_w", "out_b")


class NeuralTagger:
    """The exported networks (an ensemble trained with different seeds, sharing the frozen vectors
    and the vocabularies): ``log_probs`` for sentences (log of the members' mean probabilities),
    ``tag_document`` for IOB2 tags."""

    def __init__(self, path: Path = NEURAL_PATH) -> None:
        try:
            arrays = read_npz(path)
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            raise ModelError(f"cannot open neural NER model: {exc}", source=str(path)) from exc
        meta = json.loads(arrays.pop("meta"))
        if meta.get("version") != NEURAL_VERSION:
            raise ModelError(f"neural model {meta.get('version')!r}, code has {NEURAL_VERSION!r}; retrain "
                             "with `marsad train ner --neural`", source=str(path))
        self.meta: dict[str, Any] = meta
        self.vocab = {w: i for i, w in enumerate(arrays.pop("vocab").split("\n"))}
        self.train_vocab = {w: i for i, w in enumerate(arrays.pop("train_vocab").split("\n"))}
        self.chars = {c: i for i, c in enumerate(arrays.pop("chars").split("\n"))}
        self.feats = {f: i for i, f in enumerate(arrays.pop("feats").split("\n"))}
        self.vectors = arrays.pop("vectors")
        self.members = [{name: arrays[f"m{k}.{name}"] for name in MEMBER_ARRAYS}
                        for k in range(int(meta.get("members", 1)))]
        self._lstm_weights = [np.stack([w[f"{side}_{name}"] for w in self.members for side in ("fwd", "bwd")])
                              for name in ("ih", "hh", "b")]
        self._token = lru_cache(maxsize=200_000)(self._token_vectors)

    def _token_vectors(self, word: str) -> list[np.ndarray]:
        """Each member's LSTM input for one word (it depends on the word alone)."""
        key = word_key(word)
        vector = self.vectors[self.vocab.get(key, UNK)]
        trained = self.train_vocab.get(key, UNK)
        ids = [self.chars.get(ch, UNK) for ch in chars_of(key)] or [UNK]
        fids = [self.feats[f] for f in sparse_features(word) if f in self.feats]
        out = []
        for w in self.members:
            emb = np.zeros((len(ids) + 2, w["char_emb"].shape[1]), dtype=np.float32)
            emb[1:-1] = w["char_emb"][ids]
            width = w["char_conv_w"].shape[2]
            windows = np.stack([emb[k : k + len(ids)] for k in range(width)], axis=2)  # n x ch_dim x width
            conv = np.einsum("ncw,fcw->nf", windows, w["char_conv_w"]) + w["char_conv_b"]
            bag = w["feat_emb"][fids].sum(axis=0) if fids else np.zeros(w["feat_emb"].shape[1], np.float32)
            out.append(np.concatenate([vector, w["word_emb"][trained], np.maximum(conv, 0.0).max(axis=0), bag]))
        return out

    def log_probs(self, sentences: list[list[str]]) -> list[np.ndarray]:
        """Per sentence, tokens x TAGS log-probabilities (log of the members' mean probabilities)."""
        live = [s for s in sentences if s]
        if not live:
            return [np.zeros((0, len(TAGS)), np.float32) for _ in sentences]
        lengths = [len(s) for s in live]
        steps = max(lengths)
        tokens = [[self._token(word) for word in words] for words in live]
        rev = reverse_index(lengths, steps)
        rows = np.arange(len(live))[:, None]
        inputs = []
        for k, w in enumerate(self.members):
            x = np.zeros((len(live), steps, w["proj_w"].shape[1]), dtype=np.float32)
            for row, vectors in enumerate(tokens):
                x[row, : len(vectors)] = np.stack([v[k] for v in vectors])
            x = np.maximum(x @ w["proj_w"].T + w["proj_b"], 0.0)
            inputs.extend([x, x[rows, rev]])
        hidden = lstm_groups(np.stack(inputs), *self._lstm_weights)
        probs = np.zeros((len(live), steps, len(TAGS)), dtype=np.float32)
        for k, w in enumerate(self.members):
            fwd, bwd = hidden[2 * k], hidden[2 * k + 1][rows, rev]
            logits = np.concatenate([fwd, bwd], axis=2) @ w["out_w"].T + w["out_b"]
            logits -= logits.max(axis=2, keepdims=True)
            e = np.exp(logits)
            probs += e / e.sum(axis=2, keepdims=True)
        logp = np.log(np.maximum(probs / len(self.members), 1e-12))
        found = iter(logp[row, :n] for row, n in enumerate(lengths))
        return [next(found) if s else np.zeros((0, len(TAGS)), np.float32) for s in sentences]

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]:
        return [[TAGS[k] for k in viterbi(lp)] for lp in self.log_probs(sentences)]


def load(path: Path = NEURAL_PATH) -> NeuralTagger:
    if not path.exists():
        raise ModelError("neural NER model missing; run `marsad train ner --neural`", source=str(path))
    return NeuralTagger(path)
