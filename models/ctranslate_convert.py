"""Convert a MarianMT checkpoint to a CTranslate2 model once, and find it again.

Converted models live in a cache directory (the shipped toy model sits in a
package directory that may be read-only), one folder per model, weights
fingerprint and precision, so a changed checkpoint is converted afresh and an
unchanged one is reused. A conversion is written to a temporary folder and
renamed into place: an interrupted one leaves nothing that looks finished.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from models.errors import BackendUnavailable
from models.output_vocabulary import write_vocabulary_map

Precision = Literal["int8", "float32"]
METADATA = "mtdesk.json"  # written last: its presence marks a finished conversion
# Conversions of an older format are made afresh: 2 added the vocabulary map.
FORMAT = 2
INSTALL_HINT = "Install it with `pip install 'mtdesk[fast]'`."


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mtdesk" / "ctranslate2"


def fingerprint(path: Path) -> str:
    """Identifies a checkpoint's files by name, size and modification time (cheap)."""
    digest = hashlib.sha256(str(path.resolve()).encode())
    for child in sorted(path.iterdir()):
        if child.is_file():
            stat = child.stat()
            digest.update(f"\0{child.name}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def converted_dir(name: str, path: Path, precision: Precision, cache_dir: Path | None) -> Path:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", name.strip("/.~")) or "model"
    return (cache_dir or default_cache_dir()) / f"{slug[-60:]}-{fingerprint(path)}-{precision}"


def find_converted(
    name: str, path: Path, precision: Precision, cache_dir: Path | None
) -> Path | None:
    target = converted_dir(name, path, precision, cache_dir)
    return target if finished(target) else None


def finished(converted: Path) -> bool:
    """Whether ``converted`` holds a whole conversion of the current format."""
    try:
        return bool(read_metadata(converted).get("format") == FORMAT)
    except (OSError, ValueError):
        return False


def read_metadata(converted: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((converted / METADATA).read_text())
    return data


def convert(
    name: str,
    path: Path,
    precision: Precision = "int8",
    cache_dir: Path | None = None,
    *,
    force: bool = False,
) -> Path:
    """The CTranslate2 model converted from the checkpoint at ``path``; converts if absent."""
    target = converted_dir(name, path, precision, cache_dir)
    if finished(target) and not force:
        return target
    try:
        from ctranslate2.converters import TransformersConverter
    except ImportError:
        raise BackendUnavailable("ctranslate2", INSTALL_HINT) from None
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_name(f"{target.name}.tmp-{os.getpid()}")
    shutil.rmtree(scratch, ignore_errors=True)
    trained_start = start_embedding_is_trained(path)
    with marian_loader(trained_start):
        TransformersConverter(str(path)).convert(
            str(scratch), quantization=None if precision == "float32" else precision, force=True
        )
    metadata = {
        "format": FORMAT,
        "model": name,
        "source": str(path),
        "precision": precision,
        # A start token the model may never emit (transformers bans it with bad_words_ids).
        "suppress": ["<pad>"] if trained_start else [],
        # Pieces the decoder may write (models/output_vocabulary.py); null: all of them.
        "output_pieces": write_vocabulary_map(path, scratch),
    }
    (scratch / METADATA).write_text(json.dumps(metadata, indent=2) + "\n")
    if finished(target) and not force:  # another process finished first
        shutil.rmtree(scratch, ignore_errors=True)
        return target
    shutil.rmtree(target, ignore_errors=True)  # a forced or half-written earlier one
    os.replace(scratch, target)
    return target


def start_embedding_is_trained(path: Path) -> bool:
    """Whether the decoder-start (pad) embedding holds weights rather than zeros.

    Checkpoints converted from Marian have a zero row there, and CTranslate2
    starts decoding from a zero vector. Models trained with transformers (the
    toy model) learn that row; decoding must start from it to match them.
    """
    from safetensors import safe_open

    config = json.loads((path / "config.json").read_text())
    weights = path / "model.safetensors"
    if not weights.is_file():
        return False  # a pytorch_model.bin checkpoint: converted from Marian
    with safe_open(str(weights), framework="numpy") as tensors:
        names = list(tensors.keys())
        key = next((k for k in names if k.endswith("shared.weight")), None)
        key = key or next((k for k in names if k.endswith("decoder.embed_tokens.weight")), None)
        if key is None:
            return False
        row = tensors.get_slice(key)[config["decoder_start_token_id"]]
        return bool(abs(row).sum() > 0)


# What the variant loader relies on in CTranslate2's converter (private, known
# from 4.5 to 4.8; pyproject.toml pins ctranslate2 below 5): a table of
# loaders keyed by config class name, and the two loader classes it builds on.
LOADER_TABLE = "_MODEL_LOADERS"
LOADER_CLASSES = {
    "MarianMTLoader": ("get_model_spec", "set_config", "set_decoder", "get_vocabulary"),
    "BartLoader": ("get_model_spec", "set_decoder", "get_vocabulary"),
}


def check_loader_table(loaders: Any) -> None:
    """Fail loudly, before converting, if CTranslate2 no longer has what we replace."""
    import ctranslate2

    table = getattr(loaders, LOADER_TABLE, None)
    missing = (
        []
        if isinstance(table, dict) and "MarianConfig" in table
        else [f"{LOADER_TABLE}['MarianConfig']"]
    )
    for name, methods in LOADER_CLASSES.items():
        loader = getattr(loaders, name, None)
        missing += [f"{name}.{method}" for method in methods if not hasattr(loader, method)]
    if missing:
        raise BackendUnavailable(
            "ctranslate2",
            "install a release mtdesk supports: pip install 'ctranslate2>=4.5,<5'",
            reason=(
                f"ctranslate2 {ctranslate2.__version__} lacks what converting a model with a "
                f"trained start embedding relies on: {', '.join(missing)}"
            ),
        )


@contextmanager
def marian_loader(trained_start: bool) -> Iterator[None]:
    """Let the converter start decoding from the pad embedding when it is trained.

    CTranslate2's Marian loader drops the pad token and starts from zeros; for
    a trained start embedding a variant keeps the token and starts from it.
    The converter has no option for this, so the variant replaces the
    registered loader for the duration of the conversion.
    """
    if not trained_start:
        yield
        return
    from ctranslate2.converters import transformers as loaders

    check_loader_table(loaders)
    original = loaders._MODEL_LOADERS["MarianConfig"]

    class TrainedStartLoader(loaders.MarianMTLoader):
        def get_model_spec(self, model: Any) -> Any:
            model.config.normalize_before = False
            model.config.normalize_embedding = False
            return loaders.BartLoader.get_model_spec(self, model)

        def set_config(self, config: Any, model: Any, tokenizer: Any) -> None:
            config.eos_token = tokenizer.eos_token
            config.unk_token = tokenizer.unk_token
            config.decoder_start_token = tokenizer.pad_token

        def set_decoder(self, spec: Any, decoder: Any) -> None:
            loaders.BartLoader.set_decoder(self, spec, decoder)

        def get_vocabulary(self, model: Any, tokenizer: Any) -> list[str]:
            tokens: list[str] = loaders.BartLoader.get_vocabulary(self, model, tokenizer)
            return tokens

    loaders._MODEL_LOADERS["MarianConfig"] = TrainedStartLoader()
    try:
        yield
    finally:
        loaders._MODEL_LOADERS["MarianConfig"] = original
