"""The anonymized case library: every bundled patient turned into a case keeps no name, identifier, address,
telecom or exact date of its record (checked here from the raw FHIR JSON, independently of the
de-identifier's own check); ages over 89 are one group; a case where an identifier survives is refused
without naming the value; cases are stored in anonymized_cases only."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from chartrag.cli import app
from rag_core.case_library import DeidentificationError, age_group, case_chunk, deidentify
from rag_core.documents import raw_resources
from tests.conftest import ROOT

runner = CliRunner()
BUNDLES = sorted((ROOT / "data" / "synthea").glob("*.json")) + sorted((ROOT / "data" / "generated").glob("*.json"))


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def identifiers_of(resources: list[dict[str, Any]]) -> set[str]:
    """What Safe Harbor removes, read straight from the JSON: names (with and without Synthea's digits) of the
    patient, related people and practitioners, organisation names, identifier values, telecom, address lines,
    cities and postcodes, resource ids."""
    found: set[str] = set()
    for r in resources:
        if r.get("id"):
            found.add(str(r["id"]))
        if r.get("resourceType") in ("Patient", "RelatedPerson", "Practitioner"):
            for name in r.get("name") or []:
                for part in [*(name.get("given") or []), name.get("family") or ""]:
                    found |= {part, re.sub(r"\d+$", "", part)}
            found |= {str(i.get("value")) for i in r.get("identifier") or []}
            found |= {str(t.get("value")) for t in r.get("telecom") or []}
            for a in r.get("address") or []:
                found |= {*(a.get("line") or []), a.get("city") or "", a.get("postalCode") or ""}
        if r.get("resourceType") == "Organization":
            found |= {r.get("name") or "", *(str(t.get("value")) for t in r.get("telecom") or [])}
    return {f for f in found if len(f) >= 3}


def days_of(resources: list[dict[str, Any]]) -> set[str]:
    return {m for r in resources for s in _strings(r) for m in re.findall(r"\d{4}-\d{2}-\d{2}", s)}


@pytest.mark.slow
@pytest.mark.parametrize("bundle", BUNDLES, ids=lambda p: p.name[:20])
def test_bundled_patients_become_cases_without_any_identifier(bundle: Path) -> None:
    resources = raw_resources(bundle)
    case = deidentify(resources, "IRB-2026-001")
    texts = [text for _, text in case.fields()] + [case.summary()]
    blob = "\n".join(texts).casefold()
    for value in identifiers_of(resources):
        assert not re.search(rf"(?<!\w){re.escape(value.casefold())}(?!\w)", blob), "an identifier survived"
    for day in days_of(resources):
        y, m, d = day.split("-")
        for form in (day, f"{int(m)}/{int(d)}/{y}", f"{m}/{d}/{y}"):
            assert form not in blob, "a date of the record survived"
    patient = next(r for r in resources if r["resourceType"] == "Patient")
    assert patient["id"] not in blob and case.case_id.startswith("case-")
    assert case.problems and case.labs  # the clinical content is there
    chunk = case_chunk(case)
    assert chunk.patient_id == "" and chunk.resource_id == case.case_id and chunk.case is not None
    assert chunk.case.approval == "IRB-2026-001"


def _note(text: str) -> dict[str, Any]:
    return {"resourceType": "DocumentReference", "id": "n1", "date": "2024-03-05T10:00:00Z", "status": "current",
            "content": [{"attachment": {"contentType": "text/plain",
                                        "data": base64.b64encode(text.encode()).decode()}}]}


def _record(family: str = "Quillfeather", condition: str = "Essential hypertension") -> list[dict[str, Any]]:
    return [
        {"resourceType": "Patient", "id": "p-42", "gender": "female", "birthDate": "1929-06-01",
         "name": [{"given": ["Odalys"], "family": family}],
         "identifier": [{"type": {"coding": [{"code": "MR"}]}, "value": "MRN7730011"}],
         "telecom": [{"system": "phone", "value": "617-555-0142"}, {"system": "email", "value": "oq@example.org"}],
         "address": [{"line": ["14 Larkspur Lane"], "city": "Wrenfield", "postalCode": "02111"}]},
        {"resourceType": "Condition", "id": "c1", "code": {"text": condition},
         "clinicalStatus": {"coding": [{"code": "active"}]}, "onsetDateTime": "2019-02-11"},
        {"resourceType": "Observation", "id": "o1", "code": {"text": "Systolic blood pressure"},
         "effectiveDateTime": "2024-03-05T10:00:00Z", "valueQuantity": {"value": 151, "unit": "mm[Hg]"}},
        _note("Ms. Odalys Quillfeather, 94 years old, MRN7730011, seen 03/05/2024 at 14 Larkspur Lane. "
              "Call 617-555-0142 or oq@example.org. Hypertension, on lisinopril."),
    ]


def test_ages_over_89_are_one_group_and_no_note_text_is_kept() -> None:
    """Notes are not read into a case at all (no search or page used them; two outside rounds found forms the
    tokenizer misses in them): nothing of a note — identifiers or clinical words — is in the case."""
    assert [age_group(a) for a in (0, 44, 45, 89, 90, 104)] == ["0-4", "40-44", "45-49", "85-89", "90+", "90+"]
    case = deidentify(_record(), "IRB-7", shift_days=-100)
    assert case.age_group == "90+" and case.sex == "female"
    assert case.labs == ("Systolic blood pressure: 151 mm[Hg] on 2023-11-26",)  # moved 100 days, value as recorded
    assert case.notes == () and "lisinopril" not in "\n".join(text for _, text in case.fields())


def test_resource_ids_are_found_whole_and_short_ones_never_inside_other_words() -> None:
    from rag_core.case_library import AnonymizedCase, survivors
    from rag_core.phi.record import RecordIdentifiers

    record = _record()  # ids "p-42", "c1", "o1", "n1"
    uuid_id = "9c3df38a-d3b7-2198-3898-51f9153d023d"
    record.append({"resourceType": "Encounter", "id": uuid_id})
    identifiers = RecordIdentifiers.from_resources(record)

    def case(note: str, case_id: str = "case-0c1f00a3c1b2") -> AnonymizedCase:
        return AnonymizedCase(case_id, "IRB-7", "female", "90+", ("Essential hypertension (active)",), (), (),
                              (note,))

    assert list(survivors(case("Seen for C1 radiculopathy; hypertension."), record, identifiers)) == []
    assert list(survivors(case("see encounter c1 for details"), record, identifiers)) == ["RESOURCE_ID in notes"]
    assert "RESOURCE_ID in notes" in list(survivors(case(f"ref Encounter/{uuid_id}."), record, identifiers))


def test_a_record_whose_identifier_survives_is_refused_without_naming_it() -> None:
    from rag_core.case_library import AnonymizedCase, survivors
    from rag_core.phi.record import RecordIdentifiers

    # a surname that is also the (uncoded) text of a problem: the problem is left out, not kept
    record = _record(family="Hypertension", condition="Hypertension")
    case = deidentify(record, "IRB-7")
    assert not any("hypertension" in p.casefold() for p in case.problems)
    # were it kept, the check after building would refuse the case, naming the kind and field only
    kept = AnonymizedCase(case.case_id, "IRB-7", "female", "90+", ("Hypertension (active)",), (), (), ())
    found = list(survivors(kept, record, RecordIdentifiers.from_resources(record)))
    assert "PATIENT_NAME in problems" in found and not any("Odalys" in f for f in found)
    with pytest.raises(DeidentificationError, match="one patient"):
        deidentify(_record()[1:], "IRB-7")
    with pytest.raises(DeidentificationError, match="approval"):
        deidentify(_record(), "IRB 7; DROP")


@pytest.mark.slow
def test_cases_add_stores_the_case_in_the_anonymized_namespace_only(tmp_path: Path) -> None:
    import asyncio

    from rag_core.models import ANONYMIZED_CASES, PATIENT_DATA, SearchFilter
    from rag_core.runtime import build_runtime
    from rag_core.settings import RagSettings

    bundle = tmp_path / "b.json"
    bundle.write_text(json.dumps({"resourceType": "Bundle", "type": "collection",
                                  "entry": [{"resource": r} for r in _record()]}), encoding="utf-8")
    data = tmp_path / "d"
    added = runner.invoke(app, ["cases", "add", str(bundle), "--approval", "IRB-2026-7", "--data-dir", str(data)])
    assert added.exit_code == 0, added.output
    case_id = json.loads(added.stdout)["case_id"]
    missing = runner.invoke(app, ["cases", "add", str(bundle), "--data-dir", str(data)])
    assert missing.exit_code != 0  # the approval reference is required
    refused_bundle = tmp_path / "r.json"
    two_patients = [*_record(), dict(_record()[0], id="p-43")]
    refused_bundle.write_text(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": r} for r in two_patients]}), encoding="utf-8")
    refused = runner.invoke(app, ["cases", "add", str(refused_bundle), "--approval", "IRB-2026-8",
                                  "--data-dir", str(data)])
    assert refused.exit_code == 1 and "one patient" in refused.output and "Odalys" not in refused.output

    async def stored() -> tuple[list[str], int]:
        runtime = await build_runtime(RagSettings(data_dir=data))
        try:
            chunks = await runtime.index.scroll(ANONYMIZED_CASES, SearchFilter(), None, limit=100)
            return [c.resource_id for c in chunks], await runtime.index.total_points(PATIENT_DATA)
        finally:
            await runtime.close()

    ids, patient_points = asyncio.run(stored())
    assert ids == [case_id] and patient_points == 0
    clean = runner.invoke(app, ["cases", "verify", "--data-dir", str(data)])
    assert clean.exit_code == 0 and json.loads(clean.stdout) == {"offenders": []}

    async def plant() -> str:  # a case as the library could hold it before free text was checked
        from rag_core.case_library import AnonymizedCase, add_case

        runtime = await build_runtime(RagSettings(data_dir=data))
        try:
            dirty = AnonymizedCase("case-00000000dead", "IRB-2026-1", "female", "90+",
                                   ("Hip fracture, wife Maria Gonzalez (active)",), (), (), ())
            await add_case(runtime.indexer, dirty)
            return dirty.case_id
        finally:
            await runtime.close()

    dirty_id = asyncio.run(plant())
    report = runner.invoke(app, ["cases", "verify", "--dry-run", "--data-dir", str(data)])
    assert report.exit_code == 3 and "Maria" not in report.stdout
    assert json.loads(report.stdout)["offenders"] == [
        {"case_id": dirty_id, "found": ["PERSON in problems"], "removed": False}]
    removed_dirty = runner.invoke(app, ["cases", "verify", "--operator", "privacy-officer", "--data-dir", str(data)])
    assert removed_dirty.exit_code == 3 and json.loads(removed_dirty.stdout)["offenders"][0]["removed"] is True
    audit = [json.loads(line) for line in RagSettings(data_dir=data).resolved_audit_path.read_text().splitlines()]
    verified = [e for e in audit if e.get("command") == "cases verify"]
    assert [(e["event"], e["offenders"]) for e in verified] == [("cli_read", 0), ("cli_read", 1), ("cli_write", 1)]
    assert verified[-1]["references"] == [f"Case/{dirty_id}"] and "privacy-officer" in verified[-1]["requester"]
    assert "Maria" not in json.dumps(verified)
    assert [c["case_id"] for c in json.loads(runner.invoke(app, ["cases", "list", "--data-dir", str(data)]).stdout)] \
        == [case_id]
    listed = runner.invoke(app, ["cases", "list", "--data-dir", str(data)])
    assert [(c["case_id"], c["approval"], c["age_group"]) for c in json.loads(listed.stdout)] == [
        (case_id, "IRB-2026-7", "90+")]
    removed = runner.invoke(app, ["cases", "remove", case_id, "--data-dir", str(data)])
    assert removed.exit_code == 0 and json.loads(removed.stdout) == {"removed": case_id}
    again = runner.invoke(app, ["cases", "remove", case_id, "--data-dir", str(data)])
    assert again.exit_code == 1 and "no case" in again.output
    assert json.loads(runner.invoke(app, ["cases", "list", "--data-dir", str(data)]).stdout) == []


@pytest.mark.slow
async def test_similar_cases_come_from_the_library_only_for_any_input(two_patient_runtime: Any) -> None:
    """The launched patient's profile is read inside its scope; the search runs in anonymized_cases only, and
    for any query text and any k (hypothesis) every result is a library case — never a patient_data point."""
    import asyncio

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from rag_core.case_library import add_case
    from rag_core.errors import IsolationError
    from rag_core.models import PATIENT_DATA, HybridQuery, PatientScope
    from rag_core.similar_cases import patient_profile, similar_cases
    from tests.conftest import EDYTHE_ID

    runtime = two_patient_runtime
    retriever = runtime.service.retriever
    added = set()
    for name in ("Allen322", "Maye976", "Milton509"):
        case = deidentify(raw_resources(next((ROOT / "data" / "synthea").glob(f"{name}_*.json"))), "IRB-9",
                          shift_days=-200)
        await add_case(runtime.indexer, case)
        added.add(case.case_id)
    profile = await patient_profile(retriever, PatientScope.full(EDYTHE_ID, "test"))
    assert profile.startswith("Problems: ") and "Prediabetes" in profile
    found = await similar_cases(retriever, profile, k=3)
    assert len(found) == 3 and {m.case_id for m in found} == added
    assert all(EDYTHE_ID not in m.summary and m.summary.startswith(f"Case {m.case_id}") for m in found)
    # the patient filter has no exception: a patient_data query without one raises before the engine
    with pytest.raises(IsolationError):
        await retriever.index.search(PATIENT_DATA, HybridQuery("x", [0.0] * retriever.embedder.dimension, [], []),
                                     None)
    loop = asyncio.get_running_loop()

    @settings(max_examples=40, deadline=None)
    @given(st.text(max_size=120), st.integers(min_value=-1, max_value=40))
    def any_input(text: str, k: int) -> None:
        results = asyncio.run_coroutine_threadsafe(similar_cases(retriever, text, k), loop).result()
        assert {m.case_id for m in results} <= added and len(results) <= max(k, 0)

    await asyncio.to_thread(any_input)

    # the JSON API: credential first, the library's cases only, the request audited without patient text
    import httpx

    from smart_app.app import create_app
    from smart_app.settings import SmartSettings

    async def factory() -> Any:
        return runtime

    api = create_app(factory, SmartSettings(api_token="s3cret"))
    api.state.runtime = runtime
    auth = {"Authorization": "Bearer s3cret"}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=api), base_url="http://t") as client:
        body = {"patient_id": EDYTHE_ID, "requester": "dr-similar", "k": 2}
        assert (await client.post("/api/similar-cases", json=body)).status_code == 401
        ok = await client.post("/api/similar-cases", json=body, headers=auth)
        assert ok.status_code == 200 and ok.json()["profile_found"] is True
        cases = ok.json()["cases"]
        assert len(cases) == 2 and {c["case_id"] for c in cases} <= added and EDYTHE_ID not in ok.text
        unknown = await client.post("/api/similar-cases", json={"patient_id": "nobody-here"}, headers=auth)
        assert unknown.status_code == 404
        too_many = await client.post("/api/similar-cases", json={"patient_id": EDYTHE_ID, "k": 500}, headers=auth)
        assert too_many.status_code == 422
    audit = [json.loads(line) for line in runtime.settings.resolved_audit_path.read_text().splitlines()]
    event = next(e for e in reversed(audit) if e.get("event") == "similar_cases")
    assert event["requester"] == "dr-similar" and set(event["case_ids"]) <= added and event["outcome"] == "answered"


def test_the_date_shift_never_lands_a_moved_day_on_a_day_of_the_record() -> None:
    from datetime import date, timedelta

    from rag_core.case_library import _shift_for, _shifted

    moved = {"2020-03-01", "2020-07-15"}
    sparse = {"2019-12-01", "2019-11-01", "2020-01-16", "2020-05-01"}
    for _ in range(200):
        shift = _shift_for(moved, sparse)
        assert not {_shifted(d, shift) for d in moved} & sparse and -730 <= shift.days <= -30
    # every day that a 30–730-day shift could reach is a day of the record: no shift keeps them apart
    dense = {(date(2017, 1, 1) + timedelta(days=i)).isoformat() for i in range(1400)}
    with pytest.raises(DeidentificationError, match="no date shift"):
        _shift_for(moved, dense)


# ------------------------------------------------------------------------------------------ PHI planted in free text
# A site writes what it likes into coded fields. Names, dates, ages over 89 and identifiers planted in every
# free-text field a case reads — in the forms the outside attack round used and many more — must never reach a
# case: it is left out (its code or terminology display kept instead) or the case is refused.

_FIRST = ("Maria", "Odalys", "Tomasz", "Priya", "Kwame", "Ingrid", "Mateo", "Yusuf", "Svetlana", "Hiroshi")
_LAST = ("Gonzalez", "Quillfeather", "Wisniewski", "Raman", "Mensah", "Lindqvist", "Okafor", "Haddad", "Brennan")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _date_forms(y: int, m: int, d: int) -> list[str]:
    month = _MONTHS[m - 1]
    suffix = "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    return [f"{month[:3]} {d}, {y}", f"{y}/{m:02d}/{d:02d}", f"{m}/{d}/{y}", f"{d} {month} {y}",
            f"{month} {d}{suffix}, {y}", f"{y}-{m:02d}-{d:02d}", f"{month} {d}, {y}", f"{m:02d}-{d:02d}-{y}"]


def _planted_phi() -> Any:
    from hypothesis import strategies as st

    names = st.tuples(st.sampled_from(_FIRST), st.sampled_from(_LAST)).flatmap(
        lambda n: st.sampled_from([
            (f"wife {n[0]} {n[1]}", [n[0], n[1]]), (f"per daughter {n[0]} {n[1]}", [n[0], n[1]]),
            (f"{n[0]} {n[1]}", [n[0], n[1]]), (f"Dr. {n[1]}", [n[1]]), (f"{n[1]}, {n[0]}", [n[0], n[1]]),
            (f"son {n[0]} at bedside", [n[0]])]))
    dates = st.tuples(st.integers(1905, 2025), st.integers(1, 12), st.integers(1, 28)).flatmap(
        lambda t: st.sampled_from(_date_forms(*t)).map(lambda form: (form, [form])))
    ages = st.integers(90, 119).flatmap(lambda a: st.sampled_from(
        [f"{a}-year-old", f"{a} year old", f"aged {a}", f"{a} y/o", f"age {a}", f"{a}yo"]).map(lambda f: (f, [f])))
    ids = st.sampled_from([("617-555-0142", ["617-555-0142"]), ("SSN 123-45-6789", ["123-45-6789"]),
                           ("MRN 7730011", ["7730011"]), ("oq@example.org", ["oq@example.org"]),
                           ("lives at 14 Larkspur Lane", ["14 Larkspur Lane"]), ("(508) 555-0199", ["555-0199"])])
    return st.one_of(names, dates, ages, ids)


_FIELDS = ("condition text", "condition display", "medication text", "medication display", "lab name text",
           "lab value string", "lab coded value text", "note")  # a note is not kept at all: nothing may leak


def _planted_record(field: str, phi: str) -> list[dict[str, Any]]:
    record = [r for r in _record() if r["resourceType"] in ("Patient", "Condition", "Observation")]
    condition = {"text": "Hip fracture", "coding": [{"system": "http://snomed.info/sct", "code": "5913000",
                                                   "display": "Fracture of neck of femur"}]}
    medication = {"text": "Alendronate 70 MG", "coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                                                          "code": "904419", "display": "alendronate 70 MG Oral Tablet"}]}
    lab_code = {"text": "Vitamin D", "coding": [{"system": "http://loinc.org", "code": "62292-8",
                                                 "display": "25-hydroxyvitamin D3+D2 [Mass/volume] in Serum"}]}
    if field == "condition text":
        condition["text"] = f"Hip fracture, {phi}"
    if field == "condition display":
        condition["coding"][0]["display"] = f"Fracture of neck of femur {phi}"  # type: ignore[index]
    if field == "medication text":
        medication["text"] = f"Alendronate 70 MG {phi}"
    if field == "medication display":
        medication["coding"][0]["display"] = f"alendronate 70 MG Oral Tablet, {phi}"  # type: ignore[index]
    if field == "lab name text":
        lab_code["text"] = f"Vitamin D {phi}"
    record += [
        {"resourceType": "Condition", "id": "c2", "code": condition, "clinicalStatus": {"coding": [{"code": "active"}]}},
        {"resourceType": "MedicationRequest", "id": "m1", "status": "active", "medicationCodeableConcept": medication},
        {"resourceType": "Observation", "id": "o2", "code": lab_code, "effectiveDateTime": "2023-01-09",
         "valueQuantity": {"value": 31.5, "unit": "ng/mL", "system": "http://unitsofmeasure.org", "code": "ng/mL"}},
        {"resourceType": "Observation", "id": "o3", "code": {"text": "Comment"}, "effectiveDateTime": "2023-01-09",
         "valueString": f"Reviewed with family, {phi}" if field == "lab value string" else "Reviewed with family"},
        {"resourceType": "Observation", "id": "o4", "code": {"text": "Living situation"},
         "effectiveDateTime": "2023-01-09",
         "valueCodeableConcept": {"text": f"Lives with {phi}" if field == "lab coded value text" else "Lives alone",
                                  "coding": [{"system": "http://snomed.info/sct", "code": "105529008"}]}},
        _note(f"Seen for hip pain. {phi}. Plan: alendronate." if field == "note" else "Seen for hip pain."),
    ]
    return record


def _read(text: str) -> str:
    """As a reader sees it: entities decoded, fullwidth folded, zero-width characters gone, case folded."""
    import html
    import unicodedata

    return re.sub(r"[\u200b-\u200f\u2060\ufeff\u00ad]", "", unicodedata.normalize("NFKC", html.unescape(text))).casefold()


def _leaked(case: Any, values: list[str]) -> list[str]:
    blob = _read("\n".join(text for _, text in case.fields()))
    return [v for v in values if re.search(rf"(?<!\w){re.escape(_read(v))}(?!\w)", blob)
            or re.search(rf"(?<!\w){re.escape(v.casefold())}(?!\w)", blob)]


@pytest.mark.parametrize("field,phi,values", [
    ("condition text", "born Dec 20, 1914", ["Dec 20, 1914"]),
    ("condition text", "1914/12/20", ["1914/12/20"]),
    ("condition text", "wife Maria Gonzalez", ["Maria", "Gonzalez"]),
    ("condition text", "fall on July 5th, 2019", ["July 5th, 2019"]),
    ("condition text", "109-year-old", ["109"]),
    ("lab value string", "wife Maria Gonzalez called July 5th, 2019", ["Maria", "Gonzalez", "July 5th, 2019"]),
    # the second outside round (after the first fix): forms detection tuned on prose missed
    ("condition text", "DOB 19310303", ["19310303"]),
    ("condition display", "Frailty in a one hundred and two year old", ["one hundred and two"]),
    ("medication text", "per MI 5-VII-2019", ["5-VII-2019"]),
    ("lab name text", "DOB: III/3/31", ["III/3/31"]),
    ("lab value string", "tel 5550134", ["5550134"]),
    ("lab coded value text", "plate 7ABC123", ["7ABC123"]),
    ("condition text", "b. March third, nineteen thirty-one", ["March third", "nineteen thirty-one"]),
    ("condition text", "call six one seven five five five zero one three four", ["six one seven five"]),
    ("condition text", "sleeps under the Hawthorne St bridge", ["Hawthorne St"]),
    ("condition display", "Born 1931", ["1931"]),
    ("condition text", "aged XCIII years", ["XCIII"]),
    ("medication text", "VIN 1HGCM82633A004352", ["1HGCM82633A004352"]),
    ("condition text", "in her nineties", ["nineties"]),
    # the third round: obfuscation, initials, spelled-out letters, relations, IPs, holidays, units with words
    ("condition text", "id 0048\u200b1516", ["0048\u200b1516", "00481516"]),
    ("condition display", "We\u200blls family", ["We\u200blls"]),
    ("condition display", "\uff37\uff45\uff4c\uff4c\uff53", ["\uff37\uff45\uff4c\uff4c\uff53"]),  # fullwidth
    ("condition text", "b. 1&#57;31", ["1&#57;31"]),
    ("condition display", "W e l l s", ["W e l l s"]),
    ("condition text", "Patient J.Q.P. with CHF", ["J.Q.P."]),
    ("condition display", "Contact niece Iris Bloom", ["Iris Bloom"]),
    ("condition display", "Seen by Dr. Warfarin Stone", ["Warfarin Stone"]),
    ("condition display", "host 10.0.0.12", ["10.0.0.12"]),
    ("condition display", "reach jdoe at gmail dot com", ["jdoe"]),
    ("condition display", "hxxps://hortq.example/p", ["hortq"]),
    ("condition text", "age XCIII", ["XCIII"]),
    ("condition text", "fell in '31", ["'31"]),
    ("condition display", "Independence Day fall", ["Independence Day"]),
    ("condition display", "42 Birch", ["42 Birch"]),
])
def test_the_attack_rounds_planted_phi_never_reaches_a_case(field: str, phi: str, values: list[str]) -> None:
    """The outside attack round's strings (2026-12-06): before the fix each of these was kept in the case."""
    case = deidentify(_planted_record(field, phi), "IRB-7", shift_days=-100)
    assert _leaked(case, values) == []
    if field == "condition text":  # the concept is kept by the terminology's display, not the site's text
        assert "Fracture of neck of femur (active)" in case.problems
    if field == "condition display":  # the display does not pass: the site's text, which does, is kept
        assert "Hip fracture (active)" in case.problems


@pytest.mark.slow
def test_phi_planted_in_any_free_text_field_never_reaches_a_case() -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from rag_core.phi.tokenizer import PhiTokenizer

    tokenizer = PhiTokenizer()
    outcomes: list[str] = []

    @settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.sampled_from(_FIELDS), _planted_phi())
    def planted(field: str, phi: tuple[str, list[str]]) -> None:
        text, values = phi
        try:
            case = deidentify(_planted_record(field, text), "IRB-7", tokenizer=tokenizer, shift_days=-100)
        except DeidentificationError as refused:
            assert not any(v.casefold() in str(refused).casefold() for v in values)
            outcomes.append("refused")
            return
        assert _leaked(case, values) == [], (field, text)
        assert case.problems and case.medications  # the clinical content is kept (by its display or code)
        outcomes.append("kept")

    planted()
    assert outcomes.count("kept") > len(outcomes) // 2  # mostly the offending text is left out, not the case


def test_a_quantity_keeps_only_a_number_a_comparator_and_a_unit() -> None:
    """The second round put names into valueQuantity's comparator, value and a UCUM-labelled unit."""
    record = _planted_record("note", "nothing")
    lab = next(r for r in record if r.get("id") == "o2")
    for quantity in ({"value": 4.5, "comparator": "12 wife Xiomara Tlaloc-Brzezinski ", "unit": "ng/mL"},
                     {"value": "4.5 daughter Xiomara Tlaloc-Brzezinski", "unit": "ng/mL"},
                     {"value": 4.5, "unit": "ng/mL Xiomara Tlaloc-Brzezinski", "system": "http://unitsofmeasure.org",
                      "code": "ng/mL Xiomara Tlaloc-Brzezinski"},
                     {"value": 4.5, "unit": "pt Bob Smith"}, {"value": 4.5, "unit": "hxxps://Xiomara.example/p"}):
        lab["valueQuantity"] = quantity
        case = deidentify(record, "IRB-7", shift_days=-100)
        assert _leaked(case, ["Xiomara", "Tlaloc-Brzezinski", "Bob Smith"]) == []
        assert not any(x.startswith("25-hydroxyvitamin") for x in case.labs)
    lab["valueQuantity"] = {"value": 31.5, "comparator": "<", "unit": "ng/mL"}
    assert any(x.startswith("25-hydroxyvitamin D3+D2 [Mass/volume] in Serum: <31.5 ng/mL on ")
               for x in deidentify(record, "IRB-7", shift_days=-100).labs)


def test_verify_case_finds_phi_in_a_stored_case_and_passes_a_clean_one() -> None:
    from rag_core.case_library import verify_case
    from rag_core.models import CaseRef

    clean = deidentify(_record(), "IRB-7", shift_days=-100)
    stored = case_chunk(clean).case
    assert stored is not None and verify_case(stored) == []
    # what the library could hold before: a problem with a relative's name and a birth date in words,
    # a lab whose free-text value names a day
    dirty = CaseRef(case_id="case-0123456789ab", approval="IRB-7", sex="female", age_group="90+",
                    problems=("Hip fracture, wife Maria Gonzalez (active)", "Born Dec 20, 1914"),
                    labs=("Comment: called July 5th, 2019 on 2023-10-01", "Vitamin D: 31.5 ng/mL on 2023-10-01"))
    found = verify_case(dirty)
    assert "PERSON in problems" in found and "DATE in problems" in found and "DATE in labs" in found
    assert not any("Maria" in f or "1914" in f for f in found)
