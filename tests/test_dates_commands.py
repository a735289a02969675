"""marsad.commands.dates: ``marsad dates TEXT`` and ``marsad eval dates SPEC...``."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from marsad.commands import dates


def app() -> typer.Typer:
    root = typer.Typer()

    @root.callback()
    def main() -> None:
        """Test root."""

    dates.register(root)
    return root


def test_dates_command_prints_expressions() -> None:
    result = CliRunner().invoke(app(), ["dates", "خرقت الطائرة الأجواء السبت 3 أكتوبر", "--anchor", "2015-10-07"])
    assert result.exit_code == 0, result.output
    (line,) = result.output.splitlines()
    assert json.loads(line)["value"] == "2015-10-03"


def test_eval_dates_command_scores_a_spec_file(tmp_path: Path) -> None:
    spec = tmp_path / "cases.json"
    spec.write_text(json.dumps([{"Input": "سأعود في 22 أبريل", "Results": [{"Text": "22 أبريل", "Start": 9}]}],
                               ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(app(), ["eval", "dates", str(spec)])
    assert result.exit_code == 0, result.output
    assert "spans 1.000" in result.output.splitlines()[-1]


def test_eval_dates_command_scores_only_the_requested_part(tmp_path: Path) -> None:
    from marsad.dates.evaluate import in_dev_test

    cases = [{"Input": f"سأعود في {n} أبريل", "Results": [{"Text": f"{n} أبريل", "Start": 9}]} for n in range(1, 29)]
    spec = tmp_path / "cases.json"
    spec.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    held = sum(in_dev_test(c) for c in cases)
    for part, count in (("test", held), ("dev", len(cases) - held), ("all", len(cases))):
        result = CliRunner().invoke(app(), ["eval", "dates", "--part", part, str(spec)])
        assert result.exit_code == 0, result.output
        assert f"expected {count:5d}" in result.output.splitlines()[-1]


def test_eval_dates_command_shows_misses(tmp_path: Path) -> None:
    spec = tmp_path / "cases.json"
    spec.write_text(json.dumps([{"Input": "سأعود في 22 أبريل", "Results": [{"Text": "أبريل", "Start": 12}]}],
                               ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(app(), ["eval", "dates", "--show-misses", str(spec)])
    assert result.exit_code == 0, result.output
    miss = json.loads(result.output.splitlines()[0])
    assert miss["expected"] == "أبريل" and miss["found"] == "22 أبريل" and not miss["span_ok"]


def test_eval_dates_command_reports_a_bad_spec_file_and_scores_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps([{"Input": "سأعود في 22 أبريل", "Results": [{"Text": "22 أبريل", "Start": 9}]}],
                               ensure_ascii=False), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('[{"Input": "سأعود', encoding="utf-8")
    wrong_shape = tmp_path / "shape.json"
    wrong_shape.write_text('{"Input": "x"}', encoding="utf-8")
    missing = tmp_path / "*.json.nothing"
    result = CliRunner().invoke(app(), ["eval", "dates", str(missing), str(broken), str(good), str(wrong_shape)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = result.stderr.splitlines()
    assert any("[E100]" in line and str(missing) in line for line in errors), errors
    assert any("[E107]" in line and str(broken) in line and "invalid JSON" in line for line in errors), errors
    assert any("[E107]" in line and str(wrong_shape) in line for line in errors), errors
    lines = result.stdout.splitlines()
    assert lines[0].startswith("good ") and "spans 1.000" in lines[-1]


def test_eval_dates_command_with_no_readable_spec_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(app(), ["eval", "dates", str(tmp_path / "none.json")])
    assert result.exit_code == 2 and "[E100]" in result.stderr and "none.json" in result.stderr


def test_read_spec_names_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    import pytest

    from marsad.dates.evaluate import read_spec
    from marsad.errors import UndecodableInput

    spec = tmp_path / "latin.json"
    spec.write_bytes('[{"Input": "é"}]'.encode("latin-1"))
    with pytest.raises(UndecodableInput, match="latin.json"):
        read_spec(spec)
