"""Traces and metrics that cannot carry PHI.

- Spans (OpenTelemetry API; the composition root installs the SDK and exporter) are opened through
  ``span`` only, whose attributes pass an allow-list: a key not listed is dropped, a string value must
  be a short token (route template, outcome, kind, model id) — never free text, a name, a question or an
  identifier. No span records exceptions' messages (they may quote a request).
- Metrics (Prometheus client, scraped at ``/metrics``): request counts and latencies by route template
  and status, answer outcomes, ingest jobs, queue depth, notification lag, embedding-cache hits and
  misses. Labels come from the same closed vocabularies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from opentelemetry import trace
from opentelemetry.trace import Span, Status, StatusCode
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

TRACER = trace.get_tracer("chartrag")
# attribute key → accepted value kind; anything else never reaches a span
ALLOWED_ATTRIBUTES: dict[str, type | tuple[type, ...]] = {
    "http.request.method": str, "http.route": str, "http.response.status_code": int,
    "chartrag.channel": str, "chartrag.outcome": str, "chartrag.kind": str, "chartrag.aspects": int,
    "chartrag.chunks": int, "chartrag.citations": int, "chartrag.model": str, "chartrag.degraded": bool,
    "chartrag.jobs": int, "chartrag.resources": int, "chartrag.job_kind": str, "chartrag.queue": str,
}
_TOKEN = re.compile(r"^[A-Za-z0-9_.:/{}+-]{0,80}$")
_DIGITS = re.compile(r"\d{4,}")  # a long run of digits (an MRN, a phone, a date) is not a token
_UUID_LIKE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-")


def safe_attributes(attributes: dict[str, Any]) -> dict[str, Any]:
    """The attributes a span may carry: allow-listed keys, typed values, short non-identifying tokens."""
    kept: dict[str, Any] = {}
    for key, value in attributes.items():
        kind = ALLOWED_ATTRIBUTES.get(key)
        if kind is None or value is None or (isinstance(value, bool) and kind is not bool):
            continue
        if not isinstance(value, kind):
            continue
        if isinstance(value, str) and (not _TOKEN.match(value) or _DIGITS.search(value) or _looks_like_id(value)):
            continue
        kept[key] = value
    return kept


def _looks_like_id(value: str) -> bool:
    """UUID-like or long mixed tokens (resource ids) are identifiers, not vocabulary."""
    return bool(_UUID_LIKE.search(value)) or (len(value) > 24 and "/" not in value and "." not in value)


@contextmanager
def span(name: str, **attributes: Any) -> Iterator[Span]:
    with TRACER.start_as_current_span(name, record_exception=False, set_status_on_exception=False) as current:
        for key, value in safe_attributes(attributes).items():
            current.set_attribute(key, value)
        try:
            yield current
        except BaseException as exc:
            current.set_status(Status(StatusCode.ERROR, type(exc).__name__))  # the type only, never the message
            raise


def annotate(current: Span, **attributes: Any) -> None:
    for key, value in safe_attributes(attributes).items():
        current.set_attribute(key, value)


class Metrics:
    """The process's metrics, in their own registry (read by ``/metrics``)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter("chartrag_http_requests", "HTTP requests by route template and status",
                                ["route", "status"], registry=self.registry)
        self.latency = Histogram("chartrag_http_request_seconds", "HTTP request latency by route template",
                                 ["route"], registry=self.registry,
                                 buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
        self.answers = Counter("chartrag_answers", "Answers by channel and outcome", ["channel", "outcome"],
                               registry=self.registry)
        self.queue_depth = Gauge("chartrag_ingest_queue_depth", "Ingest jobs waiting, by state", ["state"],
                                 registry=self.registry)
        self.cache = Counter("chartrag_embedding_cache", "Embedding cache lookups by result", ["result"],
                             registry=self.registry)
        self.ingest_jobs = Counter("chartrag_ingest_jobs", "Ingest jobs processed", registry=self.registry)
        self.notification_lag = Histogram("chartrag_notification_lag_seconds",
                                          "Notification received → indexed", registry=self.registry,
                                          buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30))


METRICS = Metrics()
