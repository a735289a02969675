"""``marsad eval cluster LABELS``: B-cubed and pairwise scores of story clustering against labels.

LABELS is a TSV file (``#`` lines are comments): ``path<TAB>story[<TAB>outlet<TAB>published]``, paths
relative to the file. By default each ``.txt`` is read directly (first non-empty line = title) and only
the clustering runs; ``--full`` runs the whole pipeline (cleaning, entities, dates) first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from marsad.commands import get_group
from marsad.errors import MarsadError
from marsad.model import Article


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


def cluster_labels(labels: Path, threshold: float | None, full: bool) -> tuple[dict[str, str], dict[str, str]]:
    """(predicted, gold) story label per labelled path."""
    from marsad.cluster import StoryIndex
    from marsad.config import load_config
    from marsad.pipeline import Resources

    rows = read_labels(labels)
    config = load_config(cluster_threshold=threshold)
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


def eval_cluster(
    labels: Annotated[Path, typer.Argument(help="TSV: path, story label[, outlet, published].")],
    threshold: Annotated[float | None, typer.Option(help="Override config.cluster_threshold.")] = None,
    full: Annotated[bool, typer.Option("--full", help="Run the whole pipeline, not only clustering.")] = False,
) -> None:
    """B-cubed and pairwise precision/recall/F1 of story clustering against LABELS."""
    from marsad.cluster import bcubed, pairwise_prf

    if not labels.is_file():
        typer.echo(f"{labels}: no such labels file", err=True)
        raise typer.Exit(2)
    try:
        predicted, gold = cluster_labels(labels, threshold, full)
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
