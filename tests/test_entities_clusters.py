"""Distributional word clusters: learning on a toy corpus, and the shipped table's form."""

from __future__ import annotations

import random

from marsad.entities import clusters, features, lexicons
from marsad.text.normalize import match_key


def _toy_corpus() -> list[list[str]]:
    rng = random.Random(0)
    names, places = ["سامر", "كريم", "ناصر", "هاني"], ["دمشق", "حلب", "حمص", "درعا"]
    out = []
    for _ in range(400):
        out.append(["قال", rng.choice(names), "إن", "الوضع", "هادئ"])
        out.append(["وصل", "الوفد", "إلى", rng.choice(places), "أمس"])
    return out


def test_words_in_the_same_contexts_share_a_cluster() -> None:
    table = clusters.learn(_toy_corpus(), granularity=(2, 4), dimensions=3)
    assert len({table[w][0] for w in ("سامر", "كريم", "ناصر", "هاني")}) == 1
    assert table["سامر"][0] != table["دمشق"][0]
    assert len({table[w][0] for w in ("دمشق", "حلب", "حمص", "درعا")}) == 1


def test_cluster_key_normalises_and_strips_proclitics() -> None:
    assert clusters.cluster_key("والإمارات") == "امارات"
    assert clusters.cluster_key("Reuters") == "reuters"


def test_shipped_table_is_in_normalised_form() -> None:
    table = lexicons.word_clusters()
    assert len(table) > 10_000
    assert [w for w in table if match_key(w) != w] == []


def test_cluster_features_reach_the_tagger() -> None:
    feats = features.unit_features("دمشق")
    assert [f[:3] for f in feats if f.startswith("k")] == ["k0=", "k1=", "k2="]
    assert not any(f.endswith("=none") for f in feats if f.startswith("k"))



def test_split_key_keeps_known_names_whole() -> None:
    # regression: «فلاديمير» was split into فل + «اديمير», and «فلاديمير بوتين» into two people
    assert clusters.split_key("فلاديمير") == ("", "فلاديمير")
    assert clusters.split_key("وروسيا") == ("و", "روسيا")
    assert clusters.split_key("والمانيا")[0] == "وال"  # the article is always a clitic
    assert "s=فلاديمير" in features.unit_features("فلاديمير")
