"""Strict JSON for bodies from peers: what ``json.loads`` lets through and a hostile or buggy client sends.

- nesting deeper than ``max_depth`` (a 100,000-deep array made ``json.loads`` raise ``RecursionError``,
  an HTTP 500 on every endpoint that parsed JSON) → ``WireError``;
- ``NaN``, ``Infinity``, ``-Infinity`` (not JSON, but accepted by Python's parser) → ``WireError``;
- a number past a double's range (``1e400`` parses to infinity; ``-1e400``; an integer of 400 digits):
  valid JSON text, but no finite value → ``WireError``;
- a key given twice in one object (which one wins differs between parsers: a ``patient_id`` given twice
  is ambiguous, so it is refused) → ``WireError``;
- bytes that are not UTF-8 → ``WireError``.

FHIR decimals keep their precision: ``exact_decimals`` (and ``fhir_loads``) parse numbers with a
fraction or exponent as ``Decimal``, so ``0.10`` stays ``0.10`` and ``14.003`` stays ``14.003`` from the
wire to the answer (a float would make ``0.10`` into ``0.1``: a different precision than recorded).

Hand-written around the standard parser because no maintained library does all four: orjson and the
standard parser keep the last duplicate key silently, and only ``json`` exposes the hooks used here.
"""

from __future__ import annotations

import json
import math
import sys
from decimal import Decimal
from typing import Any

MAX_DEPTH = 64


class WireError(ValueError):
    """The body is not strict JSON (the message says why; it never repeats the body)."""


def _no_constant(name: str) -> Any:
    raise WireError(f"{name} is not a JSON value")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise WireError("a number is out of range")
    return value


def _finite_decimal(text: str) -> Decimal:
    value = Decimal(text)
    if not math.isfinite(float(value)):  # exact, but past what any reader of it (a double) can hold
        raise WireError("a number is out of range")
    return value


def _bounded_int(text: str) -> int:
    value = int(text)
    if abs(value) > sys.float_info.max:
        raise WireError("a number is out of range")
    return value


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise WireError("a key appears twice in one object")
        result[key] = value
    return result


def depth(value: Any) -> int:
    """Nesting depth of a parsed value, measured without recursion (a scalar is depth 0)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        level += 1
        deepest = max(deepest, level)
        stack.extend((child, level) for child in children if isinstance(child, dict | list))
    return deepest


def fhir_loads(raw: bytes | str) -> Any:
    """FHIR JSON from a source we read ourselves (files, a FHIR server's responses): decimals exact."""
    return json.loads(raw, parse_float=Decimal)


def strict_loads(raw: bytes | str, max_depth: int = MAX_DEPTH, exact_decimals: bool = False) -> Any:
    """Parse ``raw`` as strict JSON, or raise ``WireError``."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as exc:
        raise WireError("the body is not UTF-8") from exc
    try:
        value = json.loads(text, object_pairs_hook=_unique, parse_constant=_no_constant, parse_int=_bounded_int,
                           parse_float=_finite_decimal if exact_decimals else _finite_float)
    except RecursionError as exc:
        raise WireError(f"JSON nested deeper than {max_depth} levels") from exc
    except WireError:
        raise
    except ValueError as exc:
        raise WireError("the body is not JSON") from exc
    if depth(value) > max_depth:
        raise WireError(f"JSON nested deeper than {max_depth} levels")
    return value
