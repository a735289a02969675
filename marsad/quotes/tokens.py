"""Word tokens of a sentence with their normalised keys, the unit every quote rule looks at."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.quotes.lexicon import Cue, cues, definite_given_names, programme_heads, speaker_words
from marsad.text.normalize import match_key, remove_diacritics
from marsad.text.tokens import tokenize

# Complementizers that open a reported clause (normalised: إن/أن both give «ان»).
COMPLEMENTIZERS = frozenset({"ان", "انه", "انها", "انهم", "اننا", "انني", "بان", "بانه", "بانها", "بانهم", "انهما", "بانهما",
                             "باننا"})
# «عاد» of «وعاد نجاد ليؤكد أن», «النائب عاد ليؤكد»: «went back to say» before ل + a present reporting verb.
RESUMING = frozenset({"عاد", "عادت", "عادوا", "عادا"})
# Adjectives inside an organisation's name before its ل-genitive («الكونفدرالية العامة للعمل», «المجلس الأعلى للقضاء»,
# «الهيئة الوطنية للإعلام»); by reading (quotes_dev25), no data tuned.
ORG_NAME_ADJECTIVES = frozenset({"العام", "العامه", "الاعلي", "الوطني", "الوطنيه", "الدولي", "الدوليه", "المستقل",
                                 "المستقله", "الاتحادي", "الاتحاديه"})
PUNCT_BOUNDARY = frozenset("،,:؛;-–—()[].!?؟")
PREPOSITIONS = frozenset({"في", "من", "عن", "علي", "الي", "مع", "خلال", "اثناء", "بعد", "قبل", "منذ", "حول",
                          "لدي", "امام", "عبر", "ذلك"})
CLITICS = ("و", "ف")
# Spelled with ي, these are names (علي); the prepositions are spelled على / إلى in careful copy.
NAME_NOT_PREPOSITION = frozenset({"علي"})
# Spelled with ي, the governor («والي نابل», «وأضاف الوالي»); «وإلى/والى» is «and to» (quotes_dev18, Maghreb copy).
TITLE_NOT_PREPOSITION = frozenset({"والي", "الوالي"})


@dataclass(frozen=True, slots=True)
class Tok:
    text: str
    start: int
    end: int
    key: str

    @property
    def bare(self) -> str:
        """The key without a leading و/ف conjunction (when what remains is at least two letters)."""
        if self.key[:1] in CLITICS and len(self.key) > 2:
            return self.key[1:]
        return self.key

    @property
    def definite(self) -> bool:
        """Starts with the article as written (ال with a bare alef): «ألونسو» and «أليكسي» do not, nor a given name
        written with it («الحسين الطاهري», data/definite_given_names.tsv)."""
        return remove_diacritics(self.text).startswith(("ال", "وال", "فال")) and self.bare not in definite_given_names()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def sentence_tokens(text: str, start: int, end: int) -> list[Tok]:
    return [Tok(t.text, start + t.start, start + t.end, match_key(t.text)) for t in tokenize(text[start:end])]


# Verbs that take their object as a pronoun suffix («واتهمه بالسعي», «ودعاهم إلى»): still a new clause.
OBJECT_SUFFIXES = ("ه", "ها", "هم")
SUFFIXED_KINDS = frozenset({"claim", "call", "describe"})


def cue_of(tok: Tok) -> Cue | None:
    lexicon = cues()
    found = lexicon.get(tok.key) or (lexicon.get(tok.bare) if tok.bare != tok.key else None)
    if found is None and tok.bare.endswith(OBJECT_SUFFIXES) and len(tok.bare) > 4:
        for suffix in OBJECT_SUFFIXES:
            if suffix == "ه" and tok.text.endswith("ة"):
                continue  # «إدانة» is the noun (ta marbuta), not «أدانه» («condemned him»)
            stem = lexicon.get(tok.bare[: -len(suffix)]) if tok.bare.endswith(suffix) else None
            if stem is not None and stem.pos == "past" and stem.kind in SUFFIXED_KINDS:
                return stem
    return found


def word_kind(tok: Tok) -> str:
    """role / org / boundary / relative / aux / punct / '' for a token of a speaker phrase."""
    if not tok.is_word:
        return "punct"
    if tok.text in NAME_NOT_PREPOSITION:
        return ""
    if tok.text in TITLE_NOT_PREPOSITION:
        return "role"
    return word_kind_of(tok.key) or word_kind_of(tok.bare)


def is_boundary(tok: Tok) -> bool:
    """Ends a speaker phrase: punctuation, prepositions, time words, complementizers, «لل…» phrases."""
    if tok.text in PUNCT_BOUNDARY or tok.text in "\"«»“”'" or not tok.key or tok.key == "ل":
        return True  # an empty key: a lone tatweel used as a dash («وقال الوزير ـ في تصريحاته ـ»)
    if tok.text in NAME_NOT_PREPOSITION or tok.text in TITLE_NOT_PREPOSITION:
        return False
    kind = word_kind(tok)
    if kind in ("boundary", "relative") or tok.key in COMPLEMENTIZERS or tok.bare in PREPOSITIONS:
        return True
    if tok.key.startswith("ل") and (word_kind_of(tok.key[1:]) == "org" or tok.key[1:] in programme_heads()):
        return True  # «لوكالة فرانس برس», «لراديو إسرائيل», «لبرنامج»: an addressee, not the speaker
    if tok.key == "لنا" or (tok.key.startswith("ل") and tok.key.endswith("نا") and len(tok.key) >= 6):
        return True  # «يقول لنا», «قال لموقعنا», «لمراسلنا»: the outlet itself spoken to (not «لينا», «لانا»)
    # «للصحفيين», «بالقاهرة»; not «بالاك»
    return (tok.key.startswith("لل") and len(tok.key) > 4) or (tok.key.startswith("بال") and len(tok.key) > 5)


FEMININE_MIN_LETTERS = 5  # «منسقه» (a coordinator, feminine) of «منسق»; shorter words («سنه», «مده») are no such forms


def masculine(key: str) -> str:
    """A feminine noun or adjective's masculine form («استشاريه» -> استشاري, «منسقه» -> منسق); other words as they
    are (normalised keys: ة is written ه)."""
    return key[:-1] if key.endswith("ه") and len(key) >= FEMININE_MIN_LETTERS else key


def word_kind_of(key: str) -> str:
    """The speaker-word kind of a normalised word; a feminine title («منسقة», «المبعوثة», «أستاذة») is the title of its
    masculine row when the table has no row of its own."""
    words = speaker_words()
    kind = words.get(key, "")
    if not kind and masculine(key) != key and words.get(masculine(key)) == "role":
        return "role"
    return kind


def lam_of_noun(key: str) -> str:
    """"ل" when a «لل»-word is ل + the article + a noun that itself starts with ل, written with one ل less («للجنة» is
    «ل + اللجنة»); "" otherwise («للجيش» is «ل + الجيش»). Known from the speaker lexicon."""
    rest = key[2:]
    return "ل" if not word_kind_of("ال" + rest) and word_kind_of("الل" + rest) else ""
