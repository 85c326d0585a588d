"""Workers: claim a batch of jobs → plan each (parse, fetch what was not included, map, render) →
apply the batch under per-resource locks (version check, one batched embed + upsert, deletes) →
record versions and processed event numbers → ack. A crash anywhere before the ack leaves the
jobs to be delivered again; replaying them rewrites the same chunk ids (UUIDv5 of the version), and a
version already recorded is skipped, so effects happen once.

Between batches a worker also schedules gap recovery (event numbers still missing after the grace
period → ``$events``, else a ``_lastUpdated`` search) and runs the heartbeat watchdog (a Subscription
silent for two heartbeat periods gets a ``$status`` call and is flagged).
"""

from __future__ import annotations

import asyncio
import base64
import copy
import logging
import os
import re
import socket
import time
from collections.abc import Callable, Iterable
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from fhir_ingest.errors import Hl7Error, NotificationError, SourceError, SourceUnsupported
from fhir_ingest.fhir_source import FhirSource
from fhir_ingest.notifications import Event, Notification, parse_notification, relative
from fhir_ingest.queue import Job, JobQueue
from fhir_ingest.settings import IngestSettings
from fhir_ingest.sources.hl7v2 import map_message
from fhir_ingest.state import IngestState, ResourceVersion, is_newer
from fhir_ingest.store import locked
from rag_core.documents import AttachmentReaders, resources_to_documents
from rag_core.errors import IngestError, ResourceError
from rag_core.indexing import Indexer
from rag_core.models import PATIENT_DATA, ClinicalDocument
from rag_core.phi.record import RecordIdentifiers
from rag_core.telemetry import METRICS, span
from rag_core.wire import fhir_loads

log = logging.getLogger("chartrag.ingest")
_FRACTION = re.compile(r"(\.\d{6})\d+")


class PoisonJob(IngestError):
    """A job that can never succeed (malformed content): dead-lettered at once, not retried."""


@dataclass
class Plan:
    upserts: list[dict[str, Any]] = field(default_factory=list)
    deletes: list[str] = field(default_factory=list)
    processed: dict[str, dict[int, str | None]] = field(default_factory=dict)  # subscription → number → time
    foci: dict[str, dict[int, str]] = field(default_factory=dict)  # subscription → number → resource it carried
    reused: dict[str, list[int]] = field(default_factory=dict)  # numbers that came again for another resource
    # rendered while planning (a resource that cannot be read fails its job, not the batch):
    # (reference, versionId) → its documents
    documents: dict[tuple[str, str | None], list[ClinicalDocument]] = field(default_factory=dict)
    state_updates: dict[str, Any] = field(default_factory=dict)  # written only once the batch is applied


@dataclass
class WorkerStats:
    jobs: int = 0
    resources_indexed: int = 0
    chunks: int = 0
    deleted: int = 0
    duplicates: int = 0  # event numbers already processed
    stale: int = 0  # resource versions older than (or equal to) what is indexed
    held: int = 0
    retried: int = 0
    dead: int = 0
    recoveries: int = 0
    flagged: int = 0
    reused: int = 0  # event numbers seen before but carrying a different resource: processed, flagged


def version_of(resource: dict[str, Any]) -> tuple[str | None, str | None]:
    meta = resource.get("meta") or {}
    version = meta.get("versionId")
    return (str(version) if version is not None else None), meta.get("lastUpdated")


def _instant(value: str) -> datetime:
    parsed = datetime.fromisoformat(_FRACTION.sub(r"\1", value.replace("Z", "+00:00")))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def since_param(timestamp: str | None, margin_seconds: float = 60.0) -> str:
    """A ``_lastUpdated=ge…`` value a little before ``timestamp`` (clock skew), or a day back when unknown."""
    try:
        moment = _instant(timestamp) if timestamp else datetime.now(UTC) - timedelta(days=1)
    except ValueError:
        moment = datetime.now(UTC) - timedelta(days=1)
    return (moment - timedelta(seconds=margin_seconds)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Worker:
    def __init__(
        self,
        queue: JobQueue,
        state: IngestState,
        indexer: Indexer,
        settings: IngestSettings,
        source: FhirSource | None = None,
        readers: AttachmentReaders | None = None,
        source_system: str = "urn:chartrag:local",
        name: str | None = None,
        audit: Callable[[dict[str, Any]], object] | None = None,
    ) -> None:
        self.audit = audit  # every chart write is an audit event (references and patient, never content)
        self.queue, self.state, self.indexer, self.settings = queue, state, indexer, settings
        self.source, self.readers, self.source_system = source, readers or {}, source_system
        self.name = name or f"{socket.gethostname()}-{os.getpid()}-{id(self) % 10000}"
        self.stats = WorkerStats()
        self._last_watchdog = 0.0
        self._last_gap_check = 0.0
        self._batch_events: dict[tuple[str, int], str] = {}  # (subscription, number) planned in this batch → focus

    # ------------------------------------------------------------------ loop

    async def run(self, stop: asyncio.Event | None = None, until_empty: bool = False) -> WorkerStats:
        stop = stop or asyncio.Event()
        pause = 0.01
        while not stop.is_set():
            try:
                jobs = await self.queue.claim(self.name, self.settings.batch_size, self.settings.lease_seconds)
                if jobs:
                    await self.process(jobs)
                    pause = 0.01
                await self.tick()
                if not jobs and until_empty and await self.idle():
                    break
            except Exception as exc:  # the queue or state store is down: keep the worker alive, try again
                log.warning("ingest worker %s: %s; retrying", self.name, type(exc).__name__)
                jobs = []
                pause = 1.0
            if not jobs:
                await asyncio.sleep(pause)  # an idle queue is polled less often, never less than 10 times a second
                pause = min(pause * 2, 0.1) if pause < 1.0 else 0.1
        return self.stats

    async def idle(self) -> bool:
        """Nothing queued, and no missed event waiting for a recovery job to be scheduled."""
        stats = await self.queue.stats()
        if stats.ready or stats.in_flight or stats.delayed:
            return False
        if self.source is None:
            return True
        return not any(set(s.missing(self.state.max_gap)) - set(s.recovering) or s.catch_up
                       for s in await self.state.subscriptions())

    async def tick(self, now: float | None = None) -> None:
        now = now or time.time()
        if now - self._last_gap_check >= min(0.5, self.settings.gap_grace_seconds / 2):
            self._last_gap_check = now
            await self.schedule_recoveries(now)
        if now - self._last_watchdog >= self.settings.watchdog_interval_seconds:
            self._last_watchdog = now
            await self.watchdog(now)

    # ------------------------------------------------------------------ batch

    async def process(self, jobs: list[Job]) -> None:
        with span("chartrag.ingest.batch", **{"chartrag.jobs": len(jobs)}):
            await self._process(jobs)
        METRICS.ingest_jobs.inc(len(jobs))

    async def _process(self, jobs: list[Job]) -> None:
        planned: list[tuple[Job, Plan]] = []
        self._batch_events = {}
        for job in jobs:
            try:
                planned.append((job, await self.plan(job)))
            except (PoisonJob, NotificationError, ResourceError, Hl7Error) as exc:
                await self._dead(job, f"{type(exc).__name__}: {exc}")
            except (SourceError, TimeoutError, OSError) as exc:
                await self._retry(job, f"{type(exc).__name__}: {exc}")
            except Exception as exc:  # unexpected: retried, and dead-lettered if it keeps failing
                log.warning("ingest job %s (%s) failed unexpectedly: %s", job.job_id, job.kind, type(exc).__name__)
                await self._retry(job, f"unexpected {type(exc).__name__}")
        if not planned:
            return
        try:
            await self.apply([p for _, p in planned])
        except Exception as exc:  # the index or the state store failed: every job in the batch is retried
            log.warning("ingest batch of %d failed (%s); retrying", len(planned), type(exc).__name__)
            for job, _ in planned:
                await self._retry(job, f"{type(exc).__name__} while indexing")
            return
        for _, plan in planned:
            for subscription, numbers in plan.processed.items():
                await self.state.mark_processed(subscription, numbers, plan.foci.get(subscription),
                                                plan.reused.get(subscription))
            for key, value in plan.state_updates.items():
                await self.state.kv.put(key, value)
        await self.queue.ack([job for job, _ in planned])
        self.stats.jobs += len(planned)

    async def _retry(self, job: Job, error: str) -> None:
        if await self.queue.fail(job, error, self.settings.max_attempts, self.settings.backoff_seconds):
            await self._buried(job)
        else:
            self.stats.retried += 1

    async def _dead(self, job: Job, error: str) -> None:
        await self.queue.fail(job, error, 1, self.settings.backoff_seconds)
        await self._buried(job)

    async def _buried(self, job: Job) -> None:
        self.stats.dead += 1
        log.warning("ingest job %s (%s) moved to the dead-letter list", job.job_id, job.kind)
        if job.kind == "recover":  # the numbers stay claimed (no retry storm); retry-dead runs it again
            await self.state.update_subscription(
                job.body["subscription"],
                flagged=f"recovery of {len(job.body['numbers'])} missed event(s) failed; see dead letters")

    # ------------------------------------------------------------------ planning

    async def plan(self, job: Job) -> Plan:
        plan = await self._plan(job)
        if plan.upserts:
            report = await asyncio.to_thread(
                resources_to_documents, [(f"{r['resourceType']}/{r['id']}", r) for r in plan.upserts],
                self.source_system, self.readers)
            if report.errors:  # references and reasons only
                raise PoisonJob("; ".join(str(e) for e in report.errors[:3]))
            for doc in report.documents:
                plan.documents.setdefault((doc.source.reference, doc.source.version_id), []).append(doc)
        return plan

    async def _plan(self, job: Job) -> Plan:
        body = job.body
        if job.kind == "notification":  # queued as the text that was sent (exact decimals), or as JSON
            bundle = fhir_loads(body["bundle_json"]) if "bundle_json" in body else body["bundle"]
            return await self._plan_notification(parse_notification(bundle))
        if job.kind == "resource":
            resource = fhir_loads(body["resource_json"]) if "resource_json" in body else body["resource"]
            return await self._resources(Plan(), [resource])
        if job.kind == "fetch":
            return await self._fetch_into(Plan(), [body["reference"]])
        if job.kind == "delete":
            return Plan(deletes=[relative(body["reference"])])
        if job.kind == "recover":
            return await self._plan_recovery(body["subscription"], body["numbers"], body.get("since"), body.get("topic"))
        if job.kind == "catch-up":  # a counter jump: one time-based search instead of numbered gaps
            self.stats.recoveries += 1
            plan = Plan()
            await self._search_since(plan, body.get("topic"), body.get("since"))
            return plan
        if job.kind == "query":
            return await self._plan_query(body.get("criteria") or [], body.get("since"))
        if job.kind == "hl7":
            return await self._plan_hl7(job.job_id, body["message"])
        raise PoisonJob(f"unknown job kind {job.kind!r}")

    def _need_source(self) -> FhirSource:
        if self.source is None:
            raise SourceError("no FHIR server configured (CHARTRAG_INGEST_FHIR_BASE_URL) to read from")
        return self.source

    async def _resources(self, plan: Plan, resources: Iterable[dict[str, Any]]) -> Plan:
        for resource in resources:  # validated (R4B) when plan() renders them
            if not isinstance(resource, dict) or not resource.get("resourceType") or not resource.get("id"):
                raise PoisonJob("resource has no resourceType or id")
            plan.upserts.append(await self._inline_attachments(resource))
        return plan

    async def _inline_attachments(self, resource: dict[str, Any]) -> dict[str, Any]:
        """DocumentReference/DiagnosticReport attachments given by URL are read from the server (into a copy)."""
        def by_url(r: dict[str, Any]) -> list[dict[str, Any]]:
            holders = [c.get("attachment") or {} for c in r.get("content") or []] + list(r.get("presentedForm") or [])
            return [a for a in holders if a.get("url") and "data" not in a]

        if not by_url(resource):
            return resource
        resource = copy.deepcopy(resource)
        for attachment in by_url(resource):
            attachment["data"] = base64.b64encode(await self._need_source().binary(attachment["url"])).decode()
        return resource

    async def _fetch_into(self, plan: Plan, references: Iterable[str]) -> Plan:
        source = self._need_source()
        for reference in references:
            resource = await source.read(reference)
            if resource is None:
                plan.deletes.append(relative(reference))
            else:
                await self._resources(plan, [resource])
        return plan

    async def _events(self, plan: Plan, n: Notification, wanted: set[int] | None = None) -> set[int]:
        """Plan the notification's events; returns the event numbers covered."""
        st = await self.state.subscription(n.subscription)
        covered: set[int] = set()
        needs_query: list[Event] = []
        for event in n.events:
            if event.number is not None:
                if wanted is not None and event.number not in wanted:
                    continue
                focus = relative(event.focus) if event.focus else ""
                key = (n.subscription, event.number)
                recorded = self._batch_events.get(key) or (st.foci.get(str(event.number)) if st is not None else None)
                seen = (st is not None and st.is_seen(event.number)) or key in self._batch_events
                if seen and (recorded is None or recorded == focus or not focus):
                    self.stats.duplicates += 1
                    continue
                if seen:  # the same number for another resource: a server bug, never a reason to drop data
                    self.stats.reused += 1
                    plan.reused.setdefault(n.subscription, []).append(event.number)
                    log.warning("subscription event number reused for a different resource; processing it")
                self._batch_events[key] = focus
                covered.add(event.number)
                plan.processed.setdefault(n.subscription, {})[event.number] = event.timestamp
                if focus:
                    plan.foci.setdefault(n.subscription, {})[event.number] = focus
            if event.focus is None:
                needs_query.append(event)
                continue
            for reference in (event.focus, *event.additional_context):
                included = n.resource_for(reference)
                if included is not None:
                    await self._resources(plan, [included])
                else:
                    await self._fetch_into(plan, [reference])
        if needs_query:  # empty payload: ask the server what changed since the last event we know
            since = (st.mark_timestamp if st else None) or min(e.timestamp or "" for e in needs_query) or None
            await self._search_since(plan, n.topic, since)
        return covered

    async def _plan_notification(self, n: Notification) -> Plan:
        numbers = [e.number for e in n.events if e.number is not None]
        await self.state.observe(n.subscription, n.type, n.status, n.topic, numbers, n.events_since_start)
        plan = Plan()
        if n.type in ("event-notification", "query-event"):
            await self._events(plan, n)
        return plan

    async def _search_since(self, plan: Plan, topic: str | None, since: str | None) -> None:
        source = self._need_source()
        types = self.settings.topic_types.get(topic or "", self.settings.recovery_types)
        for resource_type in types:
            async for resource in source.search(resource_type, {"_lastUpdated": f"ge{since_param(since)}", "_count": "100"}):
                await self._resources(plan, [resource])

    async def _plan_recovery(self, subscription: str, numbers: list[int], since: str | None, topic: str | None) -> Plan:
        self.stats.recoveries += 1
        plan = Plan()
        wanted = set(numbers)
        try:
            recovered = await self._need_source().events(subscription, min(numbers), max(numbers))
            wanted -= await self._events(plan, recovered, wanted)
        except SourceUnsupported:
            log.info("subscription server offers no $events; recovering %d event(s) by _lastUpdated", len(wanted))
        st = await self.state.subscription(subscription)
        wanted = {n for n in wanted if st is None or not st.is_seen(n)}
        if wanted:
            await self._search_since(plan, topic or (st.topic if st else None), since)
            for number in wanted:
                plan.processed.setdefault(subscription, {})[number] = None
        return plan

    async def _plan_query(self, criteria: list[str], since: str | None) -> Plan:
        """Classic rest-hook without payload: re-run the subscription criteria for what changed."""
        plan = Plan()
        source = self._need_source()
        started = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        last = since or await self.state.kv.get("classic:last_query")
        for criterion in criteria:
            resource_type, _, query = criterion.partition("?")
            params = dict(p.split("=", 1) for p in query.split("&") if "=" in p)
            params["_lastUpdated"] = f"ge{since_param(last)}"
            async for resource in source.search(resource_type, params):
                await self._resources(plan, [resource])
        plan.state_updates["classic:last_query"] = started
        return plan

    async def _plan_hl7(self, job_id: str, message: str) -> Plan:
        mapped = await map_message(message, self.state.patient_for, self.settings.hl7_authorities)
        if mapped.patient_id is None:
            await self.state.hold(f"{mapped.control_id}:{job_id}", "hl7", {"message": message},
                                  "patient identifier not known")
            self.stats.held += 1
            return Plan()
        return await self._resources(Plan(), mapped.resources)

    # ------------------------------------------------------------------ applying

    async def apply(self, plans: list[Plan]) -> None:
        rendered = {key: docs for p in plans for key, docs in p.documents.items()}
        latest: dict[str, dict[str, Any]] = {}
        for resource in (r for p in plans for r in p.upserts):
            ref = f"{resource['resourceType']}/{resource['id']}"
            current = latest.get(ref)
            if current is None or is_newer(*version_of(resource), ResourceVersion(*version_of(current), None)):
                latest[ref] = resource
        deletes = {ref for p in plans for ref in p.deletes}
        refs = sorted(set(latest) | deletes)
        if not refs:
            return
        async with AsyncExitStack() as stack:
            for ref in refs:  # sorted: two workers never wait on each other's locks in a cycle
                await stack.enter_async_context(locked(self.state.kv, f"res:{ref}", self.settings.lease_seconds))
            await self._apply_locked(refs, latest, deletes, rendered)

    async def _apply_locked(
        self, refs: list[str], latest: dict[str, dict[str, Any]], deletes: set[str],
        rendered: dict[tuple[str, str | None], list[ClinicalDocument]],
    ) -> None:
        to_index: list[tuple[str, dict[str, Any]]] = []
        to_delete: list[tuple[str, ResourceVersion | None, ResourceVersion]] = []
        existed: dict[str, bool] = {}  # an earlier version was indexed: this write is an update
        patients: list[dict[str, Any]] = []
        for ref in refs:
            stored = await self.state.version(ref)
            resource = latest.get(ref)
            if resource is None or ref in deletes:  # a read that found it gone is the server's current truth
                to_delete.append((ref, stored, ResourceVersion(None, None, stored.patient_id if stored else None, True)))
                continue
            version, updated = version_of(resource)
            if not is_newer(version, updated, stored):
                self.stats.stale += 1
                continue
            existed[ref] = stored is not None and not stored.deleted
            if resource.get("resourceType") == "Patient":
                patients.append(resource)
            if resource.get("status") == "entered-in-error":
                to_delete.append((ref, stored, ResourceVersion(version, updated, stored.patient_id if stored else None, True)))
                continue
            to_index.append((ref, resource))
        docs_by_ref = {ref: rendered.get((ref, version_of(r)[0]), []) for ref, r in to_index}
        documents = [d for docs in docs_by_ref.values() for d in docs]
        if documents:
            stats = await self.indexer.index_documents(documents)
            self.stats.chunks += stats.chunks
            self.stats.stale += stats.stale  # newer in the index than in this worker's record (a file import)
        for ref, resource in to_index:
            docs = docs_by_ref.get(ref, [])
            if not docs:  # nothing to show any more (or never): drop what an earlier version left
                rtype, rid = ref.split("/", 1)
                await self.indexer.index.delete_resources(PATIENT_DATA, rtype, [rid])
            version, updated = version_of(resource)
            await self.state.set_version(ref, ResourceVersion(version, updated, docs[0].patient_id if docs else None))
            self.stats.resources_indexed += 1
        writes: dict[tuple[str | None, str], list[str]] = {}
        for ref, _ in to_index:
            docs = docs_by_ref.get(ref) or []
            action = "update" if existed.get(ref) else "create"
            writes.setdefault((docs[0].patient_id if docs else None, action), []).append(ref)
        for ref, stored, tombstone in to_delete:
            rtype, rid = ref.split("/", 1)
            await self.indexer.delete(rtype, rid, stored.patient_id if stored else None)
            await self.state.set_version(ref, tombstone)
            self.stats.deleted += 1
            writes.setdefault((stored.patient_id if stored else None, "delete"), []).append(ref)
        if self.audit is not None:
            for (patient, action), refs in writes.items():
                self.audit({"event": "chart_write", "action": action, "patient_id": patient, "references": refs,
                            "source": "fhir_ingest", "requester": f"worker:{self.name}", "outcome": "applied"})
        records: dict[str, RecordIdentifiers] = {}
        for ref, resource in to_index:
            docs = docs_by_ref.get(ref) or []
            patient_id = str(resource["id"]) if resource.get("resourceType") == "Patient" else \
                (docs[0].patient_id if docs else None)
            if patient_id:
                records.setdefault(patient_id, RecordIdentifiers()).merge(RecordIdentifiers.from_resources([resource]))
        await asyncio.to_thread(self.indexer.remember, records)
        if patients:
            await self._register(patients)

    async def _register(self, patients: list[dict[str, Any]]) -> None:
        for patient in patients:
            identifiers = [(str(i.get("system") or ""), str(i.get("value") or "")) for i in patient.get("identifier") or []]
            await self.state.register_identifiers(str(patient["id"]), identifiers)
        for held in await self.state.take_held():  # a new patient may be the one a held message waits for
            await self.queue.put(held["kind"], held["body"])

    # ------------------------------------------------------------------ gaps and heartbeats

    async def schedule_recoveries(self, now: float) -> None:
        for st in await self.state.subscriptions():
            if st.catch_up and self.source is not None:
                claimed = await self.state.due_catch_up(st.url, self.settings.catch_up_interval_seconds, now)
                if claimed is not None:
                    log.info("subscription counter jump: one time-based catch-up queued")
                    await self.queue.put("catch-up", {"subscription": st.url, "since": claimed.mark_timestamp,
                                                      "topic": claimed.topic})
            if not st.missing(self.state.max_gap):
                continue
            if self.source is None:  # nowhere to recover from: say so once, do not queue doomed jobs
                reason = "events missing; set CHARTRAG_INGEST_FHIR_BASE_URL to recover them"
                if st.flagged != reason:
                    await self.state.update_subscription(st.url, flagged=reason)
                continue
            due, since = await self.state.due_gaps(st.url, self.settings.gap_grace_seconds, now)
            if due:
                log.info("subscription gap: %d event(s) missing; recovering", len(due))
                await self.queue.put("recover", {"subscription": st.url, "numbers": due, "since": since, "topic": st.topic})

    async def watchdog(self, now: float) -> None:
        for st in await self.state.subscriptions():
            period = st.heartbeat_period or self.settings.heartbeat_period_seconds
            if st.status not in ("active", "requested") or not st.last_seen or now - st.last_seen <= 2 * period:
                continue
            if now - st.last_status_check < period:
                continue
            silent = int(now - st.last_seen)
            reason = f"no notification for {silent} s (heartbeat every {int(period)} s)"
            try:
                status = await self._need_source().status(st.url)
                reason += f"; server reports status {status.status}, {status.events_since_start} event(s) since start"
                if status.events_since_start:
                    await self.state.observe(st.url, "query-status", status.status, status.topic, [],
                                             status.events_since_start, now=st.last_seen)
            except SourceError as exc:
                reason += f"; $status failed ({exc})"
            await self.state.update_subscription(st.url, flagged=reason, last_status_check=now)
            self.stats.flagged += 1
            log.warning("subscription flagged silent: %s", reason)
