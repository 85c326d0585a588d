"""``chartrag guidelines …``: clinical guideline documents in the ``clinical_guidelines`` namespace."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from chartrag.console import DataDir, Operator, fail, operator_agent, out, settings_for, with_runtime
from rag_core.errors import ChartRagError
from rag_core.models import CLINICAL_GUIDELINES
from rag_core.runtime import Runtime
from rag_core.settings import RagSettings

if TYPE_CHECKING:
    from rag_core.guidelines import Guideline

guidelines_app = typer.Typer(help="Clinical guidelines cited beside the chart: ingest, list, remove.",
                             no_args_is_help=True)


@guidelines_app.command("ingest")
def guidelines_ingest(
    paths: Annotated[list[Path], typer.Argument(help="Guideline files: Markdown, HTML or PDF")],
    guideline_id: Annotated[str | None, typer.Option("--id", help="Stable id (one file only; default: from the "
                                                                   "issuer and title)")] = None,
    title: Annotated[str | None, typer.Option(help="Title, when the document does not say")] = None,
    issuer: Annotated[str | None, typer.Option(help="Issuing body (USPSTF, CDC …)")] = None,
    version: Annotated[str | None, typer.Option(help="Version or date of this edition")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD")] = None,
    url: Annotated[str | None, typer.Option(help="Source URL")] = None,
    license_: Annotated[str | None, typer.Option("--license", help="License of the text")] = None,
    data_dir: DataDir = None,
    operator: Operator = None,
) -> None:
    """Read each guideline into section-aware chunks and index it; a guideline already indexed under the same
    id is replaced (its earlier version is removed). Each one indexed is an audit event of the operator."""
    from rag_core.guidelines import GuidelineLimits, ingest_guideline, read_guideline

    limits = GuidelineLimits.from_settings(settings_for(data_dir))
    if guideline_id and len(paths) > 1:
        raise fail("--id names one guideline: give one file with it")
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise fail(f"no such file: {', '.join(missing)}")
    overrides = {"id": guideline_id, "title": title, "issuer": issuer, "version": version, "published": published,
                 "url": url, "license": license_}
    try:
        guidelines = [read_guideline(p, overrides, limits) for p in paths]  # every file read before anything is written
    except ChartRagError as exc:
        raise fail(str(exc)) from None

    async def body(runtime: Runtime) -> list[dict[str, object]]:
        done = []
        for g in guidelines:
            chunks = await ingest_guideline(runtime.indexer, g)
            runtime.service.audit.record({"event": "cli_write", "command": "guidelines ingest", "action": "import",
                                          "namespace": CLINICAL_GUIDELINES, "references": [f"Guideline/{g.meta.guideline_id}"],
                                          "chunks": chunks, "requester": operator_agent(operator), "outcome": "applied"})
            done.append({"id": g.meta.guideline_id, "title": g.meta.title, "issuer": g.meta.issuer,
                         "version": g.meta.version, "sections": len(g.sections), "chunks": chunks})
        return done

    out.print_json(json.dumps({"ingested": with_runtime(data_dir, body)}))


SAMPLE_GUIDELINES = Path(__file__).resolve().parent.parent / "data" / "guidelines" / "uspstf"


def sample_guidelines() -> list[Guideline]:
    """The bundled sample guidelines (data/guidelines/uspstf), read."""
    from rag_core.guidelines import read_guideline

    return [read_guideline(p) for p in sorted(SAMPLE_GUIDELINES.iterdir()) if p.suffix in (".md", ".html")]


async def ingest_sample_guidelines(settings: RagSettings) -> int:
    """The bundled sample guidelines, for the offline demo: how many were indexed."""
    from rag_core.guidelines import ingest_guideline
    from rag_core.runtime import build_runtime

    guidelines = sample_guidelines()
    runtime = await build_runtime(settings)
    try:
        for guideline in guidelines:
            await ingest_guideline(runtime.indexer, guideline)
    finally:
        await runtime.close()
    return len(guidelines)


@guidelines_app.command("list")
def guidelines_list(
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table")] = False,
    data_dir: DataDir = None,
    operator: Operator = None,
) -> None:
    """The guidelines indexed: id, title, issuer, version, date, chunks (an audit event of the operator)."""
    from rag_core.guidelines import IndexedGuideline, list_guidelines

    async def body(runtime: Runtime) -> list[IndexedGuideline]:
        listed = await list_guidelines(runtime.index)
        runtime.service.audit.record({"event": "cli_read", "command": "guidelines list", "namespace": CLINICAL_GUIDELINES,
                                      "count": len(listed), "requester": operator_agent(operator), "outcome": "served"})
        return listed

    found = with_runtime(data_dir, body)
    if as_json:
        out.print_json(json.dumps([{**asdict(g.meta), "chunks": g.chunks} for g in found]))
        return
    table = Table("id", "title", "issuer", "version", "published", "chunks")
    for g in found:
        m = g.meta
        table.add_row(m.guideline_id, m.title, m.issuer, m.version, m.published or "", str(g.chunks))
    out.print(table if found else "No guidelines indexed.")


@guidelines_app.command("remove")
def guidelines_remove(
    guideline_id: Annotated[str, typer.Argument(help="The guideline's id (see `chartrag guidelines list`)")],
    data_dir: DataDir = None,
    operator: Operator = None,
) -> None:
    """Remove a guideline and every chunk of it (an audit event of the operator)."""
    from rag_core.guidelines import remove_guideline

    async def body(runtime: Runtime) -> int:
        chunks = await remove_guideline(runtime.index, guideline_id)
        runtime.service.audit.record({"event": "cli_write", "command": "guidelines remove", "action": "delete",
                                      "namespace": CLINICAL_GUIDELINES, "requester": operator_agent(operator),
                                      **({"references": [f"Guideline/{guideline_id}"], "chunks": chunks,
                                          "outcome": "applied"} if chunks else {"outcome": "refused: no such guideline"})})
        return chunks

    removed = with_runtime(data_dir, body)
    if not removed:
        raise fail(f"no guideline {guideline_id!r} is indexed")
    out.print_json(json.dumps({"removed": guideline_id, "chunks": removed}))
