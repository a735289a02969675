"""The CRF tagger (python-crfsuite): training corpora, training, loading and tagging.

The shipped model is ``models/ner.crfsuite`` with ``models/ner.json`` beside it (feature version,
training parameters, corpora, dev scores); ``load`` refuses a model whose feature version differs
from the code's. Tags are IOB2 over PER/ORG/LOC/MISC. When a neural ensemble sits beside the model
(``models/ner_neural.npz``, ``neural.py``), tagging decodes the CRF's marginals interpolated with its
probabilities (``CRF_WEIGHT``); ``load(with_neural=False)`` gives the CRF alone.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad.entities import stacking
from marsad.entities.conll import TAG_MAPS, Scores, Tagged, read_conll, score, to_iob2
from marsad.entities.features import FEATURE_VERSION, sentence_features
from marsad.entities.lexicons import MODELS
from marsad.errors import ModelError

if TYPE_CHECKING:
    from marsad.entities.neural import NeuralTagger

MODEL_PATH = MODELS / "ner.crfsuite"
META_PATH = MODELS / "ner.json"
# c1/c2/minfreq chosen on the dev splits (ANERcorp last 10%, AQMAR dev), micro-F1 news / Wikipedia:
# c1=0.15/c2=0.01/minfreq=1 0.669/0.565; c1=0.3/c2=0.01/minfreq=2 0.657/0.562; c1=0/c2=0.02 0.638/0.534;
# averaged perceptron 0.651/0.556. With the word clusters (features 4), full tagger: c1=0.15/c2=0.01
# 0.690/0.670; c1=0.3 0.685/0.669; c1=0.08 0.692/0.662; c1=0.15/c2=0.05 0.696/0.672 (kept).
DEFAULT_PARAMS: dict[str, Any] = {"c1": 0.15, "c2": 0.05, "feature.minfreq": 1, "max_iterations": 150,
                                  "feature.possible_transitions": True}
WIKIFANE = "wikifane/WikiFANE_Gold_2014_500K.txt"
# Token text the word clusters are learnt from (tags unused); dev sentences included as unlabelled text.
UNLABELLED = ("anercorp/train.txt", "aqmar/train.txt", "aqmar/dev.txt", "wojood_sample/train.txt",
              "wojood_sample/val.txt", WIKIFANE)


@dataclass(frozen=True, slots=True)
class Corpora:
    train: list[Tagged]
    dev: dict[str, list[Tagged]]


def _iob2(sentences: list[Tagged]) -> list[Tagged]:
    out = []
    for sentence in sentences:
        tags = to_iob2([t for _, t in sentence])
        out.append([(w, t) for (w, _), t in zip(sentence, tags, strict=True)])
    return out


def read_corpora(data_dir: Path, with_dev: bool) -> Corpora:
    """Training sentences from ``data_dir`` (../shared/data/ner); with dev splits held out if asked.

    ANERcorp, AQMAR and the Wojood sample are trained on; WikiFANE is not (with its tag mapping it
    lowered AQMAR dev F1 from 0.557 to 0.509): it feeds the ``wk=`` word-type feature instead.
    Dev splits: the last 10% of ANERcorp train (news) and AQMAR dev (Wikipedia).
    """
    common, wojood = TAG_MAPS["common"], TAG_MAPS["wojood"]
    try:
        aner = read_conll(data_dir / "anercorp/train.txt", common)
        aqmar_train = read_conll(data_dir / "aqmar/train.txt", common)
        aqmar_dev = read_conll(data_dir / "aqmar/dev.txt", common)
        woj = [*read_conll(data_dir / "wojood_sample/train.txt", wojood),
               *read_conll(data_dir / "wojood_sample/val.txt", wojood)]
    except OSError as exc:
        raise ModelError(f"training data missing: {exc}", source=str(data_dir)) from exc
    cut = len(aner) * 9 // 10
    if with_dev:
        return Corpora(_iob2([*aner[:cut], *aqmar_train, *woj]),
                       {"news": _iob2(aner[cut:]), "wikipedia": _iob2(aqmar_dev)})
    return Corpora(_iob2([*aner, *aqmar_train, *aqmar_dev, *woj]), {})


def build_lexicons(data_dir: Path, names_file: Path | None) -> dict[str, int]:
    """Rebuild the packaged word lists the features read (before training)."""
    from marsad.entities import clusters, features, lexicons

    sizes: dict[str, int] = {}
    if names_file is not None and names_file.exists():  # first: it decides which words keep a ف/ب/ل/و
        sizes["person_tokens"] = lexicons.build_person_tokens(names_file)
        lexicons.person_tokens.cache_clear()
    sizes["wiki_entity_tokens"] = lexicons.build_wiki_tokens(_iob2(read_conll(data_dir / WIKIFANE,
                                                                             TAG_MAPS["wikifane"])))
    text = clusters.read_tokens(data_dir / p for p in UNLABELLED)
    sizes["word_clusters"] = clusters.write(clusters.learn(text), lexicons.WORD_CLUSTERS)
    for cached in (lexicons.wiki_tokens, lexicons.person_tokens, lexicons.word_clusters, features.unit_features,
                   features.context_features):
        cached.cache_clear()
    return sizes


def train(sentences: list[Tagged], out: Path = MODEL_PATH, params: dict[str, Any] | None = None,
          log: Callable[[str], None] | None = None, extra: list[list[list[str]]] | None = None) -> dict[str, Any]:
    """Train a CRF on ``sentences``; write the model and its parameters; return the metadata.

    ``extra`` adds features per token (the second stage's document features, ``stacking``)."""
    import pycrfsuite

    params = {**DEFAULT_PARAMS, **(params or {})}
    algorithm = str(params.pop("algorithm", "lbfgs"))
    if algorithm != "lbfgs":
        params.pop("c1", None)
        params.pop("c2", None)
    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    for n, sentence in enumerate(sentences):
        feats = sentence_features([w for w, _ in sentence])
        if extra is not None:
            feats = [a + b for a, b in zip(feats, extra[n], strict=True)]
        trainer.append(feats, [t for _, t in sentence])
    trainer.set_params(params)
    started = time.perf_counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    meta = {"feature_version": FEATURE_VERSION, "algorithm": algorithm, "params": params, "sentences": len(sentences),
            "tokens": sum(len(s) for s in sentences), "seconds": round(time.perf_counter() - started, 1)}
    if log:
        log(f"trained on {meta['tokens']} tokens in {meta['seconds']} s -> {out}")
    return meta


def cross_tags(sentences: list[Tagged], folds: int = stacking.FOLDS, work: Path | None = None,
               log: Callable[[str], None] | None = None) -> list[list[str]]:
    """First-pass tags of the training sentences by cross-validation: each fold of whole
    pseudo-documents tagged by a CRF trained on the other folds."""
    if work is None:
        with tempfile.TemporaryDirectory(prefix="marsad-ner-") as tmp:
            return cross_tags(sentences, folds, Path(tmp), log)
    fold = stacking.fold_of(len(sentences), folds)
    tags: list[list[str]] = [[] for _ in sentences]
    for k in range(folds):
        held = [i for i, f in enumerate(fold) if f == k]
        if len(held) == len(sentences):
            raise ModelError(f"too few sentences ({len(sentences)}) to cross-validate the first stage")
        if not held:
            continue
        model = work / f"fold{k}.crfsuite"
        train([s for s, f in zip(sentences, fold, strict=True) if f != k], model, log=log)
        tagger = NerTagger(model)
        for i, t in zip(held, tagger.first_pass([[w for w, _ in sentences[i]] for i in held]), strict=True):
            tags[i] = t
        model.unlink()
    return tags


def stack_features(sentences: list[Tagged], tags: list[list[str]]) -> list[list[list[str]]]:
    """Second-stage document features of training sentences (pseudo-documents of WINDOW sentences)."""
    out: list[list[list[str]]] = []
    for doc in stacking.windows(len(sentences)):
        out.extend(stacking.doc_features([[w for w, _ in sentences[i]] for i in doc], [tags[i] for i in doc]))
    return out


def train_stack(sentences: list[Tagged], out: Path, tags: list[list[str]] | None = None,
                log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Train the second-stage CRF on cross-validated first-pass tags (computed unless given)."""
    tags = tags if tags is not None else cross_tags(sentences, log=log)
    meta = train(sentences, out, log=log, extra=stack_features(sentences, tags))
    meta["stack_version"] = stacking.STACK_VERSION
    return meta


def write_meta(meta: dict[str, Any], path: Path = META_PATH) -> None:
    path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _open(model_path: Path) -> Any:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(model_path))
    except OSError as exc:
        raise ModelError(f"cannot open NER model: {exc}", source=str(model_path)) from exc
    return tagger


class NerTagger:
    """A loaded CRF model, with an optional second-stage model (``stacking``) and an optional neural
    ensemble (``neural``) whose probabilities are interpolated with the CRF's marginals.

    ``tag`` gives IOB2 tags for one sentence; ``tag_document`` for the sentences of one document,
    whose other sentences the second stage reads."""

    def __init__(self, model_path: Path, stack_path: Path | None = None, network: NeuralTagger | None = None) -> None:
        self._tagger = _open(model_path)
        self._stack = _open(stack_path) if stack_path is not None else None
        self._neural = network

    @property
    def stacked(self) -> bool:
        return self._stack is not None

    def tag(self, words: list[str]) -> list[str]:
        return self.tag_document([words])[0]

    def first_pass(self, sentences: list[list[str]]) -> list[list[str]]:
        """Tags of the first-stage CRF alone (no repair)."""
        return [list(self._tagger.tag(sentence_features(w))) if w else [] for w in sentences]

    @property
    def neural(self) -> bool:
        return self._neural is not None

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]:
        feats = [sentence_features(w) if w else [] for w in sentences]
        if self._neural is not None and self._stack is None:
            tags = _interpolate(self._tagger, feats, self._neural.log_probs(sentences))
        else:
            tags = [list(self._tagger.tag(f)) if f else [] for f in feats]
        if self._stack is not None:
            extra = stacking.doc_features(sentences, tags)
            tags = [list(self._stack.tag([a + b for a, b in zip(f, e, strict=True)])) if f else []
                    for f, e in zip(feats, extra, strict=True)]
        return [join_person_runs(w, t) for w, t in zip(sentences, tags, strict=True)]


# Weight of the CRF's log-marginals against the networks' log-probabilities, chosen on the dev splits
# (ANERcorp last 10% / AQMAR dev, full tagger, two networks): 0.3 0.727/0.681, 0.4 0.730/0.688,
# 0.5 0.728/0.686, 0.6 0.729/0.684, 0.7 0.716/0.687; the CRF alone (Viterbi) 0.706/0.678.
CRF_WEIGHT = 0.4


def _interpolate(tagger: Any, feats: list[list[list[str]]], logps: list[Any]) -> list[list[str]]:
    """Tags of the IOB2-constrained Viterbi over CRF_WEIGHT * log CRF marginal + (1 - CRF_WEIGHT) *
    log network probability, per token."""
    import numpy as np

    from marsad.entities.neural import TAGS, viterbi

    labels = [t for t in TAGS if t in set(tagger.labels())]
    columns = [TAGS.index(t) for t in labels]
    out: list[list[str]] = []
    for f, lp in zip(feats, logps, strict=True):
        if not f:
            out.append([])
            continue
        tagger.set(f)  # computes the marginals once; each call below reads one
        point = tagger.marginal
        marginal = np.full((len(f), len(TAGS)), 1e-9)
        marginal[:, columns] = np.maximum([[point(t, i) for t in labels] for i in range(len(f))], 1e-9)
        path = viterbi(CRF_WEIGHT * np.log(marginal) + (1 - CRF_WEIGHT) * lp)
        out.append([TAGS[k] for k in path])
    return out


# Proclitics that start a new person after a name: «بوش وبلير» (and), «ماتيراتزي لزيدان» (to).
LIST_PREFIXES = ("و", "ل")


def join_person_runs(words: list[str], tags: list[str]) -> list[str]:
    """A person directly after a person is one name unless the second opens with و/ل: B-PER → I-PER.

    ANERcorp tags «فلاديمير بوتين» as one person, but «بوتين» alone far more often, and the CRF then
    sometimes splits the name; in ANERcorp train only 23 of 2,724 people follow a person without و/ل.
    """
    out = list(tags)
    for i in range(1, len(out)):
        if out[i] == "B-PER" and out[i - 1] in ("B-PER", "I-PER") and not words[i].startswith(LIST_PREFIXES):
            out[i] = "I-PER"
    return out


def load(model_path: Path = MODEL_PATH, meta_path: Path | None = None, with_neural: bool = True) -> NerTagger:
    """Open a model, checking that it was trained with this code's features; the neural ensemble
    beside it (``neural_path``), if any, joins the decoding (``CRF_WEIGHT``) unless ``with_neural`` is False."""
    meta_path = meta_path or model_path.with_suffix(".json")
    if not model_path.exists():
        raise ModelError("NER model missing; run `marsad train ner`", source=str(model_path))
    if meta_path.exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("feature_version") != FEATURE_VERSION:
            raise ModelError(f"model built with features {meta.get('feature_version')!r}, code has "
                             f"{FEATURE_VERSION!r}; retrain with `marsad train ner`", source=str(model_path))
    network = None
    if with_neural and neural_path(model_path).exists():
        from marsad.entities import neural

        network = neural.load(neural_path(model_path))
    stack = stack_path(model_path)
    if not stack.exists():
        return NerTagger(model_path, network=network)
    stack_meta = stack.with_suffix(".json")
    if stack_meta.exists():
        version = json.loads(stack_meta.read_text(encoding="utf-8")).get("stack_version")
        if version != stacking.STACK_VERSION:
            raise ModelError(f"second-stage model built with {version!r}, code has {stacking.STACK_VERSION!r}; "
                             "retrain with `marsad train ner`", source=str(stack))
    return NerTagger(model_path, stack, network)


def neural_path(model_path: Path) -> Path:
    """The neural ensemble decoded with a CRF (``ner.crfsuite`` -> ``ner_neural.npz``)."""
    return model_path.with_name(f"{model_path.stem}_neural.npz")


def stack_path(model_path: Path) -> Path:
    """The second-stage model beside a first-stage one (``ner.crfsuite`` -> ``ner_stack.crfsuite``)."""
    return model_path.with_name(f"{model_path.stem}_stack{model_path.suffix}")


def evaluate(tagger: NerTagger, sentences: list[Tagged], window: int = stacking.WINDOW) -> Scores:
    """Scores of the CRF(s) alone, tagging pseudo-documents of ``window`` sentences."""
    gold = [[t for _, t in s] for s in sentences]
    words = [[w for w, _ in s] for s in sentences]
    pred = [tags for doc in stacking.windows(len(words), window)
            for tags in tagger.tag_document([words[i] for i in doc])]
    return score(gold, pred)
