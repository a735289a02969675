"""The numpy neural tagger: IOB2 decoding, the LSTM pass, the shipped ensemble and its decoding with the CRF."""

from __future__ import annotations

import socket

import numpy as np
import pytest

from marsad.entities import crf, neural
from marsad.entities.neural import TAGS, lstm, reverse_index, viterbi


def _logp(rows: list[dict[str, float]]) -> np.ndarray:
    out = np.full((len(rows), len(TAGS)), -10.0)
    for i, row in enumerate(rows):
        for tag, value in row.items():
            out[i, TAGS.index(tag)] = value
    return out


def test_viterbi_never_opens_with_an_inside_tag() -> None:
    logp = _logp([{"I-PER": -0.1, "O": -3.0}, {"I-PER": -0.1, "O": -3.0}])
    assert [TAGS[k] for k in viterbi(logp)] in (["B-PER", "I-PER"], ["O", "O"])
    assert TAGS[viterbi(logp)[0]] != "I-PER"


def test_viterbi_keeps_inside_tags_after_their_own_type() -> None:
    logp = _logp([{"B-ORG": -0.1}, {"I-LOC": -0.2, "I-ORG": -0.5}, {"O": -0.1}])
    assert [TAGS[k] for k in viterbi(logp)] == ["B-ORG", "I-ORG", "O"]


def test_viterbi_of_an_empty_sentence() -> None:
    assert viterbi(np.zeros((0, len(TAGS)))) == []


def test_reverse_index_reverses_each_row_within_its_length() -> None:
    idx = reverse_index([3, 1], 4)
    assert idx.tolist() == [[2, 1, 0, 3], [0, 1, 2, 3]]


def test_lstm_ignores_padding_after_a_row() -> None:
    rng = np.random.default_rng(0)
    w_ih, w_hh, b = rng.normal(size=(8, 3)), rng.normal(size=(8, 2)), rng.normal(size=8)
    x = rng.normal(size=(1, 4, 3))
    padded = np.concatenate([x, rng.normal(size=(1, 2, 3))], axis=1)
    assert np.allclose(lstm(x, w_ih, w_hh, b), lstm(padded, w_ih, w_hh, b)[:, :4])


def test_lstm_first_step_matches_the_gate_equations() -> None:
    rng = np.random.default_rng(1)
    w_ih, w_hh, b = rng.normal(size=(8, 3)), rng.normal(size=(8, 2)), rng.normal(size=8)
    x = rng.normal(size=(1, 1, 3))
    g = w_ih @ x[0, 0] + b
    sig = 1 / (1 + np.exp(-g))
    c = sig[0:2] * np.tanh(g[4:6])
    assert np.allclose(lstm(x, w_ih, w_hh, b)[0, 0], sig[6:8] * np.tanh(c))


def test_sparse_features_are_a_subset_of_the_unit_features() -> None:
    feats = neural.sparse_features("وموسكو")
    assert feats and all(f.startswith(neural.SPARSE_PREFIXES) for f in feats)
    assert "cl=و" in feats


# Tags of the shipped ensemble (numpy pass; at training the numpy pass gave the torch networks' tags
# on all 1,124 dev sentences), and of the CRF decoded with it, for sentences outside the training data.
REFERENCE = [
    ("فاز فريق بنفيكا البرتغالي على سلتيك الاسكتلندي في دوري أبطال أوروبا .",
     "O O B-ORG I-ORG O B-ORG I-ORG O B-MISC I-MISC I-MISC O",
     "O O B-ORG I-ORG O B-ORG O O B-MISC I-MISC I-MISC O"),
    ("وقالت وكالة رويترز إن شركة فولكسفاغن الألمانية ستغلق مصنعها في البرازيل .",
     "O O B-ORG O O B-ORG O O O O B-LOC O", "O O B-ORG O O B-ORG O O O O B-LOC O"),
    ("ولد الكاتب نجيب محفوظ في القاهرة عام 1911 .", "O O B-PER I-PER O B-LOC O O O",
     "O O B-PER I-PER O B-LOC O O O"),
]


def test_shipped_ensemble_loads_offline_and_gives_the_reference_tags(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the model must not touch the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    assert neural.NEURAL_PATH == crf.neural_path(crf.MODEL_PATH)
    assert neural.NEURAL_PATH.stat().st_size < 4_500_000
    net = neural.load()
    assert net.meta["members"] == 2
    words = [s.split() for s, _, _ in REFERENCE]
    assert [" ".join(t) for t in net.tag_document(words)] == [ref for _, ref, _ in REFERENCE]
    tagger = crf.load()
    assert tagger.neural and not crf.load(with_neural=False).neural
    assert [" ".join(t) for t in tagger.tag_document(words)] == [ref for _, _, ref in REFERENCE]


def test_ensemble_batches_like_single_sentences() -> None:
    net = neural.load()
    words = [s.split() for s, _, _ in REFERENCE] + [[]]
    batched = net.log_probs(words)
    assert batched[-1].shape == (0, len(TAGS))
    for sentence, lp in zip(words[:-1], batched, strict=False):
        assert np.allclose(net.log_probs([sentence])[0], lp, atol=1e-5)


def test_quantize_keeps_rows_within_half_a_step_and_is_stable() -> None:
    rows = np.random.default_rng(2).normal(size=(5, 16)).astype(np.float32)
    rows[0] = 0.0
    q, scale = neural.quantize(rows)
    assert q.dtype == np.int8 and scale.dtype == np.float16 and int(np.abs(q).max()) <= 127
    back = neural.dequantize(q, scale)
    assert np.all(np.abs(back - rows) <= scale.astype(np.float32)[:, None] * 0.51 + 1e-3)
    assert not back[0].any()
    q2, scale2 = neural.quantize(back)
    assert np.array_equal(q, q2) and np.array_equal(scale, scale2)


def test_pack_stores_text_as_utf8_and_unpack_reads_both_layouts() -> None:
    arrays = {"vocab": "<pad>\n<unk>\nموسكو", "vectors": np.ones((3, 4), np.float32) * 0.5,
              "m0.proj_b": np.array([0.25, -1.0], np.float32), "meta": '{"version": "x"}'}
    packed = neural.pack(arrays)
    assert packed["vocab"].dtype == np.uint8 and packed["vectors"].dtype == np.int8
    assert packed["m0.proj_b"].dtype == np.float16 and "vectors.scale" in packed
    back = neural.unpack(packed)
    assert back["vocab"] == arrays["vocab"] and back["meta"] == arrays["meta"] and "vectors.scale" not in back
    assert np.allclose(back["vectors"], 0.5, atol=1e-3) and np.allclose(back["m0.proj_b"], arrays["m0.proj_b"])
    old = neural.unpack({"vocab": np.array(arrays["vocab"]), "vectors": np.ones((3, 4), np.float16)})
    assert old["vocab"] == arrays["vocab"] and old["vectors"].dtype == np.float32


def test_shipped_file_is_in_the_packed_layout() -> None:
    with np.load(neural.NEURAL_PATH) as npz:
        assert npz["vocab"].dtype == np.uint8 and npz["vectors"].dtype == np.int8
        assert npz["m0.word_emb"].dtype == np.float16


def test_recurrence_drops_finished_rows_without_changing_the_others() -> None:
    rng = np.random.default_rng(4)
    hidden = 3
    gates = rng.normal(size=(5, 2, 3, 4 * hidden)).astype(np.float32)  # time x groups x batch x 4h
    w_hh_t = rng.normal(size=(2, hidden, 4 * hidden)).astype(np.float32)
    lengths = np.array([5, 3, 1])  # longest first
    active = (lengths[None, :] > np.arange(5)[:, None]).sum(axis=1)
    full, cut = neural.recurrence(gates, w_hh_t), neural.recurrence(gates, w_hh_t, active)
    for row, n in enumerate(lengths):
        assert np.allclose(full[:n, :, row], cut[:n, :, row], atol=1e-6)
        assert not cut[n:, :, row].any()


def test_word_inputs_in_a_batch_equal_one_word_at_a_time() -> None:
    net = neural.load()
    words = ["موسكو", "وزارة", "x", "فولكسفاغن"]
    together = net._inputs(words)
    for i, word in enumerate(words):
        alone = net._inputs([word])
        assert all(np.allclose(a[0], t[i], atol=1e-5) for a, t in zip(alone, together, strict=True))
