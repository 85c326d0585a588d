"""Recording stand-ins for the Anthropic and Cohere HTTP APIs (httpx transports, no network): every
outbound payload is captured so tests can prove what left the process.

``FakeClaude`` answers the Messages API as an SSE stream with one ``record_answer`` tool call built
from the evidence it was sent (it quotes each cited item's first line, placeholders and all), unless a
scripted behaviour says otherwise: an HTTP status, a timeout, malformed tool input, a foreign citation,
an invented placeholder, "insufficient evidence".
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import httpx2

EVIDENCE = re.compile(r'<evidence id="(E\d+)"[^>]*>\n(.*?)\n</evidence>', re.DOTALL)
Behaviour = str | Callable[[dict[str, Any]], Any]


def sse(events: list[tuple[str, dict[str, Any]]]) -> bytes:
    return "".join(f"event: {name}\ndata: {json.dumps(data)}\n\n" for name, data in events).encode()


def tool_stream(tool_input: Any, model: str = "claude-test") -> bytes:
    raw = json.dumps(tool_input)
    pieces = [raw[i:i + 40] for i in range(0, len(raw), 40)] or [""]
    return sse([
        ("message_start", {"type": "message_start", "message": {
            "id": "msg_test", "type": "message", "role": "assistant", "model": model, "content": [],
            "stop_reason": None, "stop_sequence": None, "usage": {"input_tokens": 100, "output_tokens": 1}}}),
        ("content_block_start", {"type": "content_block_start", "index": 0, "content_block": {
            "type": "tool_use", "id": "toolu_test", "name": "record_answer", "input": {}}}),
        *[("content_block_delta", {"type": "content_block_delta", "index": 0,
                                   "delta": {"type": "input_json_delta", "partial_json": piece}}) for piece in pieces],
        ("content_block_stop", {"type": "content_block_stop", "index": 0}),
        ("message_delta", {"type": "message_delta", "delta": {"stop_reason": "tool_use", "stop_sequence": None},
                           "usage": {"output_tokens": 42}}),
        ("message_stop", {"type": "message_stop"}),
    ])


def evidence_items(body: dict[str, Any]) -> list[tuple[str, str]]:
    content = body["messages"][0]["content"]
    text = content if isinstance(content, str) else "".join(part.get("text", "") for part in content)
    return EVIDENCE.findall(text)


def quoting_answer(body: dict[str, Any]) -> dict[str, Any]:
    """Claims quoting the first line of the first two evidence items, each citing its item."""
    items = evidence_items(body)[:2]
    claims = [{"text": text.splitlines()[0][:300], "citations": [alias]} for alias, text in items]
    return {"answer": " ".join(c["text"] for c in claims), "claims": claims, "confidence": 0.8,
            "insufficient_evidence": not claims}


@dataclass
class FakeClaude:
    requests: list[dict[str, Any]] = field(default_factory=list)
    script: deque[Behaviour] = field(default_factory=deque)

    def handler(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.content)
        self.requests.append(body)
        behaviour: Behaviour = self.script.popleft() if self.script else quoting_answer
        if behaviour == "429":
            return httpx2.Response(429, headers={"retry-after-ms": "1"}, json={
                "type": "error", "error": {"type": "rate_limit_error", "message": "slow down"}})
        if behaviour == "529":
            return httpx2.Response(529, headers={"retry-after-ms": "1"}, json={
                "type": "error", "error": {"type": "overloaded_error", "message": "overloaded"}})
        if behaviour == "timeout":
            raise httpx2.ReadTimeout("timed out", request=request)
        tool_input = behaviour(body) if callable(behaviour) else quoting_answer(body)
        return httpx2.Response(200, headers={"content-type": "text/event-stream"}, content=tool_stream(tool_input))

    def client(self) -> httpx2.AsyncClient:
        return httpx2.AsyncClient(transport=httpx2.MockTransport(self.handler))


@dataclass
class FakeCohere:
    requests: list[dict[str, Any]] = field(default_factory=list)
    fail_with: int | None = None
    dimension: int = 16

    def handler(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        self.requests.append(body)
        if self.fail_with:
            return httpx.Response(self.fail_with, json={"message": "unavailable"})
        if request.url.path.endswith("/rerank"):
            documents = body["documents"]
            top = min(body.get("top_n") or len(documents), len(documents))
            return httpx.Response(200, json={"id": "rr", "results": [
                {"index": i, "relevance_score": round(0.95 - 0.01 * i, 4)} for i in range(top)],
                "meta": {"api_version": {"version": "2"}}})
        if request.url.path.endswith("/embed"):
            vectors = [[(hash((t, j)) % 1000) / 1000 for j in range(self.dimension)] for t in body["texts"]]
            return httpx.Response(200, json={"id": "em", "embeddings": {"float": vectors}, "texts": body["texts"],
                                             "response_type": "embeddings_by_type", "meta": {"api_version": {"version": "2"}}})
        return httpx.Response(404, json={"message": "no such endpoint"})

    def client(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(self.handler))
