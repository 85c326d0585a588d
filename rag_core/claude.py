"""Claude as a ``Generator`` backend (``anthropic``): tool-use structured output, streamed.

The evidence, the question and the dates go out through the egress gateway (PHI-tokenized unless
Anthropic is BAA-covered in settings); the model sees evidence items as ``E1``, ``E2`` … (never our chunk
ids) and date placeholders with a day timeline. Its tool input is parsed strictly; placeholders in
claims are restored from the request's vault (an unknown one is removed and counted), ``E`` aliases map
back to chunk ids, and the result is a ``DraftAnswer`` the citation validator checks like any other.

Retries with backoff on 408/409/429/5xx and connection errors, and the ``retry-after`` headers, are the
SDK's own (``max_retries``); a timeout bounds each attempt. Whatever still fails raises
``GenerationUnavailable`` with a reason that holds no patient text — the service then answers with the
offline generator and says so.
"""

from __future__ import annotations

import asyncio
import time
from datetime import date
from typing import Any, Literal

import anthropic
from pydantic import BaseModel, Field, ValidationError

from rag_core.egress import EgressGateway, Provider, current_request
from rag_core.generation import Finding, GenerationInfo, GenerationUnavailable
from rag_core.models import Claim, DraftAnswer
from rag_core.prompting import render, template_hash
from rag_core.retrieval import Evidence

TOOL_NAME = "record_answer"
SYSTEM_TEMPLATE = "answer_system.j2"
USER_TEMPLATE = "answer_user.j2"


class ToolClaim(BaseModel):
    text: str = Field(min_length=1, description="One statement, numbers and date placeholders copied from evidence")
    citations: list[str] = Field(description="Evidence ids (E1, E2, ...) or guideline ids (G1, ...) that state this claim")
    source: Literal["chart", "guideline"] = Field(
        default="chart", description="chart: a fact of this patient (E ids only); guideline: what a guideline says (G ids only)")
    confidence: float | None = Field(default=None, ge=0, le=1)


class ToolAnswer(BaseModel):
    answer: str = Field(description="A short answer for the clinician, built from the claims")
    claims: list[ToolClaim]
    confidence: float = Field(ge=0, le=1, description="How well the evidence answers the question")
    insufficient_evidence: bool = Field(description="True when the evidence does not answer the question")


def _input_schema() -> dict[str, Any]:
    """ToolAnswer's JSON schema with the claim schema inlined (no ``$ref`` for the API to resolve)."""
    schema = ToolAnswer.model_json_schema()
    schema["properties"]["claims"]["items"] = schema.pop("$defs")["ToolClaim"]
    return schema


TOOL: dict[str, Any] = {
    "name": TOOL_NAME,
    "description": "Record the answer to the clinician's question as claims, each citing evidence ids.",
    "input_schema": _input_schema(),
}


class ClaudeGenerator:
    kind = "llm"

    def __init__(self, client: anthropic.AsyncAnthropic, model: str, gateway: EgressGateway, max_tokens: int = 2048) -> None:
        self.client = client
        self.model = model
        self.gateway = gateway
        self.max_tokens = max_tokens
        self.provider = Provider("anthropic", "llm", model)

    @property
    def model_id(self) -> str:
        return f"anthropic/{self.model}"

    @property
    def prompt_hash(self) -> str:
        return render_hash()

    async def draft(
        self, evidence: Evidence, today: date, findings: list[Finding] | None = None, info: GenerationInfo | None = None
    ) -> DraftAnswer:
        info = info if info is not None else GenerationInfo()
        egress = current_request()
        chunks = evidence.chunks
        guides = evidence.guideline_chunks
        dates = [c.effective_date or "" for c in chunks]
        outbound = await asyncio.to_thread(  # NER on every evidence text: off the event loop
            self.gateway.outbound, self.provider,
            [evidence.plan.question, today.isoformat(), *[c.text for c in chunks], *dates,
             *[c.section or "" for c in chunks], *[g.text for g in guides]],  # guideline text goes the same way
            egress.vault, egress.log, egress.record,
        )
        question, asked_on = outbound[0], outbound[1]
        n = len(chunks)
        texts, sent_dates = outbound[2:2 + n], outbound[2 + n:2 + 2 * n]
        sections, guide_texts = outbound[2 + 2 * n:2 + 3 * n], outbound[2 + 3 * n:]
        aliases = {f"E{i}": chunk.id for i, chunk in enumerate(chunks, 1)}
        guide_aliases = {f"G{i}": g.id for i, g in enumerate(guides, 1)}
        guidelines = [
            {"alias": alias, "issuer": g.guideline.issuer if g.guideline else "", "title": g.guideline.title
             if g.guideline else "", "version": g.guideline.version if g.guideline else "", "section": g.section or "",
             "text": guide_texts[i]}
            for i, (alias, g) in enumerate(zip(guide_aliases, guides, strict=True))
        ]
        items = [
            {"alias": alias, "resource_type": chunk.resource_type, "date": sent_dates[i], "section": sections[i],
             "text": texts[i]}
            for i, (alias, chunk) in enumerate(zip(aliases, chunks, strict=True))
        ]
        system = render(SYSTEM_TEMPLATE, tool_name=TOOL_NAME)
        user = render(USER_TEMPLATE, question=question, asked_on=asked_on, items=items, guidelines=guidelines,
                      timeline=egress.vault.timeline(), findings=[{"claim": f.claim, "reason": f.reason} for f in findings or []])
        info.findings_sent = len(findings or [])
        message = await self._call(system.text, user.text, info)
        return self._parse(message, {**aliases, **guide_aliases}, info)

    async def _call(self, system: str, user: str, info: GenerationInfo) -> Any:
        started = time.perf_counter()
        try:
            async with self.client.messages.stream(
                model=self.model, max_tokens=self.max_tokens, system=system,
                messages=[{"role": "user", "content": user}],
                tools=[TOOL], tool_choice={"type": "tool", "name": TOOL_NAME},  # type: ignore[list-item]
            ) as stream:
                async for event in stream:
                    if info.ttft_ms is None and event.type in ("content_block_delta", "input_json", "text"):
                        info.ttft_ms = round((time.perf_counter() - started) * 1000, 1)
                message = await stream.get_final_message()
        except anthropic.APITimeoutError as err:
            info.attempts.append("timeout")
            raise GenerationUnavailable("timeout") from err
        except anthropic.APIStatusError as err:
            info.attempts.append(f"http {err.status_code}")
            raise GenerationUnavailable(f"API error {err.status_code}") from err
        except anthropic.APIError as err:
            info.attempts.append(type(err).__name__)
            raise GenerationUnavailable(f"API unavailable ({type(err).__name__})") from err
        finally:
            info.total_ms = round((time.perf_counter() - started) * 1000, 1)
        info.attempts.append("ok")
        usage = getattr(message, "usage", None)
        info.input_tokens += int(getattr(usage, "input_tokens", 0) or 0)
        info.output_tokens += int(getattr(usage, "output_tokens", 0) or 0)
        info.cache_read_tokens += int(getattr(usage, "cache_read_input_tokens", 0) or 0)
        info.cache_write_tokens += int(getattr(usage, "cache_creation_input_tokens", 0) or 0)
        info.stop_reason = getattr(message, "stop_reason", None)
        return message

    def _parse(self, message: Any, aliases: dict[str, str], info: GenerationInfo) -> DraftAnswer:
        block = next((b for b in message.content or [] if getattr(b, "type", None) == "tool_use"
                      and getattr(b, "name", None) == TOOL_NAME), None)
        if block is None:
            raise GenerationUnavailable("malformed tool output (no tool call)")
        try:
            answer = ToolAnswer.model_validate(block.input)
        except ValidationError as err:
            raise GenerationUnavailable(f"malformed tool output ({err.error_count()} schema errors)") from None
        vault = current_request().vault
        if answer.insufficient_evidence:
            return DraftAnswer(text="", claims=[], confidence=0.0, insufficient_evidence=True, model_id=self.model_id)
        claims: list[Claim] = []
        for claim in answer.claims:
            text, stats = vault.restore(claim.text)
            info.restored_placeholders += stats.restored
            info.unknown_placeholders += stats.removed_unknown
            cited = []
            for alias in claim.citations:
                key = alias.strip().strip("[]").upper()
                if key not in aliases:
                    info.unknown_citations += 1
                cited.append(aliases.get(key, f"unknown:{key[:12]}"))  # the validator drops it
            claims.append(Claim(text=text.strip(), citations=cited, source=claim.source))
        summary, stats = vault.restore(answer.answer)
        info.restored_placeholders += stats.restored
        info.unknown_placeholders += stats.removed_unknown
        return DraftAnswer(text=summary.strip(), claims=claims, confidence=answer.confidence, model_id=self.model_id)


def render_hash() -> str:
    """The prompt templates' combined hash, for the audit record."""
    return f"{template_hash(SYSTEM_TEMPLATE)[:8]}{template_hash(USER_TEMPLATE)[:8]}"
