"""HL7 v2 → FHIR R4: ORU^R01 results → Observation, MDM^T02 notes → DocumentReference, ADT → Encounter.

Parsing is python-hl7's; the mapping is ours (no PyPI package maps v2 to FHIR R4). The patient is
matched by PID-3 identifiers against the directory built from ingested Patient resources (assigning
authority → system through settings, else the bare value when exactly one patient holds it); a
message whose patient is not known is held, never guessed. Ids are derived from the message's own
identifiers (filler order number + OBX set id, TXA-12, PV1-19), so a resent message updates the same
resources instead of adding new ones.
"""

from __future__ import annotations

import base64
import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import hl7

from fhir_ingest.errors import Hl7Error

HL7_NAMESPACE = uuid.UUID("0d6c7a3e-5b1f-4e8a-9c2d-7f3e1a4b6c8d")
CODE_SYSTEMS = {"LN": "http://loinc.org", "LOINC": "http://loinc.org", "SCT": "http://snomed.info/sct",
                "SNM": "http://snomed.info/sct", "I10": "http://hl7.org/fhir/sid/icd-10-cm"}
OBX_STATUS = {"F": "final", "C": "corrected", "P": "preliminary", "R": "preliminary", "I": "registered",
              "X": "cancelled", "W": "entered-in-error", "D": "entered-in-error", "A": "amended"}
INTERPRETATION = {"H": "High", "HH": "Critical high", "L": "Low", "LL": "Critical low", "N": "Normal", "A": "Abnormal"}
PATIENT_CLASS = {"I": ("IMP", "inpatient encounter"), "O": ("AMB", "ambulatory"), "E": ("EMER", "emergency"),
                 "P": ("PRENC", "pre-admission"), "R": ("AMB", "ambulatory"), "B": ("AMB", "ambulatory")}
ADT_STATUS = {"A01": "in-progress", "A04": "arrived", "A08": "in-progress", "A02": "in-progress",
              "A03": "finished", "A11": "entered-in-error", "A13": "in-progress"}
TXA_STATUS = {"AU": "final", "LA": "final", "DO": "preliminary", "IP": "preliminary", "IN": "preliminary",
              "PA": "preliminary", "AV": "final", "CA": "entered-in-error"}
_TS = re.compile(r"^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.\d+)?([+-]\d{4})?$")

PatientLookup = Callable[[str | None, str], Awaitable[str | None]]


@dataclass
class Mapped:
    message_type: str
    control_id: str
    resources: list[dict[str, Any]] = field(default_factory=list)
    patient_identifiers: list[tuple[str | None, str]] = field(default_factory=list)
    patient_id: str | None = None


def parse_message(text: str) -> hl7.Message:
    normalized = text.replace("\r\n", "\r").replace("\n", "\r").strip("\r\x0b\x1c ")
    if not normalized.startswith("MSH"):
        raise Hl7Error("message does not start with an MSH segment")
    try:
        return hl7.parse(normalized)
    except Exception as exc:  # python-hl7 raises several types on bad framing
        raise Hl7Error(f"message cannot be parsed ({type(exc).__name__})") from None


def split_messages(text: str) -> list[str]:
    """A file may hold several messages, each starting at an MSH segment."""
    normalized = text.replace("\r\n", "\r").replace("\n", "\r")
    parts = re.split(r"\r(?=MSH\|)", normalized.strip())
    return [p for p in parts if p.strip()]


def _field(segment: Any, index: int) -> str:
    try:
        return str(segment[index]).strip()
    except (IndexError, KeyError):
        return ""


def _component(segment: Any, index: int, component: int, repetition: int = 0) -> str:
    """1-based HL7 component of field ``index`` (first repetition by default)."""
    value = _field(segment, index)
    if not value:
        return ""
    rep = value.split("~")[repetition] if "~" in value else value
    parts = rep.split("^")
    return parts[component - 1].strip() if len(parts) >= component else ""


def unescape(text: str) -> str:
    return (text.replace("\\.br\\", "\n").replace("\\F\\", "|").replace("\\S\\", "^").replace("\\R\\", "~")
            .replace("\\T\\", "&").replace("\\E\\", "\\"))


def fhir_datetime(ts: str) -> str | None:
    """HL7 TS → FHIR dateTime; without a UTC offset only the date is kept (FHIR needs a zone with a time)."""
    match = _TS.match(ts.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, offset = match.groups()
    if not month:
        return year
    if not day:
        return f"{year}-{month}"
    date = f"{year}-{month}-{day}"
    if hour and offset:
        return f"{date}T{hour}:{minute or '00'}:{second or '00'}{offset[:3]}:{offset[3:]}"
    return date


def _coding(code: str, display: str, system: str) -> dict[str, Any]:
    concept: dict[str, Any] = {"coding": [{"system": CODE_SYSTEMS.get(system.upper(), f"urn:hl7v2:{system or 'local'}"),
                                           "code": code, **({"display": display} if display else {})}]}
    if display:
        concept["text"] = display
    return concept


def _rid(*parts: str) -> str:
    return "hl7-" + uuid.uuid5(HL7_NAMESPACE, "|".join(parts)).hex[:24]


def pid_identifiers(message: hl7.Message) -> list[tuple[str | None, str]]:
    try:
        pid = message.segment("PID")
    except KeyError:
        raise Hl7Error("message has no PID segment") from None
    found: list[tuple[str | None, str]] = []
    for rep in _field(pid, 3).split("~"):
        parts = rep.split("^")
        if parts and parts[0].strip():
            authority = parts[3].split("&")[0].strip() if len(parts) > 3 else ""
            found.append((authority or None, parts[0].strip()))
    if not found:
        raise Hl7Error("PID-3 carries no patient identifier")
    return found


def _segments(message: hl7.Message, name: str) -> list[Any]:
    try:
        return list(message.segments(name))
    except KeyError:
        return []


def _visit(message: hl7.Message) -> str | None:
    pv1 = _segments(message, "PV1")
    return _component(pv1[0], 19, 1) or None if pv1 else None


def _observation(obx: Any, obr: Any | None, facility: str, order: str, patient: str, encounter: str | None) -> dict[str, Any]:
    code, display, system = _component(obx, 3, 1), _component(obx, 3, 2), _component(obx, 3, 3)
    if not code:
        raise Hl7Error("OBX-3 has no observation code")
    status_code = _field(obx, 11) or "F"
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "id": _rid(facility, order, _field(obx, 1) or code),
        "status": OBX_STATUS.get(status_code, "final"),
        "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                  "code": "laboratory", "display": "Laboratory"}]}],
        "code": _coding(code, display, system),
        "subject": {"reference": f"Patient/{patient}"},
    }
    if encounter:
        resource["encounter"] = {"reference": f"Encounter/{encounter}"}
    when = fhir_datetime(_field(obx, 14)) or (fhir_datetime(_field(obr, 7)) if obr is not None else None)
    if when:
        resource["effectiveDateTime"] = when
    value_type, raw = _field(obx, 2).upper(), unescape(_field(obx, 5))
    unit = _component(obx, 6, 1)
    if value_type in ("NM", "SN") and raw:
        try:
            number = float(raw.replace("^", "").lstrip("<>=") or "x")
        except ValueError:
            raise Hl7Error(f"OBX-5 of {code} is not numeric") from None
        quantity: dict[str, Any] = {"value": number}
        if unit:
            quantity.update({"unit": unit, "system": "http://unitsofmeasure.org", "code": unit})
        resource["valueQuantity"] = quantity
    elif value_type in ("CE", "CWE") and raw:
        resource["valueCodeableConcept"] = _coding(_component(obx, 5, 1), _component(obx, 5, 2), _component(obx, 5, 3))
    elif raw:
        resource["valueString"] = raw
    ref_range = _field(obx, 7)
    if "-" in ref_range:
        low, _, high = ref_range.partition("-")
        try:
            bounds: dict[str, dict[str, Any]] = {"low": {"value": float(low)}, "high": {"value": float(high)}}
            if unit:
                for b in bounds.values():
                    b.update({"unit": unit, "system": "http://unitsofmeasure.org", "code": unit})
            resource["referenceRange"] = [bounds]
        except ValueError:
            resource["referenceRange"] = [{"text": ref_range}]
    flag = _field(obx, 8)
    if flag in INTERPRETATION:
        resource["interpretation"] = [{"coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
            "code": flag, "display": INTERPRETATION[flag]}], "text": INTERPRETATION[flag]}]
    return resource


def _oru(message: hl7.Message, facility: str, control: str, patient: str) -> list[dict[str, Any]]:
    resources: list[dict[str, Any]] = []
    encounter = _visit(message)
    obr: Any | None = None
    order = control
    for segment in message:
        name = str(segment[0])
        if name == "OBR":
            obr = segment
            order = _component(segment, 3, 1) or _component(segment, 2, 1) or control
        elif name == "OBX":
            resources.append(_observation(segment, obr, facility, order, patient, encounter))
    if not resources:
        raise Hl7Error("ORU message has no OBX result")
    return resources


def _mdm(message: hl7.Message, facility: str, control: str, event: str, patient: str) -> list[dict[str, Any]]:
    txa = _segments(message, "TXA")
    if not txa:
        raise Hl7Error("MDM message has no TXA segment")
    t = txa[0]
    number = _component(t, 12, 1) or control
    lines = [unescape(_field(obx, 5)).replace("~", "\n") for obx in _segments(message, "OBX")]
    text = "\n".join(lines).strip()
    status = "entered-in-error" if event == "T11" else "current"
    doc: dict[str, Any] = {
        "resourceType": "DocumentReference",
        "id": _rid(facility, "TXA", number),
        "status": status,
        "docStatus": TXA_STATUS.get(_field(t, 17), "final"),
        "type": _coding(_component(t, 2, 1) or "11506-3", _component(t, 2, 2) or "Progress note", _component(t, 2, 3) or "LN"),
        "subject": {"reference": f"Patient/{patient}"},
        "identifier": [{"system": f"urn:hl7v2:{facility}:txa-12", "value": number}],
        "content": [{"attachment": {"contentType": "text/plain", "data": base64.b64encode(text.encode()).decode()}}],
    }
    when = fhir_datetime(_field(t, 4)) or fhir_datetime(_field(t, 6))
    if when and "T" in when:
        doc["date"] = when
    elif when:
        doc["context"] = {"period": {"start": when}}
    encounter = _visit(message)
    if encounter:
        doc.setdefault("context", {})["encounter"] = [{"reference": f"Encounter/{encounter}"}]
    if status != "entered-in-error" and not text:
        raise Hl7Error("MDM message carries no note text (OBX-5)")
    return [doc]


def _adt(message: hl7.Message, facility: str, event: str, patient: str) -> list[dict[str, Any]]:
    pv1 = _segments(message, "PV1")
    if not pv1:
        raise Hl7Error("ADT message has no PV1 segment")
    visit = _component(pv1[0], 19, 1)
    if not visit:
        raise Hl7Error("PV1-19 carries no visit number")
    code, display = PATIENT_CLASS.get(_field(pv1[0], 2), ("AMB", "ambulatory"))
    encounter: dict[str, Any] = {
        "resourceType": "Encounter",
        "id": visit,
        "status": ADT_STATUS.get(event, "in-progress"),
        "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": code, "display": display},
        "subject": {"reference": f"Patient/{patient}"},
        "identifier": [{"system": f"urn:hl7v2:{facility}:visit", "value": visit}],
    }
    start, end = fhir_datetime(_field(pv1[0], 44)), fhir_datetime(_field(pv1[0], 45))
    if start or end:
        encounter["period"] = {k: v for k, v in (("start", start), ("end", end)) if v}
    pv2 = _segments(message, "PV2")
    reason = _component(pv2[0], 3, 2) or _component(pv2[0], 3, 1) if pv2 else ""
    if reason:
        encounter["reasonCode"] = [{"text": reason}]
    return [encounter]


async def map_message(text: str, lookup: PatientLookup, authorities: dict[str, str] | None = None) -> Mapped:
    """Map one message. ``patient_id`` stays None (and ``resources`` empty) when the patient is unknown."""
    message = parse_message(text)
    msh = message.segment("MSH")
    message_type, event = _component(msh, 9, 1), _component(msh, 9, 2)
    facility = _component(msh, 4, 1) or _component(msh, 3, 1) or "unknown"
    control = _field(msh, 10)
    if not control:
        raise Hl7Error("MSH-10 message control id is empty")
    mapped = Mapped(f"{message_type}^{event}", control, patient_identifiers=pid_identifiers(message))
    authorities = authorities or {}
    for authority, value in mapped.patient_identifiers:
        mapped.patient_id = await lookup(authorities.get(authority or ""), value)
        if mapped.patient_id:
            break
    if mapped.patient_id is None:
        return mapped
    if message_type == "ORU" and event == "R01":
        mapped.resources = _oru(message, facility, control, mapped.patient_id)
    elif message_type == "MDM" and event in {"T02", "T04", "T06", "T08", "T11"}:
        mapped.resources = _mdm(message, facility, control, event, mapped.patient_id)
    elif message_type == "ADT" and event in ADT_STATUS:
        mapped.resources = _adt(message, facility, event, mapped.patient_id)
    else:
        raise Hl7Error(f"message type {mapped.message_type} is not mapped (ORU^R01, MDM^T02/T04/T06/T08/T11, ADT)")
    return mapped


def ack(text: str, code: str = "AA", error: str | None = None) -> str:
    """An HL7 v2 ACK for ``text`` (AA accepted, AE error, AR rejected)."""
    try:
        msh = parse_message(text).segment("MSH")
        sender, facility = _field(msh, 3), _field(msh, 4)
        receiver, receiver_facility = _field(msh, 5), _field(msh, 6)
        control, version = _field(msh, 10), _field(msh, 12) or "2.5.1"
    except Hl7Error:
        sender = facility = receiver = receiver_facility = control = ""
        version = "2.5.1"
    msa = f"MSA|{code}|{control}" + (f"|{error[:80]}" if error else "")
    return "\r".join([
        f"MSH|^~\\&|{receiver or 'CHARTRAG'}|{receiver_facility}|{sender}|{facility}|||ACK|ACK-{control}|P|{version}",
        msa,
    ])
