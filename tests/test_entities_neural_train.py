"""Training the neural tagger with PyTorch (skipped when torch is not installed) and its numpy export."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch")

from marsad.entities import neural, neural_train  # noqa: E402

SENTENCES = [
    [("قال", "O"), ("فلاديمير", "B-PER"), ("بوتين", "I-PER"), ("في", "O"), ("موسكو", "B-LOC")],
    [("أعلنت", "O"), ("وزارة", "B-ORG"), ("الدفاع", "I-ORG"), ("الروسية", "I-ORG"), (".", "O")],
    [("زار", "O"), ("الأسد", "B-PER"), ("دمشق", "B-LOC")],
    [("وصل", "O"), ("لافروف", "B-PER"), ("إلى", "O"), ("سوريا", "B-LOC"), ("أمس", "O")],
]


def test_numpy_pass_equals_the_torch_network(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    words = ["موسكو", "بوتين", "دمشق", "الدفاع"]
    vectors = (words, rng.normal(size=(len(words), 8)).astype(np.float32))
    out = tmp_path / "net.npz"
    params = {"vector_dims": 8, "epochs": 2, "hidden": 6, "proj_dims": 10, "char_filters": 5, "feat_dims": 4,
              "word_dims": 4, "train_word_min": 1}
    logs: list[str] = []
    meta = neural_train.train(SENTENCES, tmp_path, out, params, dev={"tiny": SENTENCES}, log=logs.append,
                              vectors=vectors)
    assert meta["version"] == neural.NEURAL_VERSION and len(meta["history"]) == 2
    assert any("numpy tags equal torch tags in 4 of 4 sentences" in line for line in logs)
    tagger = neural.NeuralTagger(out)
    logp = tagger.log_probs([[w for w, _ in s] for s in SENTENCES] + [[]])
    assert [len(lp) for lp in logp] == [5, 5, 3, 5, 0]
    assert np.allclose(np.exp(logp[0]).sum(axis=1), 1.0, atol=1e-4)


def test_merged_ensemble_averages_its_members(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    vectors = (["موسكو", "بوتين"], rng.normal(size=(2, 8)).astype(np.float32))
    params = {"vector_dims": 8, "epochs": 1, "hidden": 6, "proj_dims": 10, "char_filters": 5, "feat_dims": 4,
              "word_dims": 4, "train_word_min": 1}
    parts = []
    for seed, sentences in ((1, SENTENCES), (2, SENTENCES[:2])):  # different data: vocabularies differ
        parts.append(tmp_path / f"s{seed}.npz")
        neural_train.train(sentences, tmp_path, parts[-1], {**params, "seed": seed}, log=lambda _: None,
                           vectors=vectors)
    meta = neural_train.merge(parts, tmp_path / "ens.npz")
    assert meta["members"] == 2
    words = [[w for w, _ in s] for s in SENTENCES]
    single = [neural.NeuralTagger(p).log_probs(words) for p in parts]
    merged = neural.NeuralTagger(tmp_path / "ens.npz").log_probs(words)
    for k, lp in enumerate(merged):
        mean = (np.exp(single[0][k]) + np.exp(single[1][k])) / 2
        assert np.allclose(np.exp(lp), mean, atol=1e-5)


def test_convert_repacks_an_old_layout_file_without_changing_its_tags(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    vectors = (["موسكو", "بوتين"], rng.normal(size=(2, 8)).astype(np.float32))
    params = {"vector_dims": 8, "epochs": 1, "hidden": 6, "proj_dims": 10, "char_filters": 5, "feat_dims": 4,
              "word_dims": 4, "train_word_min": 1}
    new = tmp_path / "new.npz"
    neural_train.train(SENTENCES, tmp_path, new, params, log=lambda _: None, vectors=vectors)
    plain = neural.read_npz(new)  # written as before the packed layout: numpy unicode, float16
    old = tmp_path / "old.npz"
    np.savez_compressed(old, **{k: np.array(v) if isinstance(v, str) else v.astype(np.float16) for k, v in plain.items()})
    sizes = neural_train.convert(old, tmp_path / "conv.npz")
    assert sizes["before"] > 0 and sizes["after"] > 0
    words = [[w for w, _ in s] for s in SENTENCES]
    a, b = neural.NeuralTagger(new).log_probs(words), neural.NeuralTagger(tmp_path / "conv.npz").log_probs(words)
    assert all(np.allclose(x, y, atol=1e-6) for x, y in zip(a, b, strict=True))
