"""Audit records as FHIR R4 AuditEvents, after the IHE Basic Audit Log Patterns (BALP):

- a question answered (``answer``) or a card computed (``cds_hook``) → a patient *Query*
  (type ``rest``, subtype ``search-type``, action E) with the patient and the requester as agent;
- a chart write from a notification (``chart_write``) → *Create/Update/Delete* of that resource;
- an operator's CLI write or read of guidelines or the case library (``cli_write`` / ``cli_read``) → the same
  ``rest`` interactions, the operator as agent;
- a notification received, feedback, a launch, an audit read → their own ``rest`` interactions;
- an authentication failure or a rejected request → a DICOM *Security Alert* / minor failure.

Only what the JSONL record holds goes in: ids, references, counts, keyed hashes — never question or
note text. Each AuditEvent's id is the record's sequence number prefixed by the log id, so the export
is stable and every event can be traced to its line (and its MAC) in the log.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rag_core.fhir_models import validate_resource

AUDIT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type"
DICOM = "http://dicom.nema.org/resources/ontology/DCM"
RESTFUL = "http://hl7.org/fhir/restful-interaction"
ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type"
OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role"
PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type"
REQUESTER_SYSTEM = "urn:chartrag:requester"
BALP = "https://profiles.ihe.net/ITI/BALP/StructureDefinition"

# event → (type system, type code, subtype code or None, action, BALP profile or None)
_KINDS: dict[str, tuple[str, str, str | None, str, str | None]] = {
    "answer": (AUDIT_TYPE, "rest", "search-type", "E", "IHE.BasicAudit.PatientQuery"),
    "cds_hook": (AUDIT_TYPE, "rest", "search-type", "E", "IHE.BasicAudit.PatientQuery"),
    "cds_feedback": (AUDIT_TYPE, "rest", "create", "C", None),
    "notification": (AUDIT_TYPE, "rest", "create", "C", None),
    "audit_read": (AUDIT_TYPE, "rest", "search-type", "E", "IHE.BasicAudit.Query"),
    "source_view": (AUDIT_TYPE, "rest", "read", "R", "IHE.BasicAudit.PatientRead"),
    "launch": (DICOM, "110114", None, "E", None),  # User Authentication
    "checkpoint_acknowledged": (DICOM, "110101", None, "U", None),  # Audit Log Used: a bad checkpoint set aside
    "cli_read": (AUDIT_TYPE, "rest", "search-type", "E", None),
}
_WRITE = {"import": ("batch", "C", None),
          "create": ("create", "C", "IHE.BasicAudit.PatientCreate"),
          "update": ("update", "U", "IHE.BasicAudit.PatientUpdate"),
          "delete": ("delete", "D", "IHE.BasicAudit.PatientDelete")}


def _coding(system: str, code: str) -> dict[str, str]:
    return {"system": system, "code": code}


def _outcome(record: dict[str, Any]) -> str:
    status = record.get("status")
    if isinstance(status, int):
        return "0" if status < 400 else "4" if status < 500 else "8"
    return "4" if str(record.get("outcome", "")).startswith(("rejected", "refused", "error")) else "0"


def audit_event(record: dict[str, Any], log_id: str) -> dict[str, Any]:
    """One JSONL audit record → an AuditEvent (as a validated dict)."""
    event = str(record.get("event", "unknown"))
    if event == "chart_write":
        write = _WRITE.get(str(record.get("action")), _WRITE["update"])
        kind: tuple[str, str, str | None, str, str | None] = (AUDIT_TYPE, "rest", *write)
    elif event == "cli_write":  # a guideline or case library write by an operator: no patient profile
        write = _WRITE.get(str(record.get("action")), _WRITE["update"])
        kind = (AUDIT_TYPE, "rest", write[0], write[1], None)
    elif event in ("http_rejected", "cds_auth_rejected", "api_auth_rejected"):
        kind = (DICOM, "110113", None, "E", None)  # Security Alert
    else:
        kind = _KINDS.get(event, (AUDIT_TYPE, "rest", None, "E", None))
    type_system, type_code, subtype, action, profile = kind
    requester = record.get("requester") or record.get("client") or record.get("client_address") or "unknown"
    agents: list[dict[str, Any]] = [{
        "type": {"coding": [_coding(PARTICIPATION, "IRCP")]},
        "who": {"identifier": {"system": REQUESTER_SYSTEM, "value": str(requester)}},
        "requestor": True,
    }]
    if record.get("client") and record.get("requester"):
        agents.append({"type": {"coding": [_coding(DICOM, "110153")]},  # Source Role ID: the calling system
                       "who": {"identifier": {"system": REQUESTER_SYSTEM, "value": str(record["client"])}},
                       "requestor": False})
    entities: list[dict[str, Any]] = []
    if record.get("patient_id"):
        entities.append({"what": {"reference": f"Patient/{record['patient_id']}"},
                         "type": _coding(ENTITY_TYPE, "1"), "role": _coding(OBJECT_ROLE, "1")})
    for reference in record.get("references") or []:
        entities.append({"what": {"reference": str(reference)}, "type": _coding(ENTITY_TYPE, "2"),
                         "role": _coding(OBJECT_ROLE, "4")})  # Domain Resource
    for reference in (record.get("cited_references") or [])[:50]:
        entities.append({"what": {"reference": str(reference)}, "type": _coding(ENTITY_TYPE, "2"),
                         "role": _coding(OBJECT_ROLE, "4")})
    details = [{"type": name, "valueString": str(record[name])}
               for name in ("question_hmac", "channel", "outcome", "route", "reason", "service", "subscription",
                            "kind", "endpoint", "checkpoint", "note", "command", "namespace")
               if record.get(name) not in (None, "", [])]
    if details:
        entities.append({"what": {"identifier": {"system": "urn:chartrag:audit-record",
                                                 "value": f"{log_id}/{record.get('seq')}"}},
                         "type": _coding(ENTITY_TYPE, "4"), "detail": details})  # Other
    resource: dict[str, Any] = {
        "resourceType": "AuditEvent",
        "id": f"{log_id}-{record.get('seq')}",
        "type": _coding(type_system, type_code),
        "action": action,
        "recorded": record.get("ts"),
        "outcome": _outcome(record),
        "agent": agents,
        "source": {"observer": {"display": "ChartRAG"}, "type": [_coding(SOURCE_TYPE, "4")]},
        "entity": entities or None,
    }
    if subtype:
        resource["subtype"] = [_coding(RESTFUL, subtype)]
    if profile:
        resource["meta"] = {"profile": [f"{BALP}/{profile}"]}
    if record.get("status") is not None:
        resource["outcomeDesc"] = f"HTTP {record['status']}"
    resource = {k: v for k, v in resource.items() if v is not None}
    validate_resource(resource, f"AuditEvent/{resource['id']}")  # R4B AuditEvent, or ResourceError
    return resource


def matches(record: dict[str, Any], patient: str | None, agent: str | None, since: str | None,
            until: str | None) -> bool:
    """The search parameters of ``GET /fhir/AuditEvent`` (patient, agent identifier, date ge/le)."""
    if patient and record.get("patient_id") != patient:
        return False
    if agent and agent not in (record.get("requester"), record.get("client")):
        return False
    ts = str(record.get("ts", ""))
    if since and ts[: len(since)] < since:
        return False
    return not (until and ts[: len(until)] > until)


def bundle(events: Iterable[dict[str, Any]], total: int | None = None) -> dict[str, Any]:
    entries = [{"fullUrl": f"urn:uuid:chartrag-audit-{e['id']}", "resource": e, "search": {"mode": "match"}}
               for e in events]
    result: dict[str, Any] = {"resourceType": "Bundle", "type": "searchset", "entry": entries}
    if total is not None:
        result["total"] = total
    return result
