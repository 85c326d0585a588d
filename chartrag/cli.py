"""``chartrag``: one CLI for operators, auditors and developers.

Exit codes: 0 ok · 1 bad input (message on stderr) · 2 usage (Typer) · 3 audit chain broken.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import typer

from chartrag.audit_cli import audit_app
from chartrag.cases_cli import cases_app
from chartrag.console import EXIT_AUDIT_BROKEN as EXIT_AUDIT_BROKEN  # re-exported
from chartrag.console import EXIT_BAD_INPUT as EXIT_BAD_INPUT  # re-exported: the documented exit codes
from chartrag.console import DataDir, err, out, scratch_dir
from chartrag.console import fail as _fail
from chartrag.console import progress_bar as _progress
from chartrag.console import settings_for as _settings
from chartrag.guidelines_cli import guidelines_app
from chartrag.ingest_cli import ingest_app, ingest_paths, subscriptions_app
from chartrag.phi_cli import phi_app
from rag_core.errors import ChartRagError, PatientNotIndexed

DEMO_DATA = Path(__file__).resolve().parent.parent / "data" / "synthea"
GENERATED = DEMO_DATA.parent / "generated"  # scripts/synth_patients.py: ICU stays, reference ranges, flags
PHI_SYNTH = DEMO_DATA.parent / "phi" / "presidio_synth.json"  # presidio-evaluator sentences (scripts/generate_phi_synth.py)

app = typer.Typer(help="ChartRAG: cited, patient-isolated answers over one patient's chart.", no_args_is_help=True)
bench_app = typer.Typer(help="Benchmarks (print JSON).", no_args_is_help=True)
app.add_typer(audit_app, name="audit")
app.add_typer(bench_app, name="bench")
app.add_typer(ingest_app, name="ingest")
app.add_typer(subscriptions_app, name="subscriptions")
app.add_typer(cases_app, name="cases")
app.add_typer(guidelines_app, name="guidelines")
app.add_typer(phi_app, name="phi")


@app.callback()
def _private_files() -> None:
    # before any command writes: files this process creates (data dir, Bulk downloads, exports) are 0600
    from rag_core.private_files import restrict_umask

    restrict_umask()


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question, in quotes")],
    patient: Annotated[str, typer.Option("--patient", help="Patient.id the question is about")],
    now: Annotated[str | None, typer.Option(help="Ask as of this day (YYYY-MM-DD); default today")] = None,
    requester: Annotated[str, typer.Option(help="Who asks (recorded in the audit log)")] = "cli",
    as_json: Annotated[bool, typer.Option("--json", help="Print the validated answer as JSON")] = False,
    data_dir: DataDir = None,
) -> None:
    """Answer one question about one patient, with validated citations."""
    from rag_core.citations import guideline_label
    from rag_core.models import PatientScope
    from rag_core.runtime import build_runtime

    try:
        as_of = date.fromisoformat(now) if now else None
    except ValueError:
        raise _fail(f"--now must be YYYY-MM-DD, got {now!r}") from None

    async def run() -> None:
        runtime = await build_runtime(_settings(data_dir))
        try:
            answer = await runtime.service.answer(question, PatientScope.full(patient, requester), now=as_of,
                                                  channel="cli")
        finally:
            await runtime.close()
        if as_json:
            out.print_json(answer.model_dump_json())
            return
        out.print(answer.answer, markup=False, highlight=False)
        for n, citation in enumerate(answer.citations, start=1):
            if citation.guideline is not None:  # labelled as a guideline, never read as a chart source
                out.print(f"  [{n}] {guideline_label(citation)}", markup=False, highlight=False)
                continue
            out.print(f"  [{n}] {citation.reference} {citation.effective_date or ''} {citation.section or ''}",
                      markup=False, highlight=False)
        if answer.abstained and answer.closest:
            out.print("closest evidence (does not answer the question):", style="dim")
            for citation in answer.closest:
                out.print(f"  · {citation.reference} {citation.effective_date or ''} {citation.section or ''}",
                          markup=False, highlight=False, style="dim")
        if answer.notice:
            out.print(answer.notice, markup=False, highlight=False, style="yellow")
        out.print(f"confidence {answer.confidence:.2f} · {answer.latency_ms:.0f} ms", style="dim")

    try:
        asyncio.run(run())
    except PatientNotIndexed as exc:
        raise _fail(f"patient not indexed: {exc} — not the same as \"not found in this patient's chart\"") from None
    except (ChartRagError, ValueError) as exc:
        raise _fail(str(exc)) from None


def _questions(path: Path) -> list[dict[str, Any]]:
    """A dev-set-shaped JSONL file, or a CLI error saying what is wrong with it."""
    from rag_core.evaluation import load_questions

    if not path.exists():
        raise _fail(f"{path}: no such file")
    try:
        return load_questions(path)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise _fail(f"{path}: not JSON lines") from None


@app.command("eval")
def evaluate(
    questions: Annotated[list[Path], typer.Option("--questions", help="JSONL question file; repeat to compare "
                                                  "sets (the first, e.g. the dev set, is the baseline of the gap)")],
    data_dir: DataDir = None,
    k: Annotated[int, typer.Option("--k", help="Evidence recall cut-off")] = 10,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the metrics JSON here")] = None,
) -> None:
    """Answer every question of dev-set-shaped files and report retrieval and answer metrics (per set, per
    kind, the questions answered wrongly with confidence, and the gap between sets)."""
    from rag_core.evaluation import compare, run_eval
    from rag_core.runtime import build_runtime

    sets = {path.stem: _questions(path) for path in questions}
    if len(sets) < len(questions):
        raise _fail("--questions files must have different names")

    async def run() -> dict[str, dict[str, Any]]:
        settings = _settings(data_dir)
        runtime = await build_runtime(settings)
        try:
            reports = {}
            with _progress() as progress:
                for name, items in sets.items():
                    task = progress.add_task(f"evaluating {name}", total=len(items))

                    def advance(task_id: Any = task) -> None:
                        progress.advance(task_id)

                    reports[name] = await run_eval(runtime.service, items, k, on_done=advance)
            return reports
        finally:
            await runtime.close()

    reports = asyncio.run(run())
    report: dict[str, Any] = next(iter(reports.values())) if len(reports) == 1 else compare(reports)
    text = json.dumps(report, indent=2)
    if json_out:
        json_out.write_text(text + "\n", encoding="utf-8")

    def brief(r: dict[str, Any]) -> dict[str, Any]:
        return {key: v for key, v in r.items() if key not in ("per_kind", "confident_wrong")}

    if len(reports) == 1:
        out.print_json(json.dumps(brief(report)))
    else:
        out.print_json(json.dumps({"sets": {n: brief(r) for n, r in reports.items()},
                                   **{key: v for key, v in report.items() if key.startswith("gap")}}))


@app.command()
def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    data_dir: DataDir = None,
    traces: Annotated[bool, typer.Option(help="Print OpenTelemetry spans (allow-listed attributes only) to stdout")] = False,
) -> None:
    """Run ChartRAG (JSON API, SMART app, CDS Hooks, notifications, /metrics) under Uvicorn."""
    import uvicorn

    from chartrag.http import build_app, log_config

    if traces:
        from opentelemetry import trace
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter

        provider = TracerProvider()
        provider.add_span_processor(BatchSpanProcessor(ConsoleSpanExporter()))
        trace.set_tracer_provider(provider)

    uvicorn.run(build_app(_settings(data_dir)), host=host, port=port, log_level="info", access_log=False,
                log_config=log_config())  # the access log by route template only: never a raw path or query


@app.command()
def demo(
    host: str = "127.0.0.1",
    port: int = 8000,
    data_dir: Annotated[Path, typer.Option("--data-dir")] = Path(".chartrag-demo"),
) -> None:
    """Ingest the bundled synthetic patients (once), then serve ChartRAG and a sandbox EHR, offline."""
    from chartrag.http import serve_demo

    settings = _settings(data_dir)
    marker = data_dir / ".demo-ingested"
    if not marker.exists():
        # the bundled patients only: the blind question sets' patients sit in subfolders of data/generated
        summary = asyncio.run(ingest_paths(settings, [DEMO_DATA, *sorted(GENERATED.glob("*.json"))]))
        marker.write_text(json.dumps(summary["chunks"]))
        err.print(f"ingested {summary['patients']} synthetic patients, {summary['chunks']} chunks")
    guidelines_marker = data_dir / ".demo-guidelines"
    if not guidelines_marker.exists():  # sample USPSTF summaries, so guidance questions cite a guideline offline
        from chartrag.guidelines_cli import ingest_sample_guidelines

        count = asyncio.run(ingest_sample_guidelines(settings))
        guidelines_marker.write_text(str(count))
        err.print(f"ingested {count} sample guidelines (data/guidelines)")
    out.print(f"Open the sandbox EHR: http://{host}:{port + 1}/  (pick a patient; ChartRAG launches inside it)")
    asyncio.run(serve_demo(settings, [DEMO_DATA, GENERATED], host, port))


def _emit(report: dict[str, object], json_out: Path | None) -> None:
    """Print a benchmark's JSON, and write it to ``json_out`` when given."""
    text = json.dumps(report, indent=2)
    if json_out:
        json_out.write_text(text + "\n", encoding="utf-8")
    out.print_json(text)


@bench_app.command("retrieval")
def bench_retrieval(
    chunks: Annotated[int, typer.Option(help="Corpus size")] = 100_000,
    patients: Annotated[int, typer.Option(help="Patients in the corpus")] = 500,
    queries: Annotated[int, typer.Option(help="Timed queries")] = 200,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the JSON here too")] = None,
) -> None:
    """Patient-filtered hybrid query, HTTP ask, ingest throughput and embedding cache timings."""
    from chartrag.bench import run_retrieval_bench

    _emit(asyncio.run(run_retrieval_bench(chunks, patients, queries, sorted(DEMO_DATA.glob("*.json")))), json_out)


@bench_app.command("concepts")
def bench_concepts_command(
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the JSON here too")] = None,
) -> None:
    """How close MiniLM puts concept names a chart does not hold to names it does (why concept resolution
    has no dense-similarity step)."""
    from chartrag.bench_concepts import run_concepts_bench

    _emit(run_concepts_bench(sorted(DEMO_DATA.glob("*.json"))), json_out)


@bench_app.command("terminology")
def bench_terminology_command(
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the JSON here too")] = None,
) -> None:
    """Terminology tables' load time and resident memory; concept resolution P50/P95 per question part over the
    bundled patients' own vocabularies."""
    from chartrag.bench_terminology import run_terminology_bench

    _emit(run_terminology_bench(sorted(DEMO_DATA.glob("*.json"))), json_out)


@bench_app.command("app")
def bench_app_command(
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the JSON here too")] = None,
) -> None:
    """Time to first streamed claim and to full answer through the SMART app (sandbox EHR launch)."""
    import tempfile

    from chartrag.bench import bench_app

    with tempfile.TemporaryDirectory(prefix="chartrag-bench-app-") as tmp:
        _emit(bench_app(sorted(DEMO_DATA.glob("*.json")), scratch_dir(tmp)), json_out)


@bench_app.command("cds")
def bench_cds_command(
    rounds: Annotated[int, typer.Option(help="Calls per patient, cold and warm each")] = 20,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the JSON here too")] = None,
) -> None:
    """P50/P95 of the CDS Hooks patient-view call through HTTP, cold (no cached summary) and warm."""
    import tempfile

    from chartrag.bench import bench_cds

    with tempfile.TemporaryDirectory(prefix="chartrag-bench-cds-") as tmp:
        _emit(bench_cds(sorted(DEMO_DATA.glob("*.json")), scratch_dir(tmp), rounds), json_out)


@bench_app.command("ingest")
def bench_ingest_command(
    events: Annotated[int, typer.Option(help="Notifications in the latency stream")] = 100,
    rate: Annotated[float, typer.Option(help="Notifications per second in the stream")] = 5.0,
    curve: Annotated[str, typer.Option(help="Other stream rates to measure, comma-separated ('' for none)")] = "2,10",
    resources: Annotated[int, typer.Option(help="Queued resources for the 1- and 2-worker throughput runs")] = 400,
    pages: Annotated[int, typer.Option(help="Synthetic scanned pages to OCR")] = 6,
    redis: Annotated[bool, typer.Option(help="Use the Redis Streams queue (REDIS_URL) instead of SQLite")] = False,
    with_readers: Annotated[int, typer.Option(
        help="Instead: notification → answerable in the served app while this many clients ask, on SQLite and Redis"
    )] = 0,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the JSON here too")] = None,
) -> None:
    """Notification-to-searchable latency, worker throughput (1 and 2), Bulk NDJSON import, OCR pages/s."""
    import os as _os

    from chartrag.bench_ingest import run_ingest_bench

    redis_url = _os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0") if redis else None
    if with_readers:
        from chartrag.bench_readers import run_readers_bench

        backends = [None, _os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")]
        _emit(run_readers_bench(sorted(DEMO_DATA.glob("*.json")), events, rate, with_readers, backends), json_out)
        return
    rates = [float(r) for r in curve.split(",") if r.strip()]
    _emit(run_ingest_bench(sorted(DEMO_DATA.glob("*.json")), events, rate, resources, pages, redis_url, rates), json_out)


@bench_app.command("cost")
def bench_cost_command(
    data_dir: DataDir = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the JSON here too")] = None,
) -> None:
    """Cost per 1,000 questions and prompt-cache hit rate of the paid models (Claude, Cohere), from the
    usage recorded in the (verified) audit log — e.g. after `chartrag eval` with ANTHROPIC_API_KEY set."""
    from chartrag.audit_cli import verified_records
    from rag_core.cost import cost_report

    _emit(cost_report(verified_records(_settings(data_dir))), json_out)


@bench_app.command("fuzz")
def bench_fuzz_command(
    examples: Annotated[int, typer.Option(help="Generated requests per published operation")] = 50,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the JSON here too")] = None,
) -> None:
    """schemathesis over every published operation of a served `chartrag serve`, then deep / NaN /
    duplicate-key / 20 × 50 MB bodies, while /healthz is probed: 5xx count and healthz P50/P95; then the
    server's RSS before, at its peak and after 40 unauthenticated 20 MB uploads to /fhir/notify."""
    from chartrag.bench_fuzz import run_fuzz_bench

    _emit(run_fuzz_bench(sorted(DEMO_DATA.glob("*.json")), examples), json_out)


@bench_app.command("gate")
def bench_gate_command(
    questions: Annotated[Path, typer.Option("--questions", help="JSONL question file (the dev set)")],
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the JSON here too")] = None,
) -> None:
    """Tune the evidence-strength threshold below which no paid model is called (CHARTRAG_GATE_THRESHOLD):
    calls saved, abstention accuracy and false gating per threshold on the shipped patients."""
    from chartrag.bench_gate import run_gate_bench

    _emit(run_gate_bench(sorted(DEMO_DATA.glob("*.json")), _questions(questions)), json_out)


@bench_app.command("similar")
def bench_similar_command(
    cases: Annotated[int, typer.Option(help="Cases in the library")] = 10_000,
    queries: Annotated[int, typer.Option(help="Profiles searched")] = 200,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the JSON here too")] = None,
) -> None:
    """Similar-case search P50/P95 over a library of recombined de-identified bundled cases (a fresh index)."""
    from chartrag.bench_similar import run_similar_bench

    if cases < 1 or queries < 1:
        raise _fail("--cases and --queries must be at least 1")
    bundles = sorted(DEMO_DATA.glob("*.json")) + sorted((DEMO_DATA.parent / "generated").glob("*.json"))
    _emit(run_similar_bench(bundles, cases=cases, queries=queries), json_out)


@bench_app.command("phi")
def bench_phi_command(
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the JSON here too")] = None,
) -> None:
    """PHI tokenization on the bundled patients' notes (recall of the record's own identifiers with and
    without the record's dictionary, precision against that gold, over-redaction of clinical words) and
    on presidio-evaluator's labelled synthetic sentences (recall and precision per entity type), and on the
    project's own clinician queries (data/phi, scripts/phi_queries.py): recall per identifier type and the
    share of PHI-free clinical questions changed, tune and held-out parts apart; and on the location set
    (scripts/location_queries.py: addresses, cities, ZIP codes, place-named eponyms) the same way."""
    import time as _time

    from rag_core.documents import raw_resources
    from rag_core.evaluation import load_questions
    from rag_core.phi.evaluation import evaluate, evaluate_labelled, evaluate_queries
    from rag_core.phi.tokenizer import PhiTokenizer

    charts = [raw_resources(p) for p in sorted(DEMO_DATA.glob("*.json"))]
    tokenizer = PhiTokenizer()
    report: dict[str, object] = {}
    for name, with_record in (("with_record", True), ("ner_and_patterns_only", False)):
        started = _time.perf_counter()
        report[name] = evaluate(charts, tokenizer, with_record) | {"seconds": round(_time.perf_counter() - started, 1)}
    samples = json.loads(PHI_SYNTH.read_text(encoding="utf-8"))
    started = _time.perf_counter()
    report["presidio_synth"] = evaluate_labelled(samples, tokenizer) | {
        "samples": len(samples), "seconds": round(_time.perf_counter() - started, 1)}
    queries = load_questions(PHI_SYNTH.parent / "clinician_queries.jsonl")
    free = load_questions(PHI_SYNTH.parent / "phi_free_questions.jsonl")
    started = _time.perf_counter()
    report["clinician_queries"] = evaluate_queries(queries, free, tokenizer) | {
        "seconds": round(_time.perf_counter() - started, 1)}
    # the location set written blind (scripts/location_queries.py): streets, cities with states, ZIP codes as
    # typed, counties, places abroad, and PHI-free questions full of place-named eponyms
    queries = load_questions(PHI_SYNTH.parent / "location_queries.jsonl")
    free = load_questions(PHI_SYNTH.parent / "location_free_questions.jsonl")
    started = _time.perf_counter()
    report["location_queries"] = evaluate_queries(queries, free, tokenizer) | {
        "seconds": round(_time.perf_counter() - started, 1)}
    _emit(report, json_out)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)


if __name__ == "__main__":
    main()
