"""Story brief: title, extractive multi-document summary with citations, and claims with a status.

Sentences of a story's articles (Arabic ones only) become unit vectors of stem TF-IDF (hashed, with the
background IDF of ``marsad.cluster``). Two sentences "carry the same content" when their cosine is at
least ``config.claim_threshold``.
- Title: the title of the most central article (highest summed cosine to the other articles).
- Summary: sentences are ranked by centrality (summed cosine to the other sentences, LexRank-style)
  and picked with MMR so that no two say the same; each lists every article carrying that content.
- Claims: each picked content group (star grouping around the most central sentences) is a claim.
  Its status is "disputed" when a sentence from another source contradicts it (it carries a dispute cue —
  denial, «زعم», «خلت من» — that the claim does not, and is about the same content; or it gives the same
  counted thing another number),
  "corroborated" when at least two independent sources carry it (a syndicated copy, i.e. an article
  with ``duplicate_of`` set, counts as its canonical's source; articles of one outlet are one source),
  and "single_source" otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as package_files

import numpy as np
import scipy.sparse as sp

from marsad.cluster import Featurizer, content_words, load_featurizer, sort_key
from marsad.model import Article, Claim, ClaimStatus, Evidence, Story, SummarySentence
from marsad.pipeline import Resources, stage
from marsad.text.normalize import match_key
from marsad.text.tokens import stem, word_keys

MIN_WORDS = 4  # content words a sentence needs to be a summary or claim candidate
MAX_SENTENCES_PER_ARTICLE = 40
MAX_UNITS = 2000  # sentences compared in one story (a 2000² float matrix is 16 MB); big stories keep leads
MMR_LAMBDA = 0.7  # centrality vs. novelty in summary selection (the usual MMR setting)
MAX_CLAIMS = 20
MAX_CLAIM_HEADS = 200  # most central content groups examined for claims
# A dispute-cue sentence contradicts a claim when their stem cosine reaches this share of claim_threshold.
# 1.0 (the same bar as support): lower shares (0.5) made every cue sentence of a one-topic story dispute
# most claims on the seeds. Chosen by inspection of the seeds and the constructed cases in tests/test_brief.py,
# not calibrated on labelled data (none exists yet).
DISPUTE_SHARE = 1.0
COUNTED = re.compile(r"(\d+(?:[.,]\d+)?)\s+(?:من\s+)?(\S+)")


@dataclass(slots=True)
class Unit:
    """One candidate sentence of a story."""

    article_id: str
    index: int
    text: str
    source: str  # independence key: outlet, or the canonical article id
    disputes: bool  # carries a dispute cue
    counts: dict[str, str]  # counted thing (stem) -> number


# ---------------------------------------------------------------- lexicon


@lru_cache(maxsize=1)
def dispute_cues() -> frozenset[str]:
    text = package_files.files("marsad").joinpath("data/dispute_cues.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return frozenset(row[0] for row in rows[1:] if row[0])


def has_dispute_cue(sentence: str) -> bool:
    words = " " + " ".join(word_keys(sentence)) + " "
    return any(f" {cue} " in words for cue in dispute_cues())


def counted_things(sentence: str) -> dict[str, str]:
    """Numbers with the thing they count: «قتل 14 شخصا» -> {stem(شخصا): "14"}."""
    out: dict[str, str] = {}
    for number, word in COUNTED.findall(match_key(sentence)):
        if len(word) > 2 and not word.isdigit():
            out.setdefault(stem(word), number.replace(",", "."))
    return out


def numbers_disagree(a: Unit, b: Unit) -> bool:
    return any(thing in b.counts and b.counts[thing] != number for thing, number in a.counts.items())


# ---------------------------------------------------------------- units and vectors


def source_key(article: Article, articles: dict[str, Article]) -> str:
    """Independence key: a syndicated copy is its canonical's source; one outlet is one source."""
    if article.duplicate_of and article.duplicate_of in articles:
        article = articles[article.duplicate_of]
    elif article.duplicate_of:
        return article.duplicate_of
    return f"outlet:{article.outlet.casefold()}" if article.outlet else f"article:{article.id}"


def story_units(story: Story, articles: dict[str, Article]) -> list[Unit]:
    members = sorted((articles[a] for a in story.article_ids if a in articles), key=sort_key)
    per_article = max(3, min(MAX_SENTENCES_PER_ARTICLE, MAX_UNITS // max(1, len(members))))
    units: list[Unit] = []
    for article in members:
        source = source_key(article, articles)
        arabic = [s for s in article.sentences if s.language == "ar"][:per_article]
        for sentence in arabic:
            text = article.sentence_text(sentence).strip()
            if len(content_words(text)) >= MIN_WORDS:
                units.append(Unit(article.id, sentence.index, text, source, has_dispute_cue(text),
                                  counted_things(text)))
    return units


def unit_vectors(texts: list[str], featurizer: Featurizer) -> sp.csr_matrix:
    _, stem_counts = featurizer.counts([content_words(t) for t in texts])
    return featurizer.weigh(stem_counts, featurizer.stem_idf)


def cosine_matrix(vectors: sp.csr_matrix) -> np.ndarray:
    sims = (vectors @ vectors.T).toarray()
    np.fill_diagonal(sims, 0.0)
    return np.asarray(sims)


# ---------------------------------------------------------------- title and summary


def central_article(story: Story, articles: dict[str, Article], featurizer: Featurizer) -> Article | None:
    members = sorted((articles[a] for a in story.article_ids if a in articles), key=sort_key)
    if not members:
        return None
    canon = [a for a in members if not a.duplicate_of] or members
    vectors = unit_vectors([a.title + "\n" + a.text for a in canon], featurizer)
    scores = cosine_matrix(vectors).sum(axis=1)
    return canon[int(np.argmax(scores))]  # argmax keeps the earliest of equal scores


MAX_TITLE_WORDS = 20  # a longer first line is a lead sentence, not a headline


def story_title(story: Story, articles: dict[str, Article], featurizer: Featurizer) -> str:
    """The headline of the most central article that has a headline-like title."""
    titled = Story(id=story.id, article_ids=[a for a in story.article_ids if a in articles
                                             and 0 < len(articles[a].title.split()) <= MAX_TITLE_WORDS])
    article = central_article(titled, articles, featurizer) or central_article(story, articles, featurizer)
    if article is None:
        return ""
    if article.title.strip():
        return article.title.strip()
    first = next((article.sentence_text(s) for s in article.sentences), article.text[:120])
    return first.strip()


def centrality(sims: np.ndarray) -> np.ndarray:
    scores = sims.sum(axis=1)
    top = scores.max() if scores.size else 0.0
    return scores / top if top > 0 else scores


def mmr(scores: np.ndarray, sims: np.ndarray, k: int, candidates: list[int]) -> list[int]:
    """Pick up to ``k`` candidates balancing centrality against similarity to those already picked."""
    picked: list[int] = []
    pool = list(candidates)
    while pool and len(picked) < k:
        def gain(i: int) -> float:
            redundancy = max((sims[i, j] for j in picked), default=0.0)
            return MMR_LAMBDA * scores[i] - (1 - MMR_LAMBDA) * redundancy

        best = max(pool, key=lambda i: (gain(i), -i))
        picked.append(best)
        pool.remove(best)
    return picked


def heads(sims: np.ndarray, scores: np.ndarray, threshold: float) -> list[int]:
    """Star grouping: the most central unassigned sentence heads a group of those close to it."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    assigned = np.zeros(len(scores), dtype=bool)
    out: list[int] = []
    for i in order:
        if assigned[i]:
            continue
        out.append(i)
        assigned[i] = True
        assigned |= sims[i] >= threshold
    return out


def near(head: int, sims: np.ndarray, threshold: float) -> list[int]:
    """Sentences whose cosine with ``head`` reaches ``threshold`` (the head itself excluded)."""
    return [int(j) for j in np.flatnonzero(sims[head] >= threshold) if j != head]


def carriers(head: int, units: list[Unit], sims: np.ndarray, threshold: float) -> list[int]:
    """The head and every sentence saying the same (non-contradicting), in story order."""
    close = [j for j in near(head, sims, threshold)
             if not contradicts(units[head], units[j], sims[head, j], threshold)]
    return sorted([head, *close])


def cited_ids(indices: list[int], units: list[Unit]) -> list[str]:
    return list(dict.fromkeys(units[j].article_id for j in indices))


# ---------------------------------------------------------------- claims


def contradicts(claim: Unit, other: Unit, similarity: float, threshold: float) -> bool:
    """``other`` contradicts ``claim``: a dispute cue on one side only about the same subject, or
    the same counted thing with another number."""
    if other.source == claim.source:
        return False
    if other.disputes and not claim.disputes and similarity >= threshold * DISPUTE_SHARE:
        return True
    return similarity >= threshold and numbers_disagree(claim, other)


def make_claim(head: int, units: list[Unit], sims: np.ndarray, threshold: float) -> Claim:
    support = carriers(head, units, sims, threshold)
    bar = threshold * min(1.0, DISPUTE_SHARE)
    against = [j for j in near(head, sims, bar) if j not in support
               and contradicts(units[head], units[j], sims[head, j], threshold)]
    evidence = [Evidence(units[j].article_id, units[j].text, "supports") for j in _one_per_article(support, units)]
    evidence += [Evidence(units[j].article_id, units[j].text, "contradicts") for j in against]
    sources = {units[j].source for j in support}
    status: ClaimStatus = "disputed" if against else ("corroborated" if len(sources) >= 2 else "single_source")
    return Claim(text=units[head].text, article_ids=cited_ids(support, units), status=status, evidence=evidence)


def _one_per_article(indices: list[int], units: list[Unit]) -> list[int]:
    seen: dict[str, int] = {}
    for j in indices:
        seen.setdefault(units[j].article_id, j)
    return list(seen.values())


def _claim_rank(claim: Claim) -> tuple[int, int]:
    order = {"disputed": 0, "corroborated": 1, "single_source": 2}
    return (order[claim.status], -len(claim.article_ids))


def story_claims(units: list[Unit], sims: np.ndarray, scores: np.ndarray, threshold: float) -> list[Claim]:
    claims = [make_claim(h, units, sims, threshold) for h in heads(sims, scores, threshold)[:MAX_CLAIM_HEADS]]
    ranked = sorted(enumerate(claims), key=lambda t: (_claim_rank(t[1]), t[0]))
    return [claim for _, claim in ranked[:MAX_CLAIMS]]


# ---------------------------------------------------------------- stage


@stage("brief", "story", reads=["story.article_ids", "article.sentences", "article.duplicate_of", "article.outlet"],
       writes=["story.title", "story.summary", "story.claims"])
def brief(story: Story, articles: dict[str, Article], resources: Resources) -> Story:
    """Title, summary with citations and claims with status for one story."""
    featurizer = resources.get("cluster.featurizer", load_featurizer)
    threshold = resources.config.claim_threshold
    story.title = story_title(story, articles, featurizer)
    units = story_units(story, articles)
    if not units:
        story.summary, story.claims = [], []
        return story
    sims = cosine_matrix(unit_vectors([u.text for u in units], featurizer))
    scores = centrality(sims)
    picked = mmr(scores, sims, resources.config.summary_sentences, heads(sims, scores, threshold))
    story.summary = [SummarySentence(units[i].text, cited_ids(carriers(i, units, sims, threshold), units))
                     for i in picked]
    story.claims = story_claims(units, sims, scores, threshold)
    return story
