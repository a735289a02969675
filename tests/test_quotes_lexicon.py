"""The quote lexicons: well-formed, normalised, and covering the verbs issue 5 names."""

from __future__ import annotations

import pytest

from marsad.quotes.lexicon import RELAYS_PATH, SPEAKER_WORDS_PATH, VERBS_PATH, cues, read_rows, speaker_words
from marsad.text.normalize import match_key

KINDS = {"role", "org", "place", "boundary", "relative", "aux", "object", "pronoun", "manner"}


@pytest.mark.parametrize("path,columns", [(VERBS_PATH, 7), (RELAYS_PATH, 2), (SPEAKER_WORDS_PATH, 2)])
def test_every_entry_is_normalised_and_complete(path, columns: int) -> None:  # type: ignore[no-untyped-def]
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#") and "Source:" in text
    rows = read_rows(path)
    assert rows
    for row in rows:
        assert len(row) == columns, row
        assert match_key(row[0]) == row[0], row


def test_verb_rows_use_known_values() -> None:
    for cue in cues().values():
        assert cue.pos in {"past", "present", "participle", "noun", "phrase"}, cue
        assert cue.quote in {"yes", "no", "impersonal"}, cue
        assert cue.prep == "-" or cue.prep == "obj" or match_key(cue.prep) == cue.prep
    assert set(speaker_words().values()) <= KINDS


@pytest.mark.parametrize("verb", ["قال", "أكد", "أعلن", "أشار", "أفاد", "أوضح", "شدد", "لفت", "حذر", "أضاف", "نفى",
                                  "اعتبر", "ذكر", "كشف", "صرح", "تابع"])
def test_issue_verbs_are_covered_in_past_and_present(verb: str) -> None:
    lemma = match_key(verb)
    forms = {c.pos for c in cues().values() if c.lemma == lemma}
    assert "past" in forms, verb
    if lemma != "تابع":  # in the present تابع means «follows, monitors»: past only, by design
        assert forms & {"present", "participle"}, verb
