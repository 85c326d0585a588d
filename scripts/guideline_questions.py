"""Write chart + guideline questions ("is she due for colorectal cancer screening?") from raw FHIR bundles —
stdlib only, sharing no code and no phrasing with ChartRAG's planner, its guidance cues or its lexicon.

Each question needs both namespaces: gold chart evidence read from the JSON (the Patient resource — age and
sex decide which recommendation applies — and the newest record of what the guideline turns on: a
colonoscopy, an LDL, a statin order, an A1c, a blood pressure) and a gold guideline section of the bundled
sample guidelines (data/guidelines/uspstf): the recommendation for the patient's age group, or the nearest
age group when none includes it. Questions about a topic no bundled guideline covers have no gold section
and must be answered without any guideline claim.

    python scripts/guideline_questions.py --set tune data/synthea/Edythe31_*.json \
        data/synthea/Napoleon578_*.json data/generated/synth0_*.json --out data/eval/guideline_tune.jsonl
    python scripts/guideline_questions.py --set heldout data/synthea/Allen322_*.json data/synthea/Maye976_*.json \
        data/synthea/Milton509_*.json data/synthea/Beatris270_*.json data/generated/synth1_*.json \
        data/generated/synth2_*.json --out data/eval/guideline_heldout.jsonl

The two sets differ in patients and in wording (the held-out templates were written before any result).
``--set heldout2``: the held-out patients with a third wording, written after the first held-out score and
before any fix made from its failures was run on it (the first held-out set was then used for diagnosis);
``--set heldout3``: a fourth wording, written after heldout2 was scored and used for diagnosis;
``--set heldout4``: a fifth, written after heldout3 was scored and used for diagnosis;
``--set heldout5``: a sixth, written after heldout4 was scored and used for diagnosis.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

# Guideline id → [(section path as written in the document, lowest age, highest age)]: the recommendations
CRC = "uspstf-colorectal-cancer-screening"
STATIN = "uspstf-statin-primary-prevention-cvd"
DIABETES = "uspstf-prediabetes-type-2-diabetes-screening"
HTN = "uspstf-hypertension-screening-adults"
SECTIONS: dict[str, list[tuple[str, int, int]]] = {
    CRC: [("Recommendation Summary › Adults aged 45 to 49 years", 45, 49),
          ("Recommendation Summary › Adults aged 50 to 75 years", 50, 75),
          ("Recommendation Summary › Adults aged 76 to 85 years", 76, 85)],
    STATIN: [("Recommendation Summary › Adults aged 40 to 75 years with a 10-year risk of 10% or greater", 40, 75),
             ("Recommendation Summary › Adults aged 40 to 75 years with a 10-year risk of 7.5% to less than 10%",
              40, 75),
             ("Recommendation Summary › Adults 76 years or older", 76, 200)],
    DIABETES: [("Recommendation Summary", 35, 70)],
    HTN: [("Recommendation Summary", 18, 200)],
}
TEMPLATES: dict[str, dict[str, list[str]]] = {
    "tune": {
        CRC: ["Is {p} due for colorectal cancer screening?",
              "what does the guideline recommend for colorectal cancer screening in this patient"],
        STATIN: ["Should {p} be on a statin per the guidelines?", "is statin therapy recommended for {o}?"],
        DIABETES: ["should {p} be screened for diabetes?", "is {p} due for prediabetes screening"],
        HTN: ["Is blood pressure screening recommended for {o}?",
              "how often should {pp} blood pressure be checked according to the guideline?"],
        "": ["Is {p} due for lung cancer screening?"],
    },
    "heldout": {
        CRC: ["does this patient need colon cancer screening per USPSTF?", "is a colonoscopy indicated for {o} now?",
              "pt eligible for CRC screening?"],
        STATIN: ["what do the guidelines say about starting a statin given {pp} cholesterol?",
                 "is {p} a candidate for statin therapy"],
        DIABETES: ["per guidelines should {pp} A1c be checked for type 2 diabetes?",
                   "diabetes screening recommended for this pt?"],
        HTN: ["is {p} due for hypertension screening", "per USPSTF how often to screen {pp} blood pressure"],
        "": ["is {p} due for a bone density scan?",
             "should {p} get an abdominal aortic aneurysm screening per guidelines"],
    },
    # written after the first held-out score, before any fix made from it was run on these wordings
    "heldout2": {
        CRC: ["colonoscopy due? what does the task force say", "Any screening for colorectal cancer recommended at {pp} age?",
              "is {p} overdue for a stool test or colonoscopy"],
        STATIN: ["statin recommended for {o} per guideline?", "Does {p} qualify for a statin for primary prevention?"],
        DIABETES: ["is {p} eligible for diabetes screening per USPSTF", "should {pp} blood sugar be screened?"],
        HTN: ["guideline on how often {pp} BP should be measured?", "should {p} be screened for high blood pressure"],
        "": ["Is {p} due for a mammogram?", "what do guidelines say about hepatitis C screening for {o}"],
    },
    # written after the heldout2 score and its fixes' code, before running them on these wordings
    "heldout3": {
        CRC: ["when should {p} next be screened for colorectal cancer",
              "USPSTF colorectal cancer screening: does it apply to {o}?",
              "colon cancer screening indicated?"],
        STATIN: ["does the guideline support a statin for {o}", "Would a statin be recommended given {pp} lipids?"],
        DIABETES: ["does {p} need a diabetes screen per guidelines", "guideline for type 2 diabetes screening in this patient?"],
        HTN: ["is hypertension screening indicated for {o}", "USPSTF blood pressure screening interval for {o}?"],
        "": ["should {p} get a lung cancer CT per guidelines", "is {p} due for an eye exam?"],
    },
    # written after heldout3 was scored and used for diagnosis, before its fixes were run on these wordings
    "heldout4": {
        CRC: ["Is it time for {pp} colon cancer screening?",
              "colorectal screening - what's recommended for {o}?",
              "should {p} still be getting colonoscopies at {pp} age"],
        STATIN: ["statin for primary prevention - is {p} a candidate per USPSTF", "guideline says what about a statin for {o}?"],
        DIABETES: ["type 2 diabetes screening due?", "Does USPSTF recommend checking {pp} glucose?"],
        HTN: ["does {p} need blood pressure screening per the task force", "when is {pp} next BP screen due"],
        "": ["recommended vaccines for {o}?", "Is {p} due for osteoporosis screening?"],
    },
    # written after heldout4 was scored and used for diagnosis, before its fixes were run on these wordings
    "heldout5": {
        CRC: ["What's the recommended colon cancer screening for {o} at this point?",
              "USPSTF: colorectal ca screening for this pt", "is {p} too old for colorectal cancer screening?"],
        STATIN: ["should we start {o} on a statin per the guideline", "Primary prevention statin: recommended for {o}?"],
        DIABETES: ["should this patient be tested for prediabetes", "screen {o} for diabetes?"],
        HTN: ["blood pressure screening: how often for {o} per USPSTF", "Is {p} due for a blood pressure check?"],
        "": ["is {p} due for cervical cancer screening", "per guidelines should {p} get an HIV test"],
    },
}
PRONOUNS = {"female": ("she", "her", "her"), "male": ("he", "him", "his")}
CRC_TESTS = re.compile(r"colonoscop|sigmoidoscop|occult blood|fecal immuno|colonograph", re.I)
LDL = {"18262-6", "2089-1"}
A1C, GLUCOSE = {"4548-4"}, {"2339-0", "2345-7"}
BP = {"85354-9", "55284-4", "8480-6"}
CONDITIONS = {STATIN: {"38341003", "59621000", "44054006"}, DIABETES: {"15777000", "44054006"},
              HTN: {"38341003", "59621000"}}


def _day(value: Any) -> str | None:
    return value[:10] if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value) else None


def _codes(concept: dict[str, Any] | None) -> set[str]:
    return {c.get("code", "") for c in (concept or {}).get("coding", [])}


def _text(concept: dict[str, Any] | None) -> str:
    concept = concept or {}
    return " ".join([concept.get("text") or "", *[c.get("display") or "" for c in concept.get("coding", [])]])


class Chart:
    def __init__(self, path: Path) -> None:
        bundle = json.loads(path.read_text(encoding="utf-8"))
        self.resources = [e["resource"] for e in bundle.get("entry", []) if "resource" in e]
        self.patient = next(r for r in self.resources if r.get("resourceType") == "Patient")
        self.id = self.patient["id"]
        days = [d for r in self.resources for d in (_day(r.get("effectiveDateTime")), _day(r.get("authoredOn")),
                                                     _day((r.get("period") or {}).get("start"))) if d]
        death = _day(self.patient.get("deceasedDateTime"))
        self.now = death or (date.fromisoformat(max(days)) + timedelta(days=30)).isoformat()
        birth = date.fromisoformat(self.patient["birthDate"])
        now = date.fromisoformat(self.now)
        self.age = now.year - birth.year - ((now.month, now.day) < (birth.month, birth.day))
        self.sex = self.patient.get("gender", "female")

    def newest(self, rtype: str, match: Any) -> str | None:
        found = []
        for r in self.resources:
            if r.get("resourceType") != rtype:
                continue
            day = _day(r.get("effectiveDateTime") or r.get("performedDateTime") or r.get("authoredOn")
                       or (r.get("performedPeriod") or {}).get("start") or r.get("onsetDateTime"))
            if day and day <= self.now and match(r):
                found.append((day, f"{rtype}/{r['id']}"))
        return max(found)[1] if found else None


def chart_gold(chart: Chart, guideline: str) -> list[str]:
    gold = [f"Patient/{chart.id}"]
    wanted: list[str | None] = []
    if guideline == CRC:
        wanted.append(chart.newest("Procedure", lambda r: bool(CRC_TESTS.search(_text(r.get("code"))))))
    if guideline == STATIN:
        wanted.append(chart.newest("Observation", lambda r: bool(_codes(r.get("code")) & LDL)))
        wanted.append(chart.newest("MedicationRequest",
                                   lambda r: "statin " in _text(r.get("medicationCodeableConcept")).lower()))
    if guideline == DIABETES:
        wanted.append(chart.newest("Observation", lambda r: bool(_codes(r.get("code")) & A1C))
                      or chart.newest("Observation", lambda r: bool(_codes(r.get("code")) & GLUCOSE)))
    if guideline == HTN:
        wanted.append(chart.newest("Observation", lambda r: bool(_codes(r.get("code")) & BP)))
    if guideline in CONDITIONS:
        wanted.append(chart.newest("Condition", lambda r: bool(_codes(r.get("code")) & CONDITIONS[guideline])))
    return gold + [w for w in wanted if w]


def guideline_gold(guideline: str, age: int) -> list[str]:
    """The recommendation section(s) for the age: those whose range includes it, else the nearest one."""
    sections = SECTIONS[guideline]
    fitting = [s for s, low, high in sections if low <= age <= high]
    if not fitting:
        nearest = min(sections, key=lambda s: min(abs(age - s[1]), abs(age - s[2])))
        fitting = [nearest[0]]
    return [f"Guideline/{guideline}#{s}" for s in fitting]


def questions(chart: Chart, which: str) -> list[dict[str, Any]]:
    p, o, pp = PRONOUNS.get(chart.sex, ("they", "them", "their"))
    out = []
    for guideline, templates in TEMPLATES[which].items():
        for template in templates:
            text = template.format(p=p, o=o, pp=pp)
            qid = hashlib.sha256(f"{chart.id}|{text}".encode()).hexdigest()[:12]
            out.append({
                "id": qid, "patient_id": chart.id, "question": text, "kind": f"guideline:{guideline or 'none'}",
                "now": chart.now, "expect": "answer",
                "gold_ids": chart_gold(chart, guideline), "gold_match": "all",
                "gold_guideline": guideline_gold(guideline, chart.age) if guideline else [],
                "answer_facts": [str(chart.age)],
            })
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundles", nargs="+", type=Path)
    parser.add_argument("--set", choices=sorted(TEMPLATES), required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    lines = [json.dumps(q) for path in args.bundles for q in questions(Chart(path), args.set)]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} questions → {args.out}")


if __name__ == "__main__":
    main()
