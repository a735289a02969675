import pytest

from marsad.config import Config
from marsad.errors import PipelineError
from marsad.model import Article, Story
from marsad.pipeline import Pipeline, Resources, require_text, stage


@stage("upper", "article", reads=["article.raw"], writes=["article.text"])
def upper(article: Article, resources: Resources) -> Article:
    article.text = article.raw.upper()
    return article


@stage("count", "article", reads=["article.text"], writes=["article.meta"])
def count(article: Article, resources: Resources) -> Article:
    article.meta["n"] = len(article.text)
    return article


@stage("one_story", "cluster", reads=["article.text"], writes=["story.article_ids"])
def one_story(articles, resources):
    return [Story(id="s-1", article_ids=[a.id for a in articles])]


def test_order_is_checked_when_built():
    with pytest.raises(PipelineError, match="count"):
        Pipeline([count, upper])


def test_segments_group_consecutive_article_stages():
    pipe = Pipeline([upper, count, one_story])
    assert [(level, [s.name for s in stages]) for level, stages in pipe.segments()] == [
        ("article", ["upper", "count"]),
        ("cluster", ["one_story"]),
    ]


def test_local_engine_runs_stages_and_turns_input_errors_into_rejections():
    from marsad.engines import local

    pipe = Pipeline([upper, require_text, count, one_story])
    articles = [Article(id="a", source="a.txt", raw="x" * 100), Article(id="b", source="b.txt", raw="short")]
    result = local.run(pipe, articles, Resources(Config(min_article_chars=50)))
    assert [a.id for a in result.articles] == ["a"]
    assert result.articles[0].meta["n"] == 100
    assert [(r.source, r.code) for r in result.rejected] == [("b.txt", "E106")]
    assert result.stories[0].article_ids == ["a"]


def test_resources_load_once():
    calls = []
    res = Resources(Config())
    for _ in range(3):
        res.get("m", lambda: calls.append(1) or "model")
    assert calls == [1]


def test_default_pipeline_is_consistent():
    from marsad.pipeline import default_pipeline

    names = [s.name for s in default_pipeline().stages]
    assert names.index("clean") < names.index("cluster") < names.index("brief")


def test_stages_pickle_by_reference_for_worker_processes():
    import pickle

    assert pickle.loads(pickle.dumps(upper)) is upper


def test_process_pool_gives_the_same_result_as_one_process():
    from marsad.engines import local

    pipe = Pipeline([upper, count, one_story])
    articles = [Article(id=str(i), source=f"{i}.txt", raw="x" * i) for i in range(1, 6)]
    one = local.run(pipe, [Article(id=a.id, source=a.source, raw=a.raw) for a in articles], Resources(Config()))
    two = local.run(pipe, articles, Resources(Config(workers=2, extra={"k": "v"})))
    assert [a.meta for a in one.articles] == [a.meta for a in two.articles]


@stage("explode_on_b", "article", reads=["article.text"], writes=[])
def explode_on_b(article: Article, resources: Resources) -> Article:
    if article.id == "b":
        raise RuntimeError("boom")
    return article


@stage("explode_story", "story", reads=["story.article_ids"], writes=["story.title"])
def explode_story(story, articles, resources):
    raise ValueError("story boom")


def test_regression_unexpected_stage_error_rejects_one_article_not_the_batch():
    from marsad.engines import local

    pipe = Pipeline([upper, explode_on_b, one_story, explode_story])
    articles = [Article(id="a", source="a.txt", raw="x"), Article(id="b", source="b.txt", raw="y")]
    result = local.run(pipe, articles, Resources(Config()))
    assert [a.id for a in result.articles] == ["a"]
    assert result.stories and result.stories[0].article_ids == ["a"]
    codes = {(r.source, r.code) for r in result.rejected}
    assert codes == {("b.txt", "E501"), ("story s-1", "E501")}
    assert any("explode_on_b" in r.reason and "boom" in r.reason for r in result.rejected)


@stage("stale_model", "article", reads=["article.text"], writes=[])
def stale_model(article: Article, resources: Resources) -> Article:
    from marsad.errors import ModelError

    raise ModelError("model built with other features", source="ner.crfsuite")


def test_model_errors_stop_the_run_once_instead_of_rejecting_every_article():
    from marsad.engines import local
    from marsad.errors import ModelError

    with pytest.raises(ModelError):
        local.run(Pipeline([upper, stale_model]), [Article(id="a", source="a.txt", raw="x")], Resources(Config()))
