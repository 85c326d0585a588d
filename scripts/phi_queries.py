"""Write ChartRAG's own clinician-query PHI sets: questions as clinicians type them, with every identifier
tagged (person, facility, MRN, health-plan id, other id, date, age over 89, phone), and PHI-free clinical
questions full of eponyms, scores, drug classes, acronyms and units that must come through untouched.

Stdlib only, deterministic. Templates and vocabulary are this project's own (not presidio-evaluator's
sentences, not any public clinician-query set). The held-out part uses templates and name/facility/word
lists the tune part never uses, so a rule fitted to the tune part cannot simply memorise it.

    python scripts/phi_queries.py --out data/phi
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

FIRST = [["James", "Anna", "Mohammed", "Lucia", "Trevor", "Ngozi", "Hiroshi", "Maribel", "Dmitri", "Keisha"],
         ["Oluwaseun", "Bridget", "Tomasz", "Priya", "Ezekiel", "Yolanda", "Rafael", "Siobhan", "Kwame", "Ingrid"]]
LAST = [["Okafor", "Lindqvist", "Barrera", "Whitcombe", "Nakamura", "Delacroix", "Haddad", "Pruitt", "Szabo", "Kowal"],
        ["Abernathy", "Mbeki", "Castellanos", "Fairbanks", "Yoshida", "Vukovic", "Obregon", "Thackeray", "Ruiz", "Lund"]]
PLACES = [["Riverton", "Maple Falls", "Dunmore", "Cedar Ridge", "Port Alden", "Westbrook"],
          ["Hollis Creek", "Brantford", "Silver Lake", "Kingsport", "Ashby", "Glenwood"]]
SAINTS = [["Vincent", "Luke", "Agnes", "Joseph"], ["Mary", "Francis", "Elizabeth", "Anthony"]]
FACILITY_FORMS = [
    ["{place} General Hospital", "St. {saint}'s", "{place} Memorial Medical Center", "{place} Community Clinic",
     "the cardiology clinic at {place} General"],
    ["Saint {saint} Hospital", "{place} Regional Medical Center", "{place} Family Health Center",
     "{last} Memorial", "the dialysis unit at {place} Medical Center"],
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DRUGS = ["apixaban", "metoprolol", "insulin glargine", "furosemide", "atorvastatin", "levothyroxine", "prednisone"]
LABS = ["A1c", "creatinine", "INR", "potassium", "troponin", "TSH", "hemoglobin", "BNP"]

# (template, tune or held-out); {slots} are filled and tagged
TEMPLATES = [
    [
        "Was {person} seen at {facility} on {date}?",
        "Pull the last {lab} for MRN# {mrn}.",
        "{person} (MRN {mrn}) — any {lab} since {date}?",
        "Member ID {member}: is prior auth on file for {drug}?",
        "My patient {person}, {age} years old, fell at home — what was the last {lab}?",
        "Discharge summary from {facility} dated {date}: what was the {lab}?",
        "Call back {person} at {phone} about the {lab} result.",
        "Policy {policy} denied {drug}; what else was tried for {person}?",
        "Mr. {initialed} transferred from {facility} — on {drug}?",
        "acct {acct}: was {drug} started on {date}?",
        "Is {synthetic} on {drug}?",
        "{person} was admitted {date} to {facility}; creatinine trend?",
    ],
    [
        "Did {facility} send the {lab} for {person} from {date}?",
        "Chart for medical record number {mrn} — last {lab}?",
        "Ms. {initialed}, {age}yo, seen {date}: still on {drug}?",
        "Insurance member # {member} group no. {group} — {drug} covered?",
        "ID: {other} — which {lab} values are abnormal?",
        "{synthetic} had surgery at {facility}; any {lab} after {date}?",
        "Reach the daughter of {person} on {phone}.",
        "Subscriber ID {member} for {person}: when was {drug} last filled?",
        "{person} from {facility}, age {age}, what is the {lab} trend?",
        "Labs drawn {date} for {person}?",
    ],
]
PHI_FREE = [
    [
        "Is the Babinski sign documented as positive?",
        "What was the Gleason score on the prostate biopsy?",
        "Do the Wells criteria suggest a PE workup?",
        "Is the patient on an ACE inhibitor or an ARB?",
        "Trend the CRP and ESR over the last 6 months.",
        "Any upper motor neuron signs on exam?",
        "History of bariatric surgery?",
        "Glucose in mg/dL over the last year?",
        "Any history of Guillain-Barré syndrome?",
        "What is the CHA2DS2-VASc score?",
        "Is the NYHA class documented?",
        "eGFR trend in mL/min/1.73m2?",
        "Was a Foley catheter placed during the stay?",
        "Any Holter monitor results?",
        "Is the Framingham risk score recorded?",
        "Was the Apgar score at 5 minutes normal?",
        "Is the A1c above the ADA target of 7%?",
        "Latest LDL on a statin?",
        "Does the patient have Parkinson disease?",
        "What was the potassium in mmol/L after the furosemide dose?",
        "Any SGLT2 inhibitor or GLP-1 agonist prescribed?",
        "Is there a DNR order?",
        "Was a Doppler ultrasound of the legs done?",
        "Any Hashimoto thyroiditis on the problem list?",
    ],
    [
        "Was a Chaddock reflex tested?",
        "Any Kernig or Brudzinski sign noted?",
        "What is the MELD score?",
        "Is the Glasgow Coma Scale below 13?",
        "Has the patient had Bell palsy?",
        "Any beta blocker or calcium channel blocker on the med list?",
        "Trend the BNP in pg/mL since admission.",
        "Is there a history of Crohn disease or ulcerative colitis?",
        "Was the PHQ-9 score above 10?",
        "Any lower motor neuron findings?",
        "What is the HAS-BLED score?",
        "Is the patient on a DOAC?",
        "Hemoglobin in g/dL before the transfusion?",
        "Any Barrett esophagus on endoscopy?",
        "Was a Heimlich maneuver needed?",
        "Has a Swan-Ganz catheter been placed?",
        "What did the TTE show for ejection fraction?",
        "Any NSAID use in the last month?",
        "Was the Epley maneuver performed for vertigo?",
        "Any Marfan features noted?",
        "Troponin in ng/L over the first 6 hours?",
        "Is the CURB-65 score documented?",
        "USPSTF screening up to date?",
        "Any COPD exacerbations requiring BiPAP?",
    ],
]


def _day(rng: random.Random) -> tuple[int, int, int]:
    return rng.randint(2015, 2026), rng.randint(1, 12), rng.randint(1, 28)


def _date(rng: random.Random, part: int) -> str:
    year, month, day = _day(rng)
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    forms = [[f"{month}/{day}/{year}", f"{MONTHS[month - 1]} {day}{suffix}", f"{year}-{month:02d}-{day:02d}",
              f"{MONTHS[month - 1][:3]} {day}, {year}"],
             [f"the {day}{suffix} of {MONTHS[month - 1]}", f"{day} {MONTHS[month - 1]} {year}",
              f"{month:02d}/{day:02d}/{year % 100:02d}", f"last Tuesday the {day}{suffix}"]]
    return rng.choice(forms[part])


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def _fill(rng: random.Random, slot: str, part: int) -> tuple[str, str]:
    """(text, identifier type) for one slot; type "" for slots that are not identifiers."""
    first, last = rng.choice(FIRST[part]), rng.choice(LAST[part])
    if slot == "person":
        return rng.choice([f"{first} {last}", f"{last}, {first}", f"{first} {last[0]}."]), "PERSON"
    if slot == "initialed":
        return f"{last} {first[0]}." if part else f"{first} {last[0]}.", "PERSON"
    if slot == "synthetic":
        return f"{first}{rng.randint(100, 999)} {last}{rng.randint(100, 999)}", "PERSON"
    if slot == "facility":
        form = rng.choice(FACILITY_FORMS[part])
        return form.format(place=rng.choice(PLACES[part]), saint=rng.choice(SAINTS[part]), last=last), "FACILITY"
    if slot == "date":
        return _date(rng, part), "DATE"
    if slot == "mrn":
        return rng.choice([f"{_digits(rng, 3)}-{_digits(rng, 2)}-{_digits(rng, 3)}", _digits(rng, 7),
                           f"MR{_digits(rng, 6)}"]), "MRN"
    if slot in ("member", "policy", "group"):
        return rng.choice([f"{chr(65 + rng.randint(0, 25))}{chr(65 + rng.randint(0, 25))}{_digits(rng, 7)}",
                           _digits(rng, 9), f"{_digits(rng, 5)}-{_digits(rng, 2)}"]), "HEALTH_PLAN_ID"
    if slot in ("acct", "other"):
        return rng.choice([_digits(rng, 4), _digits(rng, 9), f"{chr(65 + rng.randint(0, 25))}-{_digits(rng, 5)}"]), \
            "OTHER_ID"
    if slot == "age":
        return str(rng.randint(90, 104)), "AGE_OVER_89"
    if slot == "phone":
        return rng.choice([f"({_digits(rng, 3)}) {_digits(rng, 3)}-{_digits(rng, 4)}",
                           f"{_digits(rng, 3)}-{_digits(rng, 3)}-{_digits(rng, 4)}"]), "PHONE"
    if slot == "lab":
        return rng.choice(LABS), ""
    if slot == "drug":
        return rng.choice(DRUGS), ""
    raise ValueError(slot)


def query(rng: random.Random, template: str, part: int) -> dict[str, object]:
    text, spans, at = "", [], 0
    for m in re.finditer(r"\{(\w+)\}", template):
        text += template[at:m.start()]
        value, kind = _fill(rng, m.group(1), part)
        if kind:
            spans.append({"start": len(text), "end": len(text) + len(value), "type": kind, "text": value})
        text += value
        at = m.end()
    return {"text": text + template[at:], "identifiers": spans}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("data/phi"))
    parser.add_argument("--per-template", type=int, default=25)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    queries, free = [], []
    for part, split in ((0, "tune"), (1, "heldout")):
        for t, template in enumerate(TEMPLATES[part]):
            for n in range(args.per_template):
                queries.append({"id": f"{split}-q{t:02d}-{n:02d}", "split": split} | query(rng, template, part))
        for t, question in enumerate(PHI_FREE[part]):
            for n, variant in enumerate((question, question.lower(), "pt " + question[0].lower() + question[1:],
                                         question.rstrip("?") + " — pls check")):
                free.append({"id": f"{split}-f{t:02d}-{n}", "split": split, "text": variant})
    (args.out / "clinician_queries.jsonl").write_text("".join(json.dumps(q) + "\n" for q in queries), encoding="utf-8")
    (args.out / "phi_free_questions.jsonl").write_text("".join(json.dumps(q) + "\n" for q in free), encoding="utf-8")
    print(f"{len(queries)} clinician queries, {len(free)} PHI-free questions → {args.out}")


if __name__ == "__main__":
    main()
