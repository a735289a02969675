"""Quality gate on the seeds: the extractor scored against the hand annotation of their quotes.

tests/golden/quotes_seeds.json was annotated by reading the five seeds (direct and indirect quotes,
speaker, relays named in the text). Floors from issue 5: recall and precision >= 0.85, correct
speaker >= 0.90 (of matched quotes), spans matching when they overlap by half of the shorter.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from marsad.config import Config
from marsad.errors import MarsadError
from marsad.model import Article, Quote
from marsad.pipeline import Resources
from marsad.quotes import article_quotes, score
from marsad.quotes.gold import load_gold
from marsad.quotes.names import name_words
from marsad.quotes.score import score_many
from marsad.text.sentences import sentences_of
from marsad.text.tokens import tokenize

FLOORS = {"recall": 0.85, "precision": 0.85, "speaker": 0.90}


@pytest.fixture(scope="module")
def gold(repo_dir: Path) -> dict[str, Any]:
    return json.loads((repo_dir / "tests" / "golden" / "quotes_seeds.json").read_text(encoding="utf-8"))["articles"]


def seed_article(name: str, text: str, with_mentions: bool) -> Article:
    sentences = sentences_of(text)
    article = Article(id=name[:3], source=name, text=text, sentences=sentences)
    if with_mentions:
        try:
            from marsad.entities import tag

            article = tag.fn(article, Resources(Config()))
        except (ImportError, MarsadError) as err:
            pytest.skip(f"entity tagger not available: {err}")
    return article


@pytest.fixture(scope="module", params=[False, True], ids=["no-mentions", "entity-mentions"])
def predicted(request: pytest.FixtureRequest, seed_texts: dict[str, str]) -> dict[str, list[Quote]]:
    return {name: article_quotes(seed_article(name, text, request.param)) for name, text in seed_texts.items()}


def test_seed_scores_meet_the_floors(predicted: dict[str, list[Quote]], gold: dict[str, Any]) -> None:
    result = score_many((predicted[name], g["quotes"], g["ignore"]) for name, g in gold.items())
    for key, floor in FLOORS.items():
        assert result[key] >= floor, (key, result)


@pytest.mark.parametrize("seed,relay", [("000_a0100a77bcf24b2e.txt", "تاس"), ("002_6d4411517efba531.txt", "وكالة تاس"),
                                        ("001_40fbe57fc7d134a0.txt", "وكالات الأنباء الروسية")])
def test_required_relays_are_found(predicted: dict[str, list[Quote]], seed: str, relay: str) -> None:
    assert any(relay in q.via for q in predicted[seed]), [q.via for q in predicted[seed]]


def test_no_speaker_is_only_mentioned_inside_the_quote(predicted: dict[str, list[Quote]],
                                                       seed_texts: dict[str, str]) -> None:
    for name, quotes in predicted.items():
        text = seed_texts[name]
        for q in quotes:
            if q.speaker:
                outside = " ".join(t.text for t in tokenize(text[: q.start] + " " + text[q.end :]) if t.is_word)
                assert name_words(q.speaker) <= name_words(outside), (name, q.speaker, q.text)


def test_per_seed_scores_are_reported(predicted: dict[str, list[Quote]], gold: dict[str, Any]) -> None:
    for name, g in gold.items():
        result = score(predicted[name], g["quotes"], g["ignore"])
        assert result["recall"] >= 0.7 and result["precision"] >= 0.7, (name, result)


# Gates on unseen newswire (issue 5, second and third rounds): tests/golden/quotes_dev.json (95 ANERcorp passages in
# thirteen batches + 14 written in agency style; the rules were tuned on it, each batch annotated before any rule was
# changed for it) and tests/golden/quotes_check.json (10 ANERcorp passages + 5 written in agency style, scored
# once and never tuned on). Floors sit just under what the extractor reached without entity mentions
# (`.venv/bin/python benchmarks/bench_quotes.py --gold all`); they may rise, never fall silently.
UNSEEN_FLOORS = {
    "dev": {"recall": 0.94, "precision": 0.98, "speaker": 0.96, "via_recall": 0.91},
    # tests/golden/quotes_dev2.json: 60 fresh ANERcorp passages of issue 5's generalisation round (tuned on after
    # their first score, like dev): P 0.991 / R 0.949 / speaker 0.901 / relay 0.75 when this floor was set.
    "dev2": {"recall": 0.94, "precision": 0.98, "speaker": 0.89, "via_recall": 0.7},
    "check": {"recall": 0.88, "precision": 0.95, "speaker": 0.85},
    # tests/golden/quotes_dev3.json: 44 blind ANERcorp and Wojood passages + four later blind batches (issue 5, third
    # generalisation round; tuned on after each first score): P 0.972 / R 0.909 / speaker 0.907 / relay 0.73 when set
    # (recall rose with the plural verb forms; the quotes it added brought speaker accuracy down from 0.919).
    "dev3": {"recall": 0.90, "precision": 0.96, "speaker": 0.90, "via_recall": 0.7},
    # tests/golden/quotes_dev4.json: 42 fresh ANERcorp passages in three blind batches (issue 5, fourth round; blind
    # speaker 0.923, 0.765, 0.815 per batch); after the round's fixes P 0.952 / R 0.894 / speaker 0.898 / relay 0.67.
    "dev4": {"recall": 0.88, "precision": 0.94, "speaker": 0.88, "via_recall": 0.6},
    # tests/golden/quotes_check3.json: 12 passages written blind in pan-Arab outlet styles (2026-11-24), scored by the
    # lead only: before round 7 P 0.984 / R 0.961 / speaker 0.831 without entity mentions, after it 0.984 / 0.969 / 0.856.
    "check3": {"recall": 0.94, "precision": 0.95, "speaker": 0.83},
}


def passage_article(name: str, text: str) -> Article:
    sentences = sentences_of(text)
    return Article(id=name, source=name, text=text, sentences=sentences)


def unseen_gold(repo_dir: Path, shared_data: Path, which: str) -> dict:  # type: ignore[type-arg]
    """The gold set with its ANERcorp passages rebuilt from ../shared/data (never stored in the repo)."""
    return load_gold(repo_dir / "tests" / "golden" / f"quotes_{which}.json", shared_data / "ner/anercorp/train.txt")


def passage_scores(repo_dir: Path, shared_data: Path, which: str) -> dict[str, float]:
    """The extractor's micro-averaged scores on one gold set (without entity mentions)."""
    gold = unseen_gold(repo_dir, shared_data, which)["articles"]
    return score_many((article_quotes(passage_article(n, g["text"])), g["quotes"], g["ignore"]) for n, g in gold.items())


@pytest.mark.parametrize("which", sorted(UNSEEN_FLOORS))
def test_unseen_newswire_scores_meet_their_floors(repo_dir: Path, shared_data: Path, which: str) -> None:
    result = passage_scores(repo_dir, shared_data, which)
    for key, floor in UNSEEN_FLOORS[which].items():
        assert result[key] >= floor, (which, key, result)


def test_no_dev_speaker_is_only_mentioned_inside_the_quote(repo_dir: Path, shared_data: Path) -> None:
    for name, g in unseen_gold(repo_dir, shared_data, "dev")["articles"].items():
        for q in article_quotes(passage_article(name, g["text"])):
            if q.speaker:
                words = [t.text for t in tokenize(g["text"][: q.start] + " " + g["text"][q.end :]) if t.is_word]
                # «بيان لوزارة الطاقة»: the body's name is written with its «ل», «للجيش» with «ال» after it
                outside = " ".join(words + [w[1:] for w in words if w[:1] in "لب"]
                                   + ["ال" + w[2:] for w in words if w.startswith("لل")])
                assert name_words(q.speaker) <= name_words(outside), (name, q.speaker, q.text)


@pytest.mark.parametrize("which", sorted(UNSEEN_FLOORS))
def test_unseen_gold_offsets_index_the_passage_text(repo_dir: Path, shared_data: Path, which: str) -> None:
    offsets_index_the_text(unseen_gold(repo_dir, shared_data, which))


def offsets_index_the_text(gold: dict) -> None:  # type: ignore[type-arg]
    for name, g in gold["articles"].items():
        assert g["quotes"] or g.get("note"), name  # a passage without quotes says why (dev2's precision tests)
        for q in g["quotes"]:
            assert g["text"][q["start"] : q["end"]] == q["text"], (name, q["text"])


def test_corpus_passages_of_dev_and_check_sets_are_stored_without_their_text(repo_dir: Path) -> None:
    for which in UNSEEN_FLOORS:
        raw = json.loads((repo_dir / "tests" / "golden" / f"quotes_{which}.json").read_text(encoding="utf-8"))
        for name, g in raw["articles"].items():
            if "sentences" in g:
                assert "text" not in g and "text_sha1" in g, name
                assert all("text" not in q for q in g["quotes"]), name


# Blind development sets drawn after the check sets, kept apart from UNSEEN_FLOORS (whose parametrised tests include
# the check set), so that `-k "not check"` runs them.
# - quotes_dev5.json: 45 fresh ANERcorp passages in four blind batches (issue 5, fifth round; blind speaker 0.455,
#   0.792, 0.933, 0.750 per batch, 44/58 together); after the round's fixes P 0.952 / R 0.909 / speaker 0.900 /
#   relay 1.0 without entity mentions.
# - quotes_dev6.json: 28 fresh ANERcorp passages in two blind batches (issue 5, sixth round; blind speaker 16/17 and
#   13/13, 29/30 together, the same with entity mentions); after the round's fixes P 0.909 / R 0.882 / speaker
#   1.000 / relay 1/1 without entity mentions.
BLIND_DEV_FLOORS = {
    "dev5": {"recall": 0.89, "precision": 0.94, "speaker": 0.88, "via_recall": 0.75},
    "dev6": {"recall": 0.85, "precision": 0.88, "speaker": 0.93, "via_recall": 0.5},
}


@pytest.mark.parametrize("which", sorted(BLIND_DEV_FLOORS))
def test_blind_dev_offsets_index_the_passage_text_stored_without_it(repo_dir: Path, shared_data: Path,
                                                                    which: str) -> None:
    raw = json.loads((repo_dir / "tests" / "golden" / f"quotes_{which}.json").read_text(encoding="utf-8"))
    assert all("text" not in g and "text_sha1" in g for g in raw["articles"].values())
    offsets_index_the_text(unseen_gold(repo_dir, shared_data, which))


# Development sets written blind by annotators who did not read the extractor (issue 5, seventh round; they keep
# their text): quotes_dev7.json (10 passages, agency-wire and Gulf styles; blind P 0.989 / R 0.989 / speaker 0.900,
# speaker_name 0.833 without entity mentions) and quotes_dev8.json (10 passages, Levantine, Maghrebi, Egyptian and
# Iraqi styles; blind 0.964 / 0.931 / 0.938, speaker_name 0.728). After the round's fixes: dev7 1.000 / 1.000 / 1.000,
# speaker_name 0.956; dev8 0.988 / 0.966 / 1.000, speaker_name 0.976. Rounds 8-9 (same way): quotes_dev9.json (8
# passages, Gulf dailies and TV news sites; blind 1.000 / 1.000 / 0.924, speaker_name 0.785; after 1.000 / 1.000 /
# 1.000, 0.975) and quotes_dev10.json (8 passages, wires with UN/NGO sources; blind 0.985 / 0.942 / 0.923,
# speaker_name 0.769; after 0.985 / 0.971 / 0.970, 0.836). Last short round: quotes_dev11.json (6 passages, pan-Arab
# styles; blind 0.969 / 0.969 / 0.968, speaker_name 0.746; after 0.969 / 0.969 / 0.968, 0.762). Round 11 (long titles
# to their tagged holders, epithets, title synonyms; tuned on dev10-dev12): quotes_dev12.json (8 passages, Levantine,
# Gulf, Maghrebi, Egyptian and Kurdish-Iraqi outlets; blind at b5d25ec 1.000 / 0.948 / 0.946, speaker_name 0.652;
# after 1.000 / 0.948 / 1.000, 0.848); dev10 speaker_name 0.836 -> 0.925, dev11 0.762 -> 0.810. Round 12:
# quotes_dev13.json (8 passages, Asharq Al-Awsat, Al-Quds Al-Arabi, Hespress, Al-Watan, Al-Masry Al-Youm, An-Nahar,
# Al-Sumaria, Al-Khaleej; blind at b5d25ec 0.973 / 0.959 / 0.972, speaker_name 0.577; at round 11's code, still
# blind, with entity mentions: speaker 0.986, speaker_name 0.704; after round 12 0.973 / 0.959 / 0.944, 0.831
# without mentions: two defendant quotes the lenient scorer passed as «دفاع المتهم» now go to the lawyer, wrong
# either way). Round 13 (without mentions here; the pipeline tags entities, see bench_quotes --mentions):
# quotes_dev14.json (8 passages, BBC Arabic, Al Arabiya, Sky News Arabia, France 24, Independent Arabia, Alhurra,
# Anadolu, Euronews; blind at 220476d 0.957 / 1.000 / 0.876, speaker_name 0.719; after 0.957 / 1.000 / 0.899, 0.742)
# and quotes_dev15.json (8 passages of wire copy: SANA, Petra, KUNA, WAM, SUNA, Saba, MAP, TAP; blind 1.000 / 0.924 /
# 0.904, 0.836; after the same without mentions, 1.000 / 0.986 with them). Rounds 14-17 (P / R / speaker,
# speaker_name, plain; each set scored blind at the commit named, then again still blind at the next round's code,
# then tuned on): quotes_dev16.json (8 passages in dev14's outlet styles; blind at f1c9558 0.942 / 1.000 / 0.897,
# 0.763; at round 14's code 0.938; after 0.960 / 1.000 / 1.000, 0.876), quotes_dev17.json (DW, CNN, RT, Xinhua,
# Asharq Business, Al Jazeera Net, Reuters, Asharq News; blind 0.965 / 0.954 / 0.952, 0.759; at round 14's code
# 0.928; after 0.976 / 0.954 / 0.988, 0.819), quotes_dev18.json (Hespress, Le360, Echorouk, Mosaique FM, Al-Wasat,
# Al-Ahram, Al-Masry Al-Youm, Youm7; blind at e6783aa 0.971 / 0.952 / 0.960, 0.828, the same at round 15's code;
# after 0.971 / 0.952 / 1.000, 0.899) and quotes_dev19.json (Al Khaleej, Okaz, Al Rai, Al Sharq, An-Nahar, Al Ghad,
# Al Sumaria, Oman News Agency; blind 0.988 / 0.865 / 0.867, 0.759, the same at round 15's code; after 1.000 /
# 0.927 / 0.955, 0.854), quotes_dev20.json (Asharq Al-Awsat, Al-Quds Al-Arabi, Al-Araby, Arab48, Enab Baladi, Al Modon,
# Raseef22, Mada Masr; blind at b1f35c6 0.972 / 0.851 / 0.883, 0.786; at round 17's code 0.973 / 0.884 / 0.897; after
# 0.974 / 0.917 / 0.901, 0.775; after round 19 0.928, 0.802) and quotes_dev21.json (Al Jazeera Net, Sky News Arabia, Al Arabiya.net, BBC Arabic,
# Alhurra, TRT Arabic, Independent Arabia, CNN Arabic; blind 0.980 / 1.000 / 0.960, 0.730, the same at round 17's
# code; after round 19 0.980 / 1.000 / 0.980, 0.750). Not tuned on (written blind at the final code of the eighth
# round, 89e2536, scored once there and left as they are): quotes_dev22.json (Al Mayadeen, Rudaw, Kurdistan24,
# Al-Sudani, Al-Ayyam, Libya Al-Ahrar, Sahara Medias, Al-Tagheer; 0.990 / 0.981 / 0.933, 0.788) and quotes_dev23.json
# (KUNA, QNA, BNA, SPA, MENA, APS, Xinhua, Anadolu wires; 0.963 / 0.987 / 0.935, 0.857; 1.000 with mentions).
# dev14 after round 13's successors: 0.957 / 1.000 / 1.000, 0.888. Floors sit about two quotes under.
WRITTEN_DEV_FLOORS = {
    "dev7": {"recall": 0.97, "precision": 0.97, "speaker": 0.97, "speaker_name": 0.93, "via_recall": 0.9},
    "dev8": {"recall": 0.94, "precision": 0.96, "speaker": 0.97, "speaker_name": 0.94, "via_recall": 0.9},
    "dev9": {"recall": 0.97, "precision": 0.97, "speaker": 0.97, "speaker_name": 0.94, "via_recall": 0.9},
    "dev10": {"recall": 0.94, "precision": 0.95, "speaker": 0.94, "speaker_name": 0.89, "via_recall": 0.8},
    "dev11": {"recall": 0.94, "precision": 0.94, "speaker": 0.93, "speaker_name": 0.77, "via_recall": 0.7},
    "dev12": {"recall": 0.92, "precision": 0.97, "speaker": 0.97, "speaker_name": 0.82, "via_recall": 0.85},
    "dev13": {"recall": 0.93, "precision": 0.94, "speaker": 0.94, "speaker_name": 0.80, "via_recall": 0.84},
    "dev14": {"recall": 0.97, "precision": 0.93, "speaker": 0.97, "speaker_name": 0.86, "via_recall": 0.78},
    "dev15": {"recall": 0.90, "precision": 0.97, "speaker": 0.87, "speaker_name": 0.80, "via_recall": 0.7},
    "dev16": {"recall": 0.97, "precision": 0.93, "speaker": 0.97, "speaker_name": 0.84, "via_recall": 0.77},
    "dev17": {"recall": 0.93, "precision": 0.95, "speaker": 0.96, "speaker_name": 0.79, "via_recall": 0.75},
    "dev18": {"recall": 0.93, "precision": 0.95, "speaker": 0.97, "speaker_name": 0.87, "via_recall": 0.67},
    "dev19": {"recall": 0.90, "precision": 0.97, "speaker": 0.93, "speaker_name": 0.83, "via_recall": 0.76},
    "dev20": {"recall": 0.90, "precision": 0.95, "speaker": 0.88, "speaker_name": 0.75, "via_recall": 0.70},
    "dev21": {"recall": 0.97, "precision": 0.96, "speaker": 0.94, "speaker_name": 0.71, "via_recall": 0.79},
    "dev22": {"recall": 0.96, "precision": 0.97, "speaker": 0.91, "speaker_name": 0.76, "via_recall": 0.53},
    "dev23": {"recall": 0.96, "precision": 0.94, "speaker": 0.90, "speaker_name": 0.82, "via_recall": 0.85},
    "dev24": {"recall": 0.97, "precision": 0.94, "speaker": 0.97, "speaker_name": 0.92, "via_recall": 0.92},
    "dev25": {"recall": 0.97, "precision": 0.95, "speaker": 0.97, "speaker_name": 0.90, "via_recall": 0.90},
    "dev26": {"recall": 0.96, "precision": 0.95, "speaker": 0.95, "speaker_name": 0.85, "via_recall": 0.73},
    "dev27": {"recall": 0.95, "precision": 0.96, "speaker": 0.97, "speaker_name": 0.83, "via_recall": 0.6},
    "dev28": {"recall": 0.97, "precision": 0.94, "speaker": 0.92, "speaker_name": 0.87, "via_recall": 0.57},
    "dev29": {"recall": 0.97, "precision": 0.95, "speaker": 0.95, "speaker_name": 0.78, "via_recall": 0.71},
    "dev30": {"recall": 0.95, "precision": 0.94, "speaker": 0.97, "speaker_name": 0.82, "via_recall": 0.95},
    "dev31": {"recall": 0.97, "precision": 0.97, "speaker": 0.91, "speaker_name": 0.86, "via_recall": 0.6},
    "dev32": {"recall": 0.95, "precision": 0.94, "speaker": 0.95, "speaker_name": 0.80, "via_recall": 0.75},
    # dev33-dev35: written blind at c342152 (figures in their `about`), tuned on in round 25 of session 9
    "dev33": {"recall": 0.93, "precision": 0.94, "speaker": 0.86, "speaker_name": 0.82, "via_recall": 0.85},
    "dev34": {"recall": 0.93, "precision": 0.92, "speaker": 0.90, "speaker_name": 0.88, "via_recall": 0.80},
    "dev35": {"recall": 0.94, "precision": 0.94, "speaker": 0.85, "speaker_name": 0.67, "via_recall": 0.73},
    # dev36: written blind at 79cf8b8 (0.731 speaker), tuned on in round 26 of session 10 (feature copy)
    "dev36": {"recall": 0.97, "precision": 0.96, "speaker": 0.92, "speaker_name": 0.83, "via_recall": 0.83},
    # dev37-dev38: written blind at 79cf8b8, never tuned on (floors keep the level they were met at)
    "dev37": {"recall": 0.94, "precision": 0.95, "speaker": 0.97, "speaker_name": 0.92, "via_recall": 0.7},
    "dev38": {"recall": 0.97, "precision": 0.97, "speaker": 0.97, "speaker_name": 0.97, "via_recall": 0.95},
    # dev39-dev44: written blind at 4df12cc / 7700127 (figures in their `about`), tuned on in rounds 27-28 of session 10
    "dev39": {"recall": 0.96, "precision": 0.94, "speaker": 0.86, "speaker_name": 0.72, "via_recall": 0.58},
    "dev40": {"recall": 0.97, "precision": 0.97, "speaker": 0.96, "speaker_name": 0.92, "via_recall": 0.7},
    "dev41": {"recall": 0.93, "precision": 0.92, "speaker": 0.92, "speaker_name": 0.9, "via_recall": 0.47},
    "dev42": {"recall": 0.97, "precision": 0.97, "speaker": 0.83, "speaker_name": 0.69, "via_recall": 0.88},
    "dev43": {"recall": 0.95, "precision": 0.95, "speaker": 0.9, "speaker_name": 0.78, "via_recall": 0.75},
    "dev44": {"recall": 0.96, "precision": 0.96, "speaker": 0.89, "speaker_name": 0.78, "via_recall": 0.8},
}


DEV_FLOORS = {**BLIND_DEV_FLOORS, **WRITTEN_DEV_FLOORS}


@pytest.mark.parametrize("which", sorted(DEV_FLOORS))
def test_blind_and_written_dev_scores_meet_their_floors(repo_dir: Path, shared_data: Path, which: str) -> None:
    result = passage_scores(repo_dir, shared_data, which)
    for key, floor in DEV_FLOORS[which].items():
        assert result[key] >= floor, (which, key, result)


@pytest.mark.parametrize("which", sorted(WRITTEN_DEV_FLOORS))
def test_written_dev_offsets_index_the_passage_text(repo_dir: Path, shared_data: Path, which: str) -> None:
    offsets_index_the_text(unseen_gold(repo_dir, shared_data, which))
