"""Both engines on a CUDA device (skipped without one).

Only ``models`` is imported, so a GPU host that lacks the service's
dependencies can run this file alone: ``pytest --noconftest tests/test_gpu.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from models.ctranslate import CTranslate2Engine, available
from models.errors import BackendUnavailable
from models.marian import MarianEngine
from models.toy_corpus import held_out

pytestmark = pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device")
SENTENCES = [pair.source for pair in held_out(40)]
FORCED = ("Lawrow traf Blinken am Dienstag.", "Lavrov")  # sentence, English prefix


def agreeing(left: list[str], right: list[str]) -> int:
    return sum(a == b for a, b in zip(left, right, strict=True))


@pytest.fixture(scope="module")
def on_cpu() -> list[str]:
    return [hypothesis.text for hypothesis in MarianEngine("toy").translate(SENTENCES)]


def test_the_torch_engine_runs_in_float16_on_the_gpu(on_cpu: list[str]) -> None:
    engine = MarianEngine("toy", device="cuda")
    assert engine.model.dtype == torch.float16
    assert engine.model.device.type == "cuda"
    got = engine.translate(SENTENCES, with_alignment=True)
    # float16 rounding may tip a close beam; the translations stay the same.
    assert agreeing([h.text for h in got], on_cpu) >= 36
    for hypothesis in got:
        assert len(hypothesis.alignment) == len(hypothesis.target_tokens)
        assert all(0 <= i < len(hypothesis.source_tokens) for i in hypothesis.alignment)
        assert hypothesis.score < 0
    assert engine.continue_from(*FORCED).text.startswith("Lavrov ")


@pytest.mark.skipif(not available(), reason="ctranslate2 is not installed")
def test_ctranslate2_runs_int8_float16_on_the_gpu(tmp_path: Path, on_cpu: list[str]) -> None:
    import ctranslate2

    if not ctranslate2.get_cuda_device_count():
        pytest.skip("this CTranslate2 build sees no CUDA device")
    try:
        engine = CTranslate2Engine("toy", device="cuda", cache_dir=tmp_path)
    except BackendUnavailable as error:  # e.g. a host with CUDA 13 alone
        pytest.skip(str(error))
    assert engine.translator.device == "cuda"
    assert engine.translator.compute_type == "int8_float16"
    got = engine.translate(SENTENCES, with_alignment=True)
    assert agreeing([h.text for h in got], on_cpu) >= 34  # int8 weights, as on the CPU
    for hypothesis in got:
        assert len(hypothesis.alignment) == len(hypothesis.target_tokens)
    assert engine.continue_from(*FORCED).text.startswith("Lavrov ")
