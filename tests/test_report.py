"""Report exports: RTL HTML page with every section, escaping, source links; Markdown; JSON."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from marsad.model import (
    Article,
    Claim,
    Entity,
    Evidence,
    Paragraph,
    Quote,
    Rejection,
    Removed,
    Result,
    Story,
    SummarySentence,
    TimelineEvent,
)
from marsad.report import (
    anchor,
    counted,
    markdown_escape,
    relay_chain,
    render_html,
    render_markdown,
    speaker_label,
    text_direction,
    write_html,
    write_json,
    write_markdown,
)

HOSTILE = '<script>alert("x")</script>'
ENGLISH = "The Russian Defence Ministry said the strikes hit ISIS targets near Raqqa."
ARABIC = "قال المتحدث باسم وزارة الدفاع الروسية إيغور كوناشينكوف إن الطائرات نفذت 20 طلعة."


def sample_result() -> Result:
    a1 = Article(id="a1", source="in/001.txt", title=f"غارات روسية {HOSTILE}", text=f"{ARABIC}\n{ENGLISH}",
                 outlet="روسيا اليوم", published="2015-10-03", url="javascript:alert(1)",
                 removed=[Removed("اقرأ أيضا: أخبار أخرى", "repeated line", 2)],
                 paragraphs=[Paragraph(0, len(ARABIC), "ar"), Paragraph(len(ARABIC) + 1, len(ARABIC) + 1 + len(ENGLISH), "en")])
    a2 = Article(id="a2", source="in/002.txt", title="كوناشنكوف: الغارات مستمرة", text=ARABIC, outlet="سبوتنيك",
                 published="2015-10-04", duplicate_of="a1")
    a3 = Article(id="a3", source="in/003.txt", title="خبر آخر", text="نص لا ينتمي إلى أي قصة.", outlet="الأهرام")
    ids = ["a1", "a2"]
    story = Story(
        id="s1", title="وزارة الدفاع الروسية والغارات في سوريا", article_ids=ids,
        entities=[Entity("e1", "PER", "إيغور كوناشينكوف", ["إيغور كوناشينكوف", "كوناشنكوف", "Konashenkov"], ids),
                  Entity("e2", "LOC", "سوريا", ["سوريا", "سورية"], ids),
                  Entity("e3", "ORG", "وزارة الدفاع الروسية", ["وزارة الدفاع الروسية"], ids)],
        quotes=[Quote("a2", "الطائرات نفذت 20 طلعة", "indirect", 0, 10, "إيغور كوناشينكوف", "e1", ["إنترفاكس"], "قال")],
        timeline=[TimelineEvent("2015-10-03", "3 أكتوبر", "a1", "في 3 أكتوبر/تشرين الأول نفذت الطائرات", ids)],
        summary=[SummarySentence("نفذت الطائرات الروسية 20 طلعة.", ids), SummarySentence(ENGLISH, ["a1"])],
        claims=[Claim("نفذت الطائرات 20 طلعة", ids, "corroborated", [Evidence("a1", "نفذت 20 طلعة"),
                                                                      Evidence("a2", "20 طلعة جوية")]),
                Claim("استهدفت الغارات مدنيين", ["a2"], "disputed", [Evidence("a2", "نفت الوزارة", "contradicts")]),
                Claim("مستمرة", ["a2"], "single_source", [])])
    return Result(articles=[a1, a2, a3], rejected=[Rejection("in/empty.txt", "empty file <b>", "E101")],
                  stories=[story])


class Page(HTMLParser):
    """Collects what the tests look at: element attributes, link targets and visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append((tag, values))
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and values.get("href"):
            self.hrefs.append(str(values["href"]))
        self.scripts += tag == "script"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture(scope="module")
def html() -> str:
    return render_html(sample_result())


@pytest.fixture(scope="module")
def page(html: str) -> Page:
    parsed = Page()
    parsed.feed(html)
    return parsed


def test_page_is_rtl_arabic_with_an_arabic_font_stack(page, html):
    assert ("html", {"lang": "ar", "dir": "rtl"}) in page.tags
    assert "Noto Naskh Arabic" in html and 'charset="utf-8"' in html


def test_page_is_self_contained_without_scripts(page, html):
    assert page.scripts == 0
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "<link" not in html and "@import" not in html


def test_hostile_text_is_escaped(page, html):
    assert HOSTILE not in html
    assert "&lt;script&gt;" in html and "empty file &lt;b&gt;" in html
    assert 'href="javascript:' not in html
    assert any(HOSTILE in chunk for chunk in page.text)  # shown to the reader as text


@pytest.mark.parametrize("heading", ["الخلاصة", "الادعاءات", "الأسماء", "الاقتباسات", "التسلسل الزمني", "المقالات",
                                     "المُدخلات المرفوضة", "مقالات خارج القصص"])
def test_every_section_is_there(html, heading):
    assert f">{heading}<" in html


def test_summary_sentences_link_to_article_cards_by_outlet(page, html):
    story_links = [h for h in page.hrefs if h.startswith("#s1-")]
    assert story_links and all(h[1:] in page.ids for h in story_links)
    summary = html.split('class="summary"')[1].split("</ol>")[0]
    first = summary.split("</li>")[0]
    assert f'href="#{anchor(1, "a1")}" dir="rtl">روسيا اليوم<' in first
    assert f'href="#{anchor(1, "a2")}" dir="rtl">سبوتنيك<' in first


def test_claims_carry_status_badges_and_evidence(html):
    for status in ("corroborated", "single_source", "disputed"):
        assert f'class="badge {status}"' in html
    assert "20 طلعة جوية" in html and 'class="contradicts"' in html


def test_entities_are_grouped_by_type_with_variants(html):
    people, places, groups = html.index(">أشخاص<"), html.index(">أماكن<"), html.index(">هيئات ومنظمات<")
    assert people < groups < places
    assert "كوناشنكوف" in html and 'dir="ltr">Konashenkov<' in html


def test_quotes_show_speaker_kind_and_relay_chain(html):
    assert "الطائرات نفذت 20 طلعة" in html and "غير مباشر" in html
    chain = rf'إيغور كوناشينكوف</bdi> ← <bdi[^>]*>إنترفاكس</bdi> ← <span class="sources"><a class="src" href="#{anchor(1, "a2")}" dir="rtl">سبوتنيك</a>'
    assert re.search(chain, html)


def test_relay_chain_ends_with_the_outlet_once():
    result = sample_result()
    articles = {a.id: a for a in result.articles}
    quote = Quote("a2", "نص", "direct", 0, 1, None, via=["سبوتنيك"])
    assert relay_chain(quote, articles) == ["متحدث غير محدد", "سبوتنيك"]


def test_timeline_and_article_cards(html, page):
    assert 'dir="ltr">2015-10-03<' in html
    assert "نسخة مكررة من" in html and f'href="#{anchor(1, "a1")}">روسيا اليوم</a> (المقال' in html
    assert "<details" in html and "اقرأ أيضا: أخبار أخرى" in html
    assert anchor(1, "a1") in page.ids and anchor(1, "a2") in page.ids


def test_latin_paragraphs_are_marked_ltr(page):
    assert any(tag == "p" and attrs.get("dir") == "ltr" and attrs.get("lang") == "en" for tag, attrs in page.tags)
    assert any(tag == "span" and attrs.get("dir") == "ltr" for tag, attrs in page.tags)  # English summary line


def test_text_direction():
    assert text_direction(ENGLISH) == "ltr"
    assert text_direction(ARABIC) == "rtl"
    assert text_direction("قال Putin إن") == "rtl"
    assert text_direction("2015-10-03") == "rtl"  # no strong letters: the page's own direction


def test_arabic_counts():
    assert [counted(n, "article") for n in (1, 2, 5, 11)] == ["مقال واحد", "مقالان", "5 مقالات", "11 مقالًا"]


def test_empty_result_renders():
    out = render_html(Result())
    assert "لم يُرفض أي مُدخل" in out and 'dir="rtl"' in out


def test_anchor_is_safe_for_any_id():
    assert re.fullmatch(r"s3-a[0-9a-f]{12}", anchor(3, '"><script>'))


def test_markdown_has_sections_links_and_no_raw_html():
    text = render_markdown(sample_result())
    assert "## وزارة الدفاع الروسية والغارات في سوريا" in text
    assert f"[روسيا اليوم](#{anchor(1, 'a1')})" in text and f'<a id="{anchor(1, "a1")}"></a>' in text
    assert "<script>" not in text and "&lt;script" in text
    assert "**متنازع عليه**" in text


def test_markdown_escape():
    assert markdown_escape("*a* [b](c) <x>\n|y|") == r"\*a\* \[b\]\(c\) &lt;x\> \|y\|"


def test_writers(tmp_path: Path):
    result = sample_result()
    write_html(result, tmp_path / "r.html")
    write_markdown(result, tmp_path / "r.md")
    write_json(result, tmp_path / "r.json")
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# مرصد")
    raw = (tmp_path / "r.json").read_text(encoding="utf-8")
    assert "كوناشينكوف" in raw  # not \u-escaped
    assert json.loads(raw) == result.to_dict()


def test_a_latin_file_name_as_source_label_reads_left_to_right():
    article = Article(id="x", source="in/000_a0100a77.txt", title="خبر", text="نفذت الطائرات الروسية 20 طلعة.")
    story = Story(id="s", article_ids=["x"], summary=[SummarySentence(text="نفذت الطائرات الروسية 20 طلعة.",
                                                                       article_ids=["x"])])
    html = render_html(Result(articles=[article], stories=[story]))
    assert 'dir="ltr">000_a0100a77.txt</a>' in html  # not shown reversed as «a0100a77.txt_000» in an RTL page


def role_result() -> Result:
    """A quote whose article wrote only the role, linked at story level to the person holding it."""
    result = sample_result()
    story = result.stories[0]
    story.quotes.append(Quote("a1", "الطائرات لم تقصف مناطق سكنية", "indirect", 0, 10, "المتحدث باسم الوزارة", "e1",
                              ["تاس"], "قال"))
    return result


def test_a_role_speaker_linked_to_a_person_shows_the_name_then_the_role():
    result = role_result()
    articles = {a.id: a for a in result.articles}
    people = {e.id: e for e in result.stories[0].entities if e.type == "PER"}
    named, role = result.stories[0].quotes
    assert speaker_label(role, people) == "إيغور كوناشينكوف (المتحدث باسم الوزارة)"
    assert relay_chain(role, articles, people) == ["إيغور كوناشينكوف (المتحدث باسم الوزارة)", "تاس", "روسيا اليوم"]
    assert speaker_label(named, people) == "إيغور كوناشينكوف"  # the name is the speaker: shown once
    assert speaker_label(role) == "المتحدث باسم الوزارة"  # no people given: the speaker as written
    org = Quote("a1", "نص", "direct", 0, 1, "الوزارة", "e3")
    assert speaker_label(org, people) == "الوزارة"  # only people are named before a role


def test_report_chain_and_markdown_show_the_resolved_person_json_keeps_the_contract():
    result = role_result()
    html = render_html(result)
    assert re.search(r'<span class="speaker">إيغور كوناشينكوف \(المتحدث باسم الوزارة\)</span>', html)
    assert "**إيغور كوناشينكوف \\(المتحدث باسم الوزارة\\)**" in render_markdown(result)
    quote = result.to_dict()["stories"][0]["quotes"][1]
    assert quote["speaker"] == "المتحدث باسم الوزارة" and quote["speaker_entity_id"] == "e1"


def test_web_story_page_links_the_speaker_to_its_entity_page():
    html = render_html(role_result(), entity_pages="/entities/")
    assert '<span class="speaker"><a href="/entities/e1">إيغور كوناشينكوف (المتحدث باسم الوزارة)</a></span>' in html
