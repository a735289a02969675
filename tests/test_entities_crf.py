"""Decoding repairs applied to the CRF's tags."""

from __future__ import annotations

from marsad.entities.crf import join_person_runs


def test_person_after_person_is_one_name() -> None:
    words = ["قال", "فلاديمير", "بوتين", "في", "موسكو"]
    tags = ["O", "B-PER", "B-PER", "O", "B-LOC"]
    assert join_person_runs(words, tags) == ["O", "B-PER", "I-PER", "O", "B-LOC"]


def test_coordinated_people_stay_apart() -> None:
    assert join_person_runs(["بوش", "وبلير"], ["B-PER", "B-PER"]) == ["B-PER", "B-PER"]
    assert join_person_runs(["ماتيراتزي", "لزيدان"], ["B-PER", "B-PER"]) == ["B-PER", "B-PER"]
    assert join_person_runs(["روسيا", "بوتين"], ["B-LOC", "B-PER"]) == ["B-LOC", "B-PER"]
