"""Story-level role linking: role-phrase speakers linked to the person holding the role, off vs on.

    .venv/bin/python benchmarks/bench_story_roles.py [PATH ...]

Runs the pipeline (``marsad.analyze``) over PATH (default: the seeds in examples/), then links each story's
quotes twice with ``marsad.quotes.link.link_story``: ``roles=False`` (speakers linked by name only, as before
issue 5) and ``roles=True`` (``link_roles`` on). Prints how many quotes have a role-phrase speaker
(``link.role_phrase``: a role with no name in it), how many quotes are linked to an entity and to a person
(PER) each way, and every quote whose linkage changed. Nothing is tuned on these figures.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import marsad
from marsad.model import Article, Quote, Result, Story
from marsad.quotes.link import link_story, role_phrase

REPO = Path(__file__).resolve().parents[1]


@dataclass(slots=True)
class Counts:
    quotes: int = 0
    role_speakers: int = 0
    linked: int = 0
    linked_per: int = 0


def _linkage(story: Story, articles: dict[str, Article], roles: bool) -> dict[tuple[str, int, int], str | None]:
    """(article, start, end) of each quote -> the entity its speaker is linked to."""
    return {(q.article_id, q.start, q.end): q.speaker_entity_id for q in link_story(story, articles, roles=roles)}


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
        before = _linkage(story, articles, roles=False)
        after = _linkage(story, articles, roles=True)
        quotes = story.quotes
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(REPO / "examples")])
    args = parser.parse_args()
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
