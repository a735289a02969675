"""Importing marsad loads no model, no heavy library and changes no global logging."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("sklearn", "pycrfsuite", "trafilatura", "datasketch", "nltk", "fastapi", "py3langid", "scipy")


def test_import_is_cheap_and_side_effect_free():
    code = (
        "import logging, sys; before = logging.root.handlers[:]; level = logging.root.level\n"
        "import marsad, marsad.cli\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
        "print(logging.root.handlers == before and logging.root.level == level)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "[]", out[0]
    assert out[1] == "True"
