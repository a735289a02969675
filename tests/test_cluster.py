"""Story clustering: similarity, the seeds as one story, stable ids, incremental = batch, stored index."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cluster import (
    CALIBRATED_THRESHOLD,
    StoryIndex,
    Weights,
    bcubed,
    cluster,
    load_featurizer,
    pair_similarity,
    pairwise_prf,
    stopwords,
    story_id,
)
from marsad.cluster_signals import SpecificWeights
from marsad.commands.cluster import read_labels, read_plain
from marsad.config import Config
from marsad.errors import ModelError
from marsad.model import Article, Mention
from marsad.pipeline import Resources
from marsad.text.normalize import match_key
from marsad.text.tokens import strip_clitics

FIXTURES = Path(__file__).parent / "fixtures" / "cluster"
SEED_DAY = "2015-10-07"


@pytest.fixture(scope="module")
def featurizer():
    return load_featurizer()


@pytest.fixture(scope="module")
def resources(featurizer) -> Resources:
    res = Resources(Config(cluster_threshold=CALIBRATED_THRESHOLD))
    res.get("cluster.featurizer", lambda: featurizer)
    return res


@pytest.fixture(scope="module")
def labelled() -> list[tuple[Article, str]]:
    return [(read_plain(path, outlet, published), label) for path, label, outlet, published
            in read_labels(FIXTURES / "labels.tsv")]


@pytest.fixture(scope="module")
def seeds(seeds_dir) -> list[Article]:
    return [read_plain(p, None, SEED_DAY) for p in sorted(seeds_dir.glob("*.txt"))]


def memberships(stories) -> set[tuple[str, tuple[str, ...]]]:
    return {(s.id, tuple(sorted(s.article_ids))) for s in stories}


def test_stopwords_are_in_matching_form():
    for word in stopwords():
        assert strip_clitics(match_key(word))[1] == word


def test_same_event_more_similar_than_other_events(featurizer, labelled):
    by_label: dict[str, list[Article]] = {}
    for article, label in labelled:
        by_label.setdefault(label, []).append(article)
    quake_a, quake_b = featurizer.vectorize(by_label["quake-kermanshah"])
    other_quake = featurizer.vectorize(by_label["quake-malatya"])[0]
    rates = featurizer.vectorize(by_label["egypt-rates-hike"])[0]
    same = pair_similarity(quake_a, quake_b)
    assert same >= CALIBRATED_THRESHOLD
    # another earthquake shares the topic words but less than the same event; the time window and
    # average linkage keep them apart in clustering (tested below with and without dates)
    assert pair_similarity(quake_a, rates) < pair_similarity(quake_a, other_quake) < same


def test_name_spelling_variants_share_char_grams(featurizer):
    a = Article(id="a", source="a", text="صرح المتحدث كوناشنكوف بأن الطائرات عادت")
    b = Article(id="b", source="b", text="قال اللواء إيغور كوناشينكوف إن الطائرات عادت")
    c = Article(id="c", source="c", text="أعلن وزير الزراعة عن موسم حصاد جيد")
    va, vb, vc = featurizer.vectorize([a, b, c])
    assert pair_similarity(va, vb) > pair_similarity(va, vc)


def test_entity_overlap_raises_similarity(featurizer):
    text = "عقد الاجتماع في العاصمة وناقش المشاركون خطط التعاون"
    a = Article(id="a", source="a", text=text, mentions=[Mention(0, 0, "كوناشنكوف", "PER")])
    b = Article(id="b", source="b", text=text + " المقبلة", mentions=[Mention(0, 0, "كوناشينكوف", "PER")])
    c = replace(b, id="c", mentions=[Mention(0, 0, "لافروف", "PER")])
    va, vb, vc = featurizer.vectorize([a, b, c])
    weights = Weights(entity=0.3)  # off by default (docs/cluster_calibration.md), on through the config
    assert pair_similarity(va, vb, weights) > pair_similarity(va, vc, weights)
    assert pair_similarity(va, vb) == pytest.approx(pair_similarity(va, vc))  # actors: no bonus or penalty


@pytest.mark.parametrize("with_dates", [True, False])
def test_seeds_form_one_story_and_other_events_stay_apart(resources, seeds, labelled, with_dates):
    articles = seeds + [a for a, _ in labelled]
    if not with_dates:
        articles = [replace(a, published=None) for a in articles]
    stories = cluster.fn(articles, resources)
    seed_ids = {a.id for a in seeds}
    seed_story = [s for s in stories if seed_ids & set(s.article_ids)]
    assert len(seed_story) == 1 and set(seed_story[0].article_ids) == seed_ids
    gold = {a.id: label for a, label in labelled} | {i: "seeds" for i in seed_ids}
    predicted = {aid: s.id for s in stories for aid in s.article_ids}
    # without dates, two earthquakes years apart share one story (a known limit: docs/cluster_calibration.md)
    assert bcubed(predicted, gold)[2] >= (1.0 if with_dates else 0.95)


def test_story_ids_stable_across_input_order_and_reruns(resources, seeds, labelled):
    articles = seeds + [a for a, _ in labelled]
    first = memberships(cluster.fn(articles, resources))
    for seed in (1, 2, 3):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        assert memberships(cluster.fn(shuffled, resources)) == first
    seed_story = next(s for s in cluster.fn(articles, resources) if seeds[0].id in s.article_ids)
    founder = min(seeds, key=lambda a: (a.published or "", a.id))
    assert seed_story.id == story_id(founder.id)


def test_incremental_equals_batch(resources, seeds, labelled):
    articles = sorted(seeds + [a for a, _ in labelled], key=lambda a: (a.published or "", a.id))
    batch = memberships(cluster.fn(articles, resources))
    index = StoryIndex.from_resources(resources)
    for start in range(0, len(articles), 4):
        index.add(articles[start:start + 4])
    assert memberships(index.stories()) == batch


def test_saved_index_resumes_like_batch(resources, seeds, labelled, tmp_path):
    articles = sorted(seeds + [a for a, _ in labelled], key=lambda a: (a.published or "", a.id))
    index = StoryIndex.from_resources(resources)
    index.add(articles[:10])
    index.save(tmp_path / "index.npz")
    resumed = StoryIndex.load(tmp_path / "index.npz", resources.get("cluster.featurizer", load_featurizer))
    touched = resumed.add(articles[10:])
    assert touched and memberships(resumed.stories()) == memberships(cluster.fn(articles, resources))


def test_duplicate_joins_its_canonical_story(resources, seeds, labelled):
    copy = replace(labelled[0][0], id="copy-of-seed", duplicate_of=seeds[2].id)
    stories = cluster.fn(seeds + [copy], resources)
    assert len(stories) == 1 and "copy-of-seed" in stories[0].article_ids


def test_inactive_story_closes_and_new_one_opens(resources, labelled):
    a, b = [art for art, label in labelled if label == "quake-kermanshah"]
    late = replace(b, id="late", published="2018-03-01")
    index = StoryIndex.from_resources(resources)
    index.add([a, late])
    assert len(index.stories()) == 2
    assert any(e["kind"] == "close" for e in index.events)


def test_bridging_article_merges_stories_under_the_older_id(featurizer, labelled):
    a, b = [art for art, label in labelled if label == "quake-kermanshah"]
    index = StoryIndex(featurizer, threshold=0.99)
    index.add([a, b])
    assert len(index.stories()) == 2
    index.threshold = 0.15
    bridge = Article(id="zz-bridge", source="x", title=a.title, text=a.text + "\n" + b.text, published=b.published)
    index.add([bridge])
    (story,) = index.stories()
    assert story.id == story_id(min([a, b], key=lambda x: (x.published or "", x.id)).id)
    assert any(e["kind"] == "merge" for e in index.events)


def test_index_from_other_parameters_is_refused(resources, labelled, tmp_path, featurizer):
    index = StoryIndex.from_resources(resources)
    index.add([labelled[0][0]])
    index.save(tmp_path / "index.npz")
    other = load_featurizer()
    other.params = replace(other.params, char_features=2**10)
    with pytest.raises(ModelError):
        StoryIndex.load(tmp_path / "index.npz", other)


def test_missing_df_table_is_a_model_error(tmp_path):
    with pytest.raises(ModelError):
        load_featurizer(tmp_path / "absent.npz")


def test_bcubed_and_pairwise_scores():
    gold = {"a": "1", "b": "1", "c": "2", "d": "2"}
    assert bcubed(gold, gold) == (1.0, 1.0, 1.0)
    merged = {k: "x" for k in gold}
    precision, recall, _ = bcubed(merged, gold)
    assert precision == pytest.approx(0.5) and recall == pytest.approx(1.0)
    p, r, f = pairwise_prf(merged, gold)
    assert (p, r) == (pytest.approx(2 / 6), 1.0) and f == pytest.approx(0.5)


def test_eval_cluster_command_reports_scores():
    import typer

    from marsad.commands import cluster as command

    app = typer.Typer()
    app.command("noop")(lambda: None)
    command.register(app)
    result = CliRunner().invoke(app, ["eval", "cluster", str(FIXTURES / "mixed_labels.tsv"),
                                      "--threshold", str(CALIBRATED_THRESHOLD)])
    assert result.exit_code == 0, result.output
    assert "B-cubed   P 1.000  R 1.000  F1 1.000" in result.output


def test_story_that_falls_apart_is_split_and_recorded(featurizer, labelled):
    quake = [art for art, label in labelled if label == "quake-kermanshah"]
    floods = [art for art, label in labelled if label == "sudan-floods"]
    articles = [replace(a, published="2020-01-01") for a in quake + floods]
    index = StoryIndex(featurizer, threshold=-1.0)  # below any similarity (penalties can take it under 0)
    index.add(articles)
    (joined,) = index.stories()
    index.threshold = CALIBRATED_THRESHOLD
    parts = index.resplit(joined.id, articles)
    assert sorted(sorted(p.article_ids) for p in parts) == sorted([sorted(a.id for a in quake),
                                                                   sorted(a.id for a in floods)])
    founder = min(articles, key=lambda a: (a.published or "", a.id))
    assert joined.id == story_id(founder.id) in {p.id for p in parts}
    assert index.events[-1]["kind"] == "split" and index.events[-1]["story"] == joined.id
    assert memberships(index.stories()) == memberships(parts)


def test_regression_empty_batch_gives_no_story_instead_of_stopiteration():
    from marsad.cluster import cluster
    from marsad.config import Config
    from marsad.pipeline import Resources

    assert cluster([], Resources(Config())) == []


def test_missing_entities_do_not_pull_similarity_down(featurizer):
    text = "عقد الاجتماع في العاصمة وناقش المشاركون خطط التعاون"
    a = Article(id="a", source="a", text=text, mentions=[Mention(0, 0, "كوناشنكوف", "PER")])
    b = Article(id="b", source="b", text=text + " المقبلة")
    va, vb = featurizer.vectorize([a, b])
    with_entities = Weights(entity=0.3)
    assert pair_similarity(va, vb, with_entities) == pytest.approx(pair_similarity(va, vb, Weights()))
    # nothing to compare on either side: the specifics add nothing
    assert pair_similarity(va, vb) == pytest.approx(pair_similarity(va, vb, specifics=SpecificWeights()))


def test_pair_decisions_score():
    from marsad.cluster_eval import pair_decisions_prf

    decisions = [(True, True), (True, False), (False, True), (False, False)]
    assert pair_decisions_prf(decisions) == (0.5, 0.5, 0.5)
    assert pair_decisions_prf([(False, False)]) == (1.0, 1.0, 1.0)


def test_eval_cluster_scores_a_pairs_file(tmp_path):
    import typer

    from marsad.commands import cluster as command

    q, a = FIXTURES / "quake_kermanshah", FIXTURES / "ahly_final"
    rows = ["# a comment", f"{q}_a.txt\t{q}_b.txt\tsame", f"{q}_a.txt\t{a}_a.txt\tdifferent",
            f"{a}_a.txt\t{a}_b.txt\tsame"]
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert command.read_pairs(FIXTURES / "labels.tsv") is None
    app = typer.Typer()
    app.command("noop")(lambda: None)
    command.register(app)
    result = CliRunner().invoke(app, ["eval", "cluster", str(pairs)])
    assert result.exit_code == 0, result.output
    assert "pairs 3  same 2" in result.output and "P 1.000  R 1.000  F1 1.000" in result.output


def test_calibration_pairs_keep_their_recorded_score():
    """Quality gate: the tuning pairs (hand-written events + seeds) at the shipped threshold (docs)."""
    from marsad.cluster_eval import pair_decisions_prf
    from marsad.commands.cluster import pair_decisions, read_pairs

    pairs = read_pairs(FIXTURES / "calibration_pairs.tsv")
    assert pairs is not None and len(pairs) == 210
    assert pair_decisions_prf(pair_decisions(pairs, None, full=False))[2] >= 0.99  # 1.000; 0.944 round three


def test_dev_pairs_keep_their_recorded_score():
    """Quality gate: dev pairs read plainly (no tagger): text + specifics from the text (counts, figures)."""
    from marsad.cluster_eval import pair_decisions_prf
    from marsad.commands.cluster import pair_decisions, read_pairs

    pairs = read_pairs(FIXTURES / "dev_pairs.tsv")
    assert pairs is not None
    assert pair_decisions_prf(pair_decisions(pairs, None, full=False))[2] >= 0.90  # 0.909; 0.690 round three


def test_dev_hard_pairs_keep_their_recorded_score():
    """Quality gate: round-four dev pairs (same-topic hard negatives) read plainly: 0.923 (0.667 round three)."""
    from marsad.cluster_eval import pair_decisions_prf
    from marsad.commands.cluster import pair_decisions, read_pairs

    pairs = read_pairs(FIXTURES / "dev_hard_pairs.tsv")
    assert pairs is not None and len(pairs) == 153
    assert pair_decisions_prf(pair_decisions(pairs, None, full=False))[2] >= 0.92
