"""marsad.api: reading a batch of inputs."""

from __future__ import annotations

from pathlib import Path

from marsad.api import read_inputs
from marsad.config import Config

BODY = ("قال وزير الصحة أحمد محمد إن الوضع الصحي مستقر في المدينة اليوم، وأكد أن الحكومة تعمل على "
        "توفير الأدوية لكل المستشفيات في أقرب وقت ممكن.\n")


def test_the_same_text_read_twice_is_analysed_once_and_the_copy_names_the_original(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(BODY, encoding="utf-8")
    second.write_text(BODY, encoding="utf-8")
    articles, rejected = read_inputs([first, second], Config())
    assert [a.source for a in articles] == [str(first)]
    assert [(r.source, r.code) for r in rejected] == [(str(second), "E108")]
    assert str(first) in rejected[0].reason and "read in its place" in rejected[0].reason
