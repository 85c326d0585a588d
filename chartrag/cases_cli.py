"""``chartrag cases …``: the anonymized case library (``anonymized_cases``), filled only by approved,
de-identified records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from chartrag.console import DataDir, fail, out, with_runtime
from rag_core.errors import ChartRagError

cases_app = typer.Typer(help="The anonymized case library: de-identified, approved cases only.", no_args_is_help=True)


@cases_app.command("add")
def cases_add(
    bundle: Annotated[Path, typer.Argument(help="One patient's FHIR Bundle (.json) or NDJSON file")],
    approval: Annotated[str, typer.Option(help="The approval reference for this case (IRB or privacy board)")],
    data_dir: DataDir = None,
) -> None:
    """De-identify one patient's record (HIPAA Safe Harbor) into a case and add it to the library; refused,
    with nothing stored, when any identifier of the record survives."""
    from rag_core.case_library import add_case, deidentify
    from rag_core.documents import raw_resources

    if not bundle.is_file():
        raise fail(f"no such file: {bundle}")
    try:
        case = deidentify(raw_resources(bundle), approval)
    except ChartRagError as exc:
        raise fail(str(exc)) from None

    with_runtime(data_dir, lambda runtime: add_case(runtime.indexer, case))
    out.print_json(json.dumps({"case_id": case.case_id, "approval": case.approval, "age_group": case.age_group,
                               "problems": len(case.problems), "medications": len(case.medications),
                               "labs": len(case.labs), "notes": len(case.notes)}))


@cases_app.command("list")
def cases_list(data_dir: DataDir = None) -> None:
    """The library's cases: id, approval reference, age group, sex, problem count (JSON)."""
    from rag_core.case_library import list_cases

    found = with_runtime(data_dir, lambda runtime: list_cases(runtime.index))
    out.print_json(json.dumps([{"case_id": c.case_id, "approval": c.approval, "age_group": c.age_group,
                                "sex": c.sex, "problems": len(c.problems)} for c in found]))


@cases_app.command("remove")
def cases_remove(
    case_id: Annotated[str, typer.Argument(help="The case's id (see `chartrag cases list`)")],
    data_dir: DataDir = None,
) -> None:
    """Remove a case from the library (for instance when its approval is withdrawn)."""
    from rag_core.case_library import remove_case

    if not with_runtime(data_dir, lambda runtime: remove_case(runtime.index, case_id)):
        raise fail(f"no case {case_id!r} in the library")
    out.print_json(json.dumps({"removed": case_id}))
