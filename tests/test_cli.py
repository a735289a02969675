"""The CLI contract: outputs, exit codes 0/1/2, --quiet, and the README's commands."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from marsad.cli import _register_commands, app

_register_commands()
runner = CliRunner()


def test_analyze_seeds_writes_outputs_exit_0(seeds_dir, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(seeds_dir), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.output == ""
    document = json.loads((out / "marsad.json").read_text(encoding="utf-8"))
    assert len(document["stories"]) == 1
    assert (out / "report.html").exists() and (out / "marsad.db").exists()
    again = runner.invoke(app, ["analyze", str(seeds_dir), "--out", str(out), "--quiet"])
    assert again.exit_code == 0


def test_exit_1_when_some_rejected_and_2_when_nothing_usable(seeds_dir, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    some = runner.invoke(app, ["analyze", str(seeds_dir / "000_a0100a77bcf24b2e.txt"), str(empty),
                               "--out", str(tmp_path / "a"), "--quiet"])
    assert some.exit_code == 1
    nothing = runner.invoke(app, ["analyze", str(empty), "--out", str(tmp_path / "b"), "--quiet"])
    assert nothing.exit_code == 2


def test_search_finds_spelling_variants(seeds_dir, tmp_path):
    out = tmp_path / "out"
    runner.invoke(app, ["analyze", str(seeds_dir), "--out", str(out), "--quiet"])
    hits = runner.invoke(app, ["search", "إيغور", "--db", str(out / "marsad.db")])
    assert hits.exit_code == 0
    assert len(hits.output.strip().splitlines()) >= 2


def test_readme_commands_exist(repo_dir):
    readme = (repo_dir / "README.md").read_text(encoding="utf-8")
    makefile = (repo_dir / "Makefile").read_text(encoding="utf-8")
    for target in re.findall(r"^make (\w+)", readme, flags=re.M):
        assert re.search(rf"^{target}:", makefile, flags=re.M), target
    for command in set(re.findall(r"^marsad (\w+)", readme, flags=re.M)):
        assert runner.invoke(app, [command, "--help"]).exit_code == 0, command


def test_help_shows_bracketed_extras_and_tables_literally():
    # rich markup would eat «[marsad]» and «[spark]» as style tags
    out = runner.invoke(app, ["analyze", "--help"], terminal_width=200).output
    assert "[marsad] table" in out and "marsad[spark]" in out and "marsad[postgres]" in out
