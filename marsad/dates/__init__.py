"""Temporal expressions, publication dates and the story timeline.

``find`` tags a text; the stages ``tag`` (article), ``infer_publication`` (corpus), ``story_publication`` and
``timeline`` (story) run in the pipeline; ``evaluate`` scores ``find`` on Recognizers-Text style cases.
"""

from marsad.dates.evaluate import evaluate, load_cases
from marsad.dates.extract import find
from marsad.dates.stages import infer_publication, retag, story_publication, tag, timeline

__all__ = ["evaluate", "find", "infer_publication", "load_cases", "retag", "story_publication", "tag", "timeline"]
