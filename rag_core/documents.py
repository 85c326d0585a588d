"""FHIR R4 input (Bundles, Bulk Data NDJSON) → ClinicalDocument text plus provenance.

Every resource is validated (``fhir_models``); a bad one is reported by reference and skipped, the
rest of the batch goes on. Structured resources become one fact sentence carrying the values and
dates; notes keep their text for section-aware chunking.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rag_core.errors import IngestError, ResourceError
from rag_core.facts import ChartFact, Coding, Component, day_text, decimal_text
from rag_core.fhir_models import validate_resource
from rag_core.models import ClinicalDocument, SourceRef
from rag_core.phi.record import RecordIdentifiers
from rag_core.wire import fhir_loads

Resource = dict[str, Any]


@dataclass(frozen=True)
class AttachmentText:
    """Text read out of a non-text attachment (PDF, DOCX, a scan) by an ingestion source."""

    text: str
    ocr_confidence: float | None = None  # mean OCR word confidence 0-100; None for a text layer
    low_confidence: bool = False  # some page fell below the OCR confidence floor


# content type → reader of the decoded bytes; ``reference`` names the resource in errors
AttachmentReader = Callable[[bytes, str], AttachmentText]
AttachmentReaders = dict[str, AttachmentReader]

@dataclass
class LoadReport:
    documents: list[ClinicalDocument] = field(default_factory=list)
    errors: list[ResourceError] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    resources: int = 0
    patients: set[str] = field(default_factory=set)
    # Patient id → its (system, value) identifiers: the directory HL7 v2 messages are matched against
    identifiers: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # Patient id → identifiers that may appear in its notes (rag_core.phi), for tokenization before egress
    records: dict[str, RecordIdentifiers] = field(default_factory=dict)

    def extend(self, other: LoadReport) -> None:
        self.documents.extend(other.documents)
        self.errors.extend(other.errors)
        self.skipped.update(other.skipped)
        self.resources += other.resources
        self.patients |= other.patients
        self.identifiers.update(other.identifiers)
        for patient_id, record in other.records.items():
            self.records.setdefault(patient_id, RecordIdentifiers()).merge(record)


# --------------------------------------------------------------------------- value helpers


def day_of(value: Any) -> str | None:
    """The local calendar date (YYYY-MM-DD) of a FHIR date/dateTime, as written."""
    return day_text(value) if isinstance(value, str) else None


def concept_text(concept: Any) -> str | None:
    if not isinstance(concept, dict):
        return None
    if concept.get("text"):
        return str(concept["text"])
    for coding in concept.get("coding") or []:
        if coding.get("display"):
            return str(coding["display"])
    for coding in concept.get("coding") or []:
        if coding.get("code"):
            return str(coding["code"])
    return None


def code_key(concept: Any) -> str:
    """``system|code`` of the first coding that has both; "" when the concept is text only."""
    if isinstance(concept, dict):
        for coding in concept.get("coding") or []:
            if coding.get("system") and coding.get("code"):
                return f"{coding['system']}|{coding['code']}"
    return ""


def coded_status(concept: Any) -> str | None:
    if isinstance(concept, dict):
        for coding in concept.get("coding") or []:
            if coding.get("code"):
                return str(coding["code"])
    return None


def codings_of(concept: Any) -> tuple[Coding, ...]:
    if not isinstance(concept, dict):
        return ()
    return tuple(
        Coding(system=c.get("system"), code=str(c["code"]) if c.get("code") is not None else None, display=c.get("display"))
        for c in concept.get("coding") or [] if isinstance(c, dict)
    )


def recorded_value(resource: Resource) -> tuple[str | None, str | None, str | None]:
    """(value exactly as recorded, unit, value type) of an Observation or a component."""
    quantity = resource.get("valueQuantity")
    if isinstance(quantity, dict) and quantity.get("value") is not None:
        unit = quantity.get("unit") or quantity.get("code")
        comparator = quantity.get("comparator") or ""
        return comparator + decimal_text(quantity["value"]), str(unit) if unit else None, "quantity"
    if "valueCodeableConcept" in resource:
        return concept_text(resource["valueCodeableConcept"]), None, "concept"
    for key, kind in (("valueString", "string"), ("valueBoolean", "boolean"), ("valueInteger", "integer"),
                      ("valueDateTime", "dateTime"), ("valueTime", "time")):
        if key in resource:
            return decimal_text(resource[key]), None, kind
    return None, None, None


def observation_value(resource: Resource) -> str | None:
    value, unit, _ = recorded_value(resource)
    if value is None:
        return None
    return f"{value} {unit}" if unit else value


def _range_text(ranges: Any) -> str | None:
    for item in ranges or []:
        if not isinstance(item, dict):
            continue
        if item.get("text"):
            return str(item["text"])
        low, high = item.get("low") or {}, item.get("high") or {}
        unit = low.get("unit") or high.get("unit") or ""
        lo = decimal_text(low["value"]) if low.get("value") is not None else None
        hi = decimal_text(high["value"]) if high.get("value") is not None else None
        if lo is not None and hi is not None:
            return f"{lo}–{hi} {unit}".strip()
        if lo is not None:
            return f">= {lo} {unit}".strip()
        if hi is not None:
            return f"<= {hi} {unit}".strip()
    return None


# --------------------------------------------------------------------------- references


class ReferenceResolver:
    """Resolves ``urn:uuid:`` fullUrls and relative references inside one batch."""

    def __init__(self, resources: dict[str, Resource], readers: AttachmentReaders | None = None) -> None:
        self._by_key = resources  # fullUrl and "Type/id" → resource
        self.readers: AttachmentReaders = readers or {}

    def resolve(self, reference: str | None) -> Resource | None:
        if not reference:
            return None
        return self._by_key.get(reference)

    def target_id(self, reference: str | None, expected_type: str) -> str | None:
        """Id of the referenced resource of ``expected_type``; None when it cannot be told."""
        if not reference:
            return None
        found = self._by_key.get(reference)
        if found is not None:
            return str(found.get("id")) if found.get("resourceType") == expected_type else None
        if reference.startswith(f"{expected_type}/"):
            return reference.split("/", 1)[1].split("/_history", 1)[0]
        if reference.startswith(("http://", "https://")) and f"/{expected_type}/" in reference:
            return reference.rsplit(f"/{expected_type}/", 1)[1].split("/_history", 1)[0]  # absolute URL
        if reference.startswith("urn:uuid:") and expected_type == "Encounter":
            return reference.removeprefix("urn:uuid:")  # encounter outside the batch: keep its id
        return None


def _patient_of(resource: Resource, resolver: ReferenceResolver) -> str | None:
    if resource.get("resourceType") == "Patient":
        return str(resource["id"]) if resource.get("id") else None
    for key in ("subject", "patient"):
        ref = (resource.get(key) or {}).get("reference")
        if ref:
            return resolver.target_id(ref, "Patient")
    return None


def _encounter_of(resource: Resource, resolver: ReferenceResolver) -> str | None:
    ref = (resource.get("encounter") or resource.get("context") or {}).get("reference")
    if ref is None and isinstance(resource.get("context"), dict):  # DocumentReference.context
        encounters = resource["context"].get("encounter") or []
        ref = encounters[0].get("reference") if encounters else None
    return resolver.target_id(ref, "Encounter")


# --------------------------------------------------------------------------- renderers


@dataclass(frozen=True)
class Rendered:
    text: str
    concepts: tuple[str, ...]
    effective_date: str | None
    kind: str = "fact"
    codes: tuple[str, ...] = ()  # aligned with concepts: the terminology code of each
    note_type: str | None = None
    category: str | None = None
    status: str | None = None
    ocr_confidence: float | None = None
    low_confidence: bool = False
    fact: ChartFact | None = None
    free_text: bool = False  # holds a clinician's free-text annotation (a record's note): flagged like a note


def _recorded_detail(r: Resource) -> tuple[str, bool]:
    """What a condition or procedure record says beyond its code, as recorded: body site, severity, stage,
    outcome, complications and its free-text notes ("Palliative EBRT 30 Gy to T10 and L2", "stable, no new
    lesions") — what "which side", "where did he get radiation" and "what did the MRI show" ask. Returns the
    sentence(s) and whether free text is among them."""
    parts: list[str] = []
    sites = [t for t in (concept_text(x) for x in r.get("bodySite") or []) if t]
    if sites:
        parts.append(f"Body site: {', '.join(sites)}.")
    severity = concept_text(r.get("severity"))
    if severity:
        parts.append(f"Severity: {severity}.")
    stages = [t for t in (concept_text(s.get("summary")) for s in r.get("stage") or [] if isinstance(s, dict)) if t]
    if stages:
        parts.append(f"Stage: {', '.join(stages)}.")
    outcome = concept_text(r.get("outcome"))
    if outcome:
        parts.append(f"Outcome: {outcome}.")
    complications = [t for t in (concept_text(x) for x in r.get("complication") or []) if t]
    if complications:
        parts.append(f"Complications: {', '.join(complications)}.")
    notes = [str(n["text"]).strip() for n in r.get("note") or [] if isinstance(n, dict) and n.get("text")]
    if notes:
        parts.append("Note: " + " ".join(notes))
    return (" " + " ".join(parts) if parts else ""), bool(notes)


def _first_concept(items: Any) -> Any:
    return (items or [None])[0]


def reasons_text(items: Any, references: Any = None, resolver: ReferenceResolver | None = None) -> str:
    """Every reason recorded (reasonCode is a list: "Type 2 diabetes; Chronic kidney disease"), then every
    condition or observation named by reasonReference that is in the batch, in order, once."""
    found = [concept_text(item) for item in items or [] if isinstance(item, dict)]
    for ref in references or []:
        target = resolver.resolve(ref.get("reference")) if resolver is not None and isinstance(ref, dict) else None
        if target is not None:
            found.append(concept_text(target.get("code")))
        elif isinstance(ref, dict) and isinstance(ref.get("display"), str):
            found.append(ref["display"])
    return "; ".join(dict.fromkeys(t for t in found if t))


def _render_observation(r: Resource, resolver: ReferenceResolver) -> Rendered | None:
    name = concept_text(r.get("code")) or "Observation"
    effective = r.get("effectiveDateTime") or (r.get("effectivePeriod") or {}).get("start") or r.get("issued")
    date = day_of(effective)
    value, unit, value_type = recorded_value(r)
    parts = [f"{name}: {value}{' ' + unit if unit else ''}" if value is not None else name]
    names = [name]
    codes = [code_key(r.get("code"))]
    components: list[Component] = []
    for comp in r.get("component") or []:
        comp_name = concept_text(comp.get("code"))
        if not comp_name:
            continue
        comp_value, comp_unit, _ = recorded_value(comp)
        names.append(comp_name)
        codes.append(code_key(comp.get("code")))
        components.append(Component(display=comp_name, codings=codings_of(comp.get("code")), value=comp_value,
                                    unit=comp_unit))
        parts.append(f"{comp_name} {comp_value}{' ' + comp_unit if comp_unit else ''}" if comp_value else comp_name)
    pressure = _blood_pressure(components)
    if pressure:  # read as clinicians write it: 120/74 mm[Hg], systolic first
        parts = [f"{name} {pressure}"]
    interpretation = concept_text(_first_concept(r.get("interpretation")))
    reference_range = _range_text(r.get("referenceRange"))
    category = concept_text(_first_concept(r.get("category")))
    text = "; ".join(parts) + (f" on {date}" if date else "") + "."
    if reference_range:
        text += f" Reference range {reference_range}."
    if interpretation:
        text += f" Interpretation: {interpretation}."
    text += f" ({category or 'observation'}, status {r.get('status', 'unknown')})"
    category_code = coded_status(_first_concept(r.get("category"))) or category
    fact = ChartFact(
        resource_type="Observation", display=name, codings=codings_of(r.get("code")), value=value, unit=unit,
        value_type=value_type, reference_range=reference_range, interpretation=interpretation,
        effective=effective if isinstance(effective, str) else None, status=r.get("status"), category=category_code,
        encounter_id=_encounter_of(r, resolver), components=tuple(components),
    )
    return Rendered(text, tuple(names), date, codes=tuple(codes), category=category_code, status=r.get("status"),
                    fact=fact)


SYSTOLIC, DIASTOLIC = "8480-6", "8462-4"  # LOINC


def _blood_pressure(components: list[Component]) -> str | None:
    """"173/111 mm[Hg] (Systolic Blood Pressure 173 mm[Hg]; Diastolic Blood Pressure 111 mm[Hg])" for a panel with
    both values in one unit: systolic first as clinicians read it, each component still named, values as recorded."""
    def find(code: str) -> Component | None:
        return next((c for c in components if any(x.code == code for x in c.codings) and c.value is not None), None)

    systolic, diastolic = find(SYSTOLIC), find(DIASTOLIC)
    if systolic is None or diastolic is None or systolic.unit != diastolic.unit:
        return None
    unit = f" {systolic.unit}" if systolic.unit else ""
    return (f"{systolic.value}/{diastolic.value}{unit} ({systolic.display} {systolic.value}{unit}; "
            f"{diastolic.display} {diastolic.value}{unit})")


def _encounter_start(r: Resource, resolver: ReferenceResolver) -> str | None:
    ref = (r.get("encounter") or {}).get("reference") if isinstance(r.get("encounter"), dict) else None
    target = resolver.resolve(ref) if ref else None
    if target is None and ref and ref.startswith("Encounter/"):
        target = resolver.resolve(ref.split("/_history")[0])
    start = ((target or {}).get("period") or {}).get("start")
    return start if isinstance(start, str) else None


def _render_condition(r: Resource, resolver: ReferenceResolver) -> Rendered | None:
    name = concept_text(r.get("code")) or "Condition"
    onset_raw = r.get("onsetDateTime") or (r.get("onsetPeriod") or {}).get("start")
    abatement_raw = r.get("abatementDateTime") or (r.get("abatementPeriod") or {}).get("start")
    onset, abatement = day_of(onset_raw), day_of(abatement_raw)
    recorded = day_of(r.get("recordedDate"))
    during = None
    if not onset and not recorded:  # an encounter diagnosis with no date of its own: the encounter's
        during = day_of(_encounter_start(r, resolver))
    clinical = coded_status(r.get("clinicalStatus"))
    verification = coded_status(r.get("verificationStatus"))
    text = f"Condition diagnosed: {name}."
    if onset:
        text += f" Onset {onset}."
    if abatement:
        text += f" Resolved {abatement}."
    if recorded and recorded != onset:
        text += f" Recorded {recorded}."
    if during:
        text += f" Diagnosed during the encounter of {during}."
    detail, free_text = _recorded_detail(r)
    text += detail
    text += f" Clinical status {clinical or 'unknown'}, verification {verification or 'unknown'}."
    category = concept_text(_first_concept(r.get("category")))
    fact = ChartFact(
        resource_type="Condition", display=name, codings=codings_of(r.get("code")), onset=onset_raw,
        abatement=abatement_raw, recorded=r.get("recordedDate"), status=clinical, verification=verification,
        category=category, encounter_id=_encounter_of(r, resolver),
    )
    return Rendered(text, (name,), onset or recorded or during, codes=(code_key(r.get("code")),), status=clinical,
                    fact=fact, free_text=free_text)


def _medication_concept(r: Resource, resolver: ReferenceResolver) -> tuple[str | None, str, Any]:
    """(name, code key, CodeableConcept) of the drug, from the CodeableConcept or the referenced Medication."""
    if "medicationCodeableConcept" in r:
        concept = r["medicationCodeableConcept"]
        return concept_text(concept), code_key(concept), concept
    ref = (r.get("medicationReference") or {}).get("reference")
    target = resolver.resolve(ref)
    if ref and ref.startswith("#"):
        target = next((c for c in r.get("contained") or [] if c.get("id") == ref[1:]), None)
    if target is not None:
        return concept_text(target.get("code")), code_key(target.get("code")), target.get("code")
    return (r.get("medicationReference") or {}).get("display"), "", None


def _render_medication_request(r: Resource, resolver: ReferenceResolver) -> Rendered | None:
    drug, code, concept = _medication_concept(r, resolver)
    name = drug or "Unnamed medication"
    authored = day_of(r.get("authoredOn"))
    text = f"Medication prescribed: {name}."
    if authored:
        text += f" Prescribed on {authored}."
    text += f" Status {r.get('status', 'unknown')}, intent {r.get('intent', 'unknown')}."
    dosage = (r.get("dosageInstruction") or [{}])[0]
    if dosage.get("text"):
        text += f" Dosage: {dosage['text']}"
    reason = reasons_text(r.get("reasonCode"), r.get("reasonReference"), resolver)
    if reason:
        text += f" Reason: {reason}."
    status_reason = concept_text(r.get("statusReason"))
    if status_reason:
        text += f" Status reason: {status_reason}."
    validity = (r.get("dispenseRequest") or {}).get("validityPeriod") or {}
    period_of = "validity" if validity else None
    if day_of(validity.get("end")):
        text += f" Valid until {day_of(validity.get('end'))}."
    elif not validity:  # no validity period: the dosage's own bounds say when it was to be taken
        every = [b for d in r.get("dosageInstruction") or [] if isinstance(d, dict)
                 for b in [((d.get("timing") or {}).get("repeat") or {}).get("boundsPeriod")]
                 if isinstance(b, dict) and (day_of(b.get("start")) or day_of(b.get("end")))]
        if every:  # a taper's steps: from the first step's start to the last one's end, as written
            starts = [b["start"] for b in every if day_of(b.get("start"))]
            ends = [b["end"] for b in every if day_of(b.get("end"))]
            open_ended = any(not day_of(b.get("end")) for b in every)
            validity = {"start": min(starts, key=lambda v: str(day_of(v))) if starts else None,
                        "end": None if open_ended or not ends else max(ends, key=lambda v: str(day_of(v)))}
            period_of = "dosing"
            start, end = day_of(validity.get("start")), day_of(validity.get("end"))
            text += f" Taken from {start or 'an unrecorded day'}" + (f" until {end}." if end else ".")
    fact = ChartFact(
        resource_type="MedicationRequest", display=name, codings=codings_of(concept), authored=r.get("authoredOn"),
        status=r.get("status"), reason=reason, encounter_id=_encounter_of(r, resolver), status_reason=status_reason,
        period_start=validity.get("start"), period_end=validity.get("end"), period_of=period_of,
    )
    return Rendered(text, (name,), authored, codes=(code,), status=r.get("status"), fact=fact)


def _render_procedure(r: Resource, resolver: ReferenceResolver) -> Rendered | None:
    name = concept_text(r.get("code")) or "Procedure"
    performed = r.get("performedDateTime") or (r.get("performedPeriod") or {}).get("start")
    date = day_of(performed)
    text = f"Procedure performed: {name}" + (f" on {date}" if date else "") + "."
    text += f" Status {r.get('status', 'unknown')}."
    reason = reasons_text(r.get("reasonCode"), r.get("reasonReference"), resolver)
    if reason:
        text += f" Reason: {reason}."
    ended = day_of((r.get("performedPeriod") or {}).get("end"))
    if ended and ended != date:
        text += f" Ended {ended}."
    detail, free_text = _recorded_detail(r)
    text += detail
    fact = ChartFact(
        resource_type="Procedure", display=name, codings=codings_of(r.get("code")), effective=performed,
        period_end=(r.get("performedPeriod") or {}).get("end"), status=r.get("status"), reason=reason,
        encounter_id=_encounter_of(r, resolver),
    )
    return Rendered(text, (name,), date, codes=(code_key(r.get("code")),), status=r.get("status"), fact=fact,
                    free_text=free_text)


def _render_immunization(r: Resource, resolver: ReferenceResolver) -> Rendered | None:
    name = concept_text(r.get("vaccineCode")) or "Vaccine"
    occurrence = r.get("occurrenceDateTime") or r.get("recorded")
    date = day_of(occurrence)
    not_given = r.get("status") in ("not-done", "entered-in-error")
    why = concept_text(r.get("statusReason")) if not_given else None
    text = f"Immunization {'not given' if not_given else 'given'}: {name}" + (f" on {date}" if date else "") + "."
    text += f" Status {r.get('status', 'unknown')}."
    if why:
        text += f" Reason: {why}."  # why it was not given, as recorded ("Patient declined", "contraindicated")
    fact = ChartFact(resource_type="Immunization", display=name, codings=codings_of(r.get("vaccineCode")),
                     effective=occurrence, status=r.get("status"), encounter_id=_encounter_of(r, resolver),
                     status_reason=why)
    return Rendered(text, (name,), date, codes=(code_key(r.get("vaccineCode")),), status=r.get("status"), fact=fact)


def _render_allergy(r: Resource, _: ReferenceResolver) -> Rendered | None:
    name = concept_text(r.get("code")) or "Allergy"
    recorded = day_of(r.get("recordedDate") or r.get("onsetDateTime"))
    categories = ", ".join(r.get("category") or [])
    text = f"Allergy or intolerance: {name}."
    if categories:
        text += f" Category {categories}."
    if r.get("criticality"):
        text += f" Criticality {r['criticality']}."
    reactions = [
        concept_text(m) for reaction in r.get("reaction") or [] for m in reaction.get("manifestation") or []
    ]
    if any(reactions):
        text += " Reactions: " + ", ".join(x for x in reactions if x) + "."
    status = coded_status(r.get("clinicalStatus"))
    text += f" Clinical status {status or 'unknown'}."
    if recorded:
        text += f" Recorded {recorded}."
    fact = ChartFact(resource_type="AllergyIntolerance", display=name, codings=codings_of(r.get("code")),
                     recorded=r.get("recordedDate"), onset=r.get("onsetDateTime"), status=status,
                     verification=coded_status(r.get("verificationStatus")), category=categories or None)
    return Rendered(text, (name,), recorded, codes=(code_key(r.get("code")),), category=categories or None,
                    status=status, fact=fact)


def _render_device(r: Resource, _: ReferenceResolver) -> Rendered | None:
    """A device the patient has or had (implant, pump, home equipment). Its identifier fields (UDI, serial, lot)
    are left out: they identify the person who carries it and answer no clinical question. Its name, maker,
    model and notes are kept; a note is free chart text like any note, shown only to those who may read this
    chart and tokenized like every chart text before a third-party model."""
    name = concept_text(r.get("type")) or next(
        (n.get("name") for n in r.get("deviceName") or [] if isinstance(n, dict) and n.get("name")), None) or "Device"
    status = r.get("status")
    text = f"Device: {name}." + (f" Status {status}." if status else "")
    named: list[str] = [str(n["name"]) for n in r.get("deviceName") or [] if isinstance(n, dict) and n.get("name")]
    named = [n for n in dict.fromkeys(named) if n != name]
    if named:  # what the patient and the notes call it ("Dexcom G7"), its maker and model — not its serial
        text += f" Name: {'; '.join(named)}."
    if isinstance(r.get("manufacturer"), str) and r["manufacturer"]:
        text += f" Manufacturer: {r['manufacturer']}."
    if isinstance(r.get("modelNumber"), str) and r["modelNumber"]:
        text += f" Model: {r['modelNumber']}."
    notes = [str(n["text"]) for n in r.get("note") or [] if isinstance(n, dict) and n.get("text")]
    if notes:
        text += " Note: " + " ".join(notes)
    made = day_of(r.get("manufactureDate"))
    expires = day_of(r.get("expirationDate"))
    if made:
        text += f" Manufactured {made}."
    if expires:
        text += f" Expires {expires}."
    fact = ChartFact(resource_type="Device", display=name, codings=codings_of(r.get("type")), status=status,
                     recorded=r.get("manufactureDate"), period_end=r.get("expirationDate"))
    return Rendered(text, (name, *named), None, codes=(code_key(r.get("type")),), status=status, fact=fact,
                    free_text=bool(notes))


def _render_device_use(r: Resource, resolver: ReferenceResolver) -> Rendered | None:
    """DeviceUseStatement: the device's type read from the referenced Device when it is in the batch."""
    device = resolver.resolve((r.get("device") or {}).get("reference"))
    name = (concept_text(device.get("type")) if device else None) or concept_text(r.get("device")) or "Device"
    period = r.get("timingPeriod") or {}
    start = period.get("start") or r.get("timingDateTime") or r.get("recordedOn")
    date = day_of(start)
    status = r.get("status")
    text = f"Device in use: {name}" + (f" since {date}" if date else "") + "."
    if day_of(period.get("end")):
        text += f" Until {day_of(period.get('end'))}."
    if status:
        text += f" Status {status}."
    site = concept_text(r.get("bodySite"))
    if site:
        text += f" Body site {site}."
    fact = ChartFact(resource_type="DeviceUseStatement", display=name,
                     codings=codings_of(device.get("type")) if device else (), effective=start,
                     period_end=period.get("end"), status=status)
    return Rendered(text, (name,), date, codes=(code_key(device.get("type")) if device else "",), status=status,
                    fact=fact)


def _render_care_plan(r: Resource, resolver: ReferenceResolver) -> Rendered | None:
    """A care plan: its categories and activities (what is planned, as coded), its period and status."""
    categories = [c for c in r.get("category") or [] if isinstance(c, dict)]
    named = [c for c in categories if any(x.get("display") for x in c.get("coding") or []) or c.get("text")]
    category = named[0] if named else None  # US Core's bare "assess-plan" code names no plan
    name = r.get("title") or concept_text(category) or "Care plan"
    period = r.get("period") or {}
    start = period.get("start") or r.get("created")
    date = day_of(start)
    activities = [concept_text((a.get("detail") or {}).get("code")) for a in r.get("activity") or []]
    addresses = []
    for item in r.get("addresses") or []:
        target = resolver.resolve(item.get("reference")) if isinstance(item, dict) else None
        addresses.append(concept_text(target.get("code")) if target else (item or {}).get("display"))
    text = f"Care plan: {name}" + (f" from {date}" if date else "") + "."
    if day_of(period.get("end")):
        text += f" Ended {day_of(period.get('end'))}."
    text += f" Status {r.get('status', 'unknown')}."
    if any(addresses):
        text += " Addresses: " + "; ".join(a for a in addresses if a) + "."
    if any(activities):
        text += " Activities: " + "; ".join(a for a in activities if a) + "."
    fact = ChartFact(resource_type="CarePlan", display=name, codings=codings_of(category),
                     period_start=start, period_end=period.get("end"), status=r.get("status"),
                     encounter_id=_encounter_of(r, resolver))
    return Rendered(text, (name,), date, codes=(code_key(category),), status=r.get("status"), fact=fact)


def _render_goal(r: Resource, _: ReferenceResolver) -> Rendered | None:
    name = concept_text(r.get("description")) or "Goal"
    start = r.get("startDate") or r.get("statusDate")
    date = day_of(start)
    status = r.get("lifecycleStatus")
    text = f"Goal: {name}" + (f" set {date}" if date else "") + "." + (f" Status {status}." if status else "")
    achievement = concept_text(r.get("achievementStatus"))
    if achievement:
        text += f" Achievement {achievement}."
    fact = ChartFact(resource_type="Goal", display=name, codings=codings_of(r.get("description")), effective=start,
                     status=status)
    return Rendered(text, (name,), date, codes=(code_key(r.get("description")),), status=status, fact=fact)


def _render_family_history(r: Resource, _: ReferenceResolver) -> Rendered | None:
    """A relative's condition: never the patient's own (its concepts are the relative's conditions, under the
    family-history topic only)."""
    relation = concept_text(r.get("relationship")) or "Relative"
    conditions = [concept_text(c.get("code")) for c in r.get("condition") or []]
    names = tuple(c for c in conditions if c) or ("Family history",)
    date = day_of(r.get("date"))
    text = f"Family history: {relation} — " + "; ".join(names) + "." + (f" Recorded {date}." if date else "")
    fact = ChartFact(resource_type="FamilyMemberHistory", display=names[0], category=relation,
                     codings=codings_of((r.get("condition") or [{}])[0].get("code")), recorded=r.get("date"),
                     status=r.get("status"))
    codes = tuple(code_key(c.get("code")) for c in r.get("condition") or [] if concept_text(c.get("code")))
    return Rendered(text, names, date, codes=codes or ("",), status=r.get("status"), category=relation, fact=fact)


def _render_imaging_study(r: Resource, resolver: ReferenceResolver) -> Rendered | None:
    """An imaging study: its modality and body sites ("CT of chest"), indexed as a procedure performed."""
    codings = [m for m in r.get("modality") or [] if isinstance(m, dict)]
    codings += [s.get("modality") for s in r.get("series") or [] if isinstance(s.get("modality"), dict)]
    modality = next((m.get("display") or m.get("code") for m in codings if m.get("display") or m.get("code")),
                    None) or "Imaging"
    site = next((s["bodySite"].get("display") for s in r.get("series") or []
                 if isinstance(s.get("bodySite"), dict) and s["bodySite"].get("display")), None)
    name = f"{modality} of {site}" if site else modality
    started = r.get("started")
    date = day_of(started)
    text = f"Imaging study: {name}" + (f" on {date}" if date else "") + "." + (
        f" Status {r.get('status')}." if r.get("status") else "")
    if r.get("description"):
        text += f" {r['description']}."
    fact = ChartFact(resource_type="ImagingStudy", display=name, effective=started, status=r.get("status"),
                     encounter_id=_encounter_of(r, resolver))
    return Rendered(text, (name,), date, codes=("",), status=r.get("status"), fact=fact)


def _render_medication_administration(r: Resource, resolver: ReferenceResolver) -> Rendered | None:
    """A dose given (in the ED, on the ward): a medication administered, never an order still running."""
    concept = r.get("medicationCodeableConcept")
    if concept is None:
        medication = resolver.resolve((r.get("medicationReference") or {}).get("reference"))
        concept = medication.get("code") if medication else None
    name = concept_text(concept) or "Medication"
    given = r.get("effectiveDateTime") or (r.get("effectivePeriod") or {}).get("start")
    date = day_of(given)
    text = f"Medication administered: {name}" + (f" on {date}" if date else "") + "." + (
        f" Status {r.get('status')}." if r.get("status") else "")
    fact = ChartFact(resource_type="MedicationAdministration", display=name, codings=codings_of(concept),
                     effective=given, status=r.get("status"), encounter_id=_encounter_of(r, resolver))
    return Rendered(text, (name,), date, codes=(code_key(concept),), status=r.get("status"), fact=fact)


# v3 ActCode encounter classes → the care setting a clinician names
_SETTINGS = {
    "AMB": "ambulatory", "EMER": "emergency", "IMP": "inpatient", "ACUTE": "inpatient", "NONAC": "inpatient",
    "SS": "inpatient", "OBSENC": "observation", "PRENC": "ambulatory", "VR": "virtual", "HH": "home", "FLD": "other",
}
_ICU_WORDS = ("intensive care", "critical care", "icu", "ccu", "micu", "sicu", "cvicu", "nicu", "picu", "tsicu", "csru")


def _is_icu(*texts: str | None) -> bool:
    lowered = " ".join(t.lower() for t in texts if t)
    return any(f" {w}" in f" {lowered.replace('(', ' ').replace('-', ' ')}" for w in _ICU_WORDS)


# Where a source says what an encounter is by the identifier's system (MIMIC-IV on FHIR: encounter-hosp,
# encounter-icu, encounter-ed) or by its own admission-class code system, that wins over the class code.
_IDENTIFIER_SETTINGS = (("encounter-icu", "icu"), ("encounter-ed", "emergency"), ("encounter-hosp", "inpatient"))


def encounter_setting(klass: Any, texts: list[str | None], r: Resource | None = None) -> str:
    code = str((klass or {}).get("code") or "").upper() if isinstance(klass, dict) else ""
    display = str((klass or {}).get("display") or "") if isinstance(klass, dict) else ""
    system = str((klass or {}).get("system") or "") if isinstance(klass, dict) else ""
    for identifier in (r or {}).get("identifier") or []:
        for marker, setting in _IDENTIFIER_SETTINGS:
            if isinstance(identifier, dict) and marker in str(identifier.get("system") or ""):
                return setting
    if code == "ICU" or _is_icu(display, *texts) or (code == "ACUTE" and (r or {}).get("partOf")):
        return "icu"  # an acute-care stay inside another encounter is an ICU stay (MIMIC-IV on FHIR)
    if "admission-class" in system:
        return "inpatient"  # a hospital admission typed by how it began ("EW EMER.", "URGENT", "ELECTIVE")
    if code in _SETTINGS:
        return _SETTINGS[code]
    lowered = display.lower()
    for word, setting in (("inpatient", "inpatient"), ("emergency", "emergency"), ("ambulatory", "ambulatory")):
        if word in lowered:
            return setting
    return "other"


def _render_encounter(r: Resource, resolver: ReferenceResolver) -> Rendered | None:
    name = concept_text(_first_concept(r.get("type"))) or "Encounter"
    period = r.get("period") or {}
    start, end = day_of(period.get("start")), day_of(period.get("end"))
    klass: dict[str, Any] = r["class"] if isinstance(r.get("class"), dict) else {}
    code = klass.get("code")
    locations: list[str] = []
    for item in r.get("location") or []:
        ref = (item.get("location") or {}) if isinstance(item, dict) else {}
        target = resolver.resolve(ref.get("reference"))
        label = (target or {}).get("name") or ref.get("display")
        if label:
            locations.append(str(label))
    service = concept_text(r.get("serviceType"))
    hospitalization = r.get("hospitalization") or {}
    discharge = concept_text(hospitalization.get("dischargeDisposition"))
    admit_source = concept_text(hospitalization.get("admitSource"))
    setting = encounter_setting(klass, [name, service, *locations], r)
    text = f"Encounter: {name}" + (f" ({klass.get('display') or code})" if code or klass.get("display") else "")
    text += f", {setting} setting" if setting != "other" else ""
    if start:
        text += f", from {start}" + (f" to {end}" if end else "")
    text += "."
    if locations:
        text += f" Location: {', '.join(locations)}."
    if service:
        text += f" Service: {service}."
    reason = reasons_text(r.get("reasonCode"), r.get("reasonReference"), resolver)
    if reason:
        text += f" Reason: {reason}."
    if admit_source:
        text += f" Admitted from: {admit_source}."
    if discharge:
        text += f" Discharge disposition: {discharge}."
    encounter_type = _first_concept(r.get("type"))
    part_of = resolver.target_id((r.get("partOf") or {}).get("reference"), "Encounter")
    fact = ChartFact(
        resource_type="Encounter", display=name, codings=codings_of(encounter_type), period_start=period.get("start"),
        period_end=period.get("end"), status=r.get("status"), encounter_class=code,
        encounter_class_display=klass.get("display"), setting=setting, locations=tuple(locations), service_type=service,
        discharge_disposition=discharge, admit_source=admit_source, part_of=part_of, reason=reason,
        encounter_id=str(r.get("id")),
    )
    return Rendered(text, (name,), start, codes=(code_key(encounter_type),), category=setting, status=r.get("status"),
                    fact=fact)


def _language(r: Resource) -> str | None:
    for item in r.get("communication") or []:
        if isinstance(item, dict) and item.get("language"):
            return concept_text(item["language"])
    return None


def _us_core_text(r: Resource, name: str) -> str | None:
    """The text of a US Core race / ethnicity extension (its ``text`` part, else the category's display)."""
    for ext in r.get("extension") or []:
        if isinstance(ext, dict) and str(ext.get("url", "")).endswith(f"us-core-{name}"):
            parts = [e for e in ext.get("extension") or [] if isinstance(e, dict)]
            text = next((e.get("valueString") for e in parts if e.get("url") == "text"), None)
            display = next(((e.get("valueCoding") or {}).get("display") for e in parts if e.get("url") == "ombCategory"),
                           None)
            return text or display
    return None


def _render_patient(r: Resource, _: ReferenceResolver) -> Rendered | None:
    """Demographics only — sex, birth date, death, language, marital status; never names, addresses or
    identifiers (those stay in the PHI record directory)."""
    deceased = r.get("deceasedDateTime") or ("true" if r.get("deceasedBoolean") is True else None)
    fact = ChartFact(
        resource_type="Patient", display="Patient demographics", gender=r.get("gender"), birth_date=r.get("birthDate"),
        deceased=deceased, language=_language(r), marital_status=concept_text(r.get("maritalStatus")),
        race=_us_core_text(r, "race"), ethnicity=_us_core_text(r, "ethnicity"),
    )
    parts = [f"sex {fact.gender or 'not recorded'}", f"born {day_of(fact.birth_date) or 'date not recorded'}"]
    optional = (("deceased", fact.deceased and (day_of(fact.deceased) or "yes")), ("language", fact.language),
                ("marital status", fact.marital_status), ("race", fact.race), ("ethnicity", fact.ethnicity))
    parts += [f"{label} {value}" for label, value in optional if value]
    text = "Patient demographics: " + "; ".join(parts) + "."
    return Rendered(text, ("Patient demographics",), None, category="demographics", fact=fact)


def _attachment_text(attachment: dict[str, Any], reference: str, readers: AttachmentReaders) -> AttachmentText | None:
    content_type = str(attachment.get("contentType") or "").split(";")[0].strip().lower()
    reader = readers.get(content_type)
    if content_type != "text/plain" and reader is None:
        raise ResourceError(reference, f"attachment content type {content_type or 'missing'!r} not supported")
    if "data" not in attachment:
        raise ResourceError(reference, "attachment has no inline data")
    try:
        raw = base64.b64decode(attachment["data"], validate=True)
    except binascii.Error:
        raise ResourceError(reference, "attachment data is not base64") from None
    if reader is not None:
        return reader(raw, reference)
    try:
        return AttachmentText(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ResourceError(reference, "text/plain attachment is not UTF-8") from None


def _joined(parts: list[AttachmentText | None]) -> AttachmentText | None:
    found = [p for p in parts if p is not None and p.text.strip()]
    if not found:
        return None
    scores = [p.ocr_confidence for p in found if p.ocr_confidence is not None]
    return AttachmentText(
        "\n".join(p.text for p in found),
        sum(scores) / len(scores) if scores else None,
        any(p.low_confidence for p in found),
    )


def _note(content: AttachmentText, r: Resource, date_value: Any, type_concept: Any) -> Rendered:
    return Rendered(
        content.text,
        (concept_text(type_concept) or "Clinical note",),
        day_of(date_value),
        kind="note",
        codes=(code_key(type_concept),),
        note_type=concept_text(type_concept) or "Clinical note",
        status=r.get("status"),
        ocr_confidence=content.ocr_confidence,
        low_confidence=content.low_confidence,
    )


def _render_document_reference(r: Resource, resolver: ReferenceResolver) -> Rendered | None:
    reference = f"DocumentReference/{r.get('id')}"
    parts = [_attachment_text(c.get("attachment") or {}, reference, resolver.readers) for c in r.get("content") or []]
    content = _joined(parts)
    if content is None:
        return None
    date = r.get("date") or ((r.get("context") or {}).get("period") or {}).get("start")
    return _note(content, r, date, r.get("type"))


def _render_diagnostic_report(r: Resource, resolver: ReferenceResolver) -> Rendered | None:
    reference = f"DiagnosticReport/{r.get('id')}"
    forms = r.get("presentedForm") or []
    content = _joined([_attachment_text(f, reference, resolver.readers) for f in forms]) if forms else None
    said = _conclusion(r)
    if content is None and said is None:
        return None  # a lab panel: its results are indexed as Observations
    if said is not None:  # an imaging or pathology read whose conclusion is coded or written, not attached
        text = said if content is None else f"{content.text}\n{said}"
        content = AttachmentText(text, content.ocr_confidence if content else None,
                                 content.low_confidence if content else False)
    if content is None:
        return None
    return _note(content, r, r.get("effectiveDateTime") or (r.get("effectivePeriod") or {}).get("start")
                 or r.get("issued"), r.get("code"))


def _conclusion(r: Resource) -> str | None:
    """A report's own words: its name, category and conclusion as written, and its coded conclusions."""
    written = str(r.get("conclusion") or "").strip()
    coded = [c for c in (concept_text(x) for x in r.get("conclusionCode") or []) if c and c.lower() not in written.lower()]
    if not written and not coded:
        return None
    name = concept_text(r.get("code")) or "Diagnostic report"
    category = ", ".join(c for c in (concept_text(x) for x in r.get("category") or []) if c)
    said = f"{name}" + (f" ({category})" if category else "") + (f" \u2014 conclusion: {written}" if written else "")
    if coded:
        said += (" \u2014 " if written else " \u2014 conclusion: ") + "; ".join(coded)
    return said  # one paragraph: the conclusion is never a section apart from what it concludes


RENDERERS: dict[str, Callable[[Resource, ReferenceResolver], Rendered | None]] = {
    "Patient": _render_patient,
    "Observation": _render_observation,
    "Condition": _render_condition,
    "MedicationRequest": _render_medication_request,
    "Procedure": _render_procedure,
    "Immunization": _render_immunization,
    "AllergyIntolerance": _render_allergy,
    "Encounter": _render_encounter,
    "DocumentReference": _render_document_reference,
    "DiagnosticReport": _render_diagnostic_report,
    "Device": _render_device,
    "DeviceUseStatement": _render_device_use,
    "CarePlan": _render_care_plan,
    "Goal": _render_goal,
    "FamilyMemberHistory": _render_family_history,
    "ImagingStudy": _render_imaging_study,
    "MedicationAdministration": _render_medication_administration,
}


# --------------------------------------------------------------------------- batches


def resources_to_documents(
    items: Iterable[tuple[str, Any]], source_system: str = "urn:chartrag:local", readers: AttachmentReaders | None = None
) -> LoadReport:
    """Turn (key, resource) pairs of one batch into documents. ``key`` is the fullUrl or a line locator;
    ``readers`` read non-text attachments (PDF, DOCX, scans) by content type."""
    report = LoadReport()
    index: dict[str, Resource] = {}
    valid: list[tuple[str, Resource]] = []
    for key, resource in items:
        report.resources += 1
        rtype = resource.get("resourceType") if isinstance(resource, dict) else None
        reference = f"{rtype}/{resource.get('id')}" if isinstance(resource, dict) and rtype else key
        try:
            validate_resource(resource, reference)
        except ResourceError as err:
            report.errors.append(err)
            continue
        valid.append((reference, resource))
        index[key] = resource
        index[reference] = resource
    resolver = ReferenceResolver(index, readers)
    seen_notes: dict[tuple[str, str], int] = {}
    people = [r for _, r in valid if r["resourceType"] in ("Practitioner", "Organization", "RelatedPerson")]
    for reference, resource in valid:
        rtype = resource["resourceType"]
        if rtype == "Patient":
            report.records.setdefault(str(resource.get("id")), RecordIdentifiers()).merge(
                RecordIdentifiers.from_resources([resource, *people]))
            report.patients.add(str(resource.get("id")))
            report.identifiers[str(resource.get("id"))] = [
                (str(i.get("system") or ""), str(i.get("value"))) for i in resource.get("identifier") or [] if i.get("value")
            ]
        renderer = RENDERERS.get(rtype)
        if renderer is None:
            report.skipped[rtype] += 1
            continue
        if resource.get("status") == "entered-in-error":
            report.skipped[f"{rtype} (entered-in-error)"] += 1
            continue
        patient_id = _patient_of(resource, resolver)
        if not patient_id:
            report.errors.append(ResourceError(reference, "missing or unresolvable patient reference"))
            continue
        report.records.setdefault(patient_id, RecordIdentifiers()).merge(RecordIdentifiers.from_resources([resource]))
        try:
            rendered = renderer(resource, resolver)
        except ResourceError as err:
            report.errors.append(err)
            continue
        if rendered is None:
            report.skipped[f"{rtype} (no text)"] += 1
            continue
        doc = ClinicalDocument(
            patient_id=patient_id,
            source=SourceRef(
                resource_type=rtype,
                resource_id=str(resource["id"]),
                version_id=(resource.get("meta") or {}).get("versionId"),
                last_updated=(resource.get("meta") or {}).get("lastUpdated"),
                source_system=source_system,
            ),
            kind="note" if rendered.kind == "note" else "fact",
            text=rendered.text,
            concepts=rendered.concepts,
            codes=rendered.codes,
            encounter_id=_encounter_of(resource, resolver),
            note_type=rendered.note_type,
            effective_date=rendered.effective_date,
            status=rendered.status,
            category=rendered.category,
            phi_present=rendered.kind == "note" or rendered.free_text or rtype == "Patient",
            fact=rendered.fact,
            ocr_confidence=rendered.ocr_confidence,
            low_confidence=rendered.low_confidence,
        )
        if doc.kind == "note":  # the same note as DocumentReference and DiagnosticReport: keep one
            note_key = (patient_id, hashlib.sha256(doc.text.encode()).hexdigest())
            if note_key in seen_notes:
                earlier = report.documents[seen_notes[note_key]]
                dropped = rtype
                if earlier.source.resource_type == "DiagnosticReport" and rtype == "DocumentReference":
                    report.documents[seen_notes[note_key]] = doc
                    dropped = earlier.source.resource_type
                report.skipped[f"{dropped} (same note text as a DocumentReference)"] += 1
                continue
            seen_notes[note_key] = len(report.documents)
        report.patients.add(patient_id)
        report.documents.append(doc)
    return report


def _bundle_items(bundle: Any, origin: str) -> Iterator[tuple[str, Any]]:
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        raise IngestError(f"{origin}: not a FHIR Bundle")
    for position, entry in enumerate(bundle.get("entry") or []):
        resource = entry.get("resource") if isinstance(entry, dict) else None
        key = (entry.get("fullUrl") if isinstance(entry, dict) else None) or f"{origin}#entry{position}"
        yield key, resource


def load_bundle_file(
    path: Path, source_system: str = "urn:chartrag:local", readers: AttachmentReaders | None = None
) -> LoadReport:
    try:
        data = fhir_loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IngestError(f"{path.name}: not readable JSON ({type(exc).__name__})") from None
    return resources_to_documents(_bundle_items(data, path.name), source_system, readers)


def _ndjson_items(path: Path, report: LoadReport) -> Iterator[tuple[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield f"{path.name}:{number}", fhir_loads(line)
            except json.JSONDecodeError:
                report.errors.append(ResourceError(f"{path.name}:{number}", "line is not JSON"))


def load_ndjson(
    paths: list[Path], source_system: str = "urn:chartrag:local", readers: AttachmentReaders | None = None
) -> LoadReport:
    """A Bulk Data export: all files are one batch so references across files resolve."""
    parse_errors = LoadReport()
    items = [item for p in sorted(paths) for item in _ndjson_items(p, parse_errors)]
    report = resources_to_documents(items, source_system, readers)
    report.errors.extend(parse_errors.errors)
    return report


def raw_resources(path: Path) -> list[Resource]:
    """Every resource of a Bundle ``.json``, an ``.ndjson`` file, or a folder of either, unvalidated
    (e.g. for the identifiers of a patient's record)."""
    report = LoadReport()
    if path.is_dir():
        files = [f for folder in fhir_folders(path) for f in [*sorted(folder.glob("*.ndjson")),
                                                              *sorted(folder.glob("*.json"))]]
    elif path.exists():
        files = [path]
    else:
        raise IngestError(f"{path}: no such file")
    found: list[Resource] = []
    for file in files:
        if file.suffix == ".ndjson":
            found.extend(r for _, r in _ndjson_items(file, report) if isinstance(r, dict))
        else:
            try:
                data = fhir_loads(file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise IngestError(f"{file.name}: not readable JSON ({type(exc).__name__})") from None
            found.extend(r for _, r in _bundle_items(data, file.name) if isinstance(r, dict))
    return found


_NOT_DATA = frozenset({"node_modules", "__pycache__", "site-packages"})


def fhir_folders(path: Path) -> list[Path]:
    """``path`` and every folder below it that holds ``.json`` or ``.ndjson`` files, in sorted order: a Bulk
    Data export kept in a subfolder (``bulk/``) is read, not silently left out. Hidden and tool folders
    (``.git``, ``node_modules``) are never walked into."""
    folders: list[Path] = []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _NOT_DATA)
        if any(f.endswith((".json", ".ndjson")) for f in files):
            folders.append(Path(root))
    return folders


def load_path(path: Path, source_system: str = "urn:chartrag:local", readers: AttachmentReaders | None = None) -> LoadReport:
    """A Bundle ``.json`` file, an ``.ndjson`` file, or a folder of either — with its subfolders; the
    ``.ndjson`` files of one folder are one export, read together so that their references resolve."""
    if path.is_dir():
        report = LoadReport()
        folders = fhir_folders(path)
        if not folders:
            raise IngestError(f"{path.name}: folder holds no .json bundles or .ndjson files")
        for folder in folders:
            ndjson = sorted(folder.glob("*.ndjson"))
            if ndjson:
                report.extend(load_ndjson(ndjson, source_system, readers))
            for bundle in sorted(folder.glob("*.json")):
                try:
                    report.extend(load_bundle_file(bundle, source_system, readers))
                except IngestError as exc:
                    if folder == path:
                        raise  # a file the operator put where bundles go: a clear error, as before
                    # a subfolder's other JSON (a tool's package.json): reported, the rest still read
                    report.errors.append(ResourceError(str(bundle.relative_to(path)), str(exc)))
        return report
    if not path.exists():
        raise IngestError(f"{path}: no such file")
    if path.suffix == ".ndjson":
        return load_ndjson([path], source_system, readers)
    return load_bundle_file(path, source_system, readers)
