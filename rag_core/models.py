"""Typed values that flow through the pipeline (documents → chunks → hits → answers)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from rag_core.facts import ChartFact

PATIENT_DATA = "patient_data"
CLINICAL_GUIDELINES = "clinical_guidelines"
ANONYMIZED_CASES = "anonymized_cases"
NAMESPACES: tuple[str, ...] = (PATIENT_DATA, CLINICAL_GUIDELINES, ANONYMIZED_CASES)

CLINICAL_TYPES: frozenset[str] = frozenset(
    {
        "Observation",
        "Condition",
        "MedicationRequest",
        "Procedure",
        "Immunization",
        "AllergyIntolerance",
        "Encounter",
        "DocumentReference",
        "DiagnosticReport",
        "Patient",
        "Device",
        "DeviceUseStatement",
        "CarePlan",
        "Goal",
        "FamilyMemberHistory",
        "ImagingStudy",
        "MedicationAdministration",
    }
)


@dataclass(frozen=True)
class PatientScope:
    """Who may see what: the only way to query ``patient_data``.

    ``resource_types`` are the FHIR types the requester's scopes grant; retrieval never returns others.
    """

    patient_id: str
    resource_types: frozenset[str]
    requester: str
    # SMART v2 category-limited grants: type → the only categories of it that may be read
    categories: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def full(cls, patient_id: str, requester: str) -> PatientScope:
        return cls(patient_id=patient_id, resource_types=CLINICAL_TYPES, requester=requester)

    def allowed(self, wanted: frozenset[str] | None) -> frozenset[str]:
        return self.resource_types if wanted is None else self.resource_types & wanted


class SourceRef(BaseModel):
    model_config = ConfigDict(frozen=True)

    resource_type: str
    resource_id: str
    version_id: str | None = None
    last_updated: str | None = None  # meta.lastUpdated as written
    source_system: str = "urn:chartrag:local"

    @property
    def reference(self) -> str:
        return f"{self.resource_type}/{self.resource_id}"


class ClinicalDocument(BaseModel):
    """One resource rendered as text plus provenance; ``kind`` says how it is chunked."""

    model_config = ConfigDict(frozen=True)

    patient_id: str
    source: SourceRef
    kind: Literal["note", "fact"]
    text: str
    concepts: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()  # "system|code" of each concept ("" when uncoded)
    encounter_id: str | None = None
    note_type: str | None = None
    effective_date: str | None = None  # YYYY-MM-DD as written in the resource (local date)
    status: str | None = None
    category: str | None = None
    phi_present: bool = False
    # text read by OCR: mean word confidence (0-100) and whether some page fell below the floor
    ocr_confidence: float | None = None
    low_confidence: bool = False
    fact: ChartFact | None = None  # structured resources: the typed facts (values as recorded)


class GuidelineRef(BaseModel):
    """Where a guideline chunk comes from: what an answer cites beside the chart (``clinical_guidelines``)."""

    model_config = ConfigDict(frozen=True)

    title: str
    issuer: str
    version: str
    published: str | None = None
    url: str | None = None
    section_path: tuple[str, ...] = ()
    license: str | None = None


class CaseRef(BaseModel):
    """A case of the anonymized library (``anonymized_cases``): de-identified content and its approval
    reference — never a patient id."""

    model_config = ConfigDict(frozen=True)

    case_id: str
    approval: str
    sex: str | None = None
    age_group: str | None = None
    problems: tuple[str, ...] = ()
    medications: tuple[str, ...] = ()
    labs: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


class Chunk(BaseModel):
    """What the index stores: text, a deterministic id and the metadata filters use."""

    model_config = ConfigDict(frozen=True)

    id: str
    patient_id: str
    text: str
    resource_type: str
    resource_id: str
    version_id: str | None = None
    last_updated: str | None = None  # the resource's meta.lastUpdated: version order at the writer
    kind: Literal["note", "fact"] = "fact"
    concepts: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    encounter_id: str | None = None
    note_type: str | None = None
    section: str | None = None
    effective_date: str | None = None
    effective_day: int | None = None  # YYYYMMDD, for range filters
    status: str | None = None
    category: str | None = None
    source_system: str = "urn:chartrag:local"
    phi_present: bool = False
    ocr_confidence: float | None = None
    low_confidence: bool = False
    fact: ChartFact | None = None
    guideline: GuidelineRef | None = None  # chunks of the clinical_guidelines namespace
    case: CaseRef | None = None  # chunks of the anonymized_cases namespace
    start: int = 0
    end: int = 0

    @property
    def reference(self) -> str:
        return f"{self.resource_type}/{self.resource_id}"

    def payload(self) -> dict[str, Any]:
        data = self.model_dump()
        data["concepts"] = list(self.concepts)
        data["codes"] = [c for c in self.codes if c]
        data["concept_codes"] = list(self.codes)  # aligned with concepts
        data["chunk_id"] = data.pop("id")
        return data

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> Chunk:
        data = dict(payload)
        data["id"] = data.pop("chunk_id")
        data["concepts"] = tuple(data.get("concepts") or ())
        data.pop("codes", None)
        data["codes"] = tuple(data.pop("concept_codes", None) or ())
        return cls.model_validate(data)


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float
    dense: list[float] | None = None  # the stored dense vector, so reranking need not re-embed


@dataclass(frozen=True)
class SearchFilter:
    """Filters that narrow a query; the patient comes from the scope, never from here."""

    resource_types: frozenset[str] | None = None
    day_from: int | None = None
    day_to: int | None = None
    concepts: tuple[str, ...] | None = None
    codes: tuple[str, ...] | None = None
    statuses: tuple[str, ...] | None = None
    encounter_id: str | None = None
    kind: Literal["note", "fact"] | None = None


@dataclass(frozen=True)
class HybridQuery:
    text: str
    dense: list[float]
    sparse_indices: list[int]
    sparse_values: list[float]
    filter: SearchFilter = field(default_factory=SearchFilter)
    limit: int = 25


class Derived(BaseModel):
    """A number a claim states that no cited text holds, because it is computed from them: how many
    facts are cited (``count``), days between two cited dates (``days``), the age on a day from the
    cited birth date (``age``). The citation validator recomputes it; a mismatch drops the claim."""

    kind: Literal["count", "days", "age"]
    value: str
    start: str | None = None  # days: first date; age: the day the age is on
    end: str | None = None  # days: second date


ClaimSource = Literal["chart", "guideline"]


class Claim(BaseModel):
    text: str
    citations: list[str] = Field(description="chunk ids from this request's retrieval set")
    computed: list[Derived] = Field(default_factory=list, description="numbers computed from the cited facts")
    # "chart": a fact of this patient's chart, citing patient_data only; "guideline": what a guideline says,
    # citing clinical_guidelines only — the validator holds each to its own namespace
    source: ClaimSource = "chart"


class DraftAnswer(BaseModel):
    """What a generator returns; not yet trusted."""

    text: str
    claims: list[Claim]
    confidence: float
    insufficient_evidence: bool = False
    model_id: str


class DroppedClaim(BaseModel):
    text_hash: str
    reason: str
    claim: int = 0  # 1-based position in the draft (what a model is told when asked to answer again)


class Citation(BaseModel):
    chunk_id: str
    patient_id: str
    reference: str
    resource_type: str
    effective_date: str | None
    section: str | None
    start: int
    end: int
    text: str
    namespace: str = PATIENT_DATA  # where the cited chunk was retrieved from
    guideline: GuidelineRef | None = None  # a guideline citation: title, issuer, version, section, URL


class SeriesPoint(BaseModel):
    day: str  # YYYY-MM-DD as recorded
    value: str  # the number exactly as recorded
    shown: str  # value with its unit, as recorded
    chunk_id: str  # the cited fact this point is
    flag: str | None = None  # interpretation as recorded (H, L, "High" …), never computed


class Series(BaseModel):
    """Values of one measurement over time, for a chart: every point is a cited fact."""

    name: str
    unit: str | None = None
    points: list[SeriesPoint]
    reference_range: str | None = None  # as recorded (when every point shares one)
    range_low: str | None = None  # its bounds, when the recorded range states them as numbers
    range_high: str | None = None


Absence = Literal["not_recorded", "outside_window", "withheld"]


class ValidatedAnswer(BaseModel):
    """The only answer shape that leaves rag_core; built by ``citations.validate``."""

    patient_id: str
    answer: str
    claims: list[Claim]
    citations: list[Citation]
    confidence: float
    abstained: bool
    dropped: list[DroppedClaim] = []
    retrieved_chunk_ids: list[str] = []
    retrieved_references: list[str] = []
    retrieved_patient_ids: list[str] = Field(default=[], description="patient of each retrieved chunk")
    retrieved_guideline_ids: list[str] = Field(default=[], description="guideline chunks retrieved beside the chart")
    retrieved_guideline_references: list[str] = Field(
        default=[], description="each retrieved guideline chunk as Guideline/<id>#<section path>, best first")
    model_id: str
    latency_ms: float = 0.0
    # when the answer abstains: the best-ranked evidence, shown so the clinician can look for themselves
    closest: list[Citation] = []
    # set when the configured model was not used as asked (e.g. unavailable → offline generator); no chart text
    notice: str | None = None
    # why (part of) the question has no answer: nothing recorded, only outside the asked period, or withheld
    absence: Absence | None = None
    series: list[Series] = []  # measurements over time among the cited facts (drawn as charts)
