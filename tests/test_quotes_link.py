"""Story level: speakers linked to entities, the same statement grouped across articles; the scorer."""

from __future__ import annotations

from marsad.config import Config
from marsad.model import Article, Entity, Quote, Story
from marsad.pipeline import Resources
from marsad.quotes import extract, link
from marsad.quotes.link import entity_for, same_statement
from marsad.quotes.paraphrase import SAME_STATEMENT, content_stems, idf_weights, statement_similarity
from marsad.quotes.score import match, overlap, score, speaker_matches


def quote(article_id: str, text: str, speaker: str, start: int = 0) -> Quote:
    return Quote(article_id, text, "indirect", start, start + len(text), speaker=speaker)


def story_with(quotes: dict[str, list[Quote]], entities: list[Entity]) -> tuple[Story, dict[str, Article]]:
    articles = {aid: Article(id=aid, source=aid, quotes=qs) for aid, qs in quotes.items()}
    return Story(id="s", article_ids=list(articles), entities=entities), articles


ANTONOV = Entity("e1", "PER", "أناتولي أنطونوف", variants=["اناتولي انطونوف", "أنطونوف"])
KONASHENKOV = Entity("e2", "PER", "إيغور كوناشينكوف", variants=["ايجور كوناشنكوف"])


def test_speakers_link_to_story_entities_across_spellings() -> None:
    story = Story(id="s", entities=[ANTONOV, KONASHENKOV])
    assert entity_for(story, "انطونوف") is ANTONOV
    assert entity_for(story, "إيغور كوناشنكوف") is KONASHENKOV
    assert entity_for(story, "سيرغي لافروف") is None


def test_same_statement_in_two_articles_shares_a_group() -> None:
    a = quote("a", "قدرة تعاون العسكريين الروس مع الأمريكيين أوسع نطاقا مما تعرضه واشنطن في محاربة داعش", "أنطونوف")
    b = quote("b", "قدرات التعاون العسكري الروسي الأميركي أوسع بكثير مما تقترحه واشنطن في محاربة داعش", "أناتولي أنطونوف")
    c = quote("b", "الجولة الثانية من المشاورات ستجري عبر دائرة تلفزيونية مغلقة", "أناتولي أنطونوف", 200)
    d = quote("c", "قدرة التعاون أوسع نطاقا مما تعرضه واشنطن في محاربة داعش", "إيغور كوناشينكوف")
    story, articles = story_with({"a": [a], "b": [b, c], "c": [d]}, [ANTONOV, KONASHENKOV])
    out = link.fn(story, articles, Resources(Config())).quotes
    assert [q.speaker_entity_id for q in out] == ["e1", "e1", "e1", "e2"]
    assert out[0].group is not None and out[0].group == out[1].group
    assert out[2].group is None and out[3].group is None


SAME = [
 ("الجيش سيطر على البلدة بالكامل بعد معارك عنيفة استمرت ثلاثة أيام", "قوات الجيش سيطرت بشكل كامل على البلدة إثر معارك عنيفة دامت ثلاثة أيام"),
 ("بلاده لن تقبل بأي حل مفروض من الخارج", "إن بلاده ترفض قبول أي حل يفرض عليها من الخارج"),
 ("المفاوضات ستستأنف الأسبوع المقبل في جنيف", "جولة جديدة من المفاوضات ستعقد في جنيف الأسبوع المقبل"),
 ("عدد ضحايا الزلزال ارتفع إلى مئتي قتيل", "حصيلة قتلى الزلزال ارتفعت إلى مئتي شخص"),
 ("الحكومة ستخفض أسعار الوقود اعتبارا من الشهر المقبل", "أسعار الوقود ستنخفض بقرار من الحكومة بدءا من الشهر المقبل"),
 ("لا يمكن لأي دولة أن تواجه الإرهاب وحدها", "لا تستطيع دولة بمفردها مواجهة تحدي الإرهاب"),
 ("الطائرات الروسية لم تقصف مدينة تدمر الأثرية", "المقاتلات الروسية لم تشن غارات على مدينة تدمر الأثرية"),
 ("الاتفاق النووي يخدم مصالح جميع الأطراف", "الاتفاق بشأن البرنامج النووي يصب في مصلحة كل الأطراف"),
]
DIFFERENT = [
 ("الجيش سيطر على البلدة بالكامل بعد معارك عنيفة استمرت ثلاثة أيام", "الجيش سيواصل عملياته في الريف الشمالي حتى طرد المسلحين"),
 ("بلاده لن تقبل بأي حل مفروض من الخارج", "بلاده مستعدة للحوار مع جميع الأطراف دون شروط"),
 ("المفاوضات ستستأنف الأسبوع المقبل في جنيف", "الوفد الحكومي لن يشارك في اجتماعات جنيف"),
 ("عدد ضحايا الزلزال ارتفع إلى مئتي قتيل", "فرق الإنقاذ ما زالت تبحث عن ناجين تحت الأنقاض"),
 ("الحكومة ستخفض أسعار الوقود اعتبارا من الشهر المقبل", "الحكومة ستطرح سندات جديدة لتمويل العجز"),
 ("لا يمكن لأي دولة أن تواجه الإرهاب وحدها", "الإرهاب يهدد أوروبا وآسيا على حد سواء"),
 ("الطائرات الروسية لم تقصف مدينة تدمر الأثرية", "الطائرات الروسية دمرت عشرين آلية للتنظيم قرب تدمر"),
 ("الاتفاق النووي يخدم مصالح جميع الأطراف", "العقوبات على إيران ستبقى حتى تنفيذ الاتفاق"),
]


def test_same_statement_threshold_on_hand_made_pairs() -> None:
    """The team's first 16 statement pairs (the stem overlap alone separated 15 at 0.5): paraphrases above
    SAME_STATEMENT, different statements below."""
    texts = sorted({t for pair in SAME + DIFFERENT for t in pair})
    idf = idf_weights([content_stems(t) for t in texts])
    right = sum(statement_similarity(a, b, idf) >= SAME_STATEMENT for a, b in SAME)
    right += sum(statement_similarity(a, b, idf) < SAME_STATEMENT for a, b in DIFFERENT)
    assert right >= 15, right


def test_quotes_of_one_article_are_not_grouped_together() -> None:
    a = quote("a", "التعاون ممكن مع الجميع", "أنطونوف")
    b = quote("a", "التعاون ممكن مع الجميع دائما", "أنطونوف", 100)
    assert not same_statement(a, b)


def test_extract_stage_writes_article_quotes() -> None:
    article = Article(id="a", source="t", text="وقال الوزير نبيل فهمي إن الحوار مستمر.")
    out = extract.fn(article, Resources(Config()))
    assert [q.text for q in out.quotes] == ["الحوار مستمر"] and out.quotes[0].article_id == "a"
    assert extract.name == "marsad.quotes.extract" and extract.writes == {"article.quotes"}
    assert link.reads == {"article.quotes", "story.entities"} and link.level == "story"


def test_scorer_matching_rules() -> None:
    assert overlap((0, 10), (5, 30)) == 0.5
    gold = [{"start": 0, "end": 20, "speaker": ["أناتولي أنطونوف"], "via": ["تاس"]},
            {"start": 50, "end": 60, "speaker": ["التقرير", "بالينغ كات"], "via": []}]
    predicted = [Quote("a", "", "direct", 2, 18, speaker="أنطونوف", via=["وكالة تاس"]),
                 Quote("a", "", "indirect", 100, 120, speaker="x"),
                 Quote("a", "", "indirect", 200, 220, speaker="y")]
    assert match(predicted, gold) == [(0, 0)]
    result = score(predicted, gold, ignore=[[190, 300]])
    assert (result["tp"], result["fp"], result["fn"]) == (1, 1, 1)
    assert result["speaker"] == 1.0 and result["via_recall"] == 1.0 and result["precision"] == 0.5


def test_speaker_matching_is_strict_about_wrong_people() -> None:
    assert speaker_matches("أنطونوف", ["أناتولي أنطونوف"])
    assert speaker_matches("المتحدث باسم الوزارة إيغور كوناشنكوف", ["إيغور كوناشنكوف"])
    assert not speaker_matches("إيغور كوناشينكوف", ["أناتولي أنطونوف"])
    assert not speaker_matches(None, ["أناتولي أنطونوف"])
    assert not speaker_matches("نائب وزير الدفاع الروسي", ["أناتولي أنطونوف"])


def test_speaker_name_counts_only_the_first_gold_alternative() -> None:
    gold = [{"start": 0, "end": 20, "speaker": ["فيصل المقداد", "وزير الخارجية"], "via": []},
            {"start": 30, "end": 50, "speaker": ["فيصل المقداد", "وزير الخارجية"], "via": []}]
    predicted = [Quote("a", "", "indirect", 0, 20, speaker="وزير"),
                 Quote("a", "", "indirect", 30, 50, speaker="المقداد")]
    result = score(predicted, gold)
    assert result["speaker"] == 1.0 and result["speaker_name"] == 0.5


def test_shortened_organisation_names_link_to_the_entity() -> None:
    ministry = Entity("e3", "ORG", "وزارة الدفاع الروسية")
    assert entity_for(Story(id="s", entities=[ministry]), "الدفاع الروسية") is ministry
