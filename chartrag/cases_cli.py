"""``chartrag cases …``: the anonymized case library (``anonymized_cases``), filled only by approved,
de-identified records."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated

import typer

from chartrag.console import DataDir, fail, out, settings_for
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
    from rag_core.runtime import build_runtime

    if not bundle.is_file():
        raise fail(f"no such file: {bundle}")
    try:
        case = deidentify(raw_resources(bundle), approval)
    except ChartRagError as exc:
        raise fail(str(exc)) from None

    async def store() -> None:
        runtime = await build_runtime(settings_for(data_dir))
        try:
            await add_case(runtime.indexer, case)
        finally:
            await runtime.close()

    try:
        asyncio.run(store())
    except ChartRagError as exc:
        raise fail(str(exc)) from None
    out.print_json(json.dumps({"case_id": case.case_id, "approval": case.approval, "age_group": case.age_group,
                               "problems": len(case.problems), "medications": len(case.medications),
                               "labs": len(case.labs), "notes": len(case.notes)}))
