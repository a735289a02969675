"""Decoding of input bytes: BOMs, UTF-8, legacy Arabic code pages, with an Arabic-aware check.

charset-normalizer proposes encodings; a candidate is accepted only when the decoded text is
plausible: few control characters and, for Arabic-script text, a share of Arabic function words
(jusText's Arabic stoplist) that a wrong code page (e.g. ISO-8859-6 read as windows-1256) destroys.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from marsad.errors import BinaryInput, EmptyInput, UndecodableInput
from marsad.text.normalize import match_key

BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
LEGACY_ARABIC = ("cp1256", "iso-8859-6", "cp720", "cp864")
TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
# Share of control bytes (in the first 8 KB) above which a file is binary. Text files have none;
# checked on the seeds, ANERcorp files and the fixtures (all 0) and on PDFs/PNG/ELF files (> 5 %).
MAX_CONTROL_SHARE = 0.05
# Share of characters that must be letters, digits, punctuation or spaces of common scripts.
MIN_PLAUSIBLE_SHARE = 0.9
# Share of Arabic-script words that must be stoplist words for an Arabic decoding to be believed:
# Arabic news text has 20-35 % (seeds, ANERcorp); mis-decoded legacy code pages have < 2 %.
MIN_ARABIC_STOPWORD_SHARE = 0.06


@lru_cache(maxsize=1)
def arabic_stopwords() -> frozenset[str]:
    import justext

    return frozenset(match_key(w).strip("().,،:") for w in justext.get_stoplist("Arabic"))


def control_share(data: bytes) -> float:
    head = data[:8192]
    if not head:
        return 0.0
    return sum(1 for b in head if b < 32 and b not in TEXT_CONTROLS) / len(head)


def looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: NULs at every other byte of mostly-ASCII or Arabic (0x06xx) text."""
    head = data[:4096]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if even.count(0) > 0.6 * len(even) and odd.count(0) > 0.6 * len(odd):
        return None  # NUL bytes everywhere: binary, not UTF-16
    if odd.count(0) + odd.count(6) > 0.6 * len(odd):
        return "utf-16-le"
    if even.count(0) + even.count(6) > 0.6 * len(even):
        return "utf-16-be"
    return None


# Characters that decoded news text almost never holds: C0/C1 controls, private use, CJK and Hangul
# (what a wrong UTF-16 reading produces), the replacement character.
IMPLAUSIBLE = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\u3400-\u9fff\uac00-\ud7ff\ue000-\uf8ff\ufffd]")


def plausible_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    return 1.0 - len(IMPLAUSIBLE.findall(sample)) / len(sample)


def arabic_stopword_share(text: str) -> float | None:
    """Share of Arabic-script words that are stoplist words; None when the text has few Arabic words."""
    words = [w for w in match_key(text[:20000]).split() if any("\u0600" <= c <= "\u06ff" for c in w)]
    if len(words) < 5:
        return None
    stops = arabic_stopwords()
    return sum(1 for w in words if w.strip("\"'().,،:؛؟!«»“”") in stops) / len(words)


def score(text: str, legacy: bool = False) -> float:
    """Higher is more believable; below 0 means reject.

    A strict Unicode decoding only has to look like text. A legacy code page decodes almost any
    byte string, so its result must prove itself: it reads as Arabic (stopword share) or is ASCII.
    """
    plausible = plausible_share(text)
    if plausible < MIN_PLAUSIBLE_SHARE:
        return -1.0
    if not legacy:
        return 2.0 + plausible
    arabic = arabic_stopword_share(text)
    if arabic is None:
        return plausible if sum(ch.isascii() for ch in text) >= 0.95 * len(text) else -1.0
    return -1.0 if arabic < MIN_ARABIC_STOPWORD_SHARE else 1.0 + arabic


UNICODE = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "ascii")
CHECKED = (*UNICODE, "utf-8+cp1256")  # decodings that need no further Arabic proof


MIXED = "utf-8+cp1256"


def decode_mixed(data: bytes) -> str | None:
    """Lines in UTF-8 mixed with lines in windows-1256 (files pasted together from several sources).

    Accepted only when both kinds hold non-ASCII lines and the windows-1256 lines read as Arabic."""
    lines, legacy, unicode_lines = [], [], 0
    for raw in data.split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
            unicode_lines += not raw.isascii()
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1256", errors="replace"))
            legacy.append(lines[-1])
    if not legacy or not unicode_lines or score("\n".join(legacy), legacy=True) < 0:
        return None
    return "\n".join(lines)


def _try(data: bytes, encoding: str) -> str | None:
    if encoding == MIXED:
        return decode_mixed(data)
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def candidates(data: bytes, hint: str | None) -> Iterator[str]:
    """Encodings to try, most likely first; charset-normalizer (slow) is asked only if reached."""
    names: list[str] = [enc for bom, enc in BOMS if data.startswith(bom)][:1]
    utf16 = looks_utf16(data)
    names += [hint] if hint else []
    names += [utf16] if utf16 else []
    names += ["utf-8", MIXED, *LEGACY_ARABIC]
    seen: set[str] = set()
    for name in names:
        if name.lower() not in seen:
            seen.add(name.lower())
            yield name.lower()
    guess = _charset_normalizer_guess(data)
    if guess and guess.lower() not in seen:
        yield guess.lower()


def _charset_normalizer_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    match = from_bytes(data[:200_000]).best()
    return match.encoding if match else None


def decode_bytes(data: bytes, source: str, hint: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return (text, encoding). Raises EmptyInput, BinaryInput or UndecodableInput."""
    if not data.strip():
        raise EmptyInput("the file is empty (no bytes or only whitespace)", source=source)
    utf16 = looks_utf16(data) or any(data.startswith(b) for b, e in BOMS if e.startswith("utf-16"))
    if not utf16 and control_share(data) > MAX_CONTROL_SHARE:
        raise BinaryInput("the file is binary, not text (control bytes found)", source=source)
    return _best_decoding(data, source, hint)


def _best_decoding(data: bytes, source: str, hint: str | None) -> tuple[str, str]:
    best: tuple[float, str, str] | None = None
    for encoding in candidates(data, hint):
        text = _try(data, encoding)
        if text is None:
            continue
        value = score(text.replace("\x00", ""), legacy=encoding not in CHECKED)
        if value >= 0 and (best is None or value > best[0] + 1e-9):
            best = (value, text, encoding)
        if value >= 0 and encoding in CHECKED and best is not None and best[2] == encoding:
            break  # a strict Unicode decoding that reads as text is right; legacy pages cannot beat it
    if best is None:
        raise UndecodableInput("the bytes are not valid text in UTF-8, UTF-16 or a legacy Arabic encoding "
                               "(windows-1256, ISO-8859-6)", source=source)
    text = best[1].lstrip("\ufeff").replace("\x00", "")
    if not text.strip():
        raise EmptyInput("the file holds no text (only a byte-order mark, NULs or whitespace)", source=source)
    return unicodedata.normalize("NFC", text), best[2]
