"""The one gateway every call to a third-party model (LLM, rerank, embeddings) passes through.

Text bound for a provider not marked BAA-covered is PHI-tokenized first (``rag_core.phi``) with the
request's vault; a BAA-covered provider may receive it as is. Either way the gateway writes what was
sent where — counts only, never text — into the request's egress log, which the audit record carries.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import asdict, dataclass, field
from typing import Literal

from rag_core.phi.record import RecordIdentifiers
from rag_core.phi.tokenizer import PhiTokenizer
from rag_core.phi.vault import Vault

Kind = Literal["llm", "rerank", "embedding"]


@dataclass(frozen=True)
class Provider:
    name: str  # e.g. "anthropic", "cohere", "voyage"
    kind: Kind
    model: str


@dataclass(frozen=True)
class EgressEntry:
    provider: str
    kind: Kind
    model: str
    tokenized: bool
    items: int
    chars: int
    placeholders: dict[str, int]


@dataclass
class EgressLog:
    """One request's outbound calls; ``audit()`` is what the audit record stores."""

    entries: list[EgressEntry] = field(default_factory=list)

    def audit(self) -> list[dict[str, object]]:
        return [asdict(e) for e in self.entries]


class EgressGateway:
    def __init__(self, tokenizer: PhiTokenizer, baa_covered: Sequence[str] = ()) -> None:
        self.tokenizer = tokenizer
        self.baa_covered = frozenset(baa_covered)  # provider names; default: none is

    def tokenizes_for(self, providers: Sequence[str]) -> bool:
        """Whether text to any of ``providers`` is tokenized (one of them is not under a BAA)."""
        return any(p not in self.baa_covered for p in providers)

    def outbound(
        self, provider: Provider, texts: Sequence[str], vault: Vault, log: EgressLog,
        record: RecordIdentifiers | None = None,
    ) -> list[str]:
        """The texts as they may leave for ``provider``; the call is logged before anything is sent."""
        covered = provider.name in self.baa_covered
        before = vault.counts()
        if not covered:
            self.tokenizer.prepare(texts)  # the question and its evidence through spaCy in one batch
        sent = list(texts) if covered else [self.tokenizer.tokenize(t, vault, record) for t in texts]
        after = vault.counts()
        log.entries.append(EgressEntry(
            provider=provider.name, kind=provider.kind, model=provider.model, tokenized=not covered, items=len(sent),
            chars=sum(len(t) for t in sent),
            placeholders={k: v - before.get(k, 0) for k, v in after.items() if v - before.get(k, 0)},
        ))
        return sent


@dataclass
class RequestEgress:
    """One request's vault, egress log and patient dictionary. The vault never leaves the process and is
    dropped with this object when the request ends."""

    vault: Vault = field(default_factory=Vault)
    log: EgressLog = field(default_factory=EgressLog)
    record: RecordIdentifiers | None = None


_CURRENT: ContextVar[RequestEgress | None] = ContextVar("chartrag_request_egress", default=None)


def begin_request(record: RecordIdentifiers | None = None) -> tuple[RequestEgress, object]:
    """Open the request's egress context (``end_request`` with the returned token closes it). Adapters
    called in this task, its child tasks and ``asyncio.to_thread`` see it."""
    egress = RequestEgress(record=record)
    return egress, _CURRENT.set(egress)


def end_request(token: object) -> None:
    _CURRENT.reset(token)  # type: ignore[arg-type]


def current_request() -> RequestEgress:
    """The running request's egress context; outside a request a fresh one for this call alone (empty
    dictionary, its own vault: nothing accumulates), so an adapter used directly still tokenizes."""
    return _CURRENT.get() or RequestEgress()
