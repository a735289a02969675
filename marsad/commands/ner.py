"""``marsad train ner`` and ``marsad eval ner``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from marsad.errors import MarsadError, ModelError

if TYPE_CHECKING:
    from marsad.entities import crf
    from marsad.entities.conll import Scores, Tagged

DEFAULT_DATA = Path("../shared/data/ner")
DEFAULT_NAMES = Path("../shared/data/names/wd_arabic.normalized.aligned.tokens")


def train_ner(
    data: Annotated[Path, typer.Option(help="Folder with anercorp/, aqmar/, wikifane/, wojood_sample/.")] = DEFAULT_DATA,
    out: Annotated[Path | None, typer.Option(help="Model file (default: the packaged model).")] = None,
    dev: Annotated[bool, typer.Option("--dev/--final", help="Hold out dev splits and score them, or train "
                                      "on everything (the shipped model).")] = False,
    names: Annotated[Path, typer.Option(help="Wikidata name pairs (CC0) for the person-name list.")] = DEFAULT_NAMES,
    stack: Annotated[bool, typer.Option("--stack/--no-stack", help="Also train the second-stage CRF on "
                                        "cross-validated first-pass tags (document features); not shipped, see the model card.")] = False,
    neural: Annotated[bool, typer.Option("--neural/--no-neural", help="Also train the neural ensemble decoded "
                                         "with the CRF (needs PyTorch; the shipped model). Without it, an "
                                         "ensemble beside the model is removed.")] = False,
) -> None:
    """Train the CRF NER model on the shared corpora (see entities/models/MODEL_CARD.md)."""
    from marsad.entities import crf

    try:
        if neural and stack:
            raise ModelError("--neural and --stack cannot be combined")
        if neural:
            from marsad.entities import neural_train

            if neural_train.torch_missing():
                raise ModelError("--neural needs PyTorch to train: pip install torch (tagging does not need it)")
        typer.echo(f"word lists: {crf.build_lexicons(data, names)}")
        corpora = crf.read_corpora(data, with_dev=dev)
        model = out or crf.MODEL_PATH
        meta = crf.train(corpora.train, model, log=typer.echo)
        crf.neural_path(model).unlink(missing_ok=True)
        if neural:
            meta["neural"] = neural_train.train_ensemble(corpora.train, data, crf.neural_path(model), log=typer.echo)
        second = crf.stack_path(model)
        second.unlink(missing_ok=True)
        second.with_suffix(".json").unlink(missing_ok=True)
        meta["dev"] = _dev_scores(crf.load(model), corpora.dev, "CRF + networks" if neural else "first stage")
        crf.write_meta(meta, model.with_suffix(".json"))
        if stack:
            stack_meta = crf.train_stack(corpora.train, second, log=typer.echo)
            stack_meta["dev"] = _dev_scores(crf.load(model), corpora.dev, "two stages")
            crf.write_meta(stack_meta, second.with_suffix(".json"))
    except MarsadError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc


def _dev_scores(tagger: crf.NerTagger, dev: dict[str, list[Tagged]], label: str) -> dict[str, dict[str, float]]:
    """Scores of the CRF alone and of the full tagger on each dev split, printed and returned."""
    from marsad.entities import crf, evaluate

    out = {}
    for name, sentences in dev.items():
        scores = crf.evaluate(tagger, sentences)
        full = evaluate.evaluate_full(tagger, sentences)
        typer.echo(f"dev {name}, {label}, CRF alone\n{scores.table()}\ndev {name}, {label}, full tagger\n{full.table()}")
        out[name] = {"crf": round(scores.micro.f1, 4), "full": round(full.micro.f1, 4)}
    return out


def eval_ner(
    files: Annotated[list[Path], typer.Argument(help="CoNLL files: token and gold tag per line.")],
    map_: Annotated[str, typer.Option("--map", help="Tag-set map: common, wojood, wikifane, identity.")] = "common",
    model: Annotated[Path | None, typer.Option(help="Model file (default: the packaged model).")] = None,
    gold_pred: Annotated[bool, typer.Option("--gold-pred", help="Files carry token, gold, predicted tag: "
                                            "score them without tagging.")] = False,
    crf_only: Annotated[bool, typer.Option("--crf-only", help="Tag with the bare CRF (with the neural "
                                           "ensemble if shipped), without rules, alias table and in-document propagation.")] = False,
    with_neural: Annotated[bool, typer.Option("--neural/--no-neural", help="Decode with the neural ensemble "
                                              "beside the model, if any.")] = True,
    window: Annotated[int, typer.Option(help="Sentences per pseudo-document (second-stage "
                                                "features, propagation).")] = 20,
) -> None:
    """Entity-level precision, recall and F1 per type and micro-averaged (CoNLL exact match)."""
    from marsad.entities import conll

    try:
        mapping = conll.TAG_MAPS[map_]
    except KeyError as exc:
        typer.echo(f"unknown --map {map_!r}: choose from {', '.join(conll.TAG_MAPS)}", err=True)
        raise typer.Exit(2) from exc
    try:
        scores = _score_files(files, mapping, model, gold_pred, window, crf_only, with_neural)
    except MarsadError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    typer.echo(scores.table())


def _score_files(files: list[Path], mapping: dict[str, str], model: Path | None, gold_pred: bool,
                 window: int, crf_only: bool = False, with_neural: bool = True) -> Scores:
    """Scores of the files: as given (gold_pred), by the CRF(s) alone or by the full tagger, tagging
    pseudo-documents of ``window`` sentences."""
    from marsad.entities import conll, crf, evaluate

    if gold_pred:
        gold: list[list[str]] = []
        pred: list[list[str]] = []
        for path in files:
            pairs = conll.read_conll_pairs(path, mapping)
            gold.extend(g for g, _ in pairs)
            pred.extend(p for _, p in pairs)
        return conll.score(gold, pred)
    tagger = crf.load(model, with_neural=with_neural) if model else crf.load(with_neural=with_neural)
    sentences = [s for path in files for s in conll.read_conll(path, mapping)]
    if crf_only:
        return crf.evaluate(tagger, sentences, window)
    return evaluate.evaluate_full(tagger, sentences, window)


def register(app: typer.Typer) -> None:
    """Add the ``train ner`` and ``eval ner`` commands to the ``marsad`` app."""
    from marsad.commands import get_group

    get_group(app, "train", "Train models.").command("ner")(train_ner)
    get_group(app, "eval", "Score models on annotated files.").command("ner")(eval_ner)
