"""Training the neural NER tagger (``neural.py``) with PyTorch; export to a numpy ``.npz``.

PyTorch is needed here only (``pip install torch``); tagging runs on numpy. The network is the one
``neural.NeuralTagger`` runs, with dropout while training; the bidirectional LSTM is two forward
LSTMs, the second over each sentence reversed within its length, exactly as the numpy pass does.

    python -m marsad.entities.neural_train --dev           # train on the dev-split training part, score dev
    python -m marsad.entities.neural_train --out FILE.npz  # train on all training data
    python -m marsad.entities.neural_train --convert OLD.npz --out NEW.npz  # re-save in the packed layout (no torch)
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from marsad.entities import neural
from marsad.entities.conll import Tagged, score
from marsad.entities.neural import MAX_CHARS, PAD, TAGS, UNK, chars_of, sparse_features, viterbi, word_key

# Sizes and schedule checked on the dev splits (ANERcorp last 10%, AQMAR dev; see MODEL_CARD.md): one
# network alone, micro-F1 news / Wikipedia: 12 epochs 0.620 / 0.628, 20 epochs 0.648 / 0.639 (still
# rising slowly), 30 epochs with learning rate x0.93 per epoch 0.656 / 0.617 at epoch 24.
PARAMS: dict[str, Any] = {"vector_dims": 64, "word_dims": 32, "train_word_min": 2, "char_dims": 24,
                          "char_filters": 50, "char_width": 3, "feat_dims": 32, "proj_dims": 128,
                          "hidden": 100, "dropout": 0.5, "word_dropout": 0.1, "epochs": 20, "batch": 32,
                          "lr": 2e-3, "lr_decay": 1.0, "seed": 13}


def distributional_vectors(data_dir: Path, dims: int, cache: Path | None = None) -> tuple[list[str], np.ndarray]:
    """Words (``cluster_key`` form, seen twice or more) and their PPMI-SVD vectors, computed as
    ``clusters.learn`` does before k-means (same text, contexts and seed), first ``dims`` components,
    L2-normalised and scaled by sqrt(dims)."""
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    from marsad.entities import clusters
    from marsad.entities.crf import UNLABELLED

    if cache is not None and cache.exists():
        with np.load(cache) as npz:
            return str(npz["words"]).split("\n"), npz["vectors"]
    text = clusters.read_tokens(data_dir / p for p in UNLABELLED)
    vocab, matrix = clusters._cooccurrences(text, clusters.WINDOW)
    vectors = TruncatedSVD(clusters.DIMENSIONS, random_state=clusters.SEED).fit_transform(clusters._ppmi(matrix))
    vectors = (normalize(vectors[:, :dims]) * np.sqrt(dims)).astype(np.float32)
    if cache is not None:
        np.savez(cache, words=np.array("\n".join(vocab)), vectors=vectors)
    return vocab, vectors


def _vocab(items: Sequence[str], counts: Counter[str] | None = None, min_count: int = 1) -> list[str]:
    """PAD, UNK, then the items (in order, or by frequency with a minimum count)."""
    if counts is not None:
        items = sorted((w for w, n in counts.items() if n >= min_count), key=lambda w: (-counts[w], w))
    return ["<pad>", "<unk>", *items]


class Encoded:
    """Index arrays of a set of sentences, computed once per distinct word."""

    def __init__(self, sentences: list[list[str]], tables: dict[str, dict[str, int]]) -> None:
        self.words: dict[str, tuple[int, int, list[int], list[int]]] = {}
        for word in {w for s in sentences for w in s}:
            key = word_key(word)
            chars = [tables["chars"].get(c, UNK) for c in chars_of(key)] or [UNK]
            feats = [tables["feats"][f] for f in sparse_features(word) if f in tables["feats"]]
            self.words[word] = (tables["vocab"].get(key, UNK), tables["train_vocab"].get(key, UNK), chars, feats)
        self.sentences = sentences

    def batch(self, rows: Sequence[int]) -> dict[str, Any]:
        import torch

        sents = [self.sentences[r] for r in rows]
        lengths = [len(s) for s in sents]
        steps = max(lengths)
        nfeat = max([len(self.words[w][3]) for s in sents for w in s] + [1])
        vec = np.zeros((len(sents), steps), np.int64)
        trw = np.zeros((len(sents), steps), np.int64)
        chars = np.zeros((len(sents), steps, MAX_CHARS), np.int64)
        feats = np.zeros((len(sents), steps, nfeat), np.int64)
        for b, s in enumerate(sents):
            for t, word in enumerate(s):
                v, tw, ch, fe = self.words[word]
                vec[b, t], trw[b, t] = v, tw
                chars[b, t, : len(ch)] = ch
                feats[b, t, : len(fe)] = fe
        return {"vec": torch.from_numpy(vec), "trw": torch.from_numpy(trw), "chars": torch.from_numpy(chars),
                "feats": torch.from_numpy(feats), "lengths": lengths,
                "rev": torch.from_numpy(neural.reverse_index(lengths, steps))}


def _net(vectors: np.ndarray, sizes: dict[str, int], p: dict[str, Any]) -> Any:
    import torch
    from torch import nn

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            # the frozen distributional vectors (clusters.py, from our corpora's own text): set, never trained
            self.vectors = nn.Embedding(vectors.shape[0], vectors.shape[1], padding_idx=PAD)
            self.vectors.weight = nn.Parameter(torch.from_numpy(vectors), requires_grad=False)
            self.word_emb = nn.Embedding(sizes["train_vocab"], p["word_dims"], padding_idx=PAD)
            self.char_emb = nn.Embedding(sizes["chars"], p["char_dims"], padding_idx=PAD)
            self.char_conv = nn.Conv1d(p["char_dims"], p["char_filters"], p["char_width"], padding=p["char_width"] // 2)
            self.feat_emb = nn.EmbeddingBag(sizes["feats"], p["feat_dims"], mode="sum", padding_idx=PAD)
            width = vectors.shape[1] + p["word_dims"] + p["char_filters"] + p["feat_dims"]
            self.proj = nn.Linear(width, p["proj_dims"])
            self.fwd = nn.LSTM(p["proj_dims"], p["hidden"], batch_first=True)
            self.bwd = nn.LSTM(p["proj_dims"], p["hidden"], batch_first=True)
            self.out = nn.Linear(2 * p["hidden"], len(TAGS))
            self.drop = nn.Dropout(p["dropout"])

        def forward(self, b: dict[str, Any]) -> Any:
            batch, steps = b["vec"].shape
            trw = b["trw"]
            if self.training and p["word_dropout"]:
                trw = torch.where(torch.rand(trw.shape) < p["word_dropout"], torch.full_like(trw, UNK), trw)
                trw = torch.where(b["trw"] == PAD, b["trw"], trw)
            chars = b["chars"].view(batch * steps, MAX_CHARS)
            conv = torch.relu(self.char_conv(self.char_emb(chars).transpose(1, 2)))  # N x filters x chars
            conv = (conv * (chars != PAD).unsqueeze(1)).max(dim=2).values.view(batch, steps, -1)
            feats = self.feat_emb(b["feats"].view(batch * steps, -1)).view(batch, steps, -1)
            x = torch.cat([self.vectors(b["vec"]), self.word_emb(trw), conv, feats], dim=2)
            x = torch.relu(self.proj(self.drop(x)))
            rows = torch.arange(batch).unsqueeze(1)
            fwd, _ = self.fwd(x)
            bwd, _ = self.bwd(x[rows, b["rev"]])
            h = torch.cat([fwd, bwd[rows, b["rev"]]], dim=2)
            return torch.log_softmax(self.out(self.drop(h)), dim=2)

    return Net()


def _batches(lengths: list[int], size: int, rng: random.Random) -> list[list[int]]:
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], rng.random()))
    out = [order[i : i + size] for i in range(0, len(order), size)]
    rng.shuffle(out)
    return out


def predict(net: Any, enc: Encoded, size: int = 64) -> list[np.ndarray]:
    """Log-probabilities per sentence from the torch network (evaluation mode)."""
    import torch

    net.eval()
    out: list[np.ndarray] = [np.zeros((0, len(TAGS)), np.float32)] * len(enc.sentences)
    live = [i for i, s in enumerate(enc.sentences) if s]
    with torch.no_grad():
        for start in range(0, len(live), size):
            rows = live[start : start + size]
            logp = net(enc.batch(rows)).numpy()
            for k, r in enumerate(rows):
                out[r] = logp[k, : len(enc.sentences[r])]
    return out


def tags_of(logps: list[np.ndarray]) -> list[list[str]]:
    return [[TAGS[k] for k in viterbi(lp.astype(np.float64))] for lp in logps]


def train(sentences: list[Tagged], data_dir: Path, out: Path, params: dict[str, Any] | None = None,
          dev: dict[str, list[Tagged]] | None = None, log: Callable[[str], None] = print,
          vectors_cache: Path | None = None, vectors: tuple[list[str], np.ndarray] | None = None) -> dict[str, Any]:
    """Train the network on ``sentences``, export it to ``out`` (.npz) and return its metadata.

    The distributional vectors are learnt from ``data_dir`` (or read from ``vectors_cache``) unless given."""
    import torch

    p = {**PARAMS, **(params or {})}
    torch.manual_seed(p["seed"])
    torch.set_num_threads(1)
    rng = random.Random(p["seed"])
    started = time.perf_counter()
    words, table = vectors or distributional_vectors(data_dir, p["vector_dims"], vectors_cache)
    table = np.concatenate([np.zeros((2, table.shape[1]), np.float32), table])
    log(f"vectors: {len(words)} words x {table.shape[1]} in {time.perf_counter() - started:.0f} s")
    keys = Counter(word_key(w) for s in sentences for w, _ in s)
    names = {"vocab": _vocab(words), "train_vocab": _vocab([], keys, p["train_word_min"]),
             "chars": _vocab([], Counter(c for k, n in keys.items() for c in chars_of(k) for _ in range(n)), 2),
             "feats": _vocab([], Counter(f for s in sentences for w, _ in s for f in sparse_features(w)), 2)}
    tables = {k: {w: i for i, w in enumerate(v)} for k, v in names.items()}
    enc = Encoded([[w for w, _ in s] for s in sentences], tables)
    gold = [[TAGS.index(t) for _, t in s] for s in sentences]
    dev_enc = {k: Encoded([[w for w, _ in s] for s in v], tables) for k, v in (dev or {}).items()}
    net = _net(table, {k: len(v) for k, v in names.items()}, p)
    opt = torch.optim.Adam([q for q in net.parameters() if q.requires_grad], lr=p["lr"])
    sched = torch.optim.lr_scheduler.ExponentialLR(opt, p["lr_decay"])
    history = []
    for epoch in range(p["epochs"]):
        net.train()
        total = 0.0
        for rows in _batches([len(s) for s in sentences], p["batch"], rng):
            rows = [r for r in rows if sentences[r]]
            b = enc.batch(rows)
            target = torch.full(b["vec"].shape, -100, dtype=torch.long)
            for k, r in enumerate(rows):
                target[k, : len(gold[r])] = torch.tensor(gold[r])
            loss = torch.nn.functional.nll_loss(net(b).reshape(-1, len(TAGS)), target.reshape(-1), ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += float(loss.detach()) * len(rows)
        sched.step()
        row = {"epoch": epoch + 1, "loss": round(total / len(sentences), 4), "seconds": round(time.perf_counter() - started)}
        for name, e in dev_enc.items():
            row[name] = round(score([[t for _, t in s] for s in dev[name]], tags_of(predict(net, e))).micro.f1, 4)  # type: ignore[index]
        history.append(row)
        log(json.dumps(row))
    meta = {"version": neural.NEURAL_VERSION, "params": p, "sentences": len(sentences),
            "tokens": sum(len(s) for s in sentences), "seconds": round(time.perf_counter() - started, 1),
            "history": history}
    export(net, names, meta, out)
    for name, e in dev_enc.items():  # the numpy pass must give the torch network's tags
        reference = predict(net, e)
        mine = tags_of(reference)
        numpy_logp = neural.NeuralTagger(out).log_probs(e.sentences)
        theirs = [[TAGS[k] for k in viterbi(lp.astype(np.float64))] for lp in numpy_logp]
        diff = max(float(np.abs(a - b).max()) for a, b in zip(reference, numpy_logp, strict=True) if len(a))
        log(f"dev {name}: largest log-probability difference numpy vs torch {diff:.2e}")
        same = sum(a == b for a, b in zip(mine, theirs, strict=True))
        log(f"dev {name}: numpy tags equal torch tags in {same} of {len(mine)} sentences")
    return meta


def export(net: Any, names: dict[str, list[str]], meta: dict[str, Any], out: Path) -> None:
    """Write the weights and vocabularies (``neural.pack``: float16, the frozen vectors int8 with a
    per-row scale); the torch network keeps the rounded weights, so that it and the numpy pass compute
    with the same numbers."""
    import torch

    with torch.no_grad():
        for q in net.parameters():
            q.copy_(q.half().float())
        net.vectors.weight.copy_(net.vectors.weight.half().float())
        for name, matrix in (("vectors", net.vectors.weight), ("word_emb", net.word_emb.weight)):
            if name in neural.QUANTIZED:
                matrix.copy_(torch.from_numpy(neural.dequantize(*neural.quantize(matrix.detach().numpy()))))
    state = {k: v.numpy() for k, v in net.state_dict().items()}
    arrays = {"vectors": state["vectors.weight"], "word_emb": state["word_emb.weight"],
              "char_emb": state["char_emb.weight"], "char_conv_w": state["char_conv.weight"],
              "char_conv_b": state["char_conv.bias"], "feat_emb": state["feat_emb.weight"],
              "proj_w": state["proj.weight"], "proj_b": state["proj.bias"], "out_w": state["out.weight"],
              "out_b": state["out.bias"]}
    for side in ("fwd", "bwd"):
        arrays[f"{side}_ih"] = state[f"{side}.weight_ih_l0"]
        arrays[f"{side}_hh"] = state[f"{side}.weight_hh_l0"]
        arrays[f"{side}_b"] = state[f"{side}.bias_ih_l0"] + state[f"{side}.bias_hh_l0"]
    packed: dict[str, Any] = {("" if k == "vectors" else "m0.") + k: v for k, v in arrays.items()}
    packed.update({k: "\n".join(v) for k, v in names.items()})
    packed["meta"] = json.dumps({**meta, "members": 1}, ensure_ascii=False)
    out.parent.mkdir(parents=True, exist_ok=True)
    neural.save(out, packed)


def convert(path: Path, out: Path) -> dict[str, int]:
    """Re-save a tagger file in the current layout (``neural.pack``) without retraining or torch: the
    one-off conversion of files written before it (numpy unicode texts, float16 vectors). Returns the
    sizes in bytes before and after."""
    before = path.stat().st_size
    neural.save(out, neural.read_npz(path))
    return {"before": before, "after": out.stat().st_size}


# Vocabularies a member's rows are indexed by, with the matrix they index; a member's rows missing from
# the merged vocabulary read its UNK row (words, characters) or nothing (features: zero).
MEMBER_VOCABS = {"train_vocab": ("word_emb", True), "chars": ("char_emb", True), "feats": ("feat_emb", False)}


def merge(paths: Sequence[Path], out: Path) -> dict[str, Any]:
    """One ensemble file from single networks (other seeds): the frozen vectors are stored once and
    must be equal; vocabularies are united (the lexicons may have changed between runs), each
    network's rows re-indexed; each network's weights are member ``m<k>.``."""
    members = [neural.read_npz(path) for path in paths]
    metas = [json.loads(m["meta"]) for m in members]
    first = members[0]
    packed: dict[str, Any] = {"vectors": first["vectors"], "vocab": first["vocab"]}
    for m, path in zip(members[1:], paths[1:], strict=True):
        if not (np.array_equal(m["vectors"], first["vectors"]) and m["vocab"] == first["vocab"]):
            raise ValueError(f"{path}: its distributional vectors differ from the first network's")
    for vocab, (matrix, unk) in MEMBER_VOCABS.items():
        union: dict[str, int] = {}
        for m in members:
            for item in str(m[vocab]).split("\n"):
                union.setdefault(item, len(union))
        packed[vocab] = "\n".join(union)
        for k, m in enumerate(members):
            own = {item: i for i, item in enumerate(str(m[vocab]).split("\n"))}
            rows = m[f"m0.{matrix}"]
            fill = rows[UNK] if unk else np.zeros(rows.shape[1], rows.dtype)
            packed[f"m{k}.{matrix}"] = np.stack([rows[own[item]] if item in own else fill for item in union])
    for k, m in enumerate(members):
        for name in neural.MEMBER_ARRAYS:
            packed.setdefault(f"m{k}.{name}", m[f"m0.{name}"])
    meta = {"version": neural.NEURAL_VERSION, "members": len(metas), "params": [m["params"] for m in metas],
            "sentences": metas[0]["sentences"], "tokens": metas[0]["tokens"],
            "seconds": round(sum(m["seconds"] for m in metas), 1)}
    packed["meta"] = json.dumps(meta, ensure_ascii=False)
    neural.save(out, packed)
    return meta


# Seeds of the ensemble's networks. Full tagger on the dev splits (ANERcorp last 10% / AQMAR dev), CRF
# marginals interpolated with the networks (crf.CRF_WEIGHT): one network 0.714-0.719 / 0.682-0.686,
# two 0.730 / 0.688, three (seeds 13, 7, 21) 0.720 / 0.686 (see MODEL_CARD.md).
SEEDS = (13, 7)


def train_ensemble(sentences: list[Tagged], data_dir: Path, out: Path, params: dict[str, Any] | None = None,
                   seeds: Sequence[int] = SEEDS, dev: dict[str, list[Tagged]] | None = None,
                   log: Callable[[str], None] = print) -> dict[str, Any]:
    """Train one network per seed on ``sentences`` and write them as one ensemble file ``out``."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="marsad-neural-") as tmp:
        work = Path(tmp)
        parts = []
        for seed in seeds:
            parts.append(work / f"seed{seed}.npz")
            train(sentences, data_dir, parts[-1], {**(params or {}), "seed": seed}, dev=dev, log=log,
                  vectors_cache=work / "vectors.npz")
        return merge(parts, out)


def torch_missing() -> bool:
    """True when PyTorch (needed to train, not to tag) is not installed."""
    import importlib.util

    return importlib.util.find_spec("torch") is None


def main(argv: list[str] | None = None) -> None:
    from marsad.entities import crf

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ner"))
    parser.add_argument("--dev", action="store_true", help="hold out the dev splits and score them per epoch")
    parser.add_argument("--out", type=Path, default=neural.NEURAL_PATH)
    parser.add_argument("--params", default="{}", help="JSON overriding PARAMS")
    parser.add_argument("--seeds", default=",".join(map(str, SEEDS)), help="one network per seed")
    parser.add_argument("--vectors-cache", type=Path, help="reuse the distributional vectors saved here")
    parser.add_argument("--limit", type=int, default=0, help="train on the first N sentences (smoke test)")
    parser.add_argument("--merge", type=Path, nargs="+", help="only merge these single networks into --out")
    parser.add_argument("--convert", type=Path, help="only re-save this tagger file in the current layout as --out")
    args = parser.parse_args(argv)
    if args.convert:
        print(json.dumps(convert(args.convert, args.out)))
        return
    if args.merge:
        print(json.dumps(merge(args.merge, args.out)))
        return
    corpora = crf.read_corpora(args.data, with_dev=args.dev)
    sentences = corpora.train[: args.limit] if args.limit else corpora.train
    seeds = [int(s) for s in args.seeds.split(",")]
    if len(seeds) == 1:
        meta = train(sentences, args.data, args.out, {**json.loads(args.params), "seed": seeds[0]}, corpora.dev,
                     vectors_cache=args.vectors_cache)
    else:
        meta = train_ensemble(sentences, args.data, args.out, json.loads(args.params), seeds, corpora.dev)
    print(json.dumps({k: v for k, v in meta.items() if k != "history"}, ensure_ascii=False))


if __name__ == "__main__":
    main()
