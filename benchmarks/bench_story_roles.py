"""Story-level role linking: role-phrase speakers linked to the person holding the role, off vs on.

    .venv/bin/python benchmarks/bench_story_roles.py [PATH ...]
    .venv/bin/python benchmarks/bench_story_roles.py --gold dev7,dev8,...|devs

Runs the pipeline (``marsad.analyze``) over PATH (default: the seeds in examples/), then links each story's
quotes twice with ``marsad.quotes.link.link_story``: ``roles=False`` (speakers linked by name only, as before
issue 5) and ``roles=True`` (``link_roles`` on). Prints how many quotes have a role-phrase speaker
(``link.role_phrase``: a role with no name in it), how many quotes are linked to an entity and to a person
(PER) each way, and every quote whose linkage changed. Nothing is tuned on these figures.

With --gold, each passage of the development quote sets (tests/golden/quotes_<set>.json; never a check set) is a
one-article story run through the same stages (sentences, entities.tag, quotes.extract, entities.resolve, link);
each changed quote that matches a gold quote is judged right when the person it is now linked to is the gold
speaker's first alternative (its name), else wrong.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import marsad
from marsad.model import Article, Quote, Result, Story
from marsad.quotes.link import link_story, role_phrase
from marsad.quotes.score import match, speaker_matches

REPO = Path(__file__).resolve().parents[1]


@dataclass(slots=True)
class Counts:
    quotes: int = 0
    role_speakers: int = 0
    linked: int = 0
    linked_per: int = 0


def _linkage(story: Story, articles: dict[str, Article], roles: bool) -> tuple[list[Quote], dict[tuple[str, int, int], str | None]]:
    """The story's quotes, and (article, start, end) of each -> the entity its speaker is linked to."""
    quotes = link_story(story, articles, roles=roles)
    return quotes, {(q.article_id, q.start, q.end): q.speaker_entity_id for q in quotes}


def _count(quotes: list[Quote], links: dict[tuple[str, int, int], str | None], types: dict[str, str]) -> Counts:
    out = Counts(quotes=len(quotes))
    for q in quotes:
        found = links[(q.article_id, q.start, q.end)]
        out.role_speakers += bool(q.speaker and role_phrase(q.speaker))
        out.linked += found is not None
        out.linked_per += types.get(found or "") == "PER"
    return out


def compare(result: Result) -> tuple[Counts, Counts, list[str]]:
    """Counts with role linking off and on over every story of ``result``, and one line per changed quote."""
    articles = {a.id: a for a in result.articles}
    off, on, changes = Counts(), Counts(), []
    for story in result.stories:
        names = {e.id: f"{e.name} [{e.type}]" for e in story.entities}
        types = {e.id: e.type for e in story.entities}
        _, before = _linkage(story, articles, roles=False)
        quotes, after = _linkage(story, articles, roles=True)
        for total, links in ((off, before), (on, after)):
            part = _count(quotes, links, types)
            total.quotes += part.quotes
            total.role_speakers += part.role_speakers
            total.linked += part.linked
            total.linked_per += part.linked_per
        for q in quotes:
            key = (q.article_id, q.start, q.end)
            if before[key] != after[key]:
                changes.append(f"{q.article_id} «{q.speaker}»: {names.get(before[key] or '', '-')} -> "
                               f"{names.get(after[key] or '', '-')} | {q.text[:60]}")
    return off, on, changes


DEV_SETS = ["dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12"]


def gold_result(which: str) -> tuple[Result, dict[str, list[dict]]]:  # type: ignore[type-arg]
    """One story per passage of a development gold set, its article through the article and story stages."""
    from marsad import entities, quotes
    from marsad.config import Config
    from marsad.pipeline import Resources
    from marsad.quotes.gold import load_gold
    from marsad.text.sentences import sentences_of

    if which.startswith("check"):
        raise SystemExit("check sets are held out")
    gold = load_gold(REPO / f"tests/golden/quotes_{which}.json", REPO.parent / "shared/data/ner/anercorp/train.txt")
    resources, result = Resources(Config()), Result()
    for name, passage in gold["articles"].items():
        article = Article(id=f"{which}:{name}", source=name, text=passage["text"], language="ar")
        article.sentences = sentences_of(article.text)
        quotes.extract.fn(entities.tag.fn(article, resources), resources)
        story = entities.resolve.fn(Story(id=article.id, article_ids=[article.id]), {article.id: article}, resources)
        result.articles.append(article)
        result.stories.append(story)
    return result, {f"{which}:{n}": p["quotes"] for n, p in gold["articles"].items()}


def judge(result: Result, gold: dict[str, list[dict]]) -> tuple[int, int, int]:  # type: ignore[type-arg]
    """(right, wrong, unmatched) among the quotes role linking linked to a person (``compare`` ran last with roles on)."""
    right = wrong = unmatched = 0
    articles = {a.id: a for a in result.articles}
    for story in result.stories:
        names = {e.id: e.name for e in story.entities}
        quotes = articles[story.article_ids[0]].quotes
        before = {id(q): q.speaker_entity_id for q in link_story(story, articles, roles=False)}
        link_story(story, articles, roles=True)
        pairs = dict(match(quotes, gold[story.id]))
        for i, q in enumerate(quotes):
            if q.speaker_entity_id == before[id(q)] or q.speaker_entity_id not in names:
                continue
            j = pairs.get(i)
            if j is None:
                unmatched += 1
            elif speaker_matches(names[q.speaker_entity_id], [gold[story.id][j]["speaker"][0]]):
                right += 1
            else:
                wrong += 1
    return right, wrong, unmatched


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(REPO / "examples")])
    parser.add_argument("--gold", help="comma-separated development quote sets, or «devs» for all of them")
    args = parser.parse_args()
    if args.gold:
        for which in DEV_SETS if args.gold == "devs" else args.gold.split(","):
            if not (REPO / f"tests/golden/quotes_{which}.json").exists():
                continue
            result, gold = gold_result(which)
            off, on, changes = compare(result)
            right, wrong, unmatched = judge(result, gold)
            print(f"{which:6} quotes {on.quotes}  role-phrase speakers {on.role_speakers}  linked to a person "
                  f"{off.linked_per} -> {on.linked_per}  changed {len(changes)}: right {right} wrong {wrong} "
                  f"not in gold {unmatched}")
            for line in changes:
                print("  " + line)
        return
    result = marsad.analyze(args.paths)
    off, on, changes = compare(result)
    print(f"stories {len(result.stories)}  quotes {on.quotes}  role-phrase speakers {on.role_speakers}")
    for label, c in (("roles off", off), ("roles on ", on)):
        print(f"{label}: linked to an entity {c.linked}/{c.quotes}  linked to a person {c.linked_per}/{c.quotes}")
    print(f"changed linkage: {len(changes)}")
    for line in changes:
        print("  " + line)


if __name__ == "__main__":
    main()
