"""Arabic text handling: normalisation, sentences, tokens, stems."""

from marsad.text.normalize import match_key, normalize_for_display, skeleton
from marsad.text.sentences import split_sentences
from marsad.text.tokens import Token, strip_clitics, tokenize

__all__ = ["Token", "match_key", "normalize_for_display", "skeleton", "split_sentences", "strip_clitics", "tokenize"]
