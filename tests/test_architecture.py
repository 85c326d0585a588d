"""Package boundaries from DESIGN: rag_core imports no web framework and no edge; edges do not import
each other; only rag_core/fhir_models.py imports fhir.resources.R4B."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDGES = ("smart_app", "cds_hooks", "fhir_ingest")
WEB = ("fastapi", "starlette", "uvicorn")


def imports_of(package: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


def top(name: str) -> str:
    return name.split(".")[0]


def test_rag_core_imports_no_web_framework_or_edge() -> None:
    for path, names in imports_of("rag_core").items():
        bad = {n for n in names if top(n) in WEB + EDGES + ("chartrag",)}
        assert not bad, f"{path} imports {bad}"


def test_product_never_imports_the_sandbox_ehr() -> None:
    for package in ("rag_core", *EDGES):
        for path, names in imports_of(package).items():
            assert not {n for n in names if top(n) == "sandbox_ehr"}, f"{path} imports the sandbox"


def test_edges_do_not_import_each_other() -> None:
    for edge in EDGES:
        others = {e for e in EDGES if e != edge} | {"chartrag"}
        for path, names in imports_of(edge).items():
            bad = {n for n in names if top(n) in others}
            assert not bad, f"{path} imports {bad}"


def test_only_fhir_models_imports_fhir_resources() -> None:
    importers = {
        path
        for package in ("rag_core", *EDGES, "chartrag")
        for path, names in imports_of(package).items()
        if any(n == "fhir.resources" or n.startswith("fhir.resources.") for n in names)
    }
    assert importers == {"rag_core/fhir_models.py"}
