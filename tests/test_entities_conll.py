"""CoNLL reading, tag-set mapping and the entity-level scorer on hand-checked cases."""

from __future__ import annotations

import pytest

from marsad.entities.conll import TAG_MAPS, map_tag, parse_conll, read_conll_pairs, score, spans, to_iob2
from marsad.errors import MalformedInput


def test_map_common_tags() -> None:
    common = TAG_MAPS["common"]
    assert map_tag("B-PERS", common) == "B-PER"
    assert map_tag("I-MIS", common) == "I-MISC"
    assert map_tag("B-GPE", common) == "B-LOC"
    assert map_tag("B-DATE", common) == "O"
    assert map_tag("O", common) == "O"


def test_map_wikifane_fine_classes() -> None:
    fane = TAG_MAPS["wikifane"]
    assert map_tag("B-Politician", fane) == "B-PER"
    assert map_tag("I-Nation", fane) == "I-LOC"
    assert map_tag("B-Media", fane) == "B-ORG"
    assert map_tag("B-Software", fane) == "B-MISC"
    assert map_tag("B-Group", fane) == "O"


def test_wojood_outermost_mapped_column() -> None:
    lines = ["سكرتير B-OCC", "اللجنة I-OCC B-ORG", "القومية I-OCC I-ORG", "في I-OCC", "نابلس I-OCC B-GPE",
             "", "مجلس B-ORG", "الأسد I-ORG B-PERS"]
    first, second = parse_conll(lines, TAG_MAPS["wojood"])
    assert [t for _, t in first] == ["O", "B-ORG", "I-ORG", "O", "B-LOC"]
    assert [t for _, t in second] == ["B-ORG", "I-ORG"]


def test_bidi_mark_tokens_are_dropped_and_bad_lines_raise() -> None:
    (sentence,) = parse_conll(["\u200f O", "\u200eباريس B-LOC"])
    assert sentence == [("باريس", "B-LOC")]
    with pytest.raises(MalformedInput):
        list(parse_conll(["وحيد"]))


def test_spans_iob1_and_iob2() -> None:
    assert spans(["B-PER", "I-PER", "O", "B-LOC"]) == {(0, 2, "PER"), (3, 4, "LOC")}
    # IOB1: I- opens a chunk; B- only separates two adjacent chunks of one type.
    assert spans(["I-PER", "I-PER", "B-PER", "I-LOC"]) == {(0, 2, "PER"), (2, 3, "PER"), (3, 4, "LOC")}
    assert to_iob2(["I-PER", "I-PER", "O", "I-LOC", "B-LOC"]) == ["B-PER", "I-PER", "O", "B-LOC", "B-LOC"]


def test_scorer_hand_checked() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG"]]
    pred = [["B-PER", "I-PER", "O", "B-ORG", "O", "B-ORG", "O"]]
    # gold: PER(0,2) LOC(3,4) ORG(5,7); pred: PER(0,2) ORG(3,4) ORG(5,6) -> 1 TP, 2 FP, 2 FN.
    result = score(gold, pred)
    assert (result.micro.tp, result.micro.fp, result.micro.fn) == (1, 2, 2)
    assert result.micro.precision == pytest.approx(1 / 3)
    assert result.micro.recall == pytest.approx(1 / 3)
    assert result.per_type["PER"].f1 == 1.0
    assert result.per_type["LOC"].recall == 0.0
    assert result.per_type["ORG"].precision == 0.0
    assert "micro" in result.table()


def test_scorer_rejects_length_mismatch() -> None:
    with pytest.raises(MalformedInput):
        score([["O", "O"]], [["O"]])


def test_gold_pred_file(tmp_path) -> None:
    path = tmp_path / "out.conll"
    path.write_text("بوتين B-PERS B-PER\nفي O O\nموسكو B-LOC O\n\nتاس B-ORG B-ORG\n", encoding="utf-8")
    pairs = read_conll_pairs(path, TAG_MAPS["common"])
    result = score([g for g, _ in pairs], [p for _, p in pairs])
    assert (result.micro.tp, result.micro.fp, result.micro.fn) == (2, 0, 1)
