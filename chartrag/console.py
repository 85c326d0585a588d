"""What every ``chartrag`` command shares: consoles, settings with ``--data-dir``, errors → exit codes,
progress bars."""

from __future__ import annotations

import asyncio
import getpass
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from rag_core.errors import ChartRagError
from rag_core.settings import RagSettings

if TYPE_CHECKING:
    from rag_core.runtime import Runtime

T = TypeVar("T")

EXIT_BAD_INPUT = 1
EXIT_AUDIT_BROKEN = 3
err = Console(stderr=True)
out = Console()
DataDir = Annotated[Path | None, typer.Option("--data-dir", help="Index and audit folder (env CHARTRAG_DATA_DIR)")]
Operator = Annotated[str | None, typer.Option("--operator", help="Who runs this command: the agent of its audit "
                                              "event (default: the OS user)")]


def operator_agent(operator: str | None) -> str:
    """The requester a CLI command is audited as: ``cli:<operator>``, the OS user when none is given."""
    if not operator:
        try:
            operator = getpass.getuser()
        except (KeyError, OSError):  # no user name for this uid (a container's arbitrary uid)
            operator = f"uid-{os.getuid()}"
    return f"cli:{operator}"


def settings_for(data_dir: Path | None) -> RagSettings:
    settings = RagSettings()
    return settings.model_copy(update={"data_dir": data_dir}) if data_dir is not None else settings


def record_audit(settings: RagSettings, event: dict[str, Any]) -> None:
    """Append one event to the data dir's audit log (anchored when configured), for a command that holds no
    runtime: ids, counts and outcomes only, never patient text."""
    from rag_core.runtime import open_audit

    log = open_audit(settings)
    try:
        log.record(event)
    finally:
        log.close()


def fail(message: str, code: int = EXIT_BAD_INPUT) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}")
    return typer.Exit(code)


def progress_bar() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err)


def with_runtime(data_dir: Path | None, body: Callable[[Runtime], Awaitable[T]]) -> T:
    """Run ``body`` with a runtime on the data dir, closed afterwards; a ChartRagError becomes exit 1."""
    from rag_core.runtime import build_runtime

    async def run() -> T:
        runtime = await build_runtime(settings_for(data_dir))
        try:
            return await body(runtime)
        finally:
            await runtime.close()

    try:
        return asyncio.run(run())
    except ChartRagError as exc:
        raise fail(str(exc)) from None


def scratch_dir(tmp: str | Path) -> Path:
    """A folder inside a temporary directory for a benchmark's data dir: the audit key file the runtime writes
    beside a data dir (``<data dir>.audit.key``) then lies inside the temporary directory and goes with it."""
    path = Path(tmp) / "run"
    path.mkdir(mode=0o700, exist_ok=True)
    return path
