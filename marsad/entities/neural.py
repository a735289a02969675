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
word alone and its projection is cached per word; the input gates of both directions and all members
are computed in one product per member, and one loop over time steps runs them all, batched over
sentences.
Weights live in one compressed ``.npz`` with the vocabularies (``pack``: texts as UTF-8 bytes, the
frozen word vectors as int8 with a float16 scale per row, the rest float16); loading needs no torch.
"""

from __future__ import annotations

import contextlib
import json
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
CACHE_WORDS = 200_000  # words whose projected input is kept (1 kB each for two members)


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


def lstm(x: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """A forward LSTM (PyTorch gate order i, f, g, o) over a padded batch (batch x time x input);
    padding sits at the end of each row, so it never reaches a real position's output."""
    return lstm_groups(x[None], w_ih[None], w_hh[None], bias[None])[0]


def lstm_groups(x: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """Several LSTMs with their own weights (groups x ...) run in one loop over time steps: the
    directions and ensemble members share the Python overhead of each step."""
    gates_in = np.matmul(x, w_ih.transpose(0, 2, 1)[:, None]) + bias[:, None, None, :]
    hidden = w_hh.shape[2]
    half = halve_sigmoid_gates(hidden)
    return recurrence(gates_in.transpose(2, 0, 1, 3) * half, w_hh.transpose(0, 2, 1) * half).transpose(1, 2, 0, 3)


def halve_sigmoid_gates(hidden: int) -> np.ndarray:
    """Column factors (4 x hidden) that halve the sigmoid gates i, f, o and keep the tanh gate g:
    ``recurrence`` takes its gates so scaled (exact: a power of two), since sigmoid(x) = (tanh(x/2) + 1)/2."""
    out = np.full(4 * hidden, 0.5, dtype=np.float32)
    out[2 * hidden : 3 * hidden] = 1.0
    return out


def recurrence(gates_in: np.ndarray, w_hh_t: np.ndarray, active: np.ndarray | None = None) -> np.ndarray:
    """The LSTM steps over precomputed input gates (time x groups x batch x 4 hidden, PyTorch order
    i, f, g, o) with the transposed recurrent weights (groups x hidden x 4 hidden), both with their
    sigmoid gates halved (``halve_sigmoid_gates``); time x groups x batch x hidden out. One tanh per
    step gives all four gates: fewer numpy calls than one sigmoid per gate, the same numbers. With
    ``active`` (per step, how many leading rows are still inside their sentence: rows sorted longest
    first) finished rows are no longer computed; their later outputs stay zero."""
    steps, groups, batch, _ = gates_in.shape
    hidden = w_hh_t.shape[1]
    h = np.zeros((groups, batch, hidden), dtype=gates_in.dtype)
    c = np.zeros((groups, batch, hidden), dtype=gates_in.dtype)
    out = np.zeros((steps, groups, batch, hidden), dtype=gates_in.dtype)
    for t in range(steps):
        rows = batch if active is None else int(active[t])
        if rows < h.shape[1]:
            h, c = h[:, :rows], c[:, :rows]
        g = np.matmul(h, w_hh_t)
        g += gates_in[t, :, :rows]
        np.tanh(g, out=g)
        sig = g * 0.5
        sig += 0.5  # i, f, o (the g block's entry is unused)
        c = sig[..., hidden : 2 * hidden] * c + sig[..., :hidden] * g[..., 2 * hidden : 3 * hidden]
        h = sig[..., 3 * hidden :] * np.tanh(c)
        out[t, :, :rows] = h
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
        # Per member, both directions' input weights in one matrix (fwd rows, then bwd); the recurrent
        # weights of the groups (m0 fwd, m0 bwd, m1 fwd, ...) transposed; sigmoid gates halved (``recurrence``).
        half = np.tile(halve_sigmoid_gates(self.members[0]["fwd_hh"].shape[1]), 2)
        self._in_w = [np.concatenate([w["fwd_ih"], w["bwd_ih"]]).T * half for w in self.members]
        self._in_b = [np.concatenate([w["fwd_b"], w["bwd_b"]]) * half for w in self.members]
        self._hh_t = np.stack([w[f"{side}_hh"].T * half[: len(half) // 2]
                               for w in self.members for side in ("fwd", "bwd")])
        self._projected: dict[str, np.ndarray] = {}  # word -> members x proj: depends on the word alone
        self._threads: Any = None

    def _inputs(self, words: list[str]) -> list[np.ndarray]:
        """Each member's token inputs (words x input) for words; the character CNN runs over all the
        words at once (padded: a padded position reads zeros and, after the ReLU, never beats a real one)."""
        keys = [word_key(word) for word in words]
        vectors = self.vectors[[self.vocab.get(key, UNK) for key in keys]]
        trained = [self.train_vocab.get(key, UNK) for key in keys]
        ids = [[self.chars.get(ch, UNK) for ch in chars_of(key)] or [UNK] for key in keys]
        longest = max(len(i) for i in ids)
        padded = np.zeros((len(words), longest + 2), dtype=np.int64)  # PAD row of char_emb is not 0
        real = np.zeros((len(words), longest), dtype=bool)
        for row, i in enumerate(ids):
            padded[row, 1 : 1 + len(i)] = i
            real[row, : len(i)] = True
        outside = np.ones_like(padded, dtype=bool)
        outside[:, 1:-1] = ~real
        fids = [[self.feats[f] for f in sparse_features(word) if f in self.feats] for word in words]
        out = []
        for w in self.members:
            emb = w["char_emb"][padded]
            emb[outside] = 0.0
            width = w["char_conv_w"].shape[2]
            windows = np.stack([emb[:, k : k + longest] for k in range(width)], axis=3)  # n x len x ch x width
            conv = np.maximum(np.einsum("nlcw,fcw->nlf", windows, w["char_conv_w"]) + w["char_conv_b"], 0.0)
            conv[~real] = 0.0
            bag = np.zeros((len(words), w["feat_emb"].shape[1]), np.float32)
            for row, f in enumerate(fids):
                if f:
                    bag[row] = w["feat_emb"][f].sum(axis=0)
            out.append(np.concatenate([vectors, w["word_emb"][trained], conv.max(axis=1), bag], axis=1))
        return out

    def _project(self, words: set[str]) -> None:
        """Cache the members' projected inputs (ReLU layer) of new words, computed in one batch."""
        new = [w for w in words if w not in self._projected]
        if not new:
            return
        if len(self._projected) + len(new) > CACHE_WORDS:
            self._projected.clear()
        rows = [np.maximum(x @ w["proj_w"].T + w["proj_b"], 0.0)
                for x, w in zip(self._inputs(new), self.members, strict=True)]
        self._projected.update(zip(new, np.stack(rows, axis=1), strict=True))  # words x members x proj

    def log_probs(self, sentences: list[list[str]]) -> list[np.ndarray]:
        """Per sentence, tokens x TAGS log-probabilities (log of the members' mean probabilities)."""
        with self._one_thread():
            return self._log_probs(sentences)

    def _one_thread(self) -> Any:
        """BLAS limited to one thread while tagging: the matrices are small, and on a shared machine
        OpenBLAS threads made the per-sentence path ~4x slower (benchmarks/bench_ner.py)."""
        if self._threads is None:
            try:
                from threadpoolctl import ThreadpoolController

                self._threads = ThreadpoolController()
            except ImportError:  # an optional speed-up (threadpoolctl comes with scikit-learn)
                self._threads = False
        if self._threads is False:
            return contextlib.nullcontext()
        return self._threads.limit(limits=1, user_api="blas")

    def _log_probs(self, sentences: list[list[str]]) -> list[np.ndarray]:
        """Sentences run longest first (finished rows leave the LSTM loop); the input gates and the
        output layer are computed for real tokens only, not for padding."""
        out = [np.zeros((0, len(TAGS)), np.float32) for _ in sentences]
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: -len(sentences[i]))
        if not order:
            return out
        self._project({word for i in order for word in sentences[i]})
        lengths = np.array([len(sentences[i]) for i in order])
        members, quarter = len(self.members), self._in_b[0].shape[0] // 2  # 4 x hidden: one direction
        row = np.repeat(np.arange(len(order)), lengths)  # each real token's row, position, and
        pos = np.concatenate([np.arange(n) for n in lengths])  # position in its reversed sentence
        back = lengths[row] - 1 - pos
        projected = np.stack([self._projected[word] for i in order for word in sentences[i]])  # tokens x members x proj
        gates = np.zeros((int(lengths[0]), 2 * members, len(order), quarter), dtype=np.float32)
        for k in range(members):
            both = projected[:, k] @ self._in_w[k] + self._in_b[k]  # tokens x (fwd gates, bwd gates)
            gates[pos, 2 * k, row] = both[:, :quarter]
            gates[back, 2 * k + 1, row] = both[:, quarter:]
        active = (lengths[None, :] > np.arange(int(lengths[0]))[:, None]).sum(axis=1)
        hidden = recurrence(gates, self._hh_t, active)  # time x groups x batch x hidden
        probs = np.zeros((len(row), len(TAGS)), dtype=np.float32)
        for k, w in enumerate(self.members):
            both = np.concatenate([hidden[pos, 2 * k, row], hidden[back, 2 * k + 1, row]], axis=1)
            logits = both @ w["out_w"].T + w["out_b"]
            logits -= logits.max(axis=1, keepdims=True)
            e = np.exp(logits)
            probs += e / e.sum(axis=1, keepdims=True)
        logp = np.log(np.maximum(probs / members, 1e-12))
        for i, part in zip(order, np.split(logp, np.cumsum(lengths)[:-1]), strict=True):
            out[i] = part
        return out

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]:
        return [[TAGS[k] for k in viterbi(lp)] for lp in self.log_probs(sentences)]


def load(path: Path = NEURAL_PATH) -> NeuralTagger:
    if not path.exists():
        raise ModelError("neural NER model missing; run `marsad train ner --neural`", source=str(path))
    return NeuralTagger(path)
