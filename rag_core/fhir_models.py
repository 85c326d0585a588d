"""The one module that imports ``fhir.resources.R4B``: structural validation of incoming resources."""

from __future__ import annotations

from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from pydantic import ValidationError

from rag_core.errors import ResourceError


def validate_resource(resource: Any, reference: str) -> None:
    """Raise ResourceError (reference + field paths, never values) if ``resource`` is not valid R4B."""
    if not isinstance(resource, dict) or not isinstance(resource.get("resourceType"), str):
        raise ResourceError(reference, "not a FHIR resource (no resourceType)")
    try:
        model = get_fhir_model_class(resource["resourceType"])
    except (KeyError, ValueError, AttributeError):
        raise ResourceError(reference, "unknown resource type") from None
    try:
        model.model_validate(resource)
    except ValidationError as exc:
        fields = sorted({_where(err["loc"], err["type"]) for err in exc.errors()})[:5]
        raise ResourceError(reference, f"invalid {resource['resourceType']}: {', '.join(fields)}") from None


def _where(loc: tuple[int | str, ...], kind: str) -> str:
    """A field path for an error message. An element the model does not know was named by the sender: its
    parent's path is given, never the name (it may be anything, a patient's name included)."""
    if kind == "extra_forbidden":
        return ".".join(str(p) for p in loc[:-1]) + " (unknown element)"
    return ".".join(str(p) for p in loc)
