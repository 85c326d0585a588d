"""Resources a clinician asks about beyond the first nine types are indexed with typed facts: devices,
device use, care plans, goals, family history, imaging studies and medications administered."""

from __future__ import annotations

from typing import Any

from rag_core.chunking import UNDATED_DAY, chunk_document
from rag_core.documents import resources_to_documents
from rag_core.kinds.topics import BY_TYPE
from rag_core.models import CLINICAL_TYPES

PATIENT = {"resourceType": "Patient", "id": "p1", "name": [{"family": "Testperson", "given": ["Ann"]}]}
SNOMED = "http://snomed.info/sct"


def _documents(*resources: dict[str, Any]) -> dict[str, Any]:
    report = resources_to_documents([(f"{r['resourceType']}/{r['id']}", r) for r in (PATIENT, *resources)])
    assert not report.errors, report.errors
    return {d.source.resource_type: d for d in report.documents if d.source.resource_type != "Patient"}


def test_a_device_is_indexed_without_its_identifiers_and_read_up_to_now() -> None:
    device = {"resourceType": "Device", "id": "d1", "patient": {"reference": "Patient/p1"}, "status": "active",
              "type": {"coding": [{"system": SNOMED, "code": "72506001", "display": "Implantable defibrillator"}]},
              "udiCarrier": [{"deviceIdentifier": "00844588003288", "carrierHRF": "(01)00844588003288(17)141120"}],
              "serialNumber": "SN-99812", "lotNumber": "LOT-7"}
    doc = _documents(device)["Device"]
    assert doc.patient_id == "p1" and doc.concepts == ("Implantable defibrillator",)
    assert doc.fact is not None and doc.fact.status == "active"
    for identifier in ("00844588003288", "SN-99812", "LOT-7"):
        assert identifier not in doc.text  # they identify the person who carries the device
    (chunk,) = chunk_document(doc)
    assert chunk.effective_day == UNDATED_DAY  # no date: kept before every date, read by "up to now"


def test_device_use_care_plan_goal_imaging_and_administration_are_facts() -> None:
    device = {"resourceType": "Device", "id": "d2", "patient": {"reference": "Patient/p1"},
              "type": {"coding": [{"system": SNOMED, "code": "702172008", "display": "Home CPAP unit"}]}}
    use = {"resourceType": "DeviceUseStatement", "id": "u1", "subject": {"reference": "Patient/p1"}, "status": "active",
           "device": {"reference": "Device/d2"}, "timingPeriod": {"start": "2021-03-04"}}
    plan = {"resourceType": "CarePlan", "id": "c1", "subject": {"reference": "Patient/p1"}, "status": "active",
            "intent": "order", "period": {"start": "2020-01-05"},
            "category": [{"coding": [{"code": "assess-plan"}]},
                         {"coding": [{"system": SNOMED, "code": "698360004", "display": "Diabetes self management plan"}]}],
            "activity": [{"detail": {"status": "in-progress", "code": {"text": "Diabetic diet"}}}]}
    goal = {"resourceType": "Goal", "id": "g1", "subject": {"reference": "Patient/p1"}, "lifecycleStatus": "active",
            "description": {"text": "HbA1c below 7 %"}, "startDate": "2020-01-05"}
    imaging = {"resourceType": "ImagingStudy", "id": "i1", "subject": {"reference": "Patient/p1"}, "status": "available",
               "started": "2019-05-02T10:00:00Z",
               "series": [{"uid": "1.2.3", "modality": {"code": "US", "display": "Ultrasound"},
                           "bodySite": {"code": "80891009", "display": "Heart structure"}}]}
    given = {"resourceType": "MedicationAdministration", "id": "m1", "subject": {"reference": "Patient/p1"},
             "status": "completed", "effectiveDateTime": "2018-06-19T10:00:00Z",
             "medicationCodeableConcept": {"text": "Epinephrine 1 MG/ML Injection"}}
    docs = _documents(device, use, plan, goal, imaging, given)
    assert docs["DeviceUseStatement"].concepts == ("Home CPAP unit",)
    assert docs["DeviceUseStatement"].effective_date == "2021-03-04"
    assert docs["CarePlan"].concepts == ("Diabetes self management plan",) and "Diabetic diet" in docs["CarePlan"].text
    assert docs["Goal"].concepts == ("HbA1c below 7 %",)
    assert docs["ImagingStudy"].concepts == ("Ultrasound of Heart structure",)
    assert docs["ImagingStudy"].effective_date == "2019-05-02"
    assert docs["MedicationAdministration"].status == "completed"  # a dose given is never a running order
    for rtype in docs:
        assert rtype in CLINICAL_TYPES and rtype in BY_TYPE  # a SMART scope and a topic read it


def test_family_history_is_the_relatives_and_under_its_own_topic() -> None:
    history = {"resourceType": "FamilyMemberHistory", "id": "f1", "patient": {"reference": "Patient/p1"},
               "status": "completed", "date": "2019-01-01",
               "relationship": {"coding": [{"code": "MTH", "display": "mother"}]},
               "condition": [{"code": {"coding": [{"system": SNOMED, "code": "254837009",
                                                   "display": "Malignant neoplasm of breast"}]}}]}
    doc = _documents(history)["FamilyMemberHistory"]
    assert doc.concepts == ("Malignant neoplasm of breast",) and "mother" in doc.text
    assert BY_TYPE["FamilyMemberHistory"].name == "family"


def test_every_reason_of_an_order_is_kept_codes_and_referenced_conditions() -> None:
    """reasonCode is a list, and Synthea (like many EHRs) says why through reasonReference to a Condition."""
    condition = {"resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/p1"},
                 "code": {"coding": [{"system": SNOMED, "code": "38341003", "display": "Hypertension"}]},
                 "onsetDateTime": "2019-01-01"}
    order = {"resourceType": "MedicationRequest", "id": "m1", "status": "active", "intent": "order",
             "subject": {"reference": "Patient/p1"}, "authoredOn": "2020-01-01",
             "medicationCodeableConcept": {"text": "amLODIPine 2.5 MG Oral Tablet"},
             "reasonCode": [{"text": "Chest pain"}, {"text": "Chest pain"}],
             "reasonReference": [{"reference": "Condition/c1"}, {"reference": "Condition/absent", "display": "Angina"}]}
    doc = _documents(condition, order)["MedicationRequest"]
    assert doc.fact is not None and doc.fact.reason == "Chest pain; Hypertension; Angina"
    assert "Reason: Chest pain; Hypertension; Angina." in doc.text


def test_a_device_says_its_name_maker_model_and_notes_but_never_its_serial() -> None:
    device = {"resourceType": "Device", "id": "d2", "patient": {"reference": "Patient/p1"}, "status": "active",
              "type": {"text": "Continuous glucose monitoring system"}, "manufacturer": "Dexcom, Inc.",
              "deviceName": [{"name": "Dexcom G7", "type": "user-friendly-name"}], "modelNumber": "G7",
              "serialNumber": "SN-1234", "note": [{"text": "paired with the pump"}]}
    doc = _documents(device)["Device"]
    assert "Dexcom G7" in doc.text and "Manufacturer: Dexcom, Inc." in doc.text and "Model: G7" in doc.text
    assert "paired with the pump" in doc.text and "SN-1234" not in doc.text
    assert "Dexcom G7" in doc.concepts
