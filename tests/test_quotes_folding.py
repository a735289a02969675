"""Person and number folding of Arabic word keys (marsad.quotes.folding)."""

from __future__ import annotations

from marsad.quotes.folding import person_forms


def test_first_and_third_person_fold_to_one_form() -> None:
    assert person_forms("نفرض") & person_forms("تفرض")
    assert person_forms("سنفرض") & person_forms("يفرضون")
    assert person_forms("انفسنا") & person_forms("نفسها")
    assert person_forms("بلادنا") & person_forms("بلاده")
    assert not person_forms("نفرض") & person_forms("نرفض")
