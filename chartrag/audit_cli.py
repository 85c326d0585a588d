"""``chartrag audit``: verify the keyed, anchored log; install its PostgreSQL anchor; export AuditEvents."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer

from chartrag.console import EXIT_AUDIT_BROKEN, DataDir, err, fail, out, settings_for
from rag_core.audit import AuditKey, Checkpoint, records, verify, verify_legacy
from rag_core.audit_fhir import audit_event, matches
from rag_core.settings import RagSettings

audit_app = typer.Typer(help="Audit log commands.", no_args_is_help=True)


def _key(settings: RagSettings) -> AuditKey:
    secret = settings.audit_key.get_secret_value() if settings.audit_key else None
    path = settings.resolved_audit_key_path
    if secret is None and not path.exists():
        raise fail(f"no audit key: set CHARTRAG_AUDIT_KEY or CHARTRAG_AUDIT_KEY_PATH ({path} does not exist)")
    return AuditKey.load(secret, path)


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
        if not target.exists() and not (settings.audit_key or settings.resolved_audit_key_path.exists()):
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
) -> None:
    """Export the log as FHIR R4 AuditEvents (IHE BALP), one JSON per line; only after the log verifies."""
    key, logged = _verified(settings_for(data_dir))
    lines = (json.dumps(audit_event(r, key.log_id)) for r in logged if matches(r, patient, agent, since, until))
    if output is None:
        for line in lines:
            typer.echo(line)
    else:
        with output.open("w", encoding="utf-8") as handle:
            count = sum(1 for line in lines if handle.write(line + "\n"))
        err.print(f"{count} AuditEvent(s) written to {output}")
