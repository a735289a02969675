"""Parquet export: tables shaped like the SQL stores, Arabic text exact, lists intact, atomic replacement."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import marsad
from marsad.commands.export import export_option, register
from marsad.errors import StoreError
from marsad.export_parquet import (
    MANIFEST,
    SCHEMA_VERSION,
    TABLES,
    ExportError,
    ParquetUnavailable,
    write_parquet,
)
from marsad.model import (
    Article,
    Claim,
    Entity,
    Evidence,
    Mention,
    Quote,
    Rejection,
    Result,
    Story,
    SummarySentence,
    TimeExpression,
    TimelineEvent,
)
from marsad.store import open_store
from marsad.store.rows import ARTICLE_CHILDREN

pq = pytest.importorskip("pyarrow.parquet")

# Diacritics, tatweel, ZWNJ, an RTL mark, Arabic-Indic digits and Latin in one text.
TEXT = "قالَ المتحدث الرسمـــي إيغور كوناشينكوف\u200c: «نفّذنا ٢٠ طلعة» \u200fفي 3 أكتوبر/تشرين الأول (Reuters)."
SPEAKER = "إيغور كوناشينكوف"


def small_result() -> Result:
    article = Article(id="a1", source="x/001.txt", title="عنوان الخبر", text=TEXT, outlet="سانا",
                      published="2015-10", language="ar", meta={"feed": "روسيا"},
                      mentions=[Mention(23, 39, SPEAKER, "PER", entity_id="e1", role="المتحدث الرسمي")],
                      times=[TimeExpression(59, 78, "3 أكتوبر/تشرين الأول", "2015-10-03", sentence=0)])
    other = Article(id="a2", source="x/002.txt", text="نقلت وكالة عن مصدر أن ٢٠ طلعة نفذت.", duplicate_of=None)
    quote = Quote("a1", "نفّذنا ٢٠ طلعة", "direct", 42, 56, speaker=SPEAKER, speaker_entity_id="e1",
                  via=["وكالة سبوتنيك", "RT عربي"], cue="قال", sentence=0, group="g1")
    story = Story(id="s1", title="الغارات الروسية", article_ids=["a1", "a2"],
                  entities=[Entity("e1", "PER", SPEAKER, variants=[SPEAKER, "كوناشنكوف"], article_ids=["a1"],
                                   roles=["المتحدث الرسمي"], mentions=[("a1", 23, 39)]),
                            Entity("e2", "ORG", "وزارة الدفاع الروسية")],
                  quotes=[quote, Quote("a2", "٢٠ طلعة نفذت", "indirect", 24, 35)],
                  timeline=[TimelineEvent("2015-10-03", "3 أكتوبر/تشرين الأول", "a1", TEXT, ["a1"]),
                            TimelineEvent("2015-10", "أكتوبر", "a2", "…", ["a2", "a1"])],
                  summary=[SummarySentence("نفذت روسيا ٢٠ طلعة.", ["a1", "a2"])],
                  claims=[Claim("٢٠ طلعة", ["a1", "a2"], "corroborated",
                                [Evidence("a1", TEXT, "supports", 0, len(TEXT)), Evidence("a2", "…")]),
                          Claim("٣٠ طلعة", ["a2"], "disputed", [Evidence("a2", "…", "contradicts")])])
    return Result(articles=[article, other], rejected=[Rejection("x/empty.txt", "empty file", "E101")],
                  stories=[story])


def read(folder, name):
    return pq.read_table(folder / f"{name}.parquet").to_pylist()


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    folder = tmp_path_factory.mktemp("small") / "parquet"
    return folder, write_parquet(small_result(), folder)


@pytest.fixture(scope="module")
def seeds_result(seeds_dir):
    return marsad.analyze([seeds_dir])


def test_row_counts_equal_the_records(small):
    folder, counts = small
    result = small_result()
    story = result.stories[0]
    expected = {"articles": 2, "rejected": 1, "stories": 1, "story_articles": 2, "entities": 2,
                "entity_variants": 2, "entity_articles": 1, "entity_mentions": 1, "article_mentions": 1,
                "article_times": 1, "quotes": 2, "quote_via": 2, "timeline": 2, "timeline_articles": 3,
                "summary": 1, "claims": 2, "claim_articles": 3, "claim_evidence": 3}
    assert {name: counts[name] for name in expected} == expected
    assert counts["quotes"] == len(story.quotes)
    for name, rows in counts.items():
        assert pq.read_metadata(folder / f"{name}.parquet").num_rows == rows, name


def test_arabic_text_round_trips_exactly(small):
    folder, _ = small
    articles = read(folder, "articles")
    assert articles[0]["text"] == TEXT and articles[0]["title"] == "عنوان الخبر"
    assert json.loads(articles[0]["meta"]) == {"feed": "روسيا"}
    assert articles[1]["outlet"] is None and articles[1]["published"] is None
    mention = read(folder, "article_mentions")[0]
    assert TEXT[mention["char_start"]:mention["char_end"]] == mention["text"] == SPEAKER


def test_quote_via_list_and_relay_table_intact(small):
    folder, _ = small
    quotes = read(folder, "quotes")
    assert quotes[0]["via"] == ["وكالة سبوتنيك", "RT عربي"] and quotes[1]["via"] == []
    assert quotes[0]["quote_group"] == "g1" and quotes[1]["speaker"] is None
    relay = [(r["quote_position"], r["position"], r["via"]) for r in read(folder, "quote_via")]
    assert relay == [(0, 0, "وكالة سبوتنيك"), (0, 1, "RT عربي")]


def test_timeline_values_and_claim_statuses(small):
    folder, _ = small
    assert [(e["value"], e["text"]) for e in read(folder, "timeline")] == [
        ("2015-10-03", "3 أكتوبر/تشرين الأول"), ("2015-10", "أكتوبر")]
    assert [c["status"] for c in read(folder, "claims")] == ["corroborated", "disputed"]
    evidence = read(folder, "claim_evidence")
    assert [(e["claim_position"], e["relation"], e["char_start"]) for e in evidence] == [
        (0, "supports", 0), (0, "supports", -1), (1, "contradicts", -1)]


def test_quotes_join_entities_gives_speaker_name(small):
    folder, _ = small
    quotes = pq.read_table(folder / "quotes.parquet", columns=["story_id", "text", "speaker_entity_id"])
    entities = pq.read_table(folder / "entities.parquet").rename_columns(
        ["story_id", "entity_position", "speaker_entity_id", "type", "name"])
    joined = quotes.join(entities, keys=["story_id", "speaker_entity_id"], join_type="inner").to_pylist()
    assert [(row["text"], row["name"], row["type"]) for row in joined] == [("نفّذنا ٢٠ طلعة", SPEAKER, "PER")]


def test_schemas_are_explicit_and_manifest_names_every_table(small):
    folder, counts = small
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["schema_version"] == SCHEMA_VERSION and manifest["marsad_version"] == marsad.__version__
    assert {t["name"]: t["rows"] for t in manifest["tables"]} == counts
    quotes = pq.read_schema(folder / "quotes.parquet")
    assert str(quotes.field("via").type) == "list<element: string>" and str(quotes.field("char_start").type) == "int32"
    assert quotes.metadata[b"marsad.schema_version"] == str(SCHEMA_VERSION).encode()
    assert pq.read_metadata(folder / "articles.parquet").row_group(0).column(0).compression == "ZSTD"
    assert sorted(p.name for p in folder.iterdir()) == sorted([MANIFEST, *(f"{t.name}.parquet" for t in TABLES)])


def test_article_tables_have_the_sql_columns():
    specs = {spec.name: [c for c, _ in spec.columns] for spec in TABLES}
    for child in ARTICLE_CHILDREN:
        assert specs[child.table] == ["article_id", "position", *(c for c, _ in child.columns)], child.table


def test_reexport_replaces_not_appends(tmp_path):
    folder = tmp_path / "parquet"
    write_parquet(small_result(), folder)
    smaller = small_result()
    smaller.articles = smaller.articles[:1]
    smaller.stories = []
    counts = write_parquet(smaller, folder)
    assert counts["articles"] == 1 and counts["quotes"] == 0
    assert len(read(folder, "articles")) == 1 and read(folder, "stories") == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["parquet"]  # no staging or old folder left


def test_same_result_gives_identical_files(tmp_path):
    write_parquet(small_result(), tmp_path / "a")
    write_parquet(small_result(), tmp_path / "b")
    for spec in TABLES:
        assert (tmp_path / "a" / spec.file).read_bytes() == (tmp_path / "b" / spec.file).read_bytes(), spec.name


def test_unwritable_folder_is_a_coded_error_naming_it(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(ExportError) as caught:
        write_parquet(small_result(), blocker / "parquet")
    assert isinstance(caught.value, StoreError) and caught.value.code == "E410"
    assert str(blocker / "parquet") in str(caught.value)


def test_folder_with_other_files_is_left_alone(tmp_path):
    (tmp_path / "marsad.json").write_text("{}")
    with pytest.raises(ExportError, match="not a Marsad Parquet export"):
        write_parquet(small_result(), tmp_path)
    assert (tmp_path / "marsad.json").read_text() == "{}"
    assert [p.name for p in tmp_path.parent.iterdir() if p.name.startswith(f".{tmp_path.name}.")] == []


def test_seeds_through_store_and_export_command(seeds_result, tmp_path):
    db = tmp_path / "marsad.db"
    with open_store(str(db)) as store:
        store.save(seeds_result)
    app = typer.Typer()
    app.callback()(lambda: None)
    register(app)
    folder = tmp_path / "parquet"
    run = CliRunner().invoke(app, ["export", "--parquet", str(folder), "--db", str(db)])
    assert run.exit_code == 0, run.output
    assert f"parquet: {folder}" in run.output
    story = seeds_result.stories[0]
    assert len(read(folder, "articles")) == len(seeds_result.articles)
    assert len(read(folder, "quotes")) == len(story.quotes) and len(read(folder, "claims")) == len(story.claims)
    texts = {a["id"]: a["text"] for a in read(folder, "articles")}
    assert texts == {a.id: a.text for a in seeds_result.articles}
    assert [q["via"] for q in read(folder, "quotes")] == [q.via for q in story.quotes]
    missing = CliRunner().invoke(app, ["export", "--parquet", str(folder), "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no such store" in missing.output


def test_export_option_writes_only_when_asked(tmp_path, capsys):
    export_option(small_result(), None)
    assert list(tmp_path.iterdir()) == []
    export_option(small_result(), tmp_path / "p", quiet=True)
    assert (tmp_path / "p" / MANIFEST).exists() and capsys.readouterr().out == ""


ARABIC_AND_MARKS = st.text(st.one_of(st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
                                     st.sampled_from("\u200c\u200d\u200e\u200f\u0640 abc٠١٢3«»\n")), max_size=40)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ARABIC_AND_MARKS, speaker=ARABIC_AND_MARKS)
def test_any_arabic_text_round_trips(tmp_path, text, speaker):
    result = small_result()
    result.articles[0].text = text
    result.stories[0].quotes[0].via = [speaker, text]
    write_parquet(result, tmp_path / "p")
    assert read(tmp_path / "p", "articles")[0]["text"] == text
    assert read(tmp_path / "p", "quotes")[0]["via"] == [speaker, text]


def test_import_does_not_load_pyarrow():
    code = "import sys, marsad.export_parquet, marsad.commands.export; print('pyarrow' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_docs_list_every_table_and_their_sql_runs(small, repo_dir):
    """docs/parquet.md names each table with its columns, and its SQL runs over the tables (SQLite here)."""
    folder, _ = small
    doc = (repo_dir / "docs" / "parquet.md").read_text(encoding="utf-8")
    for spec in TABLES:
        assert f"| `{spec.name}` | {', '.join(c for c, _ in spec.columns)} |" in doc, spec.name
    conn = sqlite3.connect(":memory:")
    for spec in TABLES:
        names = [c for c, _ in spec.columns]
        conn.execute(f"CREATE TABLE {spec.name} ({', '.join(names)})")
        rows = [[json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for v in row.values()]
                for row in read(folder, spec.name)]
        conn.executemany(f"INSERT INTO {spec.name} VALUES ({', '.join('?' * len(names))})", rows)
    queries = [q for q in re.sub(r"'out/parquet/(\w+)\.parquet'", r"\1", doc).split(";") if "SELECT" in q]
    answers = [conn.execute(q[q.index("SELECT"):]).fetchall() for q in queries]
    assert len(answers) == 3
    assert answers[0][0][0] == SPEAKER and answers[2] == [("٣٠ طلعة", "contradicts", "…")]


def test_rows_written_in_batches_and_relative_folder(tmp_path, monkeypatch):
    monkeypatch.setattr("marsad.export_parquet.BATCH_ROWS", 1)
    monkeypatch.chdir(tmp_path)
    counts = write_parquet(small_result(), "p")
    assert pq.read_metadata(tmp_path / "p" / "claim_evidence.parquet").num_row_groups == counts["claim_evidence"] == 3
    assert [r["id"] for r in read(tmp_path / "p", "articles")] == ["a1", "a2"]


def test_missing_pyarrow_is_a_coded_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(ParquetUnavailable, match=r"marsad\[parquet\]") as caught:
        write_parquet(small_result(), tmp_path / "p")
    assert caught.value.code == "E411" and not (tmp_path / "p").exists()
