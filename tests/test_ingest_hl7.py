"""HL7 v2 → FHIR: hand-written ORU^R01, MDM^T02 and ADT messages map to valid R4 resources with
the right values; the patient is matched by identifier, an unknown patient's message is held and
released when the patient arrives; the MLLP listener acknowledges AA after queueing, AR on garbage."""

from __future__ import annotations

import asyncio
import base64
from pathlib import Path
from typing import Any

import hl7
import hl7.mllp
import pytest

from fhir_ingest.errors import Hl7Error
from fhir_ingest.queue import SqliteJobQueue
from fhir_ingest.sources.hl7v2 import Mapped, ack, fhir_datetime, map_message, split_messages
from fhir_ingest.sources.mllp import start_mllp
from rag_core.fhir_models import validate_resource
from tests.ingest_helpers import ingest_rig
from tests.servers import free_port

HL7 = Path(__file__).resolve().parent / "data" / "hl7"
MRN_SYSTEM = "http://hospital.example/mrn"
AUTHORITIES = {"GENHOSP": MRN_SYSTEM}
PATIENT = "p-hl7-1"


async def lookup(system: str | None, value: str) -> str | None:
    return PATIENT if (system, value) == (MRN_SYSTEM, "MRN0042817") else None


async def mapped(name: str) -> Mapped:
    result = await map_message((HL7 / name).read_text(), lookup, AUTHORITIES)
    for resource in result.resources:
        validate_resource(resource, f"{resource['resourceType']}/{resource['id']}")
    return result


async def test_oru_r01_results_become_laboratory_observations() -> None:
    result = await mapped("oru_r01_lab_results.hl7")
    assert result.message_type == "ORU^R01" and result.patient_id == PATIENT
    by_code = {r["code"]["coding"][0]["code"]: r for r in result.resources}
    a1c = by_code["4548-4"]
    assert a1c["code"]["coding"][0]["system"] == "http://loinc.org"
    assert a1c["valueQuantity"] == {"value": 8.1, "unit": "%", "system": "http://unitsofmeasure.org", "code": "%"}
    assert a1c["interpretation"][0]["coding"][0]["code"] == "H"
    assert a1c["referenceRange"][0]["low"]["value"] == 4.0 and a1c["referenceRange"][0]["high"]["value"] == 5.6
    assert a1c["effectiveDateTime"] == "2025-03-14T07:15:00-05:00" and a1c["status"] == "final"
    assert a1c["subject"] == {"reference": f"Patient/{PATIENT}"}
    assert a1c["encounter"] == {"reference": "Encounter/V20250314-88"}
    assert by_code["2160-0"]["valueQuantity"]["value"] == 1.02
    assert by_code["5778-6"]["valueString"] == "Pale yellow"
    again = await mapped("oru_r01_lab_results.hl7")  # a resent message updates the same resources
    assert [r["id"] for r in again.resources] == [r["id"] for r in result.resources]


async def test_mdm_t02_becomes_a_progress_note_with_its_sections() -> None:
    result = await mapped("mdm_t02_progress_note.hl7")
    doc = result.resources[0]
    assert doc["resourceType"] == "DocumentReference" and doc["status"] == "current" and doc["docStatus"] == "final"
    assert doc["type"]["coding"][0]["code"] == "11506-3" and doc["date"] == "2025-03-14T10:30:00-05:00"
    text = base64.b64decode(doc["content"][0]["attachment"]["data"]).decode()
    assert text.startswith("# Subjective\nFollow-up of type 2 diabetes.")
    assert "# Assessment and plan\nHbA1c 8.1 percent" in text and "\nRecheck HbA1c in 3 months." in text
    assert doc["identifier"][0]["value"] == "DOC-2025-000913"


async def test_adt_admission_then_discharge_update_one_encounter() -> None:
    admit, discharge = await mapped("adt_a01_admission.hl7"), await mapped("adt_a03_discharge.hl7")
    a, d = admit.resources[0], discharge.resources[0]
    assert a["id"] == d["id"] == "V20250402-17"
    assert (a["status"], a["class"]["code"], a["period"]) == ("in-progress", "IMP", {"start": "2025-04-02T21:40:00-05:00"})
    assert d["status"] == "finished" and d["period"]["end"] == "2025-04-05T13:30:00-05:00"
    assert a["reasonCode"][0]["text"] == "Diabetic ketoacidosis"


async def test_unknown_patient_is_not_guessed() -> None:
    result = await mapped("oru_r01_unknown_patient.hl7")
    assert result.patient_id is None and result.resources == []
    assert result.patient_identifiers == [("OTHERHOSP", "MRN0000001")]


@pytest.mark.parametrize(("text", "error"), [
    ("PID|1||X", "MSH"),
    ("MSH|^~\\&|A|B|C|D|20250101||ORU^R01|1|P|2.5.1\rPID|1||\rOBX|1|NM|4548-4^A1c^LN||7|%", "PID-3"),
    ("MSH|^~\\&|A|B|C|D|20250101||SIU^S12|1|P|2.5.1\rPID|1||M1^^^GENHOSP^MR", "not mapped"),
    ("MSH|^~\\&|A|B|C|D|20250101||ORU^R01|1|P|2.5.1\rPID|1||MRN0042817^^^GENHOSP^MR\rOBX|1|NM|4548-4^A1c^LN||high|%",
     "not numeric"),
])
async def test_unmappable_messages_say_why(text: str, error: str) -> None:
    async def anyone(system: str | None, value: str) -> str | None:
        return "p"

    with pytest.raises(Hl7Error, match=error):
        await map_message(text, anyone, AUTHORITIES)


def test_timestamps_and_files_of_several_messages() -> None:
    assert fhir_datetime("20250314071500-0500") == "2025-03-14T07:15:00-05:00"
    assert fhir_datetime("20250314071500") == "2025-03-14"  # no zone: the day only, never a guessed zone
    assert fhir_datetime("202503") == "2025-03"
    both = (HL7 / "adt_a01_admission.hl7").read_text() + "\n" + (HL7 / "adt_a03_discharge.hl7").read_text()
    assert len(split_messages(both)) == 2
    assert "MSA|AA|LAB20250314-0017" in ack((HL7 / "oru_r01_lab_results.hl7").read_text())


@pytest.mark.slow
async def test_held_message_is_released_when_its_patient_arrives(tmp_path: Path, real_embedder: Any) -> None:
    async with ingest_rig(tmp_path, real_embedder, hl7_authorities=AUTHORITIES) as rig:
        for name in ("oru_r01_lab_results.hl7", "mdm_t02_progress_note.hl7"):
            await rig.ingestion.queue.put("hl7", {"message": (HL7 / name).read_text()})
        await rig.worker.run(until_empty=True)
        assert len(await rig.ingestion.state.held()) == 2 and await rig.chunks(PATIENT) == []
        patient = {"resourceType": "Patient", "id": PATIENT,
                   "identifier": [{"system": MRN_SYSTEM, "value": "MRN0042817"}]}
        await rig.ingestion.queue.put("resource", {"resource": patient})
        await rig.worker.run(until_empty=True)
        assert await rig.ingestion.state.held() == []
        counts = await rig.per_resource(PATIENT)
        assert sum(1 for ref in counts if ref.startswith("Observation/")) == 4
        notes = [c for c in await rig.chunks(PATIENT) if c.resource_type == "DocumentReference"]
        assert {c.section for c in notes} == {"Subjective", "Assessment and plan"}


async def test_mllp_listener_queues_then_acknowledges_and_refuses_what_is_not_hl7(tmp_path: Path) -> None:
    queue = SqliteJobQueue(tmp_path / "q.sqlite")
    port = free_port()
    server = await start_mllp(queue, "127.0.0.1", port)
    try:
        reader, writer = await hl7.mllp.open_hl7_connection("127.0.0.1", port)
        writer.writemessage(hl7.parse((HL7 / "oru_r01_lab_results.hl7").read_text().strip("\r")))
        reply = await asyncio.wait_for(reader.readmessage(), 10)
        assert str(reply.segment("MSA")[1]) == "AA" and str(reply.segment("MSA")[2]) == "LAB20250314-0017"
        jobs = await queue.claim("t", 5, 30)
        assert [j.kind for j in jobs] == ["hl7"] and "OBX|1|NM|4548-4" in jobs[0].body["message"]
        writer.writeblock(b"THIS IS NOT HL7")  # python-hl7 could not parse it: still answered
        await writer.drain()
        refusal = await asyncio.wait_for(reader.readblock(), 10)
        assert b"MSA|AR|" in refusal and b"MSH segment" in refusal
        assert await queue.claim("t", 5, 30) == []
        writer.close()
        await writer.wait_closed()
    finally:
        server.close()
        await server.wait_closed()
        await queue.close()
