"""Boilerplate removal on the seeds and on generated pages, paragraph languages, outlet, sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.clean import DATA, clean, clean_lines, learn_site_boilerplate, rules, split
from marsad.config import Config
from marsad.ingest import read_paths
from marsad.ingest.common import make_article
from marsad.model import Article
from marsad.pipeline import Resources
from marsad.text.normalize import match_key

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
RESOURCES = Resources(Config())
# Line numbers (0-based) of each seed that are not article text, read off the seeds by hand.
SEED_JUNK = {
    "000_a0100a77bcf24b2e.txt": {14},  # «المصدر: "تاس"» source line
    "001_40fbe57fc7d134a0.txt": {24},  # «المصدر : وكالات»
    "002_6d4411517efba531.txt": {0},  # crumb «الشريط الاخباريسلايدسورية»
    "003_823bc19be5af1ebc.txt": {1, 2, 4, 6, 8, 10} | set(range(39, 111)),
    "004_55c3f395c06134c6.txt": set(),
}


def cleaned(text: str, **fields: object) -> Article:
    return clean.fn(make_article(text, "test.txt", **fields), RESOURCES)


@pytest.fixture(scope="module")
def seeds(seeds_dir) -> dict[str, Article]:
    config = Config()
    return {Path(a.source).name: clean.fn(a, RESOURCES) for a in read_paths([seeds_dir], config)}


def test_lexicon_entries_are_normalised():
    for rule in rules():
        assert rule.phrase == match_key(rule.phrase), rule
        assert rule.mode in ("exact", "prefix", "contains") and rule.category
    header = (DATA / "boilerplate_lines.tsv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("#") and "Source" in (DATA / "boilerplate_lines.tsv").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(SEED_JUNK))
def test_no_seed_body_paragraph_lost_and_junk_removed(seeds, seed_texts, name):
    article = seeds[name]
    lines = seed_texts[name].split("\n")
    removed_lines = {r.line for r in article.removed}
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        if number in SEED_JUNK[name]:
            assert number in removed_lines, line
        else:
            assert " ".join(line.split()) in article.text, line
    assert removed_lines <= SEED_JUNK[name]


def test_seed_003_cleaned(seeds):
    article = seeds["003_823bc19be5af1ebc.txt"]
    for junk in ("almaghribtoday", "All rights reserved", "بناية النخيل", "الإسم", "Security Code", "شروط النشر",
                 "هايلي بيبر", "الخريبي", "بريشة", "GMT", "آخر تحديث", "المغرب اليوم"):
        assert junk not in article.text, junk
    reasons = {r.reason for r in article.removed}
    assert {"comment form", "copyright line", "address", "timestamp line"} <= reasons
    assert article.outlet == "almaghribtoday"
    assert article.title == "وزارة الدفاع الروسية تنفي أخبار قصفها لمناطق سكنية وأثرية في سورية"
    assert article.text.count(article.title) == 1 and article.text.startswith(article.title)
    assert article.text.rstrip().endswith("لم يسمح له بالمشاركة في الاجتماع.")


def test_seed_002_crumb_and_title(seeds):
    article = seeds["002_6d4411517efba531.txt"]
    assert article.removed[0].reason == "navigation crumb"
    assert article.title.startswith("الدفاع الروسية : نحن اتصال دائم")


def test_source_line_is_meta_not_outlet(seeds):
    article = seeds["000_a0100a77bcf24b2e.txt"]
    assert article.meta["source"] == "تاس" and article.meta["source_line"] == 'المصدر: "تاس"'
    assert article.outlet is None and "المصدر" not in article.text
    assert seeds["001_40fbe57fc7d134a0.txt"].meta["source"] == "وكالات"


def test_english_caption_kept_and_marked(seeds):
    article = seeds["001_40fbe57fc7d134a0.txt"]
    english = [p for p in article.paragraphs if p.language == "en"]
    assert len(english) == 1
    assert article.text[english[0].start : english[0].end].startswith("In this photo taken from Russian")
    assert article.language == "ar"
    assert {p.language for p in article.paragraphs} == {"ar", "en"}


def test_split_sentences_carry_paragraph_language(seeds):
    article = split.fn(seeds["001_40fbe57fc7d134a0.txt"], RESOURCES)
    languages = {article.sentence_text(s)[:10]: s.language for s in article.sentences}
    assert languages["In this ph"] == "en" and languages["موسكو: تنس"] == "ar"
    assert [s.index for s in article.sentences] == list(range(len(article.sentences)))
    assert all(article.text[s.start : s.end].strip() == article.text[s.start : s.end] for s in article.sentences)


def test_paragraph_offsets_match_text(seeds):
    for article in seeds.values():
        assert "\n".join(article.text[p.start : p.end] for p in article.paragraphs) == article.text


@pytest.mark.parametrize("page, story", [("page_semantic.html", "water"), ("page_table_cp1256.html", "port"),
                                         ("page_divs_related.html", "exam"), ("page_mobile_iso88596.html", "quake")])
def test_html_pages_body_complete_no_boilerplate(page, story):
    article = clean.fn(next(iter(read_paths([FIXTURES / page], Config()))), RESOURCES)  # type: ignore[arg-type]
    for paragraph in EXPECTED["bodies"][story][1]:
        assert paragraph in article.text
    boiler = EXPECTED["boilerplate"]
    for junk in boiler["ticker"] + boiler["sidebar"] + boiler["comments"][1:] + boiler["footer"]:
        assert junk not in article.text, junk
    lines = set(article.text.split("\n"))
    assert not lines & set(boiler["nav"])


@pytest.mark.parametrize("name, story, outlet", [("copied_port.txt", "port", "موقع البحر الإخباري"),
                                                 ("copied_exam.txt", "exam", "Al Bahr News")])
def test_text_copied_from_sites(name, story, outlet):
    article = clean.fn(next(iter(read_paths([FIXTURES / name], Config()))), RESOURCES)  # type: ignore[arg-type]
    title, paragraphs = EXPECTED["bodies"][story]
    assert article.title == title and article.text.startswith(title)
    assert all(p in article.text for p in paragraphs)
    for junk in ("الرئيسية", "أخبار التعليم", "شارك", "فيسبوك", "الكلمات الدالة", "الأكثر قراءة", "اقرأ أيضا",
                 "الكنافة", "النشرة البريدية", "محفوظة", "www.", "Tags", "Share", "Copyright", "10:45"):
        assert junk not in article.text, junk
    assert article.outlet == outlet


def test_date_line_and_byline_kept_in_meta():
    article = clean.fn(next(iter(read_paths([FIXTURES / "copied_port.txt"], Config()))), RESOURCES)  # type: ignore[arg-type]
    assert article.meta["date_line"] == "الثلاثاء 16 تموز 2024 - 10:45 ص"
    title, paragraphs = EXPECTED["bodies"]["water"]
    article = cleaned("\n".join([title, "بقلم: سامر النجار", *paragraphs]))
    assert article.meta["byline"] == "بقلم: سامر النجار" and "بقلم: سامر النجار" in article.text


def test_clean_command(seeds_dir):
    import typer
    from typer.testing import CliRunner

    from marsad.commands.clean import register

    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)  # a second command keeps `clean` a named sub-command
    result = CliRunner().invoke(app, ["clean", str(seeds_dir / "002_6d4411517efba531.txt"), "--show-removed"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("الدفاع الروسية : نحن اتصال دائم")
    assert "[line 1: navigation crumb] الشريط الاخباريسلايدسورية" in result.output
    plain = CliRunner().invoke(app, ["clean", str(seeds_dir / "002_6d4411517efba531.txt")])
    assert "الشريط" not in plain.output and "removed" not in plain.output


def test_mid_article_share_block_does_not_cut_the_body():
    title, paragraphs = EXPECTED["bodies"]["port"]
    text = "\n".join([title, paragraphs[0], paragraphs[1], "شارك", "فيسبوك", "تويتر", "واتساب", *paragraphs[2:]])
    article = cleaned(text)
    assert all(p in article.text for p in paragraphs)
    assert [r.reason for r in article.removed] == ["share buttons"] * 4


def test_related_box_near_the_end_does_not_cut_the_last_paragraphs():
    title, paragraphs = EXPECTED["bodies"]["quake"]
    box = ["اقرأ أيضا", "أسعار العملات مقابل الدينار اليوم", "منتخب الشباب يتأهل إلى نهائي البطولة العربية"]
    article = cleaned("\n".join([title, *paragraphs[:4], *box, paragraphs[4]]))
    assert all(p in article.text for p in paragraphs)
    assert not any(line in article.text for line in box)
    assert [r.reason for r in article.removed] == ["related-stories list"] * 3


def test_comments_after_the_comment_form_are_tail():
    title, paragraphs = EXPECTED["bodies"]["water"]
    comments = ["التعليقات", "الاسم *", "البريد الإلكتروني *",
                "أبو محمد: خبر جيد ونتمنى التطبيق الفعلي على أرض الواقع، فقد عانينا كثيرا من انقطاع المياه هذا الصيف."]
    article = cleaned("\n".join([title, *paragraphs, *comments]))
    assert all(p in article.text for p in paragraphs) and "أبو محمد" not in article.text


def test_other_language_article_keeps_short_lines():
    text = "Markets rally\nShares rose sharply on Monday as investors welcomed the new budget plan.\nBy staff"
    article = cleaned(text)
    assert article.language == "en" and "By staff" in article.text


def test_learn_site_boilerplate_across_articles():
    footer = "صحيفة الوادي الإلكترونية الطبعة الأولى"
    articles = [make_article(f"{title}\n" + "\n".join(body) + f"\n{footer}", f"site{i}.txt", outlet="الوادي")
                for i, (title, body) in enumerate(EXPECTED["bodies"].values())]
    articles = learn_site_boilerplate.fn(articles, RESOURCES)
    for article in articles:
        article = clean.fn(article, RESOURCES)
        assert footer not in article.text
        assert any(r.reason == "repeated across this site's articles" for r in article.removed)


def test_nul_and_bidi_marks_removed():
    title, paragraphs = EXPECTED["bodies"]["water"]
    article = cleaned(f"{title}\u200f\n" + "\n".join(paragraphs).replace(" ", " \x00", 3) + "\u202b")
    assert "\x00" not in article.text and "\u200f" not in article.text and "\u202b" not in article.text


BODY = [p for _, ps in EXPECTED["bodies"].values() for p in ps]
JUNK = (EXPECTED["boilerplate"]["ticker"] + EXPECTED["boilerplate"]["comments"][:1] + EXPECTED["boilerplate"]["footer"]
        + ["almaghribtoday", "شارك", "طباعة", "الإسم *", "آخر تحديث GMT 10:15:00", "All rights reserved 2020 X Ltd."])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(BODY), min_size=2, max_size=6, unique=True),
       st.lists(st.sampled_from(JUNK), max_size=6), st.lists(st.sampled_from(JUNK), max_size=6))
def test_never_drops_a_body_paragraph(body, head, tail):
    """Body paragraphs survive whatever template lines surround them."""
    title = EXPECTED["bodies"]["exam"][0]
    lines = [*head, title, *body, *tail]
    result = clean_lines("\n".join(lines))
    kept = {line.text for line in result.lines}
    assert set(body) <= kept


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("اب تثجحخ دذرز\n.،:*-©»|abc 0123\u200f\x00")), max_size=400))
def test_any_text_cleans_without_error(text):
    article = cleaned(text) if text.strip() else None
    if article is not None:
        assert "\n".join(article.text[p.start : p.end] for p in article.paragraphs) == article.text
        assert len(article.removed) + len(article.paragraphs) == sum(1 for line in text.split("\n") if line.strip())


def test_regression_a_body_paragraph_first_line_gives_a_short_title():
    from marsad.clean import headline_from

    headline = "الدفاع الروسية : نحن اتصال دائم مع الجيش السوري خلال ضرب مواقع الإرهاب"
    assert headline_from(headline) == headline
    body = ("وقال أناتولي أنطونوف نائب وزير الدفاع الروسي للصحفيين بعد لقائه مع الملحقين العسكريين لعدد من "
            "الدول، بما فيها الولايات المتحدة: «هيئة الأركان العامة لوزارة الدفاع الروسية مستعدة لإقامة فرق "
            "عمل مختلفة بالمشاركة مع أي دولة معنية بهذا الموضوع»")
    title = headline_from(body)
    assert title.endswith(" …") and len(title.split()) <= 21
    assert title.startswith("وقال أناتولي أنطونوف")
