"""``chartrag audit``: verify the keyed, anchored log; acknowledge a bad checkpoint after investigating it;
install its PostgreSQL anchor; export AuditEvents."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer

from chartrag.console import EXIT_AUDIT_BROKEN, DataDir, Operator, err, fail, operator_agent, out, settings_for
from rag_core.audit import AuditKey, AuditKeyError, Checkpoint, JsonlAuditLog, acknowledgment, records, verify, verify_legacy
from rag_core.audit_fhir import audit_event, matches
from rag_core.settings import RagSettings

audit_app = typer.Typer(help="Audit log commands.", no_args_is_help=True)


def _key(settings: RagSettings) -> AuditKey:
    from rag_core.audit_keyfile import load_audit_key

    try:
        return load_audit_key(settings, create=False)
    except AuditKeyError as exc:
        raise fail(str(exc)) from None


def _key_file(settings: RagSettings) -> Path:
    from rag_core.audit_keyfile import audit_key_file

    try:
        return audit_key_file(settings)
    except AuditKeyError as exc:
        raise fail(str(exc)) from None


def _checkpoints(settings: RagSettings, key: AuditKey) -> list[Checkpoint] | None:
    import psycopg

    from rag_core.audit_store import configured_checkpoints

    try:
        return configured_checkpoints(settings, key.log_id)
    except psycopg.Error as exc:
        raise fail(f"audit checkpoints could not be read from PostgreSQL ({type(exc).__name__}); "
                   "verification needs them when CHARTRAG_AUDIT_DSN is set") from exc


def verified_records(settings: RagSettings) -> list[dict[str, Any]]:
    """The log's records, only once it verifies (else exit 3)."""
    return list(_verified(settings)[1])


def _verified(settings: RagSettings) -> tuple[AuditKey, Iterable[dict[str, Any]]]:
    """The key and the log's records (read lazily), once the log verifies (else exit 3)."""
    key = _key(settings)
    target = settings.resolved_audit_path
    checked = verify(target, key, _checkpoints(settings, key))
    if not checked.ok:
        err.print(f"the audit log does not verify ({checked.reason})")
        raise typer.Exit(EXIT_AUDIT_BROKEN)
    return key, records(target) if target.exists() else iter(())


# The data dirs the product writes by default: `chartrag serve` / `ingest` / `ask`, and `chartrag demo`.
DEFAULT_DATA_DIRS = (Path(".chartrag"), Path(".chartrag-demo"))


def _written_data_dir(data_dir: Path | None) -> Path | None:
    """The data dir to verify: the one given (--data-dir or CHARTRAG_DATA_DIR), else the default one
    that holds an audit log (the demo writes .chartrag-demo); None when neither does."""
    if data_dir is not None or os.environ.get("CHARTRAG_DATA_DIR"):
        return data_dir
    for candidate in DEFAULT_DATA_DIRS:
        if (candidate / "audit.jsonl").exists():
            if candidate != DEFAULT_DATA_DIRS[0]:
                err.print(f"verifying {candidate}/audit.jsonl (the demo's data dir; --data-dir to choose another)")
            return candidate
    return None


@audit_app.command("verify")
def audit_verify(
    path: Annotated[Path | None, typer.Argument(help="Audit JSONL (default <data-dir>/audit.jsonl)")] = None,
    data_dir: DataDir = None,
    legacy: Annotated[bool, typer.Option(help="A log written before the keyed format (unkeyed SHA-256 chain)")] = False,
) -> None:
    """Recompute the keyed chain and check it against the PostgreSQL checkpoints; exit 3 if any record
    was altered, dropped, reordered or rewritten, or the log was truncated, emptied or deleted; exit 1
    when there is no log where one was expected and no checkpoint says one existed."""
    settings = settings_for(data_dir if path is not None else _written_data_dir(data_dir))
    target = path or settings.resolved_audit_path
    if legacy:
        if not target.exists():
            raise fail(f"no audit log at {target}")
        result = verify_legacy(target)
    else:
        if not target.exists() and not (settings.audit_key or _key_file(settings).exists()):
            raise fail(f"no audit log at {target} (and no audit key beside it): give the data dir the product "
                       f"wrote with --data-dir (`chartrag demo` writes {DEFAULT_DATA_DIRS[1]})")
        key = _key(settings)
        result = verify(target, key, _checkpoints(settings, key))
        if result.ok and not target.exists():  # no checkpoint says a log existed here: nothing to verify
            raise fail(f"no audit log at {target}: nothing was verified (give the data dir the product wrote "
                       "with --data-dir)")
    out.print_json(json.dumps(result.__dict__ | {"path": str(target)}))
    if result.warning:
        err.print(f"warning: {result.warning}")
    if not result.ok:
        raise typer.Exit(EXIT_AUDIT_BROKEN)


def _append(settings: RagSettings, key: AuditKey, event: dict[str, Any]) -> None:
    """Append one event to the log and anchor it (when a checkpoint store is configured)."""
    from rag_core.audit_store import PostgresCheckpoints

    log = JsonlAuditLog(settings.resolved_audit_path, key,
                        PostgresCheckpoints(settings.audit_dsn) if settings.audit_dsn else None)
    try:
        log.record(event)
    finally:
        log.close()


@audit_app.command("acknowledge")
def audit_acknowledge(
    checkpoint: Annotated[str, typer.Option("--checkpoint", help="The bad checkpoint's fingerprint, as "
                                            "`chartrag audit verify` names it")],
    note: Annotated[str, typer.Option(help="What was investigated and found (an incident reference; no patient "
                                      "details): stored in the audit log")],
    operator: Operator = None,
    data_dir: DataDir = None,
) -> None:
    """Set aside one checkpoint that does not carry this log's signature (forged into the table or corrupted),
    after investigating it: a note signed with the audit key is appended to the chain (and anchored), and
    verification goes on checking everything else, including any later tampering. A checkpoint signed with
    the key cannot be acknowledged: its mismatch means the log itself was rewritten."""
    settings = settings_for(data_dir)
    key = _key(settings)
    anchors = _checkpoints(settings, key)
    if anchors is None:
        raise fail("no checkpoint store configured (CHARTRAG_AUDIT_DSN): there is no checkpoint to acknowledge")
    target = next((c for c in anchors if c.log_id == key.log_id and c.fingerprint == checkpoint.strip()), None)
    if target is None:
        raise fail(f"no checkpoint {checkpoint!r} for this audit log (see `chartrag audit verify`)")
    if target.valid(key):
        raise fail(f"checkpoint {target.fingerprint} carries this log's signature and cannot be acknowledged: if it "
                   "does not match, the log itself was rewritten", EXIT_AUDIT_BROKEN)
    path = settings.resolved_audit_path
    rest = verify(path, key, [c for c in anchors if c.valid(key)])
    if not rest.ok:  # a note cannot make a broken log trustworthy
        err.print(f"the audit log does not verify apart from this checkpoint ({rest.reason}): nothing was appended")
        raise typer.Exit(EXIT_AUDIT_BROKEN)
    if target.fingerprint not in verify(path, key, anchors).acknowledged:  # else: acknowledged already
        try:
            event = acknowledgment(key, target, note, operator_agent(operator))
        except ValueError as exc:
            raise fail(str(exc)) from None
        _append(settings, key, event)
    result = verify(path, key, _checkpoints(settings, key))
    out.print_json(json.dumps({"acknowledged": target.fingerprint, "verify": result.__dict__ | {"path": str(path)}}))
    if not result.ok:
        err.print(f"the audit log still does not verify ({result.reason})")
        raise typer.Exit(EXIT_AUDIT_BROKEN)


@audit_app.command("init-db")
def audit_init_db(
    admin_dsn: Annotated[str, typer.Option(help="A PostgreSQL superuser/owner DSN (run once by the DBA)")],
    writer: str = "chartrag_audit_writer",
    reader: str = "chartrag_audit_reader",
) -> None:
    """Create the append-only checkpoint table, the app's INSERT-only role and the reviewer's SELECT role."""
    import psycopg

    from rag_core.audit_store import install

    try:
        install(admin_dsn, writer, reader)
    except (psycopg.Error, ValueError) as exc:
        raise fail(f"could not install the audit checkpoint table: {type(exc).__name__}: {exc}") from exc
    out.print(f"audit checkpoints ready; the app writes with role {writer}, reviewers read with {reader}")


@audit_app.command("export")
def audit_export(
    data_dir: DataDir = None,
    output: Annotated[Path | None, typer.Option("--out", help="Write NDJSON here (default: stdout)")] = None,
    patient: Annotated[str | None, typer.Option(help="Only events about this Patient id")] = None,
    agent: Annotated[str | None, typer.Option(help="Only events of this requester")] = None,
    since: Annotated[str | None, typer.Option(help="From this day/instant (ISO 8601)")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this day/instant (ISO 8601)")] = None,
    operator: Operator = None,
) -> None:
    """Export the log as FHIR R4 AuditEvents (IHE BALP), one JSON per line; only after the log verifies. The
    export is itself an audit event of the operator."""
    settings = settings_for(data_dir)
    key, logged = _verified(settings)
    lines = (json.dumps(audit_event(r, key.log_id)) for r in logged if matches(r, patient, agent, since, until))
    count = 0
    if output is None:
        for line in lines:
            typer.echo(line)
            count += 1
    else:
        with output.open("w", encoding="utf-8") as handle:
            count = sum(1 for line in lines if handle.write(line + "\n"))
        err.print(f"{count} AuditEvent(s) written to {output}")
    _append(settings, key, {"event": "audit_read", "command": "audit export", "patient_id": patient, "count": count,
                            "requester": operator_agent(operator), "outcome": "served"})
