"""marsad watch: only new items are read, stories grow incrementally with stable ids, bad sources are
rejections. Feeds are served from local files on 127.0.0.1 (bounded request loops)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import typer
from typer.testing import CliRunner

from marsad.commands import watch as watch_command
from marsad.config import load_config
from marsad.model import Article, Mention, Quote, Sentence, Story, TimeExpression
from marsad.watch import revive, to_json, watch_once

FIXTURES = Path(__file__).parent / "fixtures" / "cluster"
EVENTS = {"quake_kermanshah": "2017-11-14", "sudan_floods": "2017-11-15", "ahly_final": "2017-11-16"}  # one week: no closing


def _copy(names: list[str], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(FIXTURES / f"{name}.txt", folder / f"{name}.txt")


def _stories(out: Path) -> dict[str, set[str]]:
    document = json.loads((out / "marsad.json").read_text(encoding="utf-8"))
    sources = {a["id"]: Path(a["source"]).name.split("#")[-1] for a in document["articles"]}
    return {s["id"]: {sources[a] for a in s["article_ids"]} for s in document["stories"]}


def _story_of(stories: dict[str, set[str]], name: str) -> str:
    return next(sid for sid, members in stories.items() if any(name in m for m in members))


def test_folder_poll_reads_only_new_files_and_keeps_story_ids(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    _copy([f"{e}_a" for e in EVENTS], inbox)
    first = watch_once([str(inbox)], out, load_config())
    assert len(first.new_articles) == 3 and len(first.touched_stories) == 3
    before = _stories(out)
    _copy(["quake_kermanshah_b", "sudan_floods_b"], inbox)
    second = watch_once([str(inbox)], out, load_config())
    assert len(second.new_articles) == 2
    after = _stories(out)
    for event in ("quake_kermanshah", "sudan_floods"):
        sid = _story_of(before, f"{event}_a")
        assert after[sid] == {f"{event}_a.txt", f"{event}_b.txt"}
    assert _story_of(after, "ahly_final_a") == _story_of(before, "ahly_final_a")
    assert set(second.touched_stories) == {_story_of(before, "quake_kermanshah_a"), _story_of(before, "sudan_floods_a")}
    written = {name: (out / name).stat().st_mtime_ns for name in ("marsad.json", "report.html")}
    third = watch_once([str(inbox)], out, load_config())
    assert third.new_articles == [] and third.touched_stories == []
    assert {name: (out / name).stat().st_mtime_ns for name in written} == written  # a quiet poll rewrites nothing


def test_outputs_and_store_hold_every_article(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    _copy(["quake_kermanshah_a", "quake_kermanshah_b", "ahly_final_a"], inbox)
    watch_once([str(inbox)], out, load_config())
    assert (out / "report.html").stat().st_size > 0 and (out / "stories.idx").is_file()
    with sqlite3.connect(out / "marsad.db") as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 3
        assert conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0] == 2
    document = json.loads((out / "marsad.json").read_text(encoding="utf-8"))
    assert sorted(len(s["article_ids"]) for s in document["stories"]) == [1, 2]


def test_rerun_from_scratch_gives_the_same_story_ids(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    _copy([f"{e}_{s}" for e in EVENTS for s in "ab"], inbox)
    watch_once([str(inbox)], tmp_path / "one", load_config())
    watch_once([str(inbox)], tmp_path / "two", load_config())
    assert _stories(tmp_path / "one") == _stories(tmp_path / "two")
    assert len(_stories(tmp_path / "one")) == 3


def test_bad_sources_become_rejections(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    _copy(["ahly_final_a"], inbox)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "broken.rss").write_text("<rss><channel>", encoding="utf-8")
    report = watch_once([str(inbox), str(tmp_path / "missing"), "http://127.0.0.1:9/feed.xml"],
                        tmp_path / "out", load_config())
    assert len(report.new_articles) == 1
    reasons = {Path(r.source).name: r.reason for r in report.rejected}
    assert {"empty.txt", "broken.rss", "missing", "feed.xml"} <= set(reasons)
    assert "cannot be fetched" in reasons["feed.xml"]


def test_stories_close_after_the_inactivity_window(tmp_path: Path) -> None:
    feed, out = tmp_path / "local.rss", tmp_path / "out"
    feed.write_bytes(_rss(["quake_kermanshah_a"]))
    watch_once([str(feed)], out, load_config())
    assert watch_once([str(feed)], out, load_config(), today="2017-11-20").closed_stories == []
    later = watch_once([str(feed)], out, load_config(), today="2017-12-30")
    assert len(later.closed_stories) == 1
    feed.write_bytes(_rss(["quake_kermanshah_b"]))
    watch_once([str(feed)], out, load_config())
    assert len(_stories(out)) == 2  # the closed story takes no new article


# ---------------------------------------------------------------- feeds on loopback


def _rss(names: list[str]) -> bytes:
    items = []
    for name in names:
        lines = [line for line in (FIXTURES / f"{name}.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
        day = datetime.fromisoformat(EVENTS[name.rsplit("_", 1)[0]]).replace(tzinfo=UTC)
        body = "".join(f"<p>{escape(line)}</p>" for line in lines[1:])
        items.append(f"<item><guid>urn:test:{name}</guid><title>{escape(lines[0])}</title>"
                     f"<pubDate>{format_datetime(day)}</pubDate><description>{escape(body)}</description></item>")
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>test-feed</title>'
            + "".join(items) + "</channel></rss>").encode("utf-8")


@pytest.fixture
def feed_server() -> Iterator[tuple[str, dict[str, bytes]]]:
    """Serves ``pages[path]`` on 127.0.0.1 (404 otherwise) until the test ends; at most 50 requests."""
    pages: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            body = pages.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.end_headers()
            self.wfile.write(body or b"not found")

        def log_message(self, *args: object) -> None:
            return

    server = HTTPServer(("127.0.0.1", 0), Handler)
    server.timeout = 0.2
    stop = threading.Event()

    def serve() -> None:
        for _ in range(500):  # bounded: 500 x 0.2 s idle at most, and stops with the test
            if stop.is_set():
                break
            server.handle_request()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", pages
    finally:
        stop.set()
        thread.join(timeout=5)
        server.server_close()


def test_feed_over_loopback_reads_only_new_entries(tmp_path: Path, feed_server: tuple[str, dict[str, bytes]]) -> None:
    base, pages = feed_server
    out = tmp_path / "out"
    pages["/feed.xml"] = _rss(["quake_kermanshah_a", "ahly_final_a"])
    first = watch_once([f"{base}/feed.xml", f"{base}/gone.xml"], out, load_config())
    assert len(first.new_articles) == 2
    assert [r.source for r in first.rejected] == [f"{base}/gone.xml"]
    pages["/feed.xml"] = _rss(["quake_kermanshah_b", "quake_kermanshah_a", "ahly_final_a"])
    second = watch_once([f"{base}/feed.xml"], out, load_config())
    assert len(second.new_articles) == 1
    stories = _stories(out)
    assert len(stories) == 2
    assert any(len(members) == 2 for members in stories.values())


def test_cli_watch_once(tmp_path: Path) -> None:
    app = typer.Typer()
    watch_command.register(app)
    app.command("noop")(lambda: None)
    inbox = tmp_path / "inbox"
    _copy(["sudan_floods_a"], inbox)
    result = CliRunner().invoke(app, ["watch", str(inbox), str(tmp_path / "nope"), "--out", str(tmp_path / "o"),
                                      "--once"])
    assert result.exit_code == 0, result.output
    assert "new articles 1" in result.output and "nope" in result.output


def test_cli_watch_bad_config_exits_2(tmp_path: Path) -> None:
    app = typer.Typer()
    watch_command.register(app)
    app.command("noop")(lambda: None)
    bad = tmp_path / "bad.toml"
    bad.write_text("[marsad]\nno_such_key = 1\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["watch", str(tmp_path), "--out", str(tmp_path / "o"), "--once",
                                      "--config", str(bad)])
    assert result.exit_code == 2 and "no_such_key" in result.output


# ---------------------------------------------------------------- stored records


def test_records_survive_the_state_round_trip() -> None:
    article = Article(id="a1", source="x.txt", title="عنوان", text="قال الوزير «نعم» في ٣ تشرين",
                      sentences=[Sentence(0, 10, 0)], mentions=[Mention(0, 3, "الوزير", "PER")],
                      quotes=[Quote("a1", "نعم", "direct", 10, 13, via=["وكالة"])],
                      times=[TimeExpression(14, 20, "٣ تشرين", "2015-10-03")], meta={"entry_id": "u:1"})
    assert revive(Article, json.loads(to_json(article))) == article
    story = Story(id="s-1", title="t", article_ids=["a1"])
    assert revive(Story, json.loads(to_json(story))) == story


def test_a_copy_arriving_in_a_later_poll_is_marked_and_joins_its_story(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    _copy(["sudan_floods_a"], inbox)
    watch_once([str(inbox)], out, load_config())
    original = (inbox / "sudan_floods_a.txt").read_text(encoding="utf-8")
    (inbox / "copy.txt").write_text(original + "\nالمصدر: وكالات الأنباء\n", encoding="utf-8")
    watch_once([str(inbox)], out, load_config())
    document = json.loads((out / "marsad.json").read_text(encoding="utf-8"))
    copy = next(a for a in document["articles"] if a["source"].endswith("copy.txt"))
    assert copy["duplicate_of"] and len(document["stories"]) == 1
