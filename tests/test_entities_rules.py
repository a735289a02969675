"""Rules around the CRF and the lexicons they read."""

from __future__ import annotations

from marsad.entities import lexicons, rules
from marsad.text.normalize import match_key


def _keys(text: str) -> list[str]:
    return [match_key(w) for w in text.split()]


def test_title_and_alias_lexicons_are_normalised() -> None:
    for phrase, kind in lexicons.titles().items():
        assert match_key(phrase) == phrase, phrase
        assert kind in {"title", "role", "org", "loc", "speech"}, phrase
    for variant, canonical, kind in lexicons.aliases():
        assert match_key(variant) == variant, variant
        assert match_key(canonical) == canonical, canonical
        assert kind in {"ORG", "LOC", "MISC", "NISBA"}, variant


def test_packaged_token_lists_are_normalised() -> None:
    persons = lexicons.person_tokens()
    wiki = lexicons.wiki_tokens()
    assert len(persons) > 10_000 and len(wiki) > 1_000
    for token in list(persons)[:2000] + list(wiki):
        assert match_key(token) == token, token
    assert set(wiki.values()) <= {"PER", "ORG", "LOC", "MISC"}


def test_clitic_length() -> None:
    assert rules.clitic_length("والبنتاغون") == 1
    assert rules.clitic_length("بالبنتاغون") == 1
    assert rules.clitic_length("وليد", known=frozenset({"وليد", "ليد"})) == 0
    assert rules.clitic_length("وكوناشنكوف", known=frozenset({"كوناشنكوف"})) == 1
    assert rules.clitic_length("روسيا") == 0


def test_alias_matches_longest_first_with_clitics() -> None:
    keys = _keys("قال إن تنظيم الدولة الإسلامية ووزارة الدفاع الأمريكية وسوريا")
    found = {(s, e, kind, canonical) for s, e, kind, canonical in rules.alias_matches(keys)}
    assert (2, 5, "ORG", "داعش") in found
    assert (5, 8, "ORG", "البنتاغون") in found
    assert (8, 9, "LOC", "سوريا") in found


def test_nisba_extension() -> None:
    keys = _keys("وزارة الدفاع الروسية اليوم")
    assert rules.nisba_extension(keys, 2) == 3


def test_name_particle_extension() -> None:
    keys = _keys("محمد أبو سلمية إن")
    assert rules.name_particle_extension(keys, 2) == 3  # «محمد أبو» takes «سلمية»
    assert rules.name_particle_extension(keys, 3) == 3
    assert rules.name_particle_extension(_keys("عبد"), 1) == 1  # nothing after it


def test_role_before_a_name() -> None:
    keys = _keys("وقال المتحدث باسم وزارة الدفاع الروسية إيغور كوناشنكوف")
    assert rules.find_role(keys, 7) == (1, 7)
    keys = _keys("وقال المتحدث باسم الوزارة الجنرال إيغور كوناشنكوف")
    assert rules.find_role(keys, 5) == (1, 4)  # the title «الجنرال» is not part of the role
    keys = _keys("وقال نائب وزير الدفاع الروسي أناتولي أنطونوف")
    assert rules.find_role(keys, 5) == (1, 5)
    keys = _keys("قال إن أنطونوف")
    assert rules.find_role(keys, 2) is None


def test_role_after_a_name_in_apposition() -> None:
    keys = _keys("وقال أناتولي أنطونوف نائب وزير الدفاع الروسي للصحفيين إن")
    assert rules.find_role_after(keys, 3) == (3, 7)
    keys = _keys("وقال أنطونوف ، المتحدث باسم الوزارة أن")
    assert rules.find_role_after(keys, 2) == (3, 6)
    assert rules.find_role_after(_keys("قال أنطونوف إن"), 2) is None


def test_plural_gentilics_are_not_people() -> None:
    assert rules.plural_gentilic(match_key("الأمريكيين"))
    assert not rules.plural_gentilic(match_key("الأسد"))


def test_import_loads_nothing() -> None:
    import subprocess
    import sys

    code = ("import marsad.entities, marsad.entities.lexicons as L, marsad.entities.features as F;"
            "print(L.person_tokens.cache_info().currsize + L.wiki_tokens.cache_info().currsize"
            " + F.unit_features.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


def test_regression_org_spans_stop_at_a_preposition_and_aliases_win_over_run_on_spans():
    from marsad.entities.rules import SPAN_BREAKERS, cut_at_preposition
    from marsad.entities.stages import tag_text
    from marsad.text.normalize import match_key

    assert all(match_key(w) == w for w in SPAN_BREAKERS)
    keys = [match_key(w) for w in "تنظيم الدولة في سوريا".split()]
    assert cut_at_preposition(keys, 0, 4) == 2
    text = "وقال إن الحملة تستهدف تنظيم الدولة الإسلامية الإرهابي على الأراضي السورية."
    orgs = [m.text for m in tag_text(text) if m.type == "ORG"]
    assert "تنظيم الدولة الإسلامية" in orgs
    assert not any("الأراضي" in o for o in orgs)


def test_regression_nisba_extends_generic_organisations_only() -> None:
    keys = _keys("ووزارة الدفاع الروسية وفيردر بريمن الألماني")
    assert rules.generic_org(keys, 0)  # «وزارة»: the nisba tells which ministry
    assert not rules.generic_org(keys, 3)  # a club's name: ANERcorp leaves «الألماني» outside
    assert rules.generic_org(_keys("للقوات الروسية"), 0)


def test_a_quoted_name_after_a_media_noun_is_the_outlet():
    from marsad.entities.rules import quoted_names

    assert quoted_names(_keys("ونشر موقع “ بالينغ كات ” المتخصص")) == [(3, 5, "ORG")]
    assert quoted_names(_keys("وقالت الصحيفة « نيويورك تايمز » إن")) == [(3, 5, "ORG")]
    assert quoted_names(_keys("في برنامج \" الاتجاه المعاكس \"")) == [(3, 5, "MISC")]
    assert quoted_names(_keys("قال \" إننا نصيب الهدف \"")) == []  # a quotation, not a name
    assert quoted_names(_keys("موقع \" \"")) == []


def test_an_imperfect_plural_verb_does_not_close_a_name():
    from marsad.entities.rules import trailing_verb

    assert trailing_verb(_keys("الدواعش يختبئون"), 0, 2) == 1
    assert trailing_verb(_keys("حزب الله"), 0, 2) == 2
    assert trailing_verb(_keys("يختبئون"), 0, 1) == 1  # never empties a span


def test_an_indefinite_head_with_indefinite_adjectives_is_a_description():
    from marsad.entities.rules import indefinite_description

    assert indefinite_description(_keys("بقاعدة عسكرية سورية"), 0, 3)
    assert indefinite_description(_keys("وزارة روسية"), 0, 2)
    assert not indefinite_description(_keys("قاعدة حميميم"), 0, 2)
    assert not indefinite_description(_keys("وزارة الدفاع الروسية"), 0, 3)
    assert not indefinite_description(_keys("قوات سوريا الديمقراطية"), 0, 3)
    assert not indefinite_description(_keys("جمهورية"), 0, 1)


def test_the_tagger_keeps_a_quoted_outlet_whole_and_drops_descriptions():
    from marsad.entities.stages import tag_text

    found = {(m.text, m.type) for m in tag_text("ونشر موقع “بالينغ كات” المتخصص تقريراً عن طائرة بقاعدة عسكرية سورية.")}
    assert ("بالينغ كات", "ORG") in found
    assert not any("قاعدة" in text for text, _ in found)


def test_split_at_conjunction_people_and_places_only() -> None:
    keys = _keys("أندريه غلوكسمان والبروفيسور ليفي")
    assert rules.split_at_conjunction(keys, 0, 4, "PER") == [(0, 2), (2, 4)]
    keys = _keys("سامي وأحمد")
    assert rules.split_at_conjunction(keys, 0, 2, "PER") == [(0, 1), (1, 2)]  # «و» + a known name
    assert rules.split_at_conjunction(_keys("سامي وليد"), 0, 2, "PER") == [(0, 2)]  # «وليد» is a name
    keys = _keys("القرض العقاري والسياحي")
    assert rules.split_at_conjunction(keys, 0, 3, "ORG") == [(0, 3)]


def test_trailing_nisba_after_a_proper_name() -> None:
    keys = _keys("نادي ميلانو الإيطالي فاز")
    assert rules.trailing_nisba(keys, 1, 3) == 2  # the club is «ميلانو»
    keys = _keys("الخطوط الجوية الإيرانية")
    assert rules.trailing_nisba(keys, 0, 3) == 3  # an article word: the nisba belongs to the name
    keys = _keys("وزارة الدفاع الروسية")
    assert rules.trailing_nisba(keys, 0, 3) == 3  # generic head: the Russian ministry
    assert rules.trailing_nisba(_keys("الروسية"), 0, 1) == 1


def test_event_head_before_a_place() -> None:
    keys = _keys("فاز الفريق بكأس البرتغال أمس")
    assert rules.event_head_before(keys, 3) == 2
    keys = _keys("وصل إلى البرتغال أمس")
    assert rules.event_head_before(keys, 2) is None
    assert rules.event_head_before(_keys("البرتغال"), 0) is None


def test_leading_place_head_is_left_out() -> None:
    assert rules.leading_place_head(_keys("بمدينة حلب"), 0, 2) == 1
    assert rules.leading_place_head(_keys("بحر قزوين"), 0, 2) == 0  # «بحر» belongs to the name
    assert rules.leading_place_head(_keys("المدينة المنورة"), 0, 2) == 0
    assert rules.leading_place_head(_keys("مدينة"), 0, 1) == 0


def test_head_adjective_orgs() -> None:
    assert rules.head_adjective_orgs(_keys("قال رئيس مجلس إدارة للبنك الأهلي إن")) == [(4, 6)]
    assert rules.head_adjective_orgs(_keys("انسحب الجيش الإسرائيلي")) == []  # a description, not a name
    assert rules.head_adjective_orgs(_keys("البنك في المدينة")) == []


def test_proclitic_before_a_name_of_the_document() -> None:
    known = {(match_key("ستولمان"),): "PER", (match_key("وليد"),): "PER"}
    assert rules.proclitic_before(match_key("لستولمان"), known) == 1
    assert rules.proclitic_before(match_key("وبستولمان"), known) == 2
    assert rules.proclitic_before(match_key("وليد"), known) == 0  # the name itself
    assert rules.proclitic_before(match_key("لستوك"), known) == 0


def test_propagated_name_behind_a_proclitic_drops_it() -> None:
    from marsad.entities import stages
    from marsad.text.tokens import tokenize

    text = "كانت الضربة قاسية لستولمان"
    tokens = tokenize(text)
    tagged = stages._tag_sentence(tokens, ["O"] * len(tokens))
    stages._propagate(tagged, {(match_key("ستولمان"),): "PER"})
    mentions = stages._mentions(text, 0, tagged)
    assert [(m.text, m.type, m.source) for m in mentions] == [("ستولمان", "PER", "propagated")]


def test_event_nisba_extension() -> None:
    keys = _keys("فاز ببطولة الدوري الإسباني أمس")
    assert rules.event_nisba_extension(keys, 1, 3) == 4
    keys = _keys("رواية الحرب الروسية")
    assert rules.event_nisba_extension(keys, 0, 2) == 2  # not a competition


def test_leading_org_head_is_left_out() -> None:
    assert rules.leading_org_head(_keys("لشركة غازبروم"), 0, 2) == 1
    assert rules.leading_org_head(_keys("حزب الله"), 0, 2) == 0  # «حزب» is part of the name
    assert rules.leading_org_head(_keys("الشركة الوطنية"), 0, 2) == 0


def test_sports_sentence_needs_a_match_word_or_a_score() -> None:
    assert rules.sports_sentence(_keys("وقال المدرب إن فريقه لعب جيدا"))
    assert rules.sports_sentence(_keys("انتهى اللقاء بنتيجة 3 - صفر"))
    assert rules.sports_sentence(_keys("وتغلبت نانت على ليون"))
    assert not rules.sports_sentence(_keys("زار الوزير ليون أمس"))


def test_match_team_slots() -> None:
    keys = _keys("وتغلب نانت أمس على ليون بهدفين وخسر مضيفه بوردو")
    assert rules.match_team(keys, 1)  # right after the verb
    assert rules.match_team(keys, 4)  # «على» close behind the verb
    assert rules.match_team(keys, 8)  # after «مضيفه»
    assert not rules.match_team(keys, 5)
    assert not rules.match_team(_keys("سافر الوزير على متن طائرة إلى ليون"), 6)
    assert rules.team_evidence(_keys("لاعب فريق ليون"), 2)
    assert not rules.team_evidence(_keys("مدينة ليون"), 1)


def test_country_names_of_the_table() -> None:
    assert rules.country_name(_keys("للبرتغال"), 0, 1)
    assert rules.country_name(_keys("البرتغال"), 0, 1)
    assert not rules.country_name(_keys("ليون"), 0, 1)


def test_sports_teams_retypes_clubs_in_match_sentences_only() -> None:
    from marsad.entities.stages import _sports_teams, _Tagged

    def sentence(text: str, spans: list[tuple[int, int, str]]) -> _Tagged:
        return _Tagged(0, [], _keys(text), [(s, e, k, "crf") for s, e, k in spans])

    club = sentence("انضم إلى فريق ليون قبل المباراة", [(3, 4, "ORG")])
    scorer = sentence("وسجل ليون هدفين", [(1, 2, "LOC")])
    slot = sentence("وخسر مضيفه بوردو بهدف", [(2, 3, "PER")])
    national = sentence("تغلبت البرتغال على ليون", [(1, 2, "LOC"), (3, 4, "LOC")])
    visit = sentence("زار الوزير ليون أمس", [(2, 3, "LOC")])
    nisba = sentence("وفاز الفريق على بوردو الفرنسي", [(3, 4, "LOC")])
    _sports_teams([club, scorer, slot, national, visit, nisba])
    assert nisba.spans[0][2] == "ORG"  # a club with its country
    assert scorer.spans[0][2] == "ORG"  # the club of another match sentence
    assert slot.spans[0][2] == "ORG"  # a team's slot
    assert national.spans[0][2] == "LOC" and national.spans[1][2] == "ORG"  # a country keeps LOC
    assert visit.spans[0][2] == "LOC"  # not a match sentence


def test_club_nisba_needs_a_bare_name_and_a_country_nisba() -> None:
    assert rules.club_nisba(_keys("على بوردو الفرنسي"), 1, 2)
    assert not rules.club_nisba(_keys("على الاتحاد الفرنسي"), 1, 2)
    assert not rules.club_nisba(_keys("على بوردو أمس"), 1, 2)


def test_company_names_after_a_company_head() -> None:
    assert rules.company_names(_keys("أعلنت شركة كوداكسترون أمس")) == [(2, 3)]
    assert rules.company_names(_keys("وقالت شركة النفط الوطنية")) == []
    assert rules.company_names(_keys("أعلنت شركة عملاقة")) == []  # a common word, known to the clusters
    assert rules.company_names(_keys("الشركة ومديرها")) == []  # a proclitic word


def test_team_after_head_in_match_sentences() -> None:
    assert rules.team_after_head(_keys("وفاز فريق الساحل على منافسه الجبل بهدفين")) == [2, 5]
    assert rules.team_after_head(_keys("وفاز فريق الساحل الجنوبي بهدفين")) == [2]
    assert rules.team_after_head(_keys("وفاز الفريق الوطني بهدفين")) == []  # no name after «الفريق»
    assert rules.team_after_head(_keys("وصل فريق الإنقاذ إلى المدينة")) == []  # not a match sentence
    assert rules.team_after_head(_keys("وتغلب الساحل على الجبل")) == [1, 3]  # the verb's slots
    assert rules.team_after_head(_keys("وتغلب الساحل على البرتغال")) == [1]  # a country keeps LOC
    assert rules.team_after_head(_keys("بعد التعادل المفاجئ في المباراة")) == []  # a verbal noun


def test_quoted_span() -> None:
    keys = _keys("لندن : « الشرق الأوسط » قال المصدر")
    assert rules.quoted(keys, 3, 5)
    assert not rules.quoted(keys, 0, 1)
    assert not rules.quoted(_keys("في الشرق الأوسط اليوم"), 1, 3)


def test_quoted_model_number_joins_the_name() -> None:
    keys = _keys('طائرة " سو 24 أم " بقاعدة')
    assert rules.quoted_model_number(keys, 2, 3) == 5  # «سو 24 أم»
    keys = _keys("مقاتلات « اف ـ 16 » و")
    assert rules.quoted_model_number(keys, 2, 3) == 5
    # no number, a word that is no model letter, no opening quote, or no closing quote: unchanged
    assert rules.quoted_model_number(_keys('مسلسل " القاهرة الجديدة " امس'), 2, 3) == 3
    assert rules.quoted_model_number(_keys('طائرة " سو 24 الروسية " امس'), 2, 3) == 3
    assert rules.quoted_model_number(_keys("طائرة سو 24 أم امس"), 1, 2) == 2
    assert rules.quoted_model_number(_keys('طائرة " سو 24 أم 5 6 7 8'), 2, 3) == 3
