"""Prompt templates: Jinja files in ``rag_core/prompts``, rendered in a sandbox with strict undefined
variables (a missing variable is an error, not an empty string). Each rendering carries the template's
hash, which the audit record keeps next to the model id."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

PROMPTS = Path(__file__).resolve().parent / "prompts"


@dataclass(frozen=True)
class RenderedPrompt:
    text: str
    template_hash: str  # sha256 of the template source, 16 hex digits


@cache
def environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(
        loader=FileSystemLoader(PROMPTS), undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False,
        trim_blocks=False, lstrip_blocks=False,
    )


@cache
def template_hash(name: str) -> str:
    return hashlib.sha256((PROMPTS / name).read_bytes()).hexdigest()[:16]


def render(name: str, **context: Any) -> RenderedPrompt:
    return RenderedPrompt(environment().get_template(name).render(**context).strip() + "\n", template_hash(name))
