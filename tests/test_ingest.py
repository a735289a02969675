"""Readers: every format, every kind of bad input, and a fuzz test that nothing escapes read_paths."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.config import Config
from marsad.ingest import article_id, read_bytes, read_paths
from marsad.model import Article, Rejection

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
CONFIG = Config()
SEED_003 = "003_823bc19be5af1ebc.txt"


def read(*paths: Path | str, config: Config = CONFIG) -> list[Article | Rejection]:
    return list(read_paths(paths, config))


def only(items: list[Article | Rejection]) -> Article | Rejection:
    assert len(items) == 1, items
    return items[0]


def rejected(path: Path, config: Config = CONFIG) -> Rejection:
    item = only(read(path, config=config))
    assert isinstance(item, Rejection), item
    assert item.reason and item.source == str(path)
    return item


# --- plain text and encodings -------------------------------------------------------------------


def test_text_reader_title_id_and_encoding(seeds_dir):
    article = only(read(seeds_dir / "001_40fbe57fc7d134a0.txt"))
    assert isinstance(article, Article)
    assert article.title == "موسكو: تنسيق \"الضربات\" مع واشنطن ممكن"
    assert article.encoding == "utf-8"
    assert article.id == article_id(article.raw) and len(article.id) == 16
    assert "كوناشنكوف" in article.raw


def test_same_content_same_id_wherever_it_is_read(tmp_path, seed_texts):
    text = seed_texts[SEED_003]
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8") + b"\n\n")
    (tmp_path / "c.txt").write_bytes(text.encode("utf-16"))
    ids = {item.id for item in read(tmp_path) if isinstance(item, Article)}
    assert len(ids) == 1


@pytest.mark.parametrize("encoding", ["cp1256", "iso-8859-6", "utf-16", "utf-16-le", "utf-8-sig"])
def test_legacy_and_unicode_encodings_decoded(tmp_path, seed_texts, encoding):
    text = seed_texts[SEED_003].split("almaghribtoday")[0]
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding, errors="ignore"))
    article = only(read(path))
    assert isinstance(article, Article), article
    assert "كوناشينكوف" in article.raw and "وزارة الدفاع الروسية" in article.raw
    assert article.encoding and article.encoding.replace("_", "-") in (encoding, "utf-16", "utf-8-sig", "cp1256")


def test_mixed_encodings_line_by_line(tmp_path, seed_texts):
    lines = [line for line in seed_texts[SEED_003].split("\n") if line.strip()][:30]
    data = b"\n".join(line.encode("cp1256" if n % 2 else "utf-8", errors="ignore") for n, line in enumerate(lines))
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    article = only(read(path))
    assert isinstance(article, Article) and article.encoding == "utf-8+cp1256"
    assert all(" ".join(line.split()) in article.raw for line in lines[14:18])


def test_empty_and_whitespace_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\n")
    assert rejected(tmp_path / "empty.txt").code == "E101"
    assert rejected(tmp_path / "blank.txt").code == "E101"


def test_binary_file(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(bytes(range(256)) * 64)
    item = rejected(path)
    assert item.code == "E102" and "binary" in item.reason


def test_invalid_utf8_rejected_or_decoded(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xff\xfe\xfa" + b"\x81\x8d" * 40 + "كلمة".encode() * 3)
    item = rejected(path)
    assert item.code == "E103" and "not valid text" in item.reason


def test_huge_file_rejected_by_size_without_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # sparse: 50 MB on paper
        handle.truncate(50 * 1024 * 1024)
    started = time.perf_counter()
    item = rejected(path)
    assert time.perf_counter() - started < 1.0
    assert item.code == "E104" and "52,428,800 bytes" in item.reason


def test_nul_bytes_removed(tmp_path, seed_texts):
    path = tmp_path / "nul.txt"
    path.write_bytes(seed_texts[SEED_003].encode("utf-8").replace(b" ", b" \x00", 5))
    article = only(read(path))
    assert isinstance(article, Article) and "\x00" not in article.raw


def test_missing_and_unsupported_files(tmp_path):
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    assert rejected(tmp_path / "photo.png").code == "E105"
    assert only(read(tmp_path / "nope.txt")).code == "E105"  # type: ignore[union-attr]


# --- HTML ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("page, story", [("page_semantic.html", "water"), ("page_table_cp1256.html", "port"),
                                         ("page_divs_related.html", "exam"), ("page_mobile_iso88596.html", "quake")])
def test_html_main_text_complete(page, story):
    article = only(read(FIXTURES / page))
    assert isinstance(article, Article), article
    title, paragraphs = EXPECTED["bodies"][story]
    for paragraph in paragraphs:
        assert paragraph in article.raw
    assert article.title == title


def test_html_metadata():
    article = only(read(FIXTURES / "page_semantic.html"))
    assert isinstance(article, Article)
    assert article.published == "2024-07-14"
    assert article.outlet == "شبكة الأخبار"
    assert article.url == "https://news.example.org/local/2024/07/14/water-plan"
    assert only(read(FIXTURES / "page_table_cp1256.html")).encoding == "windows-1256"  # type: ignore[union-attr]


def test_truncated_html(tmp_path):
    paragraphs = EXPECTED["bodies"]["water"][1]
    html = "<html><head><title>t</title></head><body><article>" + "".join(f"<p>{p}</p>" for p in paragraphs)
    path = tmp_path / "cut.html"
    path.write_text(html[: len(html) - 40], encoding="utf-8")
    article = only(read(path))
    assert isinstance(article, Article) and paragraphs[0] in article.raw


@pytest.mark.parametrize("depth", [2_000, 200_000])
def test_deeply_nested_markup(tmp_path, depth):
    paragraph = EXPECTED["bodies"]["port"][1][0]
    path = tmp_path / "deep.html"
    path.write_text("<div>" * depth + f"<p>{paragraph}</p>" * 4 + "</div>" * depth, encoding="utf-8")
    item = only(read(path))
    assert isinstance(item, Article) or item.code in ("E106", "E107")


def test_scripts_styles_and_huge_attributes(tmp_path):
    paragraphs = EXPECTED["bodies"]["quake"][1]
    html = (f"<html><head><style>p{{color:red}}</style><script>var a='{'x' * 500_000}';</script></head>"
            f"<body><div data-x=\"{'y' * 1_000_000}\">" + "".join(f"<p>{p}</p>" for p in paragraphs)
            + "<script>document.write('حقن')</script></div></body></html>")
    path = tmp_path / "hostile.html"
    path.write_text(html, encoding="utf-8")
    article = only(read(path))
    assert isinstance(article, Article)
    assert paragraphs[2] in article.raw and "حقن" not in article.raw and "xxxx" not in article.raw


def test_html_without_text(tmp_path):
    path = tmp_path / "nav.html"
    path.write_text("<html><head><script>var a = 1;</script></head><body><img src=x></body></html>",
                    encoding="utf-8")
    assert rejected(path).code == "E106"


# --- JSONL and feeds ----------------------------------------------------------------------------


def test_jsonl_records_and_bad_lines():
    items = read(FIXTURES / "articles.jsonl")
    articles = [i for i in items if isinstance(i, Article)]
    codes = {i.source.rsplit(":", 1)[-1]: i.code for i in items if isinstance(i, Rejection)}
    assert len(articles) == 2 and codes == {"3": "E107", "4": "E106", "5": "E107"}
    water = articles[0]
    assert water.published == "2024-07-14" and water.outlet == "شبكة الأخبار"
    assert water.title == EXPECTED["bodies"]["water"][0]
    assert EXPECTED["bodies"]["quake"][1][3] in articles[1].raw  # an HTML field went through trafilatura


def test_jsonl_whose_first_line_is_an_array_or_too_deep_keeps_its_other_records(tmp_path):
    body = "\n".join(EXPECTED["bodies"]["exam"][1])
    record = json.dumps({"text": body, "title": "بعده"}, ensure_ascii=False)
    deep = tmp_path / "deep.jsonl"
    deep.write_text("[" * 100_000 + "]" * 100_000 + "\n" + record + "\n", encoding="utf-8")
    items = read(deep)
    assert [i.title for i in items if isinstance(i, Article)] == ["بعده"]
    bad = [i for i in items if isinstance(i, Rejection)]
    assert [(r.source.rsplit(":", 1)[-1], r.code) for r in bad] == [("1", "E107")] and "nested" in bad[0].reason
    listed = tmp_path / "list_first.jsonl"
    listed.write_text("[1, 2]\n" + record + "\n", encoding="utf-8")
    assert [i.title for i in read(listed) if isinstance(i, Article)] == ["بعده"]


def test_a_truncated_pretty_printed_array_is_one_error(tmp_path):
    path = tmp_path / "cut.json"
    path.write_text('[\n  {"title": "a", "text": "نص"},\n  {"title": "b", "te', encoding="utf-8")
    assert rejected(path).code == "E107"


def test_jsonl_custom_field_names(tmp_path):
    path = tmp_path / "custom.jsonl"
    path.write_text(json.dumps({"matn": "\n".join(EXPECTED["bodies"]["exam"][1]), "unwan": "عنوان"},
                               ensure_ascii=False), encoding="utf-8")
    config = Config(extra={"jsonl_fields": {"text": "matn", "title": "unwan"}})
    article = only(read(path, config=config))
    assert isinstance(article, Article) and article.title == "عنوان"


def test_jsonl_lone_surrogate_escapes_are_repaired_and_a_bad_record_does_not_end_the_file(tmp_path):
    body = "\n".join(EXPECTED["bodies"]["exam"][1])
    lines = [json.dumps({"text": body.replace(" ", " \ud800", 1), "title": "نصف زوج"}),  # a lone UTF-16 half
             json.dumps({"text": body, "title": "زوج كامل \U0001F600"}),  # escaped as a pair: one character
             json.dumps({"text": ["not", "a", "string"], "title": "t"}),
             json.dumps({"text": body, "title": "بعده"})]
    path = tmp_path / "halves.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = read(path)
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.title for a in articles] == ["نصف زوج", "زوج كامل \U0001F600", "بعده"]
    assert "\ufffd" in articles[0].raw and all(not "\ud800" <= c <= "\udfff" for c in articles[0].raw)
    assert [i.source.rsplit(":", 1)[-1] for i in items if isinstance(i, Rejection)] == ["3"]


@pytest.mark.parametrize("module, function, fixture", [("marsad.ingest.rss", "article_from_entry", "feed.rss"),
                                                        ("marsad.ingest.jsonl", "article_from_record", "articles.jsonl")])
def test_a_record_that_breaks_its_reader_is_rejected_alone(monkeypatch, module, function, fixture):
    import importlib

    reader = importlib.import_module(module)
    real, calls = getattr(reader, function), []

    def first_fails(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise ValueError("unexpected shape")
        return real(*args, **kwargs)

    monkeypatch.setattr(reader, function, first_fails)
    items = read(FIXTURES / fixture)
    broken = [i for i in items if isinstance(i, Rejection) and "unexpected shape" in i.reason]
    assert len(broken) == 1 and broken[0].code == "E107"
    assert broken[0].source != str(FIXTURES / fixture)  # named by its record, not the whole file
    assert any(isinstance(i, Article) for i in items)  # the records after it were read


def test_rss_entries_with_content_or_summary():
    items = read(FIXTURES / "feed.rss")
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.published for a in articles] == ["2024-07-16", "2024-07-19"]
    port = articles[0]
    assert port.outlet == "شبكة الأخبار" and port.url == "https://news.example.org/economy/port"
    assert all(p in port.raw for p in EXPECTED["bodies"]["port"][1]) and "alert" not in port.raw
    assert articles[1].meta["summary_only"] is True
    assert any(isinstance(i, Rejection) and i.code == "E106" for i in items)


def test_atom_feed():
    article = only(read(FIXTURES / "feed.atom"))
    assert isinstance(article, Article)
    assert article.source.endswith("#urn:example:exam") and article.published == "2024-07-18"
    assert EXPECTED["bodies"]["exam"][1][4] in article.raw


# --- WARC and archives --------------------------------------------------------------------------


def write_warc(path: Path, pages: dict[str, bytes], gz: bool = True) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for uri, body in pages.items():
            kind = "text/css" if uri.endswith(".css") else "text/html; charset=utf-8"
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def test_warc_html_responses_only(tmp_path):
    pages = {"https://news.example.org/a": (FIXTURES / "page_semantic.html").read_bytes(),
             "https://news.example.org/style.css": b"body{color:red}",
             "https://news.example.org/b": (FIXTURES / "page_divs_related.html").read_bytes()}
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, pages)
    articles = read(path)
    assert [a.url for a in articles] == ["https://news.example.org/local/2024/07/14/water-plan",
                                         "https://news.example.org/b"]
    assert all(isinstance(a, Article) and a.meta["crawled"] for a in articles)
    assert articles[0].source == f"{path}!https://news.example.org/a"


def test_arc_file(tmp_path):
    version = b"1 0 Marsad\nURL IP-address Archive-date Content-type Archive-length\n"
    data = b"filedesc://t.arc 0.0.0.0 20240101000000 text/plain %d\n" % len(version) + version + b"\n"
    payload = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
               + (FIXTURES / "page_semantic.html").read_bytes())
    data += f"http://example.org/a 1.2.3.4 20240101000000 text/html {len(payload)}\n".encode() + payload + b"\n"
    path = tmp_path / "old.arc"
    path.write_bytes(data)
    article = only(read(path))
    assert isinstance(article, Article) and article.title == EXPECTED["bodies"]["water"][0]
    assert article.source == f"{path}!http://example.org/a"


def test_broken_warc(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n<html>")
    assert rejected(path).code == "E107"


def test_zip_and_tar_members_in_order(tmp_path, seeds_dir):
    seeds = sorted(seeds_dir.glob("*.txt"))
    with zipfile.ZipFile(tmp_path / "batch.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for seed in reversed(seeds):
            archive.write(seed, f"seeds/{seed.name}")
        archive.write(FIXTURES / "page_semantic.html", "pages/page.html")
        archive.writestr("empty.txt", b"")
    with tarfile.open(tmp_path / "batch.tar.gz", "w:gz") as archive:
        archive.add(FIXTURES / "feed.atom", "feed.atom")
    items = read(tmp_path / "batch.zip", tmp_path / "batch.tar.gz")
    sources = [i.source.split("!", 1)[1] for i in items]
    assert sources[:3] == ["empty.txt", "pages/page.html", f"seeds/{seeds[0].name}"]
    assert isinstance(items[0], Rejection) and items[0].code == "E101"
    assert sum(isinstance(i, Article) for i in items) == 7


def test_zip_bomb_stopped(tmp_path):
    config = Config(max_file_bytes=1_000_000, max_archive_bytes=3_000_000)
    with zipfile.ZipFile(tmp_path / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(10):
            archive.writestr(f"part{n}.txt", b"\x00" * 900_000 if n % 2 else "ا ".encode() * 300_000)
        archive.writestr("zz_huge.txt", b"a" * 5_000_000)
    started = time.perf_counter()
    items = read(tmp_path / "bomb.zip", config=config)
    assert time.perf_counter() - started < 10
    codes = [getattr(i, "code", "") for i in items]
    assert codes[:4] == ["", "E102", "", "E104"] and len(items) == 4
    assert any("max_archive_bytes" in getattr(i, "reason", "") for i in items)


def test_directory_recursive_sorted_and_hidden_skipped(tmp_path, seeds_dir):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    for target, seed in zip(["b/x.txt", "a/deep/y.txt", "a/z.txt", ".cache/w.txt"],
                            sorted(seeds_dir.glob("*.txt")), strict=False):
        (tmp_path / target).write_bytes(seed.read_bytes())
    sources = [Path(i.source).relative_to(tmp_path).as_posix() for i in read(tmp_path)]
    assert sources == ["a/deep/y.txt", "a/z.txt", "b/x.txt"]


def test_gzip_file(tmp_path, seed_texts):
    path = tmp_path / "one.txt.gz"
    path.write_bytes(gzip.compress(seed_texts[SEED_003].encode("utf-8")))
    article = only(read(path))
    assert isinstance(article, Article) and "كوناشينكوف" in article.raw


# --- fuzz ---------------------------------------------------------------------------------------

SUFFIXES = ["x.txt", "x.html", "x.jsonl", "x.json", "x.rss", "x.warc", "x.zip", "x.tar.gz", "x.gz", "x.bin"]
PREFIXES = [b"", b"<html><body><p>", b"\xef\xbb\xbf", b"\xff\xfe", b"PK\x03\x04", b"\x1f\x8b", b"WARC/1.0\r\n",
            b"<?xml version='1.0'?><rss><channel><item><description>", b'{"text": "']


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=600) | st.text(max_size=300).map(str.encode),
       name=st.sampled_from(SUFFIXES))
def test_fuzz_no_exception_escapes(prefix, body, name):
    items = list(read_bytes(prefix + body, name, CONFIG))
    assert items and all(isinstance(i, Article | Rejection) for i in items)
    for item in items:
        if isinstance(item, Rejection):
            assert item.reason and item.code.startswith("E1")
