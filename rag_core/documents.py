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
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rag_core.errors import IngestError, ResourceError
from rag_core.fhir_models import validate_resource
from rag_core.models import ClinicalDocument, SourceRef
from rag_core.phi.record import RecordIdentifiers

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


def fmt_number(value: float | int) -> str:
    """Values as written, rounded to one decimal; ``6.0`` → ``6``."""
    rounded = round(float(value), 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def day_of(value: Any) -> str | None:
    """The local calendar date (YYYY-MM-DD) of a FHIR date/dateTime, as written."""
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    if isinstance(value, str) and len(value) == 7:  # YYYY-MM
        return value + "-01"
    if isinstance(value, str) and len(value) == 4 and value.isdigit():
        return value + "-01-01"
    return None


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


def quantity_text(quantity: Any) -> str | None:
    if not isinstance(quantity, dict) or quantity.get("value") is None:
        return None
    unit = quantity.get("unit") or quantity.get("code") or ""
    return f"{fmt_number(quantity['value'])} {unit}".strip()


def observation_value(resource: Resource) -> str | None:
    if "valueQuantity" in resource:
        return quantity_text(resource["valueQuantity"])
    if "valueCodeableConcept" in resource:
        return concept_text(resource["valueCodeableConcept"])
    for key in ("valueString", "valueBoolean", "valueInteger", "valueDateTime", "valueTime"):
        if key in resource:
            value = resource[key]
            return fmt_number(value) if key == "valueInteger" else str(value)
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


def _render_observation(r: Resource, _: ReferenceResolver) -> Rendered | None:
    name = concept_text(r.get("code")) or "Observation"
    date = day_of(r.get("effectiveDateTime") or (r.get("effectivePeriod") or {}).get("start") or r.get("issued"))
    value = observation_value(r)
    parts = [f"{name}: {value}" if value else name]
    components = []
    codes = [code_key(r.get("code"))]
    for comp in r.get("component") or []:
        comp_name = concept_text(comp.get("code"))
        comp_value = observation_value(comp)
        if comp_name:
            components.append(comp_name)
            codes.append(code_key(comp.get("code")))
            parts.append(f"{comp_name} {comp_value}" if comp_value else comp_name)
    interpretation = concept_text((r.get("interpretation") or [None])[0])
    category = concept_text((r.get("category") or [None])[0])
    text = "; ".join(parts) + (f" on {date}" if date else "") + "."
    if interpretation:
        text += f" Interpretation: {interpretation}."
    text += f" ({category or 'observation'}, status {r.get('status', 'unknown')})"
    category_code = coded_status((r.get("category") or [None])[0]) or category
    return Rendered(text, (name, *components), date, codes=tuple(codes), category=category_code, status=r.get("status"))


def _render_condition(r: Resource, _: ReferenceResolver) -> Rendered | None:
    name = concept_text(r.get("code")) or "Condition"
    onset = day_of(r.get("onsetDateTime") or (r.get("onsetPeriod") or {}).get("start"))
    abatement = day_of(r.get("abatementDateTime") or (r.get("abatementPeriod") or {}).get("start"))
    recorded = day_of(r.get("recordedDate"))
    clinical = coded_status(r.get("clinicalStatus"))
    verification = coded_status(r.get("verificationStatus"))
    text = f"Condition diagnosed: {name}."
    if onset:
        text += f" Onset {onset}."
    if abatement:
        text += f" Resolved {abatement}."
    if recorded and recorded != onset:
        text += f" Recorded {recorded}."
    text += f" Clinical status {clinical or 'unknown'}, verification {verification or 'unknown'}."
    return Rendered(text, (name,), onset or recorded, codes=(code_key(r.get("code")),), status=clinical)


def _medication_concept(r: Resource, resolver: ReferenceResolver) -> tuple[str | None, str]:
    """(name, code key) of the drug, from the CodeableConcept or the referenced Medication."""
    if "medicationCodeableConcept" in r:
        concept = r["medicationCodeableConcept"]
        return concept_text(concept), code_key(concept)
    ref = (r.get("medicationReference") or {}).get("reference")
    target = resolver.resolve(ref)
    if ref and ref.startswith("#"):
        target = next((c for c in r.get("contained") or [] if c.get("id") == ref[1:]), None)
    if target is not None:
        return concept_text(target.get("code")), code_key(target.get("code"))
    return (r.get("medicationReference") or {}).get("display"), ""


def _render_medication_request(r: Resource, resolver: ReferenceResolver) -> Rendered | None:
    drug, code = _medication_concept(r, resolver)
    name = drug or "Unnamed medication"
    authored = day_of(r.get("authoredOn"))
    text = f"Medication prescribed: {name}."
    if authored:
        text += f" Prescribed on {authored}."
    text += f" Status {r.get('status', 'unknown')}, intent {r.get('intent', 'unknown')}."
    dosage = (r.get("dosageInstruction") or [{}])[0]
    if dosage.get("text"):
        text += f" Dosage: {dosage['text']}"
    reason = concept_text((r.get("reasonCode") or [None])[0])
    if reason:
        text += f" Reason: {reason}."
    return Rendered(text, (name,), authored, codes=(code,), status=r.get("status"))


def _render_procedure(r: Resource, _: ReferenceResolver) -> Rendered | None:
    name = concept_text(r.get("code")) or "Procedure"
    date = day_of(r.get("performedDateTime") or (r.get("performedPeriod") or {}).get("start"))
    text = f"Procedure performed: {name}" + (f" on {date}" if date else "") + "."
    text += f" Status {r.get('status', 'unknown')}."
    reason = concept_text((r.get("reasonCode") or [None])[0])
    if reason:
        text += f" Reason: {reason}."
    return Rendered(text, (name,), date, codes=(code_key(r.get("code")),), status=r.get("status"))


def _render_immunization(r: Resource, _: ReferenceResolver) -> Rendered | None:
    name = concept_text(r.get("vaccineCode")) or "Vaccine"
    date = day_of(r.get("occurrenceDateTime") or r.get("recorded"))
    text = f"Immunization given: {name}" + (f" on {date}" if date else "") + "."
    text += f" Status {r.get('status', 'unknown')}."
    return Rendered(text, (name,), date, codes=(code_key(r.get("vaccineCode")),), status=r.get("status"))


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
    return Rendered(text, (name,), recorded, codes=(code_key(r.get("code")),), category=categories or None,
                    status=status)


def _render_encounter(r: Resource, _: ReferenceResolver) -> Rendered | None:
    name = concept_text((r.get("type") or [None])[0]) or "Encounter"
    period = r.get("period") or {}
    start, end = day_of(period.get("start")), day_of(period.get("end"))
    klass = (r.get("class") or {}).get("code")
    text = f"Encounter: {name}" + (f" ({klass})" if klass else "") + (f" on {start}" if start else "")
    text += f" to {end}." if end and end != start else "."
    reason = concept_text((r.get("reasonCode") or [None])[0])
    if reason:
        text += f" Reason: {reason}."
    encounter_type = (r.get("type") or [None])[0]
    return Rendered(text, (name,), start, codes=(code_key(encounter_type),), category=klass, status=r.get("status"))


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
    if not forms:
        return None  # a lab panel: its results are indexed as Observations
    content = _joined([_attachment_text(f, reference, resolver.readers) for f in forms])
    if content is None:
        return None
    return _note(content, r, r.get("effectiveDateTime") or r.get("issued"), r.get("code"))


RENDERERS: dict[str, Callable[[Resource, ReferenceResolver], Rendered | None]] = {
    "Observation": _render_observation,
    "Condition": _render_condition,
    "MedicationRequest": _render_medication_request,
    "Procedure": _render_procedure,
    "Immunization": _render_immunization,
    "AllergyIntolerance": _render_allergy,
    "Encounter": _render_encounter,
    "DocumentReference": _render_document_reference,
    "DiagnosticReport": _render_diagnostic_report,
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
            phi_present=rendered.kind == "note",
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
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IngestError(f"{path.name}: not readable JSON ({type(exc).__name__})") from None
    return resources_to_documents(_bundle_items(data, path.name), source_system, readers)


def _ndjson_items(path: Path, report: LoadReport) -> Iterator[tuple[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield f"{path.name}:{number}", json.loads(line)
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
        files = sorted(path.glob("*.ndjson")) + sorted(path.glob("*.json"))
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
                data = json.loads(file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise IngestError(f"{file.name}: not readable JSON ({type(exc).__name__})") from None
            found.extend(r for _, r in _bundle_items(data, file.name) if isinstance(r, dict))
    return found


def load_path(path: Path, source_system: str = "urn:chartrag:local", readers: AttachmentReaders | None = None) -> LoadReport:
    """A Bundle ``.json`` file, an ``.ndjson`` file, or a folder of either."""
    if path.is_dir():
        report = LoadReport()
        ndjson = sorted(path.glob("*.ndjson"))
        if ndjson:
            report.extend(load_ndjson(ndjson, source_system, readers))
        for bundle in sorted(path.glob("*.json")):
            report.extend(load_bundle_file(bundle, source_system, readers))
        if not ndjson and not list(path.glob("*.json")):
            raise IngestError(f"{path.name}: folder holds no .json bundles or .ndjson files")
        return report
    if not path.exists():
        raise IngestError(f"{path}: no such file")
    if path.suffix == ".ndjson":
        return load_ndjson([path], source_system, readers)
    return load_bundle_file(path, source_system, readers)
