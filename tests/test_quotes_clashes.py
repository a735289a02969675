"""The clashes that tell two quotes of one speaker apart (marsad.quotes.clashes): figures read from digits and
number words, negation and denial words, countries in the same role, and the statement word table. The clash
fixes of issue 5, round 12, are the regression tests."""

from __future__ import annotations

import pytest

from marsad.quotes import clashes
from marsad.quotes.clashes import countries_clash, negated, numbers_clash, numbers_in
from marsad.quotes.paraphrase import SIGNALS, signals


@pytest.mark.parametrize(("text", "value"), [
    ("أرسلنا 350 جنديا", 350),
    ("أرسلنا ثلاثمائة وخمسين جنديا", 350),
    ("خسائر بقيمة ٤٫٥ مليار دولار", 4.5e9),
    ("خسائر بقيمة 4.5 مليار دولار", 4.5e9),
    ("بلغ عدد النازحين سبعة آلاف وثمانمائة", 7800),
    ("تكلفة المشروع ملياري دولار", 2e9),
    ("سنستقبل خمسة عشر ألف طالب", 15000),
    # round 12: «واحد/إحدى» as the first word of a number, clitics before number words, «ثلاث مئة»
    ("نفذنا إحدى وسبعين غارة", 71),
    ("تضم البعثة أحد عشر خبيرا", 11),
    ("وصلت واحد وعشرون شاحنة", 21),
    ("تبرعت الشركة بتسعمئة وستة عشر مليون دولار", 916e6),
    ("نشرنا ثلاث مئة جندي", 300),
])
def test_figures_in_digits_and_words_read_alike(text: str, value: float) -> None:
    assert value in numbers_in(text)


def test_vague_plurals_and_pronouns_are_no_figures() -> None:
    assert numbers_in("آلاف المتظاهرين خرجوا إلى الشوارع") == frozenset()
    assert numbers_in("لن نسمح لأحد بالتدخل") == frozenset()


def test_different_figures_clash_and_a_dropped_figure_does_not() -> None:
    assert numbers_clash("قتل 15 شخصا وأصيب 40", "قتل 21 شخصا وأصيب 40 آخرون")
    assert not numbers_clash("قتل 15 شخصا وأصيب 40", "قتل خمسة عشر شخصا")
    assert not numbers_clash("قتل 15 شخصا", "سقط قتلى في القصف")


@pytest.mark.parametrize(("text", "denies"), [
    ("لم نطلق أي صاروخ على المدينة", True),
    ("الحكومة ترفض إجراء انتخابات مبكرة", True),
    ("الوزير نفى وجود أي اتصالات", True),
    ("إحنا مش هنوقع الاتفاق", True),
    ("ما راح نقبل بهذا العرض", True),
    ("سنطلق سراح المعتقلين الأسبوع المقبل", False),
    ("لا بد من إجراء انتخابات مبكرة", False),
    ("الحصار لا يزال مفروضا على المدينة", False),
    ("لن ننسحب ما لم تتوقف الهجمات", True),
    ("سننسحب ما لم تستأنف الهجمات", False),
])
def test_negation_finds_denials_not_fixed_phrases(text: str, denies: bool) -> None:
    assert negated(text) is denies


def test_countries_clash_only_when_each_names_another() -> None:
    assert countries_clash("سنرسل شحنة قمح إلى مصر", "سنرسل شحنة قمح إلى الأردن")
    assert not countries_clash("ننتظر ردا من الجانب الأمريكي", "ننتظر ردا من الأميركيين")  # plural nisba
    assert not countries_clash("سنرسل شحنة قمح إلى مصر", "ستصل الشحنة خلال أيام")
    assert not countries_clash("سنرسل شحنة قمح إلى مصر والأردن", "سنرسل شحنة قمح إلى الأردن")



# ---------------------------------------------------------------- clash fixes (issue 5, round 12)


def test_regression_count_word_one_after_a_noun_is_no_figure() -> None:
    assert numbers_in("سنعيد فتح المعبر خلال أسبوع واحد") == frozenset()
    assert numbers_in("التقى الوزيران مرة واحدة فقط") == frozenset()
    assert numbers_in("في اليوم الأول من الهدنة") == frozenset()  # «الأول» with the article is no figure either
    assert not numbers_clash("نفذت الطائرات 43 طلعة في يوم واحد", "نفذت الطائرات ثلاثا وأربعين طلعة خلال 24 ساعة")


def test_regression_two_compound_numbers_joined_by_wa_stay_two() -> None:
    assert numbers_in("تتراوح الخسائر بين ثلاثة عشر وسبعة عشر مليون دولار") == frozenset({13.0, 17e6})
    assert not numbers_clash("الخسائر بين 13 و17 مليون دولار", "الخسائر بين ثلاثة عشر وسبعة عشر مليون دولار")


@pytest.mark.parametrize(("text", "denies"), [
    ("ما نشرته الصحيفة مجرد أكاذيب", True),
    ("الحكومة تكذب رواية المعارضة", True),
    ("هذه الأنباء عارية عن الصحة", True),
    ("المعلومات المتداولة غير صحيحة", True),
    ("الجيش يستبعد شن هجوم بري", True),
    ("لا نستبعد شن هجوم بري", False),  # a negated denial affirms
    ("المسؤولون عن الهجوم لن يفلتوا من العقاب", False),
    ("الفيضانات ليست السبب الوحيد لانهيار السد", False),  # «not the only cause» is no denial
    ("لا نملك في هذه المرحلة سوى الانتظار", False),
    ("لن نذهب إلى المفاوضات قبل وقف القصف", True),  # a conditional refusal stays one
])
def test_regression_denial_words_and_negated_negatives(text: str, denies: bool) -> None:
    assert negated(text) is denies


def test_regression_two_denials_in_other_words_have_one_polarity() -> None:
    denial = ("الأنباء عن إصابة مدنيين في القصف لا أساس لها من الصحة", "ما يقال عن إصابة مدنيين في القصف أكاذيب",
              "الوزارة تنفي إصابة مدنيين في القصف", "التقارير عن إصابة مدنيين عارية عن الصحة")
    assert len({negated(t) for t in denial}) == 1
    assert negated(denial[0]) != negated("أصيب مدنيون في القصف")


def test_negation_is_read_clause_by_clause() -> None:
    assert negated("لن نقبل بهذا العرض، وسنرد قبل نهاية الشهر")
    assert not negated("نملك الصبر، والانتظار هو خيارنا الوحيد")


def test_regression_a_place_and_an_actor_of_other_countries_do_not_clash() -> None:
    place, actor = "أصابت الغارات 40 هدفا في سوريا", "إن الطائرات الروسية أصابت أربعين هدفا"
    assert not countries_clash(place, actor)
    assert not countries_clash("فر المسلحون من سوريا نحو الحدود التركية", "دفعت الضربات الروسية المسلحين إلى الفرار نحو تركيا")
    assert countries_clash("انسحبت القوات الروسية من المطار", "انسحبت القوات الأمريكية من المطار")  # two actors
    assert countries_clash("لن ننشر قوات في سوريا بعد انسحاب روسيا", "لن ننشر قوات في ليبيا بعد انسحاب روسيا")
    assert countries_clash("قطعنا العلاقات مع المملكة المغربية", "قطعنا العلاقات مع فرنسا")  # a nisba after «المملكة» names


def test_statement_word_table_is_in_matching_form() -> None:
    from marsad.text.normalize import match_key

    for kind, entries in clashes.words().items():
        for phrase in entries:
            assert " ".join(match_key(w) for w in phrase.split()) == phrase, (kind, phrase)



@pytest.mark.parametrize("text", ["", "...", "«»", "؟!"])
def test_regression_a_text_without_words_has_no_figures_and_does_not_crash(text: str) -> None:
    # numbers_in raised ValueError (zip of unequal lists) on a quote with no word tokens
    assert numbers_in(text) == frozenset()
    assert len(signals(text, "قال إن ثلاثة قتلوا")) == len(SIGNALS)
