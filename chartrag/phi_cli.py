"""``chartrag phi …``: PHI tokenization for operators and auditors (and PHI benchmarks run from outside)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from chartrag.console import fail

phi_app = typer.Typer(help="PHI tokenization (what would be sent to a third-party model).", no_args_is_help=True)


@phi_app.command("redact")
def phi_redact(
    record: Annotated[Path | None, typer.Option(help="A patient's Bundle .json / NDJSON file or folder: its own "
                                                     "identifiers join the dictionary")] = None,
    no_ner: Annotated[bool, typer.Option("--no-ner", help="Patterns and the record only (no spaCy model)")] = False,
) -> None:
    """Read lines of text on stdin; write each line tokenized on stdout (one line out per line in)."""
    from rag_core.documents import raw_resources
    from rag_core.errors import ChartRagError
    from rag_core.phi.record import RecordIdentifiers
    from rag_core.phi.tokenizer import PhiTokenizer
    from rag_core.phi.vault import Vault

    identifiers = None
    if record is not None:
        try:
            identifiers = RecordIdentifiers.from_resources(raw_resources(record))
        except ChartRagError as exc:
            raise fail(str(exc)) from None
    tokenizer = PhiTokenizer(use_ner=not no_ner)
    for line in sys.stdin:
        text = line.rstrip("\n")
        sys.stdout.write(tokenizer.tokenize(text, Vault(), identifiers) + "\n")  # a vault per line: no linkage
        sys.stdout.flush()
