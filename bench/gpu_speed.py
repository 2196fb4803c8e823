"""Engine speed on a CUDA device: the naive way against each engine's batches.

Usage:
    python bench/gpu_speed.py [--sentences N] [--naive-sentences N] [--data FILE.jsonl]

The full-size model of bench/full_model.py (opus-mt-de-en's architecture,
random weights, generation bounded to int(1.2 x source tokens) + 5 steps as in
bench/speed.py), beam 4, on German sentences from FILE (the segmentation
development set by default, else the toy corpus):

  (a) naive: transformers in float16, one ``generate`` per sentence;
  (b) the transformers engine (float16), length-sorted token batches
      (its default on a GPU: 8192 tokens);
  (c) the CTranslate2 engine (int8_float16), the same batches, when
      CTranslate2 is installed and its build can reach the device.

Each run goes over its sentences once untimed first: on a GPU the first batch
of each shape costs several times a later one. Engines only: the service
(segmentation, glossary, store) is not in these figures, so this runs on a GPU
host with nothing but torch, transformers, sentencepiece and optionally
ctranslate2 installed. The published CTranslate2 wheels need CUDA 12's cuBLAS
(libcublas.so.12); on a host with CUDA 13 alone (c) reports that and skips.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from full_model import build_full_size  # noqa: E402

from models import budget  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "segmentation_dev_ud_german_gsd.jsonl"
BEAM = 4


def german_sentences(data: Path, count: int) -> list[str]:
    if data.is_file():
        lines = data.read_text(encoding="utf-8").splitlines()
        found = [s for line in lines if line.strip() for s in json.loads(line)["sentences"]]
    else:
        from models.toy_corpus import held_out

        found = [pair.source for pair in held_out(count)]
    return found[:count]


def rate(work: list[str], run: Callable[[list[str]], object]) -> float:
    import torch

    run(work)  # warm-up: each batch shape's first run picks kernels and grows the allocator
    torch.cuda.synchronize()
    started = time.perf_counter()
    run(work)
    torch.cuda.synchronize()
    return len(work) / (time.perf_counter() - started)


def naive(model_dir: Path) -> Callable[[list[str]], None]:
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    tokenizer = MarianTokenizer.from_pretrained(model_dir)
    model = MarianMTModel.from_pretrained(model_dir).half().to("cuda").eval()

    def run(sentences: list[str]) -> None:
        with torch.inference_mode():
            for sentence in sentences:
                inputs = tokenizer(sentence, return_tensors="pt").to("cuda")
                limit = budget.output_limit(inputs["input_ids"].shape[1])
                output = model.generate(
                    **inputs, num_beams=BEAM, max_new_tokens=limit, max_length=None
                )
                tokenizer.decode(output[0], skip_special_tokens=True)

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=400)
    parser.add_argument("--naive-sentences", type=int, default=100)
    parser.add_argument("--data", type=Path, default=DATA)
    arguments = parser.parse_args()

    import torch

    from models.ctranslate import CTranslate2Engine, available
    from models.errors import BackendUnavailable
    from models.marian import MarianEngine

    budget.OUTPUT_RATIO, budget.OUTPUT_MARGIN = 1.2, 5
    sentences = german_sentences(arguments.data, arguments.sentences)
    print(f"device: {torch.cuda.get_device_name()}; torch {torch.__version__}")
    print(f"{len(sentences)} sentences, beam {BEAM}, generation bounded to int(1.2 x source")
    print("tokens) + 5 steps (random weights rarely end a sentence)")
    rates: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="mtdesk-gpu-") as temporary:
        model_dir = build_full_size(Path(temporary))
        rates["a"] = rate(sentences[: arguments.naive_sentences], naive(model_dir))
        print(f"(a) naive, generate per sentence, float16   {rates['a']:8.2f} sent/s")
        engine = MarianEngine(str(model_dir), device="cuda")
        rates["b"] = rate(sentences, engine.translate)
        print(f"(b) transformers engine, float16 batches    {rates['b']:8.2f} sent/s")
        del engine
        if not available():
            print("(c) skipped: ctranslate2 is not installed")
        else:
            try:
                fast = CTranslate2Engine(
                    str(model_dir), device="cuda", cache_dir=Path(temporary) / "converted"
                )
                rates["c"] = rate(sentences, fast.translate)
                print(f"(c) ctranslate2 engine, int8_float16        {rates['c']:8.2f} sent/s")
            except BackendUnavailable as error:  # e.g. CUDA 12's cuBLAS is missing
                print(f"(c) failed: {error}")
    ratios = [f"{key}/a {rates[key] / rates['a']:.1f}x" for key in ("b", "c") if key in rates]
    print("   ".join(ratios))


if __name__ == "__main__":
    main()
