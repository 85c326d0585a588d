from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from rag_core.documents import load_path, resources_to_documents
from rag_core.errors import IngestError
from tests.conftest import BEATRIS, BEATRIS_ID, SYNTHEA


def test_shared_bundle_becomes_documents_with_provenance() -> None:
    report = load_path(BEATRIS)
    assert not report.errors
    assert report.patients == {BEATRIS_ID}
    types = {d.source.resource_type for d in report.documents}
    assert {"Observation", "Condition", "MedicationRequest", "Procedure", "Immunization", "AllergyIntolerance",
            "Encounter", "DocumentReference"} <= types
    notes = [d for d in report.documents if d.kind == "note"]
    assert notes and all(d.source.resource_type == "DocumentReference" for d in notes)  # DR duplicates dropped
    assert all(d.effective_date and d.encounter_id for d in notes)
    bp = next(d for d in report.documents if "Systolic Blood Pressure" in d.concepts)
    assert "Systolic Blood Pressure" in bp.text and "mm[Hg]" in bp.text


def entry(resource: dict) -> tuple[str, dict]:
    return f"urn:uuid:{resource.get('id')}", resource


PATIENT = {"resourceType": "Patient", "id": "pt-1"}
GOOD_OBS = {
    "resourceType": "Observation", "id": "obs-1", "status": "final",
    "code": {"text": "Body Weight"}, "subject": {"reference": "urn:uuid:pt-1"},
    "effectiveDateTime": "2020-01-02T10:00:00-05:00", "valueQuantity": {"value": 80.04, "unit": "kg"},
}


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ({"hello": "world"}, "not a FHIR resource"),
        ({"resourceType": "Frobnication", "id": "x"}, "unknown resource type"),
        ({"resourceType": "Observation", "id": "o2", "status": "final", "code": {"text": "x"}}, "patient reference"),
        ({"resourceType": "Observation", "id": "o3", "status": 12, "code": "nope"}, "invalid Observation"),
        ({"resourceType": "DocumentReference", "id": "d1", "status": "current",
          "subject": {"reference": "urn:uuid:pt-1"},
          "content": [{"attachment": {"contentType": "text/plain", "data": "!!notbase64!!"}}]}, "attachment.data"),
        ({"resourceType": "DocumentReference", "id": "d2", "status": "current",
          "subject": {"reference": "urn:uuid:pt-1"},
          "content": [{"attachment": {"contentType": "application/pdf", "data": base64.b64encode(b"%PDF").decode()}}]},
         "not supported"),
    ],
)
def test_bad_resource_is_reported_and_the_batch_goes_on(bad: dict, reason: str) -> None:
    report = resources_to_documents([entry(PATIENT), entry(bad), entry(GOOD_OBS)])
    assert len(report.errors) == 1 and reason in str(report.errors[0])
    assert [d.source.reference for d in report.documents] == ["Patient/pt-1", "Observation/obs-1"]
    obs = report.documents[1]
    assert "Body Weight: 80.04 kg on 2020-01-02" in obs.text  # the value as recorded, date as written
    assert obs.fact is not None and (obs.fact.value, obs.fact.unit, obs.fact.value_type) == ("80.04", "kg", "quantity")


def test_not_fhir_and_truncated_json_give_clear_errors(tmp_path: Path) -> None:
    truncated = tmp_path / "broken.json"
    truncated.write_text(BEATRIS.read_text()[:5000])
    with pytest.raises(IngestError, match="not readable JSON"):
        load_path(truncated)
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"resourceType": "Patient", "id": "x"}))
    with pytest.raises(IngestError, match="not a FHIR Bundle"):
        load_path(other)


def test_ndjson_folder_resolves_references_across_files(tmp_path: Path) -> None:
    (tmp_path / "Patient.ndjson").write_text(json.dumps(PATIENT) + "\n")
    obs = dict(GOOD_OBS, subject={"reference": "Patient/pt-1"})
    (tmp_path / "Observation.ndjson").write_text(json.dumps(obs) + "\n{truncated\n")
    report = load_path(tmp_path)
    assert [(d.patient_id, d.source.resource_type) for d in report.documents] == [
        ("pt-1", "Observation"), ("pt-1", "Patient")]
    assert [e.reference for e in report.errors] == ["Observation.ndjson:2"]


def test_a_folder_is_read_with_its_subfolders_each_export_on_its_own(tmp_path: Path) -> None:
    """An operator's `chartrag ingest DIR` reads a Bulk export kept in a subfolder (it used to be skipped without
    a word); hidden folders are not read; a tree with no FHIR file anywhere is a clear error."""
    bulk = tmp_path / "bulk"
    bulk.mkdir()
    (bulk / "Patient.ndjson").write_text(json.dumps(PATIENT) + "\n")
    (bulk / "Observation.ndjson").write_text(json.dumps(dict(GOOD_OBS, subject={"reference": "Patient/pt-1"})) + "\n")
    tool = tmp_path / "tools" / "node_modules" / "x"
    tool.mkdir(parents=True)
    (tool / "package.json").write_text("{}")  # never walked into
    stray = tmp_path / "notes"
    stray.mkdir()
    (stray / "settings.json").write_text(json.dumps({"theme": "dark"}))  # reported, the rest still read
    hidden = tmp_path / ".cache"
    hidden.mkdir()
    (hidden / "Patient.ndjson").write_text(json.dumps(dict(PATIENT, id="pt-hidden")) + "\n")
    report = load_path(tmp_path)
    assert sorted(report.patients) == ["pt-1"]
    assert [e.reference for e in report.errors] == ["notes/settings.json"]
    empty = tmp_path / "empty"
    (empty / "deeper").mkdir(parents=True)
    with pytest.raises(IngestError, match=r"holds no \.json bundles"):
        load_path(empty)


def test_all_shared_patients_load_without_errors() -> None:
    report = load_path(SYNTHEA)
    assert len(report.patients) == 6 and not report.errors


def _recorded_numbers(resource: dict) -> list[tuple[str, str]]:
    """(display, value as written in the JSON) for the resource and its components."""
    found = []
    for part in [resource, *(resource.get("component") or [])]:
        quantity = part.get("valueQuantity")
        if isinstance(quantity, dict) and quantity.get("value") is not None:
            found.append((part["code"].get("text") or part["code"]["coding"][0]["display"], quantity["value"]))
    return found


def test_every_observation_of_the_bundled_patients_shows_its_value_as_recorded() -> None:
    """No displayed value differs from the recorded one: the decimal as written in the source JSON (read
    as text, not through a float) appears in the fact sentence and on the typed fact, with its unit."""
    checked = 0
    for bundle in sorted(SYNTHEA.glob("*.json")):
        raw = json.loads(bundle.read_text(), parse_float=str, parse_int=str)
        written = {e["resource"]["id"]: e["resource"] for e in raw["entry"]
                   if e["resource"]["resourceType"] == "Observation"}
        for doc in load_path(bundle).documents:
            if doc.source.resource_type != "Observation":
                continue
            resource = written[doc.source.resource_id]
            assert doc.fact is not None
            for _display, value in _recorded_numbers(resource):
                assert f" {value} " in f" {doc.text} ".replace(";", " ") or f": {value} " in doc.text, (
                    doc.source.reference, value)
                shown = [doc.fact.value] + [c.value for c in doc.fact.components]
                assert value in shown
                checked += 1
    assert checked > 1500


def test_values_keep_every_digit() -> None:
    obs = dict(GOOD_OBS, valueQuantity={"value": 14.003, "unit": "%"}, id="obs-2")
    creat = dict(GOOD_OBS, valueQuantity={"value": 0.97, "unit": "mg/dL"}, id="obs-3")
    docs = resources_to_documents([entry(PATIENT), entry(obs), entry(creat)]).documents
    assert [d.fact.shown_value for d in docs if d.fact and d.fact.resource_type == "Observation"] == [
        "14.003 %", "0.97 mg/dL"]


def test_patient_demographics_are_indexed_without_identifiers() -> None:
    patient = {"resourceType": "Patient", "id": "pt-9", "gender": "female", "birthDate": "1969-10-19",
               "deceasedDateTime": "2005-11-09T06:27:51-05:00", "name": [{"family": "Zebraface", "given": ["Quilla"]}],
               "identifier": [{"system": "urn:mrn", "value": "MRN-778899"}],
               "communication": [{"language": {"text": "Spanish"}}]}
    (doc,) = resources_to_documents([entry(patient)]).documents
    assert doc.source.reference == "Patient/pt-9" and doc.patient_id == "pt-9"
    assert "female" in doc.text and "1969-10-19" in doc.text and "2005-11-09" in doc.text and "Spanish" in doc.text
    assert "Zebraface" not in doc.text and "MRN-778899" not in doc.text and "Quilla" not in doc.text


def test_a_report_whose_conclusion_is_written_or_coded_but_not_attached_is_read() -> None:
    """An imaging or pathology DiagnosticReport often carries its read in `conclusion` / `conclusionCode` with no
    presentedForm: it is indexed as a note of one paragraph (the conclusion never a section apart); a lab panel
    with neither stays an index of its Observations only."""
    read = {"resourceType": "DiagnosticReport", "id": "ct", "status": "final", "subject": {"reference": "Patient/p"},
            "category": [{"text": "Radiology"}], "code": {"text": "CT Head WO contrast"},
            "effectiveDateTime": "2023-06-14T10:00:00-05:00",
            "conclusion": "No acute intracranial hemorrhage or fracture.",
            "conclusionCode": [{"text": "Cerebral atrophy"}]}
    panel = {"resourceType": "DiagnosticReport", "id": "bmp", "status": "final", "subject": {"reference": "Patient/p"},
             "code": {"text": "Basic metabolic panel"}, "effectiveDateTime": "2023-06-14T10:00:00-05:00"}
    report = resources_to_documents([("DiagnosticReport/ct", read), ("DiagnosticReport/bmp", panel)])
    docs = {d.source.resource_id: d for d in report.documents}
    assert set(docs) == {"ct"}
    assert docs["ct"].kind == "note"
    assert docs["ct"].text == ("CT Head WO contrast (Radiology) \u2014 conclusion: No acute intracranial hemorrhage or "
                               "fracture. \u2014 Cerebral atrophy")
