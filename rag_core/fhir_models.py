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
        raise ResourceError(reference, f"unknown resource type {resource['resourceType']!r}") from None
    try:
        model.model_validate(resource)
    except ValidationError as exc:
        fields = sorted({".".join(str(p) for p in err["loc"]) for err in exc.errors()})[:5]
        raise ResourceError(reference, f"invalid {resource['resourceType']}: {', '.join(fields)}") from None
