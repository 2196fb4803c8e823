"""Start-up: seconds to a first translation, as ratios against the bare minimum.

    python bench/startup.py [--runs N] [--no-full]

The minimum is a Python process that imports ctranslate2 and sentencepiece,
loads the same converted model and translates one sentence: what any tool
built on CTranslate2 pays. Against it, in one run, on the toy model and on the
full-size stand-in (bench/full_model.py; models converted beforehand, not
timed):

- `mtdesk translate -` of one German sentence, per backend;
- an English article refused (`--source-lang de`, the default), per backend;
- `mtdesk serve` until `/ready` answers, per backend (seconds, not a ratio);
- the server's resident memory at `/ready` and its peak after a first article;
- compiling the default glossary against loading its compiled form.

Each figure is the median of ``--runs`` runs (3), every command in a fresh
process with a warm disk cache, as a user meets it the second time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.full_model import build_full_size  # noqa: E402
from service.testing import LiveServer  # noqa: E402

SENTENCE = "Der Minister kommt morgen nach Berlin."
ENGLISH = (
    "The Secretary of State met his Russian counterpart in Geneva on Friday. The talks "
    "lasted ninety minutes and ended without an agreement, officials said afterwards. "
    "Both sides promised to keep talking, but neither would say when they would meet again."
)
ARTICLE = (
    "Russland hat mehr als 100.000 Soldaten an der Grenze zur Ukraine zusammengezogen. "
    "Die Außenminister beider Länder trafen sich am Freitag in Genf. "
    "Die Gespräche dauerten neunzig Minuten und endeten ohne Einigung."
)
MINIMUM = """
import sys, ctranslate2, sentencepiece
model, spm = sys.argv[1], sys.argv[2]
source = sentencepiece.SentencePieceProcessor(model_file=spm)
translator = ctranslate2.Translator(model, device="cpu")
pieces = source.encode(sys.argv[3], out_type=str) + ["</s>"]
translator.translate_batch([pieces], beam_size=4, max_decoding_length=64)
"""


def timed(run: Callable[[], object], runs: int) -> float:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds)


def mtdesk(args: list[str], env: dict[str, str], stdin: str = "", expect: int = 0) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "service", *args],
        input=stdin.encode(),
        capture_output=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    if done.returncode != expect:
        raise SystemExit(f"mtdesk {' '.join(args)}: {done.stderr.decode()[-800:]}")


def converted(model: str, model_dir: Path, env: dict[str, str]) -> Path:
    """Convert (untimed) and return the converted directory."""
    from models.ctranslate_convert import find_converted

    mtdesk(["models", "convert", model], env)
    found = find_converted(model, model_dir, "int8", Path(env["MTDESK_CACHE_DIR"]))
    assert found is not None
    return found


def server_figures(model: str, backend: str, env: dict[str, str], workdir: Path) -> str:
    workdir.mkdir(parents=True, exist_ok=True)
    server = LiveServer(workdir, model=model, env={**env, "MTDESK_BACKEND": backend})
    started = time.perf_counter()
    url = server.start()
    ready_s = time.perf_counter() - started
    assert server.process is not None
    at_ready = rss_mib(server.process.pid, "VmRSS")
    answer = httpx.post(f"{url}/v1/translate", json={"text": ARTICLE}, timeout=600)
    answer.raise_for_status()
    peak = rss_mib(server.process.pid, "VmHWM")
    server.stop()
    return f"{ready_s:5.1f} s to /ready, {at_ready:5.0f} MiB at /ready, {peak:5.0f} MiB peak"


def rss_mib(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} for {pid}")


PARTS = """
import json, sys
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
steps = [("python", rss())]
from service import compose
from service.app import create_app
from service.settings import Settings
steps.append(("service and web libraries", rss()))
settings = Settings(model=sys.argv[1], backend=sys.argv[2])
engine = compose.load_engine(settings)
steps.append(("engine: library and model", rss()))
from service.checks import language
language.warm()
steps.append(("language detector, quick look", rss()))
from service.segment.somajo import splitter
splitter()
steps.append(("segmenter", rss()))
glossary = compose.default_glossary(settings, lambda name: None)
translator = compose.translator(settings, engine, glossary=glossary)
steps.append(("default glossary", rss()))
translator.translate(sys.argv[3])
steps.append(("first article", rss()))
language.detector().compute_language_confidence_values("Der Minister kommt.")
steps.append(("closer-look language models, once a sentence needs them", rss()))
print(json.dumps(steps))
"""


def memory_parts(model: str, backend: str, env: dict[str, str]) -> str:
    """What each part of a server adds to its resident memory, in the order it loads."""
    import json

    done = subprocess.run(
        [sys.executable, "-c", PARTS, model, backend, ARTICLE],
        capture_output=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    steps = json.loads(done.stdout.decode().splitlines()[-1])
    parts = [f"{steps[0][0]} {steps[0][1]:.0f}"]
    parts += [
        f"{name} +{rss - before:.0f}"
        for (name, rss), (_, before) in zip(steps[1:], steps[:-1], strict=True)
    ]
    return ", ".join(parts) + f" = {steps[-1][1]:.0f} MiB"


COMPILE = """
import sys, time
from glossary import compiled, default_glossary
from glossary.match import Matcher
glossary = default_glossary()
started = time.perf_counter()
if sys.argv[1] == "compile":
    compiled.save(glossary, Matcher(glossary))
else:
    assert compiled.load(glossary) is not None
print(time.perf_counter() - started)
"""


def glossary_figures(runs: int, env: dict[str, str]) -> str:
    """Each in a fresh process: a start that compiles against one that loads."""

    def once(what: str) -> float:
        done = subprocess.run(
            [sys.executable, "-c", COMPILE, what], capture_output=True, env=env, check=True
        )
        return float(done.stdout.decode().split()[-1])

    compile_s = statistics.median(once("compile") for _ in range(runs))
    load_s = statistics.median(once("load") for _ in range(runs))
    return (
        f"default glossary: compile {compile_s * 1000:.0f} ms, "
        f"load {load_s * 1000:.1f} ms ({compile_s / load_s:.0f}x), each in a fresh process"
    )


def model_figures(model: str, model_dir: Path, env: dict[str, str], runs: int) -> None:
    ct2_dir = converted(model, model_dir, env)
    spm = str(model_dir / "source.spm")
    minimum = timed(
        lambda: subprocess.run(
            [sys.executable, "-c", MINIMUM, str(ct2_dir), spm, SENTENCE], check=True, env=env
        ),
        runs,
    )
    print(f"\n{model}: minimum (import ctranslate2, load, translate one) {minimum:.2f} s")
    print(f"{'backend':13} {'translate one':>22} {'refuse English':>22}")
    for backend in ("ctranslate2", "transformers"):
        command = ["translate", "-", "--model", model, "--backend", backend]
        translate = timed(lambda: mtdesk(command, env, SENTENCE), runs)  # noqa: B023
        refuse = timed(lambda: mtdesk(command, env, ENGLISH, expect=2), runs)  # noqa: B023
        print(
            f"{backend:13} {translate:6.2f} s = {translate / minimum:4.1f}x min"
            f"    {refuse:6.2f} s = {refuse / minimum:4.1f}x min"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-full", action="store_true", help="the toy model only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mtdesk-startup-") as scratch:
        work = Path(scratch)
        env = {
            **os.environ,
            "MTDESK_CACHE_DIR": str(work / "ct2"),
            "XDG_CACHE_HOME": str(work / "cache"),
            "MTDESK_DB": f"sqlite:///{work / 'mtdesk.db'}",
            "PYTHONPATH": str(ROOT),
        }
        mtdesk(["translate", "-", "--model", "toy"], env, SENTENCE)  # compiles the glossary
        models = [("toy", ROOT / "models" / "toy")]
        if not args.no_full:
            full = work / "full"
            full.mkdir()
            models.append((str(build_full_size(full)), full))
        for model, model_dir in models:
            model_figures(model, model_dir, env, args.runs)
        print("\nserver (`mtdesk serve`), first article of three sentences:")
        for model, _ in models:
            for backend in ("ctranslate2", "transformers"):
                name = "toy" if model == "toy" else "full-size"
                figures = server_figures(model, backend, env, work / f"serve-{name}-{backend}")
                print(f"{name:9} {backend:13} {figures}")
        print("\nmemory by part (MiB, in the order a server loads them):")
        for model, _ in models:
            for backend in ("ctranslate2", "transformers"):
                name = "toy" if model == "toy" else "full-size"
                print(f"{name:9} {backend:13} {memory_parts(model, backend, env)}")
        print("\n" + glossary_figures(args.runs, env))


if __name__ == "__main__":
    main()
