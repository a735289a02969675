"""Entities: an Arabic NER tagger (CRF + rules + alias table) and cross-document name resolution.

Stages: ``tag`` (``marsad.entities.tag``, article level) and ``resolve`` (``marsad.entities.resolve``,
story level); ``find_entity(story, surface)`` resolves a speaker string to a story entity.
Importing this package loads no model: the CRF loads on first use through ``Resources.get``.
"""

from __future__ import annotations

from marsad.entities.stages import find_entity, resolve, tag, tag_text

__all__ = ["find_entity", "resolve", "tag", "tag_text"]
