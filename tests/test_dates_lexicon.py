"""The date rules' word tables (``marsad/data/date_*_words.tsv``), their readers and named views."""

from __future__ import annotations

from collections import Counter

import pytest

from marsad.dates import lexicon as L
from marsad.dates import words as W
from marsad.text.normalize import match_key

# Each table, its reader, and the types the rules read from it (a missing type would be a KeyError at run time).
TABLES = {
    "date_guard_words.tsv": (L.guard_table, {"scale", "counting", "movement", "clause_break", "clause_goes_on",
                                             "not_verb", "not_verb_ending", "age_word", "age_cue", "not_today",
                                             "common_noun_holiday"}),
    "date_part_words.tsv": (L.part_table, {"am", "pm", "night", "daypart", "day_part_after", "part_word",
                                           "part_before", "edge", "edge_mod", "part_edge", "early_late"}),
    "date_unit_words.tsv": (L.unit_table, {"year_word", "hijri_mark", "ad_mark", "plural_unit", "bare_plural", "whole",
                                           "whole_after", "last", "fraction", "rank", "feminine_rank",
                                           "masculine_rank"}),
    "date_cue_words.tsv": (L.cue_table, {"month_cue", "ambiguous_month_cue", "year_cue", "conjoined_cue", "date_prep",
                                         "this", "range_to", "ago", "duration_cue", "holiday_cue", "hour_glue",
                                         "time_glue", "bound", "within", "approx", "moved", "dateline_cue",
                                         "starter"}),
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_type_the_rules_read_is_in_the_table(name: str) -> None:
    reader, types = TABLES[name]
    assert set(reader()) == types


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_type_is_described_in_the_header(name: str) -> None:
    header = [line for line in (L.DATA / name).read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    described = {line.split("type=")[1].split(":")[0] for line in header if "type=" in line}
    assert described == TABLES[name][1]
    assert "Written by" in "\n".join(header[:4]), "the header names where the words come from"


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_row_has_three_columns_and_a_normalised_phrase(name: str) -> None:
    for row in L.read_rows(name):
        assert len(row) == 3, f"{name}: {row!r}"
        assert row[0] == match_key(row[0]) and row[0].strip() == row[0], f"{name}: {row[0]!r} is not normalised"


@pytest.mark.parametrize("name", sorted(TABLES))
def test_no_phrase_twice_within_a_type(name: str) -> None:
    counts = Counter((row[1], row[0]) for row in L.read_rows(name))
    assert [key for key, n in counts.items() if n > 1] == []


def test_guard_view_reads_the_table() -> None:
    guards = W.guard_words()
    assert "مليار" in guards.scales and "قوي" in guards.movement and "الحج" in guards.common_noun_holidays
    assert "سنويا".endswith(guards.not_verb_endings) and "سيول" in guards.not_verbs
    assert W.guard_words() is guards  # built once per process


def test_part_view_reads_the_table() -> None:
    parts = W.part_words()
    assert parts.dayparts["مساء"] == "EV" and parts.day_part_after["صباحا"] == "MO" and parts.edge_mod["اواسط"] == "mid"
    assert parts.of_hour == parts.am | parts.pm | parts.night and "بالليل" in parts.night
    assert set(parts.edge_mod) <= parts.edge | {"اخر"} and set(parts.edge_mod.values()) == {"start", "mid", "end"}


def test_unit_view_reads_numbers_from_the_table() -> None:
    units = W.unit_words()
    assert units.fractions == {"نصف": 0.5, "ربع": 0.25}
    for ranks in (units.ranks, units.feminine_ranks, units.masculine_ranks):
        assert sorted(set(ranks.values())) == [1, 2, 3, 4, 5]  # 5 is also «the last»
    assert "هجري" in units.hijri_marks and "عام" in units.year_words and "سنوات" in units.bare_plurals


def test_cue_view_keeps_punctuation_in_code_and_phrases_as_tuples() -> None:
    cues = W.cue_words()
    assert "-" in cues.range_to and "-" in cues.time_glue and W.COMMAS <= cues.hour_glue
    assert ("لا", "يتجاوز") in cues.bounds and ("في", "غضون") in cues.within
    assert cues.approx[0] == ("ما", "يقرب", "من") and cues.ago == {"منذ": -1, "قبل": -1, "بعد": 1}
    assert cues.month_cues | cues.year_cues <= cues.conjoined and "عند" in cues.conjoined
    assert "published" in cues.dateline_cues and "اقل" in cues.starters


def test_the_rules_read_the_views() -> None:
    from marsad.dates.grammar import Parser

    p = Parser([], None)
    assert (p.cues, p.parts, p.units, p.guards) == (W.cue_words(), W.part_words(), W.unit_words(), W.guard_words())


def test_no_table_is_read_at_import() -> None:
    import subprocess
    import sys

    code = ("import marsad.dates, marsad.dates.words as W, marsad.dates.lexicon as L; "
            "print(sum(f.cache_info().currsize for f in (L.word_table, "
            "W.cue_words, W.part_words, W.unit_words, W.guard_words)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"
