"""Role resolution: the ``Registry`` of the people, one-word names and organisations an article names, which
expands a short name to its fullest form and resolves a role phrase («المسؤول الروسي», «الوزير ذاته») or a
definite word («البيان») to the person or organisation named before it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from marsad.quotes.lexicon import DATA, read_rows
from marsad.quotes.names import (
    Speaker,
    _is_adjective,
    _pair_of,
    female_names,
    member_of_pair,
    name_words,
    pair_members,
    same_name,
)
from marsad.quotes.tokens import masculine, word_kind_of
from marsad.text.countries import country_codes
from marsad.text.normalize import match_key, skeleton
from marsad.text.tokens import strip_article

EPITHETS_PATH = DATA / "role_epithets.tsv"
SYNONYMS_PATH = DATA / "role_synonyms.tsv"

# «الخبير ذاته», «المصدر نفسه»: «the same X», an emphatic closing a speaker phrase that refers back to X.
EMPHATICS = frozenset({"ذاته", "ذاتها", "نفسه", "نفسها", "ذاتهم", "انفسهم"})


GENERIC_ROLES = frozenset({skeleton(strip_article(match_key("المسؤول")))})


# Heads too common to name one person when a longer role phrase holds them («الرئيس» in «الرئيس الأميركي»).
HEAD_ROLES = frozenset(skeleton(strip_article(match_key(w))) for w in ("الرئيس", "الوزير", "المسؤول", "الملك", "الأمير",
                                                                         "رئيس", "وزير", "مسؤول", "نائب", "الأمين", "العام"))


def _plain_role_words(role: str) -> set[str]:
    """Words of a role without the article, so «الوزير» matches «وزير الخارجية»."""
    words = set()
    for w in match_key(role).split():
        if w in EMPHATICS:
            continue
        words.add(skeleton(strip_article(w)))
        if w.startswith("و") and len(w) > 3:  # «ولاعب خط وسط»: the conjunction, or a root و («وزير»)
            words.add(skeleton(strip_article(w[1:])))
    return words


def role_words_of(role: str) -> set[str]:
    """``_plain_role_words``, each as the word the office is listed under (``data/role_synonyms.tsv``)."""
    same = role_synonyms()
    return {same.get(w, w) for w in _plain_role_words(role)}


@lru_cache(maxsize=1)
def role_synonyms() -> dict[str, str]:
    """Skeleton of a title word -> skeleton of the word naming the same office («حكومه» -> «وزراء»)."""
    return {skeleton(match_key(row[0])): skeleton(match_key(row[1])) for row in read_rows(SYNONYMS_PATH)}


WAZIR = frozenset(_plain_role_words("وزير"))


@dataclass(slots=True)
class Registry:
    """People named as speakers (or by mentions) in one article, with the roles they hold."""

    people: list[Speaker] = field(default_factory=list)

    names: list[Speaker] = field(default_factory=list)  # one-word names of unknown type («انطونوف»)

    orgs: list[Speaker] = field(default_factory=list)

    holders: list[Speaker] = field(default_factory=list)  # titled names read anywhere in the text (not only speakers)

    # ``people`` ordered by word count, most first, then as added: ``expand`` reads the longest names first
    # without sorting every time (3,000 quoted people in one text took 14 s of sorting).
    by_length: list[tuple[int, int, Speaker]] = field(default_factory=list)

    named: set[Speaker] = field(default_factory=set)  # ``people`` and ``names`` as a set

    mentioned: list[Speaker] = field(default_factory=list)  # organisations the tagger marks, in text order

    _held: dict[str, set[str]] | None = None  # role words the holders' titles give each name, built on first use

    def known(self, speaker: Speaker) -> bool:
        """Already registered as a person or a one-word name."""
        return speaker in self.named

    def add(self, speaker: Speaker) -> None:
        if speaker.kind == "PER":
            for member in [speaker, *pair_members(speaker)]:  # «بلير» later expands to «توني بلير», not to the pair
                bisect.insort(self.by_length, (-len(member.name.split()), len(self.people), member),
                              key=lambda row: row[:2])
            self.people.append(speaker)
            self.named.add(speaker)
        elif speaker.kind == "NAME":
            self.names.append(speaker)
            self.named.add(speaker)
        elif speaker.kind == "ORG":
            self.orgs.append(speaker)

    def resolve_org(self, speaker: Speaker, before: int) -> Speaker:
        """«البيان», «الحزب», «الصحيفة»: one definite word back to the organisation named before it
        («بيان صادر عن مكتب أولمرت», «حزب الله», «صحيفة "واشنطن بوست"»)."""
        words = match_key(speaker.name).split()
        if emphatic(speaker.name):  # «وأضاف المصدر ذاته»: the source named before
            words = words[:-1]
        if len(words) != 1 or not speaker.name.startswith(("ال", "وال")):
            return speaker
        for person in reversed(self.people):  # «وأوضح المعلم» after «وزير الخارجية وليد المعلم»
            if person.start < before and name_words(words[0]) <= name_words(person.name):
                members = [m for m in pair_members(person) if name_words(words[0]) <= name_words(m.name)]
                person = members[0] if members else person  # «وقال العربي» after «أحمد سالم ونظيره ... كمال العربي»
                return replace(person, start=speaker.start, end=speaker.end, via=speaker.via)
        head = strip_article(words[0])  # no skeleton: «التقرير» is not «تقارير صحافية»
        for org in [*reversed(self.orgs), *reversed(self.mentioned)]:  # «وقالت المحكمة» after «قضت محكمة جنايات X»
            if org.start < before and org.name != speaker.name and head in match_key(f"{org.role} {org.name}").split():
                return replace(org, start=speaker.start, end=speaker.end, via=speaker.via)
        return speaker

    def expand(self, speaker: Speaker) -> Speaker:
        """A short name («أنطونوف») to the fullest known form («أناتولي أنطونوف»)."""
        if speaker.kind not in ("NAME", "PER"):
            return speaker
        words = len(speaker.name.split())
        for negative_words, _, person in self.by_length:
            if -negative_words <= words:
                break
            if same_name(person.name, speaker.name) and not _pair_of(person.name, speaker.name) \
                    and not member_of_pair(person.name, speaker.name) and not _kunya_of(person.name, speaker.name) \
                    and not _short_skeleton_only(person.name, speaker.name):
                return replace(speaker, name=person.name, kind="PER", role=speaker.role or person.role)
        return speaker

    def _holder_of(self, role_words: set[str], before: int, later: bool = True) -> Speaker | None:
        """The titled name holding the role, the last one before ``before``, else (``later``) the first after it."""
        held = [h for h in self.holders if role_words and role_words <= role_words_of(h.role) and role_words - HEAD_ROLES]
        earlier = [h for h in held if h.start < before]
        return earlier[-1] if earlier else held[0] if held and later else None

    def roles_of(self, person: Speaker) -> set[str]:
        """Words of every role the person is given: in its own phrase, and in the titles the text sets next to the
        same name elsewhere («قال الدكتور شريف ...، وزير التموين ...، إن»: the speaker phrase ends at the comma)."""
        if self._held is None:
            self._held = {}
            for holder in self.holders:
                self._held.setdefault(holder.name, set()).update(role_words_of(holder.role))
        return role_words_of(person.role) | self._held.get(person.name, set())

    def resolve_role(self, speaker: Speaker, before: int) -> Speaker:
        """A role phrase to the person holding it, else to the last person named before it when the role
        is a generic one («المسؤول الروسي») or shares a word with that person's role; «الرئيس الاميركي»
        is not whoever was named last. People named before the role phrase come first: a role refers back
        («أوضح المدرب» is the coach introduced earlier, not the other team's coach named further on)."""
        role_words = role_words_of(speaker.role)
        earlier = [p for p in self.people if p.start < before]
        found = self._titled_surname(speaker.role, earlier) or self._person_holding(role_words, earlier, speaker.role) \
            or self._org_holding(role_words, before) or self._holder_of(role_words, before, later=False)
        named_before = earlier or any(n.start < before for n in self.names)
        if found is None and (len(speaker.role.split()) > 1 or not named_before):  # «المدرب» alone refers back
            found = self._person_holding(role_words, [p for p in self.people if p.start >= before], speaker.role) \
                or self._holder_of(role_words, before)
        if found is not None and not self.contradicts(speaker, found):
            return replace(found, start=speaker.start, end=speaker.end, via=speaker.via)
        described = self.described(speaker, before)
        if described is not None:
            return replace(described, start=speaker.start, end=speaker.end, via=speaker.via)
        earlier = earlier or [p for p in self.names if p.start < before]
        if earlier and self.contradicts(speaker, earlier[-1]):
            return speaker  # «المسؤول الإيراني» is not the American named last
        qualified = self._qualified(role_words, earlier) if role_words & GENERIC_ROLES else None
        if qualified is not None:  # «المسؤول في الجامعة العربية»: the official whose titles name the League
            return replace(qualified, start=speaker.start, end=speaker.end, via=speaker.via)
        last = earlier[-1] if earlier else None
        heads_ok = last is not None and (len(match_key(speaker.role).split()) > 1 or bool(role_words & self.heads_of(last)))
        if last is not None and (role_words & GENERIC_ROLES or (_shares_role(role_words, self.roles_of(last)) and heads_ok
                                                                and not other_complement(speaker.role, self.roles_of(last)))
                                 or emphatic(speaker.role)):  # «وأضاف الخبير ذاته»: the one quoted before
            return replace(earlier[-1], start=speaker.start, end=speaker.end, via=speaker.via)
        return speaker

    def _qualified(self, role_words: set[str], earlier: list[Speaker]) -> Speaker | None:
        """The latest person named before whose titles share a word of the generic role's qualifier («في الجامعة
        العربية»), when the qualifier is not the last person's own."""
        qualifier = {w for w in role_words - GENERIC_ROLES - HEAD_ROLES if len(w) >= MIN_QUALIFIER_LETTERS}
        if not qualifier or not earlier or qualifier & self.roles_of(earlier[-1]):
            return None
        return next((p for p in reversed(earlier) if qualifier & self.roles_of(p)), None)

    def title_heads(self, person: Speaker) -> set[str]:
        """First words of the person's titles, article removed, as written and masculine, honorifics included
        («دفاع المتهم» -> دفاع, «الاستشارية ...» -> استشاريه and استشاري)."""
        firsts = [strip_article(t.split()[0]) for t in re.split(r"[،,]", match_key(self.titles_of(person))) if t.split()]
        return set(firsts) | {masculine(w) for w in firsts}

    def heads_of(self, person: Speaker) -> set[str]:
        """``title_heads`` as role words (consonant skeletons), to compare with a role phrase's ``role_words_of``."""
        return set().union(*(role_words_of(w) for w in self.title_heads(person)))

    def titles_of(self, person: Speaker) -> str:
        """Every title the text gives the person, as one string (its own role and those of the same name's holders)."""
        return "، ".join([person.role, *(h.role for h in self.holders if h.name == person.name)])

    def contradicts(self, phrase: Speaker, person: Speaker) -> bool:
        """The phrase names another country («الدبلوماسي الإيراني» for a person titled by Portugal) or another gender
        («المسؤولة» for a man) than the person's titles and name show."""
        countries = phrase_countries(phrase.role)
        held = phrase_countries(self.titles_of(person))
        if countries and held and not countries & held:
            return True
        # a feminine phrase is never a man; a masculine title is often a woman's («وكيل وزارة الصحة الدكتورة X»)
        return epithet_gender(phrase.role) == "f" and person_gender(person.name, self.titles_of(person)) == "m"

    def described(self, phrase: Speaker, before: int) -> Speaker | None:
        """«وأكد الدبلوماسي الإيراني», «وحذرت الاستشارية»: a definite descriptor (``data/role_epithets.tsv``, else the
        head word itself) and its country adjective, back to the latest person named before whose titles it can stand
        for and whose country and gender do not contradict it; one whose titles name the same country first."""
        words = match_key(phrase.role).split()
        if not words or not words[0].startswith("ال") or emphatic(phrase.role):
            return None
        if any(strip_article(w) not in country_codes() and not _is_adjective(w, True) for w in words[1:]):
            return None  # «الرئيس الأسد», «المدرب الجديد»: a name or another adjective, not a descriptor and its country
        head = masculine(strip_article(words[0]))
        if head not in epithets() and skeleton(head) in HEAD_ROLES:
            return None  # «الرئيس الفلسطيني» is no «رئيس الوزراء»: a bare head names no title of its own
        titles = epithets().get(head, frozenset({head}))
        countries = phrase_countries(phrase.role)
        people = [p for p in [*self.people, *self.holders] if p.start < before and " " in p.name]
        listed = head in epithets()  # else the head word itself must head one of the person's titles
        fitting = [p for p in sorted(people, key=lambda p: -p.start)
                   if (self._can_stand_for(titles, p) if listed else head in self.title_heads(p))
                   and not self.contradicts(phrase, p)]
        same_country = [p for p in fitting if countries & phrase_countries(self.titles_of(p))]
        chosen = same_country or fitting
        return chosen[0] if chosen else None

    def _can_stand_for(self, titles: frozenset[str], person: Speaker) -> bool:
        words = {strip_article(w) for w in match_key(self.titles_of(person)).split()} - {""}
        held = words | {masculine(w) for w in words}
        return bool(held) and ("*" in titles or bool(titles & held))

    def _titled_surname(self, role: str, earlier: list[Speaker]) -> Speaker | None:
        """«الوزير المقداد», «الرئيس الأسد»: a title and a definite family name, the person named in full before
        (quoted, else a titled name anywhere in the text) whose name holds that word."""
        words = role.split()
        last = match_key(words[-1]) if len(words) == 2 else ""
        if not last.startswith("ال") or word_kind_of(last) or len(last) < 5:
            return None
        nisba = _is_adjective(last, True)  # «الرئيس السيسي»; but «الوزير المصري» is no «أحمد المصري»: same title then
        people = [p for p in earlier if " " in p.name] + [h for h in self.holders if " " in h.name]
        for person in reversed(people):
            if name_words(last) <= name_words(person.name) \
                    and (not nisba or role_words_of(words[0]) <= self.roles_of(person)):
                return person
        return None

    def _person_holding(self, role_words: set[str], people: list[Speaker], role: str = "") -> Speaker | None:
        """The last of the people whose roles hold all the role's words (a one-word role as the head of one of their
        titles: «المتهم» is not «دفاع المتهم»), else whose role words (not only heads) the role holds («المتحدث باسم
        الخارجية الإيرانية» ... «وكان المتحدث ناصر كنعاني»)."""
        one_word = len(match_key(role).split()) == 1
        for person in reversed(people):
            if role_words and role_words <= self.roles_of(person) \
                    and (not one_word or role_words & self.heads_of(person)):
                return person
        for person in reversed(people):
            held = role_words_of(person.role)
            if held and held <= role_words and held - HEAD_ROLES:
                return person
        return None

    def _org_holding(self, role_words: set[str], before: int) -> Speaker | None:
        """«وتوقع المسؤول» after «مسؤول في مطار دبي الدولي»: an unnamed holder named before."""
        for org in reversed(self.orgs):
            if org.role and org.start < before and role_words and role_words <= role_words_of(org.role):
                return org
        return None


MIN_QUALIFIER_LETTERS = 3  # consonant skeleton letters of a qualifying word («في» and «عن» are none)


@lru_cache(maxsize=1)
def epithets() -> dict[str, frozenset[str]]:
    """Descriptor -> the title words it may stand for (``data/role_epithets.tsv``; "*": any title)."""
    return {match_key(row[0]): frozenset(match_key(w) for w in row[1].split(",")) for row in read_rows(EPITHETS_PATH)}


def phrase_countries(text: str) -> set[str]:
    """ISO codes of the countries a title names («الإيرانية», «في الكونغو», «جامعة القاهرة»)."""
    codes = country_codes()
    return {codes[k] for k in (strip_article(w) for w in match_key(text).split()) if k in codes}


def epithet_gender(role: str) -> str:
    """"f" for a descriptor or title whose head is feminine («المسؤولة», «الاستشارية»), "m" for a masculine one,
    "" when the head is no title or descriptor."""
    words = match_key(role).split()
    head = strip_article(words[0]) if words else ""
    if not head or (word_kind_of(masculine(head)) != "role" and masculine(head) not in epithets()):
        return ""
    return "f" if masculine(head) != head else "m"


def person_gender(name: str, titles: str) -> str:
    """"f" for a female given name or a feminine title head, "m" for a masculine title head; "" when neither says."""
    first = match_key(name).split()[:1]
    if first and any(k in female_names() for k in (first[0], strip_article(first[0]))):
        return "f"
    heads = [epithet_gender(t.strip()) for t in re.split(r"[،,]", titles) if t.strip()]
    return next((g for g in heads if g), "")


def emphatic(phrase: str) -> bool:
    """«الخبير ذاته»: a phrase closed by «ذاته/نفسه», which names again the one just spoken of."""
    words = match_key(phrase).split()
    return len(words) > 1 and words[-1] in EMPHATICS


def _shares_role(role_words: set[str], held: set[str]) -> bool:
    """The role shares a word with a person's roles, and its own words that are no head word («وزير» in «وزير
    التموين») are among them: «وزير التموين» is not the minister of agriculture named before."""
    shared = role_words & held
    own = role_words - HEAD_ROLES - WAZIR  # «وزير» reads «وزر» and «زر» (a و stripped)
    return bool(shared) and (not own or bool(shared & own))


def other_complement(role: str, held: set[str]) -> bool:
    """«أما مدرب الريان» after «مدرب الدحيل، الإسباني X»: a role closed by a definite noun (its club, ministry or
    company, not an adjective of relation) that the person's roles do not hold is another holder of the same title;
    so is a role whose head word the person's roles lack («المتحدثة باسم مكتب المبعوث» after the envoy)."""
    words = role.split()
    if len(words) > 1 and skeleton(strip_article(match_key(words[0]))) not in held:
        return True  # «المتحدثة باسم مكتب المبعوث» is not the envoy: the head of the role is another title
    if len(words) > 2 and match_key(words[-2]) in ("في", "لدي", "من") \
            and skeleton(strip_article(match_key(words[-1]))) not in held:
        return True  # «المسؤول في حماس» after «مسؤول إسرائيلي كبير»: another body, another official
    last = match_key(words[-1]) if len(words) > 1 else ""
    if not last.startswith("ال") or word_kind_of(last) or _is_adjective(last, True):
        return False
    return skeleton(strip_article(last)) not in held


KUNYA_HEADS = frozenset({"ام", "ابو", "ابي", "ابا"})


def _kunya_of(longer: str, shorter: str) -> bool:
    """«أم إياد» is Iyad's mother, not a fuller form of «إياد»: a kunya never expands the name it is built on."""
    head = match_key(longer).split()[:1]
    return bool(head) and head[0] in KUNYA_HEADS and match_key(shorter).split()[:1] != head


MIN_SKELETON_LETTERS = 5  # a one-word name matched by its consonants alone: «بوتين»/«بوتن», not «سليم»/«سلمى»/«سالم»


def _short_skeleton_only(longer: str, shorter: str) -> bool:
    """A one-word name found in a fuller one only by its consonant skeleton, and too short for that to be a spelling
    variant: «سليم» is not «سلمى باوزير» (quotes_dev36)."""
    words = match_key(shorter).split()
    return len(words) == 1 and words[0] not in match_key(longer).split() and len(words[0]) < MIN_SKELETON_LETTERS
