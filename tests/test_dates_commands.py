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
