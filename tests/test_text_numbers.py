"""The number-scale table (marsad.text.numbers) and its two readers."""

from __future__ import annotations

from marsad.cluster_signals import with_multipliers
from marsad.quotes.clashes import numbers_in
from marsad.text.normalize import match_key
from marsad.text.numbers import KINDS, scale_words


def test_every_scale_is_normalised_with_a_known_kind() -> None:
    table = scale_words()
    assert table and all(match_key(w) == w and s.kind in KINDS and s.value >= 1000 for w, s in table.items())


def test_singular_plural_and_dual_forms() -> None:
    table = scale_words()
    assert table["الف"].kind == "scale" and table["الاف"].kind == "plural"
    assert table["مليوني"].kind == "dual" and table["مليوني"].value == 2 * table["مليون"].value


def test_clustering_multiplies_a_figure_by_the_scale_after_it_in_any_case() -> None:
    assert with_multipliers("نزح 400 الف شخص ") == "نزح 400000 شخص "
    assert with_multipliers("قتل 12 الفا شخص ") == "قتل 12000 شخص "
    assert with_multipliers("2.5 مليار دولار ") == "2500000000 دولار "


def test_statements_read_the_same_scales() -> None:
    assert numbers_in("ثلاثة ملايين برميل") == frozenset({3_000_000.0})
    assert numbers_in("تريليوني دولار") == frozenset({2e12})
