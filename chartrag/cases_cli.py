"""``chartrag cases …``: the anonymized case library (``anonymized_cases``), filled only by approved,
de-identified records."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from chartrag.console import DataDir, Operator, fail, operator_agent, out, record_audit, settings_for, with_runtime
from rag_core.errors import ChartRagError

if TYPE_CHECKING:
    from rag_core.runtime import Runtime

cases_app = typer.Typer(help="The anonymized case library: de-identified, approved cases only.", no_args_is_help=True)


@cases_app.command("add")
def cases_add(
    bundle: Annotated[Path, typer.Argument(help="One patient's FHIR Bundle (.json) or NDJSON file")],
    approval: Annotated[str, typer.Option(help="The approval reference for this case (IRB or privacy board)")],
    data_dir: DataDir = None,
    operator: Operator = None,
) -> None:
    """De-identify one patient's record (HIPAA Safe Harbor) into a case and add it to the library; refused,
    with nothing stored, when any identifier of the record survives. Audited either way (the operator, the
    patient whose record was read, the case id), never with the record's text."""
    from rag_core.case_library import add_case, deidentify
    from rag_core.documents import raw_resources

    if not bundle.is_file():
        raise fail(f"no such file: {bundle}")
    event: dict[str, Any] = {"event": "cli_write", "command": "cases add", "action": "create",
                             "namespace": "anonymized_cases",
                             "requester": operator_agent(operator)}
    try:
        resources = raw_resources(bundle)
        event["patient_id"] = next((r.get("id") for r in resources if r.get("resourceType") == "Patient"), None)
        case = deidentify(resources, approval)
    except ChartRagError as exc:
        record_audit(settings_for(data_dir), {**event, "outcome": "refused"})
        raise fail(str(exc)) from None

    async def body(runtime: Runtime) -> None:
        await add_case(runtime.indexer, case)
        runtime.service.audit.record({**event, "references": [f"Case/{case.case_id}"], "outcome": "applied"})

    with_runtime(data_dir, body)
    out.print_json(json.dumps({"case_id": case.case_id, "approval": case.approval, "age_group": case.age_group,
                               "problems": len(case.problems), "medications": len(case.medications),
                               "labs": len(case.labs), "notes": len(case.notes)}))


@cases_app.command("list")
def cases_list(data_dir: DataDir = None, operator: Operator = None) -> None:
    """The library's cases: id, approval reference, age group, sex, problem count (JSON); audited."""
    from rag_core.case_library import list_cases
    from rag_core.models import CaseRef

    async def body(runtime: Runtime) -> list[CaseRef]:
        cases = await list_cases(runtime.index)
        runtime.service.audit.record({"event": "cli_read", "command": "cases list", "namespace": "anonymized_cases",
                                      "count": len(cases), "requester": operator_agent(operator), "outcome": "served"})
        return cases

    found = with_runtime(data_dir, body)
    out.print_json(json.dumps([{"case_id": c.case_id, "approval": c.approval, "age_group": c.age_group,
                                "sex": c.sex, "problems": len(c.problems)} for c in found]))


@cases_app.command("remove")
def cases_remove(
    case_id: Annotated[str, typer.Argument(help="The case's id (see `chartrag cases list`)")],
    data_dir: DataDir = None,
    operator: Operator = None,
) -> None:
    """Remove a case from the library (for instance when its approval is withdrawn); audited."""
    from rag_core.case_library import remove_case

    async def body(runtime: Runtime) -> bool:
        removed = await remove_case(runtime.index, case_id)
        runtime.service.audit.record({"event": "cli_write", "command": "cases remove", "action": "delete",
                                      "namespace": "anonymized_cases", "requester": operator_agent(operator),
                                      **({"references": [f"Case/{case_id}"], "outcome": "applied"} if removed
                                         else {"outcome": "refused: no such case"})})
        return removed

    if not with_runtime(data_dir, body):
        raise fail(f"no case {case_id!r} in the library")
    out.print_json(json.dumps({"removed": case_id}))


@cases_app.command("verify")
def cases_verify(
    data_dir: DataDir = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Report offenders without removing them")] = False,
    operator: Operator = None,
) -> None:
    """Re-check every case in the library with the PHI detection used for model-bound text (names, dates in
    any written form, ages over 89, identifiers, addresses); cases where anything is found are reported (case
    id and "KIND in field", never the value) and removed unless --dry-run. Exit code 3 when any was found.
    Audited: the operator, the cases read, the offenders and those removed (ids only)."""
    from rag_core.case_library import list_cases, remove_case, verify_case

    async def check(runtime: Runtime) -> list[dict[str, object]]:
        offenders: list[dict[str, object]] = []
        cases = await list_cases(runtime.index)
        for case in cases:
            found = await asyncio.to_thread(verify_case, case)
            if found:
                removed = not dry_run and await remove_case(runtime.index, case.case_id)
                offenders.append({"case_id": case.case_id, "found": found, "removed": removed})
        runtime.service.audit.record({
            "event": "cli_write" if any(o["removed"] for o in offenders) else "cli_read", "command": "cases verify",
            "action": "delete" if any(o["removed"] for o in offenders) else "read", "namespace": "anonymized_cases",
            "requester": operator_agent(operator), "count": len(cases), "offenders": len(offenders),
            "references": [f"Case/{o['case_id']}" for o in offenders if o["removed"]], "outcome": "applied"})
        return offenders

    offenders = with_runtime(data_dir, check)
    out.print_json(json.dumps({"offenders": offenders}))
    if offenders:
        raise typer.Exit(3)
