"""``chartrag ingest …`` and ``chartrag subscriptions …``: files, HL7 v2, documents, Bulk export,
the worker, the MLLP listener, queue status and Subscription management.

``chartrag ingest PATHS`` (no sub-command) keeps meaning ``chartrag ingest files PATHS``.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any, TypeVar

import httpx
import typer
from rich.table import Table
from typer.core import TyperGroup

from chartrag.console import DataDir, Operator, err, fail, operator_agent, out, progress_bar, settings_for
from fhir_ingest.app import Ingestion, open_ingestion
from fhir_ingest.settings import IngestSettings
from rag_core.errors import ChartRagError
from rag_core.runtime import Runtime, build_runtime
from rag_core.settings import RagSettings

T = TypeVar("T")


class IngestGroup(TyperGroup):
    """``chartrag ingest X…`` where X is not a sub-command means ``chartrag ingest files X…``."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["files", *args]
        return super().parse_args(ctx, args)


ingest_app = typer.Typer(cls=IngestGroup, help="Load charts: files, HL7 v2, documents, Bulk export; run workers.",
                         no_args_is_help=True)
subscriptions_app = typer.Typer(help="Manage Subscription resources on a FHIR server.", no_args_is_help=True)


def _run(coro: Awaitable[T]) -> T:
    try:
        return asyncio.run(coro)  # type: ignore[arg-type]
    except ChartRagError as exc:
        raise fail(str(exc)) from None


async def _with_runtime(where: Path | RagSettings | None, body: Callable[[Runtime, Ingestion], Awaitable[T]]) -> T:
    settings = where if isinstance(where, RagSettings) else settings_for(where)
    runtime = await build_runtime(settings)  # fails first when another process holds the embedded index
    ingestion = open_ingestion(IngestSettings(), settings.data_dir)
    try:
        return await body(runtime, ingestion)
    finally:
        await ingestion.close()  # stops its workers before the index closes
        await runtime.close()


async def _drain(runtime: Runtime, ingestion: Ingestion, workers: int = 1) -> dict[str, Any]:
    pool = [ingestion.worker(runtime.indexer, runtime.settings.source_system, audit=runtime.service.audit.record)
            for _ in range(workers)]
    await asyncio.gather(*(w.run(until_empty=True) for w in pool))
    totals: dict[str, Any] = {}
    for worker in pool:
        for key, value in asdict(worker.stats).items():
            totals[key] = totals.get(key, 0) + value
    return totals


def _print(data: dict[str, Any]) -> None:
    out.print_json(json.dumps(data, default=str))


# ---------------------------------------------------------------------------------------------- files


def _audit_imports(runtime: Runtime, patients: dict[str, int | None], source: str, requester: str) -> None:
    """A bulk load is a write like any other: one ``chart_write`` import event per patient, the operator as agent."""
    for patient_id, documents in sorted(patients.items()):
        runtime.service.audit.record({"event": "chart_write", "action": "import", "patient_id": patient_id,
                                      **({"documents": documents} if documents is not None else {}),
                                      "source": source, "requester": requester, "outcome": "applied"})


async def ingest_paths(settings: RagSettings, paths: list[Path], requester: str | None = None) -> dict[str, Any]:
    """Index FHIR files (PDF/DOCX/scan attachments read too) and learn the patients' identifiers; audited per
    patient with ``requester`` (default: the OS user) as agent."""
    from fhir_ingest.sources.documents import attachment_readers
    from rag_core.documents import LoadReport, load_path

    async def body(runtime: Runtime, ingestion: Ingestion) -> dict[str, Any]:
        report = LoadReport()
        for path in paths:
            report.extend(load_path(path, runtime.settings.source_system, attachment_readers()))
        with progress_bar() as progress:
            task = progress.add_task("indexing chunks", total=runtime.indexer.count_chunks(report.documents))
            stats = await runtime.indexer.index_report(report, progress=lambda n: progress.advance(task, n))
        for patient_id, identifiers in report.identifiers.items():
            await ingestion.state.register_identifiers(patient_id, identifiers)
        per_patient: dict[str, int | None] = {}
        for doc in report.documents:
            per_patient[doc.patient_id] = (per_patient.get(doc.patient_id) or 0) + 1
        _audit_imports(runtime, per_patient, "chartrag ingest", requester or operator_agent(None))
        for line in report.errors:
            err.print(f"[yellow]rejected[/yellow] {line}")
        return {"resources": report.resources, "documents": stats.documents, "chunks": stats.chunks,
                "patients": len(report.patients), "rejected": len(report.errors), "skipped": dict(report.skipped),
                "older_versions_skipped": stats.stale}

    return await _with_runtime(settings, body)


@ingest_app.command("files")
def ingest_files(
    paths: Annotated[list[Path], typer.Argument(help="FHIR Bundle .json files, .ndjson files or folders")],
    data_dir: DataDir = None,
    operator: Operator = None,
) -> None:
    """Load FHIR Bundles / Bulk Data NDJSON into the index. Bad resources are reported and skipped."""
    _print(_run(ingest_paths(settings_for(data_dir), paths, operator_agent(operator))))


# ---------------------------------------------------------------------------------------------- HL7 v2


@ingest_app.command("hl7")
def ingest_hl7(
    files: Annotated[list[Path], typer.Argument(help="Files of HL7 v2 messages (ORU^R01, MDM^T02, ADT)")],
    data_dir: DataDir = None,
    operator: Operator = None,
) -> None:
    """Map HL7 v2 messages to FHIR and index them; messages for unknown patients are held (see status)."""
    from fhir_ingest.sources.hl7v2 import split_messages

    async def body(runtime: Runtime, ingestion: Ingestion) -> dict[str, Any]:
        queued = 0
        for path in files:
            try:
                text = path.read_text(encoding="utf-8", errors="strict")
            except (OSError, UnicodeDecodeError) as exc:
                raise ChartRagError(f"{path.name}: not readable text ({type(exc).__name__})") from None
            for message in split_messages(text):
                await ingestion.queue.put("hl7", {"message": message})
                queued += 1
        # the workers audit each chart write they make; this names the operator who queued them
        runtime.service.audit.record({"event": "cli_write", "command": "ingest hl7", "action": "import",
                                      "messages": queued, "requester": operator_agent(operator), "outcome": "queued"})
        return {"messages": queued, **await _drain(runtime, ingestion)}

    _print(_run(_with_runtime(data_dir, body)))


@ingest_app.command("mllp")
def ingest_mllp(
    host: str = "127.0.0.1",
    port: int = 2575,
    data_dir: DataDir = None,
) -> None:
    """Listen for HL7 v2 over MLLP; each message is queued, acknowledged, and indexed by the workers."""
    from fhir_ingest.sources.mllp import start_mllp

    async def body(runtime: Runtime, ingestion: Ingestion) -> None:
        server = await start_mllp(ingestion.queue, host, port)
        ingestion.start_workers(runtime.indexer, ingestion.settings.workers, runtime.settings.source_system,
                                runtime.service.audit.record)
        err.print(f"MLLP listening on {host}:{port}")
        async with server:
            await server.serve_forever()

    _run(_with_runtime(data_dir, body))


# ---------------------------------------------------------------------------------------------- documents


@ingest_app.command("documents")
def ingest_documents(
    folder: Annotated[Path, typer.Argument(help="Folder of PDF, DOCX, PNG/JPEG/TIFF scans or .txt files")],
    mapping: Annotated[Path, typer.Option(help="CSV with columns file,patient_id[,date,title]")],
    data_dir: DataDir = None,
    operator: Operator = None,
) -> None:
    """Index documents from a folder (text layer, or OCR for scans) for the patients the mapping names."""
    from fhir_ingest.sources.documents import attachment_readers
    from fhir_ingest.sources.folder import folder_resources
    from rag_core.documents import resources_to_documents

    async def body(runtime: Runtime, ingestion: Ingestion) -> dict[str, Any]:
        items = folder_resources(folder, mapping)
        started = time.perf_counter()
        report = await asyncio.to_thread(resources_to_documents, items, runtime.settings.source_system, attachment_readers())
        stats = await runtime.indexer.index_report(report)
        per_patient: dict[str, int | None] = {}
        for doc in report.documents:
            per_patient[doc.patient_id] = (per_patient.get(doc.patient_id) or 0) + 1
        _audit_imports(runtime, per_patient, "chartrag ingest documents", operator_agent(operator))
        for line in report.errors:
            err.print(f"[yellow]rejected[/yellow] {line}")
        low = [d.source.reference for d in report.documents if d.low_confidence]
        return {"files": len(items), "documents": stats.documents, "chunks": stats.chunks, "rejected": len(report.errors),
                "older_versions_skipped": stats.stale,
                "low_confidence": low, "seconds": round(time.perf_counter() - started, 2)}

    _print(_run(_with_runtime(data_dir, body)))


# ---------------------------------------------------------------------------------------------- bulk


@ingest_app.command("bulk")
def ingest_bulk(
    out_dir: Annotated[Path, typer.Option("--dir", help="Where export files are written / read")],
    server: Annotated[str | None, typer.Option(help="FHIR base URL to $export from; omit to import --dir")] = None,
    group: Annotated[str | None, typer.Option(help="Group id (Group/[id]/$export); default Patient/$export")] = None,
    types: Annotated[str | None, typer.Option("--type", help="Comma-separated _type")] = None,
    since: Annotated[str | None, typer.Option(help="_since instant")] = None,
    token: Annotated[str | None, typer.Option(envvar="CHARTRAG_INGEST_FHIR_TOKEN", help="Bearer token")] = None,
    resume: Annotated[bool, typer.Option(help="Skip files already imported")] = True,
    data_dir: DataDir = None,
    operator: Operator = None,
) -> None:
    """Bulk Data $export: kick-off, poll, download (resumable), then import NDJSON file by file."""
    from fhir_ingest.sources.bulk import BulkExportClient, import_files
    from fhir_ingest.sources.documents import attachment_readers

    async def body(runtime: Runtime, ingestion: Ingestion) -> dict[str, Any]:
        if server:
            async with httpx.AsyncClient(timeout=60.0) as client:
                files = await BulkExportClient(server, client, token).export(
                    out_dir, group, types.split(",") if types else None, since,
                    on_wait=lambda p: err.print(f"export: {p}"), on_file=lambda f: err.print(f"downloaded {f}"))
        else:
            files = local
        started = time.perf_counter()
        written: set[str] = set()  # the patients whose charts the import wrote (the indexer names them)
        runtime.indexer.listeners.append(written.update)
        with progress_bar() as progress:
            task = progress.add_task("importing files", total=len(files))
            stats = await import_files(files, runtime.indexer, ingestion.state, runtime.settings.source_system,
                                       attachment_readers(), resume, on_file=lambda _n, _r: progress.advance(task))
        _audit_imports(runtime, dict.fromkeys(written), "chartrag ingest bulk", operator_agent(operator))
        seconds = time.perf_counter() - started
        for line in stats.rejected:
            err.print(f"[yellow]rejected[/yellow] {line}")
        return {**asdict(stats), "rejected": len(stats.rejected), "seconds": round(seconds, 2),
                "resources_per_s": round(stats.resources / seconds, 1) if seconds and stats.resources else None}

    local = sorted(out_dir.glob("*.ndjson")) if not server else []
    if not server and not local:
        raise fail(f"{out_dir}: no .ndjson files to import (give --server to export first)")
    _print(_run(_with_runtime(data_dir, body)))


# ---------------------------------------------------------------------------------------------- worker & status


@ingest_app.command("worker")
def ingest_worker(
    workers: Annotated[int, typer.Option(help="Concurrent workers in this process")] = 1,
    until_empty: Annotated[bool, typer.Option(help="Exit once the queue is drained")] = False,
    data_dir: DataDir = None,
) -> None:
    """Process queued notifications and messages. With the embedded index, run it where nothing else
    holds the index (or let `chartrag serve` run the workers); with a Qdrant server, run as many as you like."""

    async def body(runtime: Runtime, ingestion: Ingestion) -> dict[str, Any]:
        if until_empty:
            return await _drain(runtime, ingestion, workers)
        ingestion.start_workers(runtime.indexer, workers, runtime.settings.source_system, runtime.service.audit.record)
        err.print(f"{workers} ingest worker(s) running on the {ingestion.queue.backend} queue")
        await asyncio.Event().wait()
        return {}

    _print(_run(_with_runtime(data_dir, body)))


def _status_report(data_dir: Path | None) -> dict[str, Any]:
    settings = settings_for(data_dir)

    async def gather() -> dict[str, Any]:
        ingestion = open_ingestion(IngestSettings(), settings.data_dir)
        try:
            stats = await ingestion.queue.stats()
            dead = await ingestion.queue.dead_letters()
            held = await ingestion.state.held()
            subs = await ingestion.state.subscriptions()
        finally:
            await ingestion.close()
        now = time.time()
        return {
            "queue": asdict(stats),
            "dead_letters": [asdict(d) for d in dead],
            "held_hl7": [{"reason": h["reason"], "since": h["at"]} for h in held],
            "subscriptions": [{
                "subscription": s.url, "status": s.status, "topic": s.topic, "processed_through": s.mark,
                "highest_known": s.highest_known, "missing": s.missing(ingestion.state.max_gap), "notifications": s.notifications,
                "heartbeats": s.heartbeats, "seconds_since_contact": round(now - s.last_seen, 1) if s.last_seen else None,
                "flagged": s.flagged} for s in subs],
        }

    return _run(gather())


@ingest_app.command("status")
def ingest_status(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables")] = False,
    data_dir: DataDir = None,
) -> None:
    """Queue depth, dead letters, held HL7 messages and each Subscription's progress and health."""
    report = _status_report(data_dir)
    if as_json:
        _print(report)
        return
    q = report["queue"]
    out.print(f"queue ({q['backend']}): {q['ready']} ready · {q['in_flight']} in flight · {q['delayed']} waiting to retry "
              f"· {q['dead']} dead")
    if report["dead_letters"]:
        table = Table("job", "kind", "attempts", "error", title="dead letters")
        for d in report["dead_letters"]:
            table.add_row(d["job_id"][:12], d["kind"], str(d["attempts"]), d["error"])
        out.print(table)
    if report["held_hl7"]:
        out.print(f"{len(report['held_hl7'])} HL7 v2 message(s) held: patient identifier not known")
    if report["subscriptions"]:
        table = Table("subscription", "status", "processed", "missing", "last contact (s)", "flag", title="subscriptions")
        for s in report["subscriptions"]:
            table.add_row(s["subscription"], s["status"], f"{s['processed_through']}/{s['highest_known']}",
                          ",".join(map(str, s["missing"])) or "-", str(s["seconds_since_contact"]), s["flagged"] or "")
        out.print(table)


@ingest_app.command("retry-dead")
def ingest_retry_dead(data_dir: DataDir = None) -> None:
    """Put every dead-lettered job back on the queue (after fixing what made it fail)."""

    async def body() -> int:
        ingestion = open_ingestion(IngestSettings(), settings_for(data_dir).data_dir)
        try:
            return await ingestion.queue.requeue_dead()
        finally:
            await ingestion.close()

    _print({"requeued": _run(body())})


# ---------------------------------------------------------------------------------------------- subscriptions

Server = Annotated[str, typer.Option("--server", help="FHIR base URL")]
Token = Annotated[str | None, typer.Option(envvar="CHARTRAG_INGEST_FHIR_TOKEN", help="Bearer token for the server")]


@subscriptions_app.command("create")
def subscriptions_create(
    server: Server,
    endpoint: Annotated[str, typer.Option(help="Our notification URL, e.g. https://chartrag.example/fhir/notify")],
    topic: Annotated[str | None, typer.Option(help="SubscriptionTopic canonical URL (Backport IG)")] = None,
    criteria: Annotated[str | None, typer.Option(help="Classic R4 criteria, e.g. 'Observation?category=laboratory'")] = None,
    filter_: Annotated[list[str] | None, typer.Option("--filter", help="Backport filter criteria (repeatable)")] = None,
    payload: Annotated[str, typer.Option(help="empty | id-only | full-resource")] = "id-only",
    heartbeat: Annotated[int, typer.Option(help="Heartbeat period, seconds")] = 60,
    secret: Annotated[str | None, typer.Option(envvar="CHARTRAG_INGEST_CHANNEL_SECRET", help="Channel secret")] = None,
    header: Annotated[str, typer.Option(envvar="CHARTRAG_INGEST_CHANNEL_HEADER")] = "X-Subscription-Secret",
    token: Token = None,
    data_dir: DataDir = None,
) -> None:
    """Create a rest-hook Subscription pointing at our endpoint, with the channel secret header."""
    from fhir_ingest.subscriptions import SubscriptionManager, heartbeat_of, subscription_resource

    if payload not in ("empty", "id-only", "full-resource"):
        raise fail("--payload must be empty, id-only or full-resource")
    if not secret:
        raise fail("a channel secret is required (--secret or CHARTRAG_INGEST_CHANNEL_SECRET)")
    try:
        resource = subscription_resource(endpoint, header, secret, topic, criteria, filter_, payload, heartbeat)  # type: ignore[arg-type]
    except ValueError as exc:
        raise fail(str(exc)) from None

    async def body() -> dict[str, Any]:
        async with httpx.AsyncClient(timeout=30.0) as client:
            created = await SubscriptionManager(server, client, token).create(resource)
        ingestion = open_ingestion(IngestSettings(), settings_for(data_dir).data_dir)
        try:
            url = f"{server.rstrip('/')}/Subscription/{created.get('id')}"
            await ingestion.state.update_subscription(url, topic=topic, heartbeat_period=heartbeat_of(created) or heartbeat,
                                                      status=str(created.get("status") or "requested"))
        finally:
            await ingestion.close()
        return {"id": created.get("id"), "status": created.get("status"), "criteria": created.get("criteria")}

    _print(_run(body()))


@subscriptions_app.command("list")
def subscriptions_list(server: Server, token: Token = None) -> None:
    """List Subscription resources on the server."""
    from fhir_ingest.subscriptions import SubscriptionManager

    async def body() -> list[dict[str, Any]]:
        async with httpx.AsyncClient(timeout=30.0) as client:
            return await SubscriptionManager(server, client, token).list()

    subs = _run(body())
    table = Table("id", "status", "criteria", "endpoint")
    for s in subs:
        table.add_row(str(s.get("id")), str(s.get("status")), str(s.get("criteria")),
                      str((s.get("channel") or {}).get("endpoint")))
    out.print(table)


@subscriptions_app.command("reactivate")
def subscriptions_reactivate(subscription_id: str, server: Server, token: Token = None) -> None:
    """Ask the server to reactivate a Subscription in error/off (sets status 'requested')."""
    from fhir_ingest.subscriptions import SubscriptionManager

    async def body() -> dict[str, Any]:
        async with httpx.AsyncClient(timeout=30.0) as client:
            return await SubscriptionManager(server, client, token).reactivate(subscription_id)

    updated = _run(body())
    out.print(f"Subscription/{subscription_id}: status {updated.get('status')}")


@subscriptions_app.command("delete")
def subscriptions_delete(subscription_id: str, server: Server, token: Token = None) -> None:
    """Delete a Subscription resource."""
    from fhir_ingest.subscriptions import SubscriptionManager

    async def body() -> None:
        async with httpx.AsyncClient(timeout=30.0) as client:
            await SubscriptionManager(server, client, token).delete(subscription_id)

    _run(body())
    out.print(f"deleted Subscription/{subscription_id}")
