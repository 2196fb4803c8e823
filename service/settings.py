"""Settings from the environment (prefix ``MTDESK_``), each documented in README.md."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    # a validation error never quotes what it refused: that may be a key or a password
    model_config = SettingsConfigDict(
        env_prefix="MTDESK_", extra="ignore", hide_input_in_errors=True
    )
    # settings whose values are secret (a key; a database URL may hold a password)
    SECRETS: ClassVar[frozenset[str]] = frozenset({"api_key", "db"})

    model: str = Field(
        default="Helsinki-NLP/opus-mt-de-en",
        description="Model: a hub id, a local directory, or `toy` (the model shipped for tests).",
    )
    glossary: str = Field(
        default="news-de-en",
        description=(
            "Glossaries applied by default: names or TSV/CSV/TBX files, comma-separated; "
            "empty for none."
        ),
    )
    backend: Literal["transformers", "ctranslate2", "auto"] = Field(
        default="transformers",
        description=(
            "Inference backend: `transformers` (the model card's stack), `ctranslate2` "
            "(int8, several times faster on a CPU; `pip install 'mtdesk[fast]'`), or `auto` "
            "(ctranslate2 when installed)."
        ),
    )
    device: Literal["cpu", "cuda"] = Field(default="cpu", description="Where the model runs.")
    threads: int = Field(
        default=0,
        ge=0,
        description="Inference threads (torch intra-op, CTranslate2 intra_threads); "
        "0 uses every core of the machine.",
    )
    cache_dir: Path | None = Field(
        default=None,
        description="Where models converted for the ctranslate2 backend are kept "
        "(default: $XDG_CACHE_HOME/mtdesk/ctranslate2, else ~/.cache/mtdesk/ctranslate2).",
    )
    beam_size: int = Field(default=4, ge=1, le=16, description="Beam width of the search.")
    batch_tokens: int | None = Field(
        default=None,
        ge=64,
        description="Most source tokens (padding included) in one engine batch "
        "(default: 1024 on a CPU, 8192 on a GPU).",
    )
    max_sentence_tokens: int = Field(
        default=200,
        ge=16,
        le=500,
        description=(
            "Sentences longer than this many subword tokens are split at clause "
            "boundaries before translation (the model takes 512; quality drops well before)."
        ),
    )
    host: str = Field(default="127.0.0.1", description="Address `mtdesk serve` listens on.")
    allowed_hosts: str = Field(
        default="",
        description=(
            "Host names the server answers to (the request's Host header, port aside), "
            "comma-separated; others get 400, which closes a DNS-rebinding path to a "
            "server on localhost. `*` allows any (behind a proxy that checks hosts). "
            "Default: localhost, 127.0.0.1, ::1 and MTDESK_HOST."
        ),
    )
    port: int = Field(default=8000, ge=1, le=65535, description="Port `mtdesk serve` listens on.")
    db: str = Field(
        default="sqlite:///mtdesk.db",
        description=(
            "Database URL of the article store and translation memory "
            "(SQLite file by default; a PostgreSQL URL for several processes)."
        ),
    )
    api_key: SecretStr | None = Field(
        default=None,
        min_length=16,
        description=(
            "When set, every `/v1` request must send `Authorization: Bearer <key>`; "
            "/health, /ready and /metrics stay open."
        ),
    )
    target_lang: Literal["en", "en-GB", "en-US"] = Field(
        default="en",
        description="Target locale by default: `en` (the model's English as it is), `en-GB` "
        "or `en-US` (that profile's conventions applied and recorded).",
    )
    profile_dir: Path | None = Field(
        default=None,
        description="A folder whose `en-GB.toml` / `en-US.toml` replace the built-in "
        "localisation profiles.",
    )
    lexicon: Path | None = Field(
        default=Path("/usr/share/trans/de-en"),
        description="Ding's German-English dictionary (Debian's `trans-de-en`, GPL-2.0+), "
        "read at run time by the omission and addition checks; where the file is missing "
        "they use their rules without it (logged once).",
    )
    style: str | None = Field(
        default=None,
        description="House style on top of the target locale: `ap` or `reuters` (en-US), "
        "`guardian` or `bbc` (en-GB); unset: the locale's neutral conventions.",
    )
    max_chars: int = Field(
        default=100_000,
        ge=1_000,
        description="Most characters in one article the API, `mtdesk translate` and batch "
        "jobs accept (413, or an error, beyond; in a batch, that article fails).",
    )
    batch_wait_ms: float | None = Field(
        default=None,
        ge=0,
        le=1000,
        description=(
            "How long an inference worker that has less than a call's worth of sentences "
            "waiting waits for more (default: 5 for a server, 20 for `mtdesk batch`)."
        ),
    )
    batch_max_sentences: int | None = Field(
        default=None,
        ge=1,
        description=(
            "Most sentences in one engine call, taken from all the requests waiting "
            "(a request waits until each of its sentences has been decoded; "
            "default: 32 for a server, 256 for `mtdesk batch`)."
        ),
    )
    memory: bool = Field(
        default=True,
        description="Reuse earlier translations of identical sentences (translation memory).",
    )
    quality_min_score: float = Field(
        default=-1.0,
        le=0,
        description=(
            "Segments whose mean token log-probability is below this are flagged "
            "`low_confidence` (calibration: service/checks/quality.py)."
        ),
    )
    quality_length_min: float = Field(
        default=0.5,
        gt=0,
        description="English/German character ratio below which a segment is flagged "
        "`length_ratio`.",
    )
    quality_length_max: float = Field(
        default=1.7,
        gt=0,
        description="English/German character ratio above which a segment is flagged "
        "`length_ratio`.",
    )
    jobs_dir: str = Field(
        default="jobs",
        description=(
            "Directory of the batch jobs submitted over HTTP (POST /v1/jobs): "
            "one folder per job with its upload and outputs."
        ),
    )
    max_upload_bytes: int = Field(
        default=256 * 1024 * 1024,
        ge=1024,
        description="Largest archive upload POST /v1/jobs accepts (413 beyond).",
    )
    db_busy_timeout_s: float = Field(
        default=10.0,
        gt=0,
        le=600,
        description="How long a write waits for another connection's lock (SQLite) or a "
        "row lock and a connection (PostgreSQL) before the request answers 503 with "
        "Retry-After.",
    )
    header_timeout_s: float = Field(
        default=10.0,
        gt=0,
        le=300,
        description="`mtdesk serve`: a request's headers must be complete this long after "
        "its first byte, or the connection is closed (slow clients).",
    )
    body_timeout_s: float = Field(
        default=30.0,
        gt=0,
        le=3600,
        description="`mtdesk serve`: while a request body is sent, the longest pause "
        "between two pieces of it before the connection is closed.",
    )
    max_connections: int = Field(
        default=512,
        ge=1,
        description="`mtdesk serve`: open connections beyond this are answered 503 "
        "(keep it below the process's open-file limit).",
    )
    max_job_articles: int = Field(
        default=100_000,
        ge=1,
        description="Most articles in one batch job, the lines of JSONL files inside archives "
        "counted too (`mtdesk batch` and POST /v1/jobs refuse a larger input with 422).",
    )

    @field_validator("api_key", "cache_dir", "batch_wait_ms", "batch_max_sentences", mode="before")
    @classmethod
    def empty_key_means_none(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("db")
    @classmethod
    def shared_database(cls, value: str) -> str:
        if value in ("sqlite://", "sqlite:///:memory:"):
            # Every pooled connection would open its own, empty in-memory database.
            raise ValueError("an in-memory SQLite database cannot be shared; give a file")
        return value

    @model_validator(mode="after")
    def length_band(self) -> Settings:
        if self.quality_length_min >= self.quality_length_max:
            raise ValueError("MTDESK_QUALITY_LENGTH_MIN must be below MTDESK_QUALITY_LENGTH_MAX")
        return self

    def host_names(self) -> frozenset[str] | None:
        """The Host header names the server answers to; None when any will do."""
        names = [name.strip().lower() for name in self.allowed_hosts.split(",") if name.strip()]
        if "*" in names:
            return None
        if not names:
            names = ["localhost", "127.0.0.1", "::1", self.host.lower()]
        return frozenset(name.removeprefix("[").removesuffix("]") for name in names)

    def glossary_specs(self) -> list[str]:
        return [spec.strip() for spec in self.glossary.split(",") if spec.strip()]
