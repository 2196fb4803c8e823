"""Where models live: the shipped toy model, local directories and the hub cache.

Translation never downloads: a hub model must be in the local cache (fetched
once with ``mtdesk models pull``), so a machine without network gets a clear
error at once instead of minutes of retries.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from models.errors import ModelNotAvailable

TOY = "toy"
DEFAULT_MODEL = "Helsinki-NLP/opus-mt-de-en"
TOY_DIR = Path(__file__).parent / "toy"
# What a Marian checkpoint needs; skips the TF/Rust weights the hub repos also carry.
MODEL_FILES = ["*.json", "*.spm", "*.safetensors", "pytorch_model.bin"]


@dataclass(frozen=True)
class ModelInfo:
    name: str
    path: Path | None  # None when the model is not on this machine
    source: str  # "shipped", "directory" or "hub cache"

    @property
    def present(self) -> bool:
        return self.path is not None


def pull_hint(name: str) -> str:
    return f"Fetch it with `mtdesk models pull {name}` on a machine with network access."


def resolve(name: str) -> Path:
    """The local directory holding model ``name``; never touches the network."""
    path = TOY_DIR if name == TOY else Path(name).expanduser()
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise ModelNotAvailable(name, "the directory has no config.json", "")
        return path
    if looks_like_path(name):
        raise ModelNotAvailable(name, "no such directory", "")
    # huggingface_hub only for hub ids: a local model's start does not pay its import
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import LocalEntryNotFoundError

    try:
        return Path(snapshot_download(name, allow_patterns=MODEL_FILES, local_files_only=True))
    except LocalEntryNotFoundError:
        reason = "it is not in the local model cache"
        raise ModelNotAvailable(name, reason, pull_hint(name)) from None


def pull(name: str) -> Path:
    """Download a hub model into the local cache (or find it there)."""
    if name == TOY or Path(name).expanduser().is_dir():
        return resolve(name)
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import HfHubHTTPError, LocalEntryNotFoundError

    try:
        return Path(snapshot_download(name, allow_patterns=MODEL_FILES))
    except (LocalEntryNotFoundError, HfHubHTTPError, OSError) as error:
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ModelNotAvailable(
            name, f"the download failed ({first_line})", "Check the network and the model id."
        ) from None


def looks_like_path(name: str) -> bool:
    return name.startswith((".", "/", "~")) or name.count("/") != 1


def known_models(configured: str) -> list[ModelInfo]:
    """The shipped toy, the default and configured models, and every cached Marian model."""
    names = [TOY, DEFAULT_MODEL]
    if configured not in names:
        names.append(configured)
    names += sorted(set(cached_marian_models()) - set(names))
    infos = []
    for name in names:
        source = "shipped" if name == TOY else "directory" if looks_like_path(name) else "hub cache"
        try:
            infos.append(ModelInfo(name, resolve(name), source))
        except ModelNotAvailable:
            infos.append(ModelInfo(name, None, source))
    return infos


def cached_marian_models() -> list[str]:
    from huggingface_hub import constants, scan_cache_dir
    from huggingface_hub.errors import CacheNotFound

    try:
        cache = scan_cache_dir(constants.HF_HUB_CACHE)  # read now: tests and users repoint it
    except CacheNotFound:
        return []
    return [repo.repo_id for repo in cache.repos if "opus-mt" in repo.repo_id.lower()]
