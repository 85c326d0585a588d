"""OpenAPI 3.1 description of the CDS service, built from the wire models so it cannot drift from
them; served at ``/cds-hooks/openapi.json`` and exercised by schemathesis in the tests."""

from __future__ import annotations

from typing import Any

from cds_hooks.models import CdsResponse, Feedback, HookRequest, ServiceDescription

ERROR = {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}


def _schema(model: Any) -> dict[str, Any]:
    return dict(model.model_json_schema(ref_template="#/components/schemas/{model}"))


def _errors(*codes: int) -> dict[str, Any]:
    meaning = {400: "Not a valid CDS Hooks request, or the wrong hook", 401: "Missing or invalid JWT",
               403: "JWT issuer not trusted", 404: "Unknown CDS service id",
               412: "Required chart data is neither prefetched nor fetchable"}
    body = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    return {str(c): {"description": meaning[c], "content": body} for c in codes}


def openapi(base_url: str) -> dict[str, Any]:
    components: dict[str, Any] = {"Error": ERROR}
    for model in (HookRequest, CdsResponse, Feedback, ServiceDescription):
        schema = _schema(model)
        components.update(schema.pop("$defs", {}))
        components[model.__name__] = schema
    discovery = {"type": "object", "required": ["services"],
                 "properties": {"services": {"type": "array", "items": {"$ref": "#/components/schemas/ServiceDescription"}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "ChartRAG CDS Hooks service", "version": "2.0",
                 "description": "CDS Hooks 2.0: a cited chart summary on patient-view."},
        "servers": [{"url": base_url.rstrip("/")}],
        "security": [{"cdsClientJwt": []}],
        "components": {
            "schemas": components,
            "securitySchemes": {"cdsClientJwt": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}},
        },
        "paths": {
            "/cds-services": {"get": {
                "operationId": "discovery",
                "responses": {"200": {"description": "The CDS services offered",
                                      "content": {"application/json": {"schema": discovery}}}, **_errors(401, 403)}}},
            "/cds-services/{service_id}": {"post": {
                "operationId": "callService",
                "parameters": [{"name": "service_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "requestBody": {"required": True,
                                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HookRequest"}}}},
                "responses": {"200": {"description": "Cards (possibly none)",
                                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CdsResponse"}}}},
                              **_errors(400, 401, 403, 404, 412)}}},
            "/cds-services/{service_id}/feedback": {"post": {
                "operationId": "feedback",
                "parameters": [{"name": "service_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "requestBody": {"required": True,
                                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Feedback"}}}},
                "responses": {"200": {"description": "Feedback recorded"}, **_errors(400, 401, 403, 404)}}},
        },
    }
