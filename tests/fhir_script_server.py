"""A scripted FHIR server for ingestion tests (and the ingest benchmark): it holds resources with
version history, answers reads (410 once deleted), ``_lastUpdated`` searches with paging, a
Subscription's ``$events`` (switchable off) and ``$status``, Subscription CRUD and a Bulk ``$export``;
and it sends Backport-IG notifications (handshake, heartbeat, events: empty, id-only, full-resource)
to a rest-hook endpoint. Tests decide the order, the duplicates and the gaps.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

TOPIC = "http://example.org/topics/chart-update"


def now_instant() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass
class Event:
    number: int
    timestamp: str
    focus: str


@dataclass
class ScriptedFhir:
    base: str = ""  # set once served: http://127.0.0.1:PORT/fhir
    resources: dict[str, dict[str, Any]] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)
    events: list[Event] = field(default_factory=list)
    supports_events: bool = True
    calls: list[str] = field(default_factory=list)
    subscriptions: dict[str, dict[str, Any]] = field(default_factory=dict)
    export_polls_before_ready: int = 1
    export_kickoffs: int = 0
    export_downloads: dict[str, int] = field(default_factory=dict)
    fail_download: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def subscription_url(self) -> str:
        return f"{self.base}/Subscription/sub-1"

    # ------------------------------------------------------------------ server-side changes

    def save(self, resource: dict[str, Any]) -> Event:
        """Create or update a resource (new version) and record the event a topic would fire."""
        with self.lock:
            ref = f"{resource['resourceType']}/{resource['id']}"
            previous = self.resources.get(ref)
            version = int((previous or {}).get("meta", {}).get("versionId", "0")) + 1
            stored = {**resource, "meta": {"versionId": str(version), "lastUpdated": now_instant()}}
            self.resources[ref] = stored
            self.deleted.discard(ref)
            return self._event(ref)

    def delete(self, ref: str) -> Event:
        with self.lock:
            self.resources.pop(ref, None)
            self.deleted.add(ref)
            return self._event(ref)

    def _event(self, ref: str) -> Event:
        event = Event(len(self.events) + 1, now_instant(), ref)
        self.events.append(event)
        return event

    def current(self, ref: str) -> dict[str, Any] | None:
        return self.resources.get(ref)

    # ------------------------------------------------------------------ notifications

    def status_parameters(self, kind: str, events: list[Event], include_focus: bool = True) -> dict[str, Any]:
        params: list[dict[str, Any]] = [
            {"name": "subscription", "valueReference": {"reference": self.subscription_url}},
            {"name": "topic", "valueCanonical": TOPIC},
            {"name": "status", "valueCode": "active" if kind != "handshake" else "requested"},
            {"name": "type", "valueCode": kind},
            {"name": "events-since-subscription-start", "valueString": str(len(self.events))},
        ]
        for e in events:
            parts: list[dict[str, Any]] = [{"name": "event-number", "valueString": str(e.number)},
                                           {"name": "timestamp", "valueInstant": e.timestamp}]
            if include_focus:
                parts.append({"name": "focus", "valueReference": {"reference": f"{self.base}/{e.focus}"}})
            params.append({"name": "notification-event", "part": parts})
        return {"resourceType": "Parameters", "id": "status", "parameter": params}

    def bundle(self, kind: str, events: list[Event] = (), payload: str = "full-resource",  # type: ignore[assignment]
               resources: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
        entries: list[dict[str, Any]] = [{
            "fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000001",
            "resource": self.status_parameters(kind, list(events), include_focus=payload != "empty"),
            "request": {"method": "GET", "url": f"{self.subscription_url}/$status"},
            "response": {"status": "200"},
        }]
        if payload != "empty":
            for e in events:
                entry: dict[str, Any] = {"fullUrl": f"{self.base}/{e.focus}",
                                         "request": {"method": "PUT", "url": e.focus}, "response": {"status": "200"}}
                resource = (resources or {}).get(e.focus, self.current(e.focus))
                if payload == "full-resource" and resource is not None:
                    entry["resource"] = resource
                entries.append(entry)
        return {"resourceType": "Bundle", "type": "history", "timestamp": now_instant(), "entry": entries}

    # ------------------------------------------------------------------ HTTP

    def app(self) -> FastAPI:
        app = FastAPI()
        fhir_json = "application/fhir+json"

        @app.get("/fhir/Subscription/{sid}/$events")
        async def events(sid: str, eventsSinceNumber: int = 1, eventsUntilNumber: int | None = None) -> Response:
            self.calls.append(f"$events {eventsSinceNumber}-{eventsUntilNumber}")
            if not self.supports_events:
                return JSONResponse({"resourceType": "OperationOutcome", "issue": [
                    {"severity": "error", "code": "not-supported", "diagnostics": "no $events"}]}, 501)
            until = eventsUntilNumber or len(self.events)
            chosen = [e for e in self.events if eventsSinceNumber <= e.number <= until]
            return JSONResponse(self.bundle("query-event", chosen), media_type=fhir_json)

        @app.get("/fhir/Subscription/{sid}/$status")
        async def status(sid: str) -> Response:
            self.calls.append("$status")
            params = self.status_parameters("query-status", [])
            return JSONResponse({"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": params}]},
                                media_type=fhir_json)

        @app.post("/fhir/Subscription")
        async def create_subscription(request: Request) -> Response:
            body = await request.json()
            sid = f"s{len(self.subscriptions) + 1}"
            body = {**body, "id": sid, "status": "active"}
            self.subscriptions[sid] = body
            return JSONResponse(body, 201, headers={"Location": f"{self.base}/Subscription/{sid}/_history/1"})

        @app.get("/fhir/Subscription")
        async def list_subscriptions() -> Response:
            return JSONResponse({"resourceType": "Bundle", "type": "searchset",
                                 "entry": [{"resource": s} for s in self.subscriptions.values()]})

        @app.get("/fhir/Subscription/{sid}")
        async def read_subscription(sid: str) -> Response:
            if sid not in self.subscriptions:
                return JSONResponse({"resourceType": "OperationOutcome", "issue": []}, 404)
            return JSONResponse(self.subscriptions[sid])

        @app.put("/fhir/Subscription/{sid}")
        async def update_subscription(sid: str, request: Request) -> Response:
            body = await request.json()
            if sid not in self.subscriptions or body.get("id") != sid:
                return JSONResponse({"resourceType": "OperationOutcome", "issue": []}, 400)
            self.subscriptions[sid] = body
            return JSONResponse(body)

        @app.delete("/fhir/Subscription/{sid}")
        async def delete_subscription(sid: str) -> Response:
            if self.subscriptions.pop(sid, None) is None:
                return JSONResponse({"resourceType": "OperationOutcome", "issue": []}, 404)
            return Response(status_code=204)

        @app.get("/fhir/Patient/$export")
        async def kick_off(request: Request) -> Response:
            if request.headers.get("prefer") != "respond-async":
                return JSONResponse({"resourceType": "OperationOutcome", "issue": []}, 400)
            self.export_kickoffs += 1
            return Response(status_code=202, headers={"Content-Location": f"{self.base}/export-status/1"})

        @app.get("/fhir/export-status/{job}")
        async def export_status(job: str) -> Response:
            if self.export_polls_before_ready > 0:
                self.export_polls_before_ready -= 1
                return Response(status_code=202, headers={"Retry-After": "0", "X-Progress": "50%"})
            types = sorted({ref.split("/")[0] for ref in self.resources})
            return JSONResponse({"transactionTime": now_instant(), "request": f"{self.base}/Patient/$export",
                                 "requiresAccessToken": True,
                                 "output": [{"type": t, "url": f"{self.base}/export-files/{t}.ndjson"} for t in types]})

        @app.get("/fhir/export-files/{name}")
        async def export_file(name: str) -> Response:
            if name == self.fail_download:
                self.fail_download = None
                return PlainTextResponse("unavailable", 503)
            self.export_downloads[name] = self.export_downloads.get(name, 0) + 1
            rtype = name.split(".")[0]
            lines = [json.dumps(r) for ref, r in sorted(self.resources.items()) if ref.startswith(rtype + "/")]
            return PlainTextResponse("\n".join(lines) + "\n", media_type="application/fhir+ndjson")

        @app.get("/fhir/{rtype}/{rid}")
        async def read(rtype: str, rid: str) -> Response:
            ref = f"{rtype}/{rid}"
            self.calls.append(f"read {ref}")
            if ref in self.deleted:
                return JSONResponse({"resourceType": "OperationOutcome", "issue": []}, 410)
            resource = self.current(ref)
            if resource is None:
                return JSONResponse({"resourceType": "OperationOutcome", "issue": []}, 404)
            return JSONResponse(resource, media_type=fhir_json)

        @app.get("/fhir/{rtype}")
        async def search(rtype: str, request: Request) -> Response:
            since = (request.query_params.get("_lastUpdated") or "ge").removeprefix("ge")
            count = int(request.query_params.get("_count") or 100)
            offset = int(request.query_params.get("_offset") or 0)
            self.calls.append(f"search {rtype} since {since}")
            matches = [r for ref, r in sorted(self.resources.items())
                       if ref.startswith(rtype + "/") and r["meta"]["lastUpdated"] >= since]
            page = matches[offset: offset + count]
            links = []
            if offset + count < len(matches):
                links.append({"relation": "next", "url": f"{self.base}/{rtype}?_lastUpdated=ge{since}"
                                                         f"&_count={count}&_offset={offset + count}"})
            return JSONResponse({"resourceType": "Bundle", "type": "searchset", "total": len(matches), "link": links,
                                 "entry": [{"resource": r, "search": {"mode": "match"}} for r in page]},
                                media_type=fhir_json)

        return app


def post_notification(endpoint: str, bundle: dict[str, Any], secret: str, header: str = "X-Subscription-Secret") -> int:
    response = httpx.post(endpoint, content=json.dumps(bundle),
                          headers={header: secret, "Content-Type": "application/fhir+json"}, timeout=10.0)
    return response.status_code


def post_resource(endpoint: str, resource_type: str, resource_id: str, text: str, secret: str) -> int:
    """A classic R4 rest-hook with payload: the resource as JSON text, exactly as given."""
    response = httpx.put(f"{endpoint}/{resource_type}/{resource_id}", content=text.encode(),
                         headers={"X-Subscription-Secret": secret, "Content-Type": "application/fhir+json"}, timeout=10.0)
    return response.status_code
