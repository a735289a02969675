"""`marsad eval ner` and the registration of the `train`/`eval` groups."""

from __future__ import annotations

from pathlib import Path

import typer
from typer.testing import CliRunner

from marsad.commands import ner


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.command()
    def version() -> None:  # a second command so that sub-groups are kept as groups
        typer.echo("0")

    ner.register(app)
    return app


def test_register_adds_train_and_eval_groups() -> None:
    runner = CliRunner()
    assert "ner" in runner.invoke(_app(), ["train", "--help"]).output
    assert "ner" in runner.invoke(_app(), ["eval", "--help"]).output


def test_eval_ner_gold_pred_file(tmp_path: Path) -> None:
    path = tmp_path / "pred.conll"
    path.write_text("بوتين B-PERS B-PER\nفي O O\nموسكو B-LOC B-ORG\n", encoding="utf-8")
    result = CliRunner().invoke(_app(), ["eval", "ner", "--gold-pred", str(path)])
    assert result.exit_code == 0, result.output
    micro = next(line for line in result.output.splitlines() if line.startswith("micro")).split()
    assert micro[1:4] == ["0.500", "0.500", "0.500"]


def test_eval_ner_tags_with_the_shipped_model(tmp_path: Path) -> None:
    path = tmp_path / "gold.conll"
    path.write_text("قال O\nالرئيس O\nالروسي O\nفلاديمير B-PERS\nبوتين I-PERS\nفي O\nموسكو B-LOC\n. O\n",
                    encoding="utf-8")
    result = CliRunner().invoke(_app(), ["eval", "ner", str(path)])
    assert result.exit_code == 0, result.output
    assert "PER" in result.output and "micro" in result.output


def test_eval_ner_bad_map_and_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.conll"
    path.write_text("وحيد\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(_app(), ["eval", "ner", "--map", "nope", str(path)]).exit_code == 2
    result = runner.invoke(_app(), ["eval", "ner", str(path)])
    assert result.exit_code == 2 and "E107" in result.output
