"""The result must not depend on the order in which a PDF draws its text.

Every synthetic sample is drawn again in other stream orders (other shuffles, and reversed)
and must give exactly its expected text each time.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

import extractor

SAMPLES_DIR = Path(__file__).resolve().parents[1] / "samples"


def _generator():
    spec = importlib.util.spec_from_file_location("make_samples", SAMPLES_DIR / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_samples"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


GEN = _generator()


@pytest.mark.parametrize("builder", GEN.SAMPLES, ids=lambda b: b.__name__)
@pytest.mark.parametrize("order", [{"seed": 1}, {"seed": 2}, {"seed": 3, "reverse": True}], ids=["shuffle1", "shuffle2", "reversed"])
def test_same_text_whatever_the_stream_order(builder, order):
    sheet = builder()
    pdf = sheet.build(**order).tobytes()
    expected = (SAMPLES_DIR / f"{sheet.name}.expected.txt").read_text()
    assert extractor.extract(pdf).to_text().rstrip("\n") == expected.rstrip("\n")
