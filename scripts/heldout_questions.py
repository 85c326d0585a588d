"""Write a held-out question set from raw FHIR bundles — stdlib only, sharing no code and no phrasing lists
with ChartRAG's planner (``rag_core.kinds``) or lexicon (``rag_core/lexicon``).

Questions are what a clinician types in a hurry: shorthand ("last K", "a1c?"), lower case, typos, "pls",
no verb; the kinds are latest / first value, value on a day, values in a window, count, min / max,
yes / no (present and absent), current medications, onset, admissions, length of stay, discharge, ICU,
facts during the last stay, demographics, a visit by month, allergies, absent labs. Gold evidence and
facts are read from the JSON itself (values as written in the file).

    python scripts/heldout_questions.py data/synthea/Beatris270_*.json ... data/generated/*.json \
        --out data/eval/heldout_questions.jsonl --seed 11

The set is for measuring generalisation: do not tune on it (docs/architecture.md, *Evaluation*).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

# LOINC code → (analyte group, words a clinician types for it)
ANALYTES: dict[str, tuple[str, list[str]]] = {
    "6298-4": ("potassium", ["K", "k", "potassium", "K+"]), "2823-3": ("potassium", ["K", "potassium", "serum K"]),
    "2947-0": ("sodium", ["Na", "sodium", "na"]), "2951-2": ("sodium", ["Na", "sodium"]),
    "38483-4": ("creatinine", ["creatinine", "Cr", "creat"]), "2160-0": ("creatinine", ["creatinine", "Cr", "creat"]),
    "2339-0": ("glucose", ["glucose", "blood sugar", "BG"]), "2345-7": ("glucose", ["glucose", "sugar", "glu"]),
    "4548-4": ("a1c", ["A1c", "a1c", "HbA1c", "hemoglobin a1c"]), "718-7": ("hgb", ["hemoglobin", "Hgb", "hb"]),
    "29463-7": ("weight", ["weight", "wt", "body weight"]), "8867-4": ("hr", ["heart rate", "HR", "pulse"]),
    "39156-5": ("bmi", ["BMI", "bmi"]), "2093-3": ("chol", ["total cholesterol", "cholesterol", "chol"]),
    "18262-6": ("ldl", ["LDL", "ldl"]), "2089-1": ("ldl", ["LDL", "ldl cholesterol"]), "2085-9": ("hdl", ["HDL"]),
    "2571-8": ("trig", ["triglycerides", "trigs", "TG"]), "33914-3": ("egfr", ["eGFR", "egfr", "GFR"]),
    "1742-6": ("alt", ["ALT", "alt"]), "1920-8": ("ast", ["AST"]), "6299-2": ("bun", ["BUN", "urea nitrogen"]),
    "2069-3": ("chloride", ["chloride", "Cl"]), "49765-1": ("calcium", ["calcium", "Ca"]),
    "8310-5": ("temp", ["temperature", "temp"]), "9279-1": ("rr", ["respiratory rate", "RR"]),
    "8302-2": ("height", ["height", "ht"]),
}
ABSENT_LABS = ["troponin", "PSA", "TSH", "ferritin", "lactate", "procalcitonin", "BNP", "INR", "d-dimer", "lipase"]
# SNOMED code → words for the condition
CONDITION_WORDS: dict[str, list[str]] = {
    "38341003": ["hypertension", "HTN", "high blood pressure"], "59621000": ["hypertension", "HTN"],
    "44054006": ["diabetes", "type 2 diabetes", "DM2"], "49436004": ["afib", "atrial fibrillation", "AF"],
    "709044004": ["CKD", "chronic kidney disease"], "84114007": ["heart failure", "CHF"],
    "13645005": ["COPD", "chronic obstructive lung disease"], "15777000": ["prediabetes"],
    "195662009": ["acute viral pharyngitis", "viral pharyngitis"], "10509002": ["acute bronchitis", "bronchitis"],
    "444814009": ["viral sinusitis"], "162864005": ["obesity", "BMI 30+"], "55822004": ["hyperlipidemia"],
    "40055000": ["chronic sinusitis"], "233678006": ["childhood asthma", "asthma"], "195967001": ["asthma"],
    "68496003": ["polyp of colon", "colon polyp"], "230690007": ["stroke", "CVA"], "53741008": ["coronary heart disease", "CAD"],
    "271737000": ["anemia"], "22298006": ["MI", "heart attack"], "91302008": ["sepsis"], "233604007": ["pneumonia"],
    "14669001": ["acute renal failure", "AKI"],
}
ABSENT_CONDITIONS = ["epilepsy", "lupus", "multiple sclerosis", "cirrhosis", "tuberculosis", "gout", "psoriasis"]
ABSENT_DRUGS = ["warfarin", "insulin glargine", "prednisone", "digoxin", "apixaban", "levothyroxine", "furosemide"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def _day(value: Any) -> str | None:
    return value[:10] if isinstance(value, str) and len(value) >= 10 else None


def _display(concept: dict | None) -> str:
    concept = concept or {}
    return concept.get("text") or next((c.get("display") for c in concept.get("coding") or [] if c.get("display")), "")


def _codes(concept: dict | None) -> list[str]:
    return [c.get("code") for c in (concept or {}).get("coding") or [] if c.get("code")]


def _ingredient(name: str) -> str | None:
    skip = {"hr", "mg", "ml", "oral", "tablet", "capsule", "extended", "release", "injection", "day", "pack", "nda"}
    for word in name.replace("/", " ").split():
        w = word.strip("[](),").lower()
        if w.isalpha() and len(w) > 3 and w not in skip:
            return w
    return None


class Chart:
    def __init__(self, path: Path) -> None:
        bundle = json.loads(path.read_text(encoding="utf-8"), parse_float=str)
        self.resources = [e["resource"] for e in bundle["entry"]]
        self.patient = next(r for r in self.resources if r["resourceType"] == "Patient")
        self.pid = self.patient["id"]
        self.by_type: dict[str, list[dict]] = defaultdict(list)
        for r in self.resources:
            self.by_type[r["resourceType"]].append(r)
        self.key = {id(r): f"{r['resourceType']}/{r['id']}" for r in self.resources}
        days = [d for r in self.by_type["Observation"] if (d := _day(r.get("effectiveDateTime")))]
        death = _day(self.patient.get("deceasedDateTime"))
        last = max(days) if days else "2020-01-01"
        self.now = death or (date.fromisoformat(last) + timedelta(days=30)).isoformat()

    def ref(self, r: dict) -> str:
        return self.key[id(r)]

    def numeric(self) -> dict[str, list[tuple[str, str, str, dict]]]:
        """analyte group → [(day, value as written, unit, resource)] oldest first, up to now."""
        out: dict[str, list[tuple[str, str, str, dict]]] = defaultdict(list)
        for r in self.by_type["Observation"]:
            q = r.get("valueQuantity") or {}
            day = _day(r.get("effectiveDateTime"))
            codes = [c for c in _codes(r.get("code")) if c in ANALYTES]
            if q.get("value") is not None and day and codes and day <= self.now:
                out[ANALYTES[codes[0]][0]].append((day, str(q["value"]), q.get("unit", ""), r))
        for values in out.values():
            values.sort(key=lambda v: (v[0], v[3]["id"]))
        return out

    def words_for(self, group: str) -> list[str]:
        return next(words for _, (g, words) in ANALYTES.items() if g == group)


class Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.rows: list[dict] = []

    def vary(self, text: str) -> str:
        """How people type: lower case, a typo, "pls", no question mark."""
        r = self.rng.random()
        if r < 0.3:
            text = text.lower()
        if self.rng.random() < 0.15:
            words = text.split()
            long = [i for i, w in enumerate(words) if len(w) >= 7 and w.isalpha()]
            if long:
                i = self.rng.choice(long)
                w = words[i]
                j = self.rng.randrange(1, len(w) - 2)
                words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
                text = " ".join(words)
        if self.rng.random() < 0.1:
            text = text.rstrip("?") + " pls"
        if self.rng.random() < 0.3:
            text = text.rstrip("?")
        return text

    def add(self, chart: Chart, kind: str, question: str, gold: list[str], facts: list[str], expect: str = "answer",
            match: str = "all", now: str | None = None) -> None:
        question = self.vary(question)
        key = f"{chart.pid}|{question}|{kind}"
        self.rows.append({"id": hashlib.sha256(key.encode()).hexdigest()[:12], "patient_id": chart.pid,
                          "question": question, "kind": kind, "now": now or chart.now, "expect": expect,
                          "gold_ids": gold, "gold_match": match, "answer_facts": facts})


def labs(w: Writer, chart: Chart) -> None:
    rng = w.rng
    numeric = chart.numeric()
    groups = sorted(numeric)
    for group in rng.sample(groups, min(4, len(groups))):
        values = numeric[group]
        term = rng.choice(chart.words_for(group))
        day, value, _, r = values[-1]
        template = rng.choice(["{t}?", "last {t}", "latest {t} pls", "{t} most recent", "what's the newest {t}",
                               "most recent {t} value", "{t} latest", "recent {t} level", "current {t}"])
        w.add(chart, "latest_value", template.format(t=term), [chart.ref(r)], [value, day])
        day, value, _, r = values[0]
        template = rng.choice(["first {t} on record", "earliest {t}", "what was the first {t}", "initial {t} value"])
        w.add(chart, "first_value", template.format(t=term), [chart.ref(r)], [value, day])
        day, value, _, r = rng.choice(values)
        same = [v for v in values if v[0] == day]
        shown = rng.choice([day, f"{int(day[5:7])}/{int(day[8:10])}/{day[:4]}"])
        w.add(chart, "value_on_day", rng.choice(["{t} on {d}", "what was the {t} on {d}?", "{t} value {d}"]).format(
            t=term, d=shown), [chart.ref(v[3]) for v in same], [same[0][1]])
        if len(values) >= 3:
            year = values[-2][0][:4]
            inyear = [v for v in values if v[0][:4] == year]
            w.add(chart, "values_window", rng.choice(["{t} values in {y}", "{t} during {y}", "all {t} results from {y}"]
                                                     ).format(t=term, y=year),
                  [chart.ref(v[3]) for v in inyear], [v[1] for v in inyear])
            since = values[-3][0][:4]
            count = [v for v in values if v[0][:4] >= since]
            w.add(chart, "count", rng.choice(["how many {t} results since {y}?", "number of {t} tests since {y}",
                                               "how many times was {t} checked since {y}"]).format(t=term, y=since),
                  [chart.ref(v[3]) for v in count], [str(len(count))])
            top = max(float(v[1]) for v in values)
            bottom = min(float(v[1]) for v in values)
            if rng.random() < 0.5:  # ties: any of them answers
                high = [v for v in values if float(v[1]) == top]
                w.add(chart, "minmax", rng.choice(["highest {t}", "max {t} ever", "peak {t}?"]).format(t=term),
                      [chart.ref(v[3]) for v in high], [high[0][1]], match="any")
            else:
                low = [v for v in values if float(v[1]) == bottom]
                w.add(chart, "minmax", rng.choice(["lowest {t}", "min {t}", "lowest {t} on record"]).format(t=term),
                      [chart.ref(v[3]) for v in low], [low[0][1]], match="any")
            w.add(chart, "trend", rng.choice(["{t} trend", "how has the {t} changed over time",
                                              "{t} over the years"]).format(t=term),
                  [chart.ref(values[-1][3])], [values[-1][1]], match="any")
    recorded = " ".join(_display(r.get("code")).lower() for r in chart.by_type["Observation"])
    absent = [a for a in ABSENT_LABS if a.lower() not in recorded]
    w.add(chart, "absent_lab", rng.choice(["latest {t}", "{t}?", "most recent {t} level"]).format(
        t=rng.choice(absent)), [], [], expect="abstain")


def medications(w: Writer, chart: Chart) -> None:
    rng = w.rng
    by_drug: dict[str, list[dict]] = defaultdict(list)
    for r in chart.by_type["MedicationRequest"]:
        name = _display(r.get("medicationCodeableConcept"))
        ingredient = _ingredient(name) if name else None
        if ingredient and (_day(r.get("authoredOn")) or "9999") <= chart.now:
            by_drug[ingredient].append(r)
    for drug in rng.sample(sorted(by_drug), min(2, len(by_drug))):
        template = rng.choice(["is the patient on {d}?", "ever prescribed {d}?", "{d}?", "has he/she had {d}",
                               "any {d} prescriptions"])
        newest = max(by_drug[drug], key=lambda r: _day(r.get("authoredOn")) or "")
        # "is the patient on X?" asks about now: yes only while the newest order is still active
        answer = "no" if template.startswith("is the patient on") and newest.get("status") != "active" else "yes"
        w.add(chart, "ever_yes", template.format(d=drug), [chart.ref(r) for r in by_drug[drug]], [answer], match="any")
    absent = [d for d in ABSENT_DRUGS if d.split()[0] not in by_drug]
    if absent:
        w.add(chart, "ever_no", rng.choice(["is the patient on {d}?", "ever on {d}?", "{d} prescribed?"]).format(
            d=rng.choice(absent)), [], [], expect="abstain")
    active = [r for r in chart.by_type["MedicationRequest"] if r.get("status") == "active"]
    if active:
        names = sorted({_display(r.get("medicationCodeableConcept")) for r in active})
        w.add(chart, "current_meds", rng.choice(["current meds", "what meds is the pt on now", "active medications?",
                                                 "list current medications"]),
              [chart.ref(r) for r in active], names[:3], match="all")


def conditions(w: Writer, chart: Chart) -> None:
    rng = w.rng
    found = []
    for r in chart.by_type["Condition"]:
        words = next((CONDITION_WORDS[c] for c in _codes(r.get("code")) if c in CONDITION_WORDS), None)
        onset = _day(r.get("onsetDateTime"))
        if words and onset and onset <= chart.now:
            found.append((words, onset, r))
    seen: set[str] = set()
    for words, _onset, _resource in rng.sample(found, min(3, len(found))):
        term = rng.choice(words)
        if term in seen:
            continue
        seen.add(term)
        same = [x for x in found if term in x[0]]
        first = min(same, key=lambda x: x[1])
        if rng.random() < 0.5:
            template = rng.choice(["history of {c}?", "any {c}", "does the patient have {c}?", "{c}?"])
            newest = max(same, key=lambda x: x[1])[2]
            status = {c.get("code") for c in (newest.get("clinicalStatus") or {}).get("coding", [])}
            # "does the patient have X?" asks about now: yes only while the newest record is still active
            now_yes = bool(status & {"active", "recurrence", "relapse"})
            answer = "no" if template.startswith("does the patient have") and not now_yes else "yes"
            w.add(chart, "ever_yes", template.format(c=term), [chart.ref(x[2]) for x in same], [answer], match="any")
        else:
            w.add(chart, "onset", rng.choice(["when was {c} diagnosed?", "{c} onset", "since when {c}",
                                              "when did the {c} start"]).format(c=term),
                  [chart.ref(first[2])], [first[1]])
    have = {t for words, _, _ in found for t in words}
    everything = json.dumps(chart.resources).lower()  # never "absent" when any resource names it (a TB skin test)
    absent = [c for c in ABSENT_CONDITIONS if c not in have and c not in everything]
    w.add(chart, "ever_no", rng.choice(["history of {c}?", "any {c}?", "does she/he have {c}"]).format(
        c=rng.choice(absent)), [], [], expect="abstain")


def encounters(w: Writer, chart: Chart) -> None:
    rng = w.rng
    encs = [r for r in chart.by_type["Encounter"] if (_day((r.get("period") or {}).get("start")) or "9") <= chart.now]
    inpatient = sorted([r for r in encs if (r.get("class") or {}).get("code") in ("IMP", "ACUTE")
                        and not r.get("partOf")], key=lambda r: r["period"]["start"])
    icu = [r for r in encs if any("intensive" in json.dumps(loc).lower() for loc in r.get("location") or [])]
    er = [r for r in encs if (r.get("class") or {}).get("code") == "EMER"]
    if inpatient:
        last = inpatient[-1]
        start, end = _day(last["period"]["start"]), _day(last["period"].get("end"))
        w.add(chart, "admission", rng.choice(["last admission?", "when was the most recent hospitalization",
                                              "when was the pt last admitted"]), [chart.ref(last)], [start or ""])
        if end and start:
            los = (date.fromisoformat(end) - date.fromisoformat(start)).days
            w.add(chart, "length_of_stay", rng.choice(["length of stay last admission", "how long was the last hospital stay",
                                                       "LOS of the most recent admission?"]), [chart.ref(last)], [str(los)])
            w.add(chart, "discharge", rng.choice(["when was the patient discharged last time",
                                                  "discharge date of last admission"]), [chart.ref(last)], [end])
        w.add(chart, "admission_count", rng.choice(["how many times admitted?", "number of hospitalizations",
                                                    "how many inpatient admissions"]),
              [chart.ref(r) for r in inpatient], [str(len(inpatient))])
        linked = [r for r in chart.by_type["Condition"]
                  if (r.get("encounter") or {}).get("reference") in (f"urn:uuid:{last['id']}", f"Encounter/{last['id']}")]
        if linked:
            w.add(chart, "stay_facts", rng.choice(["diagnoses during the last hospital stay",
                                                   "what was he/she admitted for last time (diagnoses)"]),
                  [chart.ref(r) for r in linked], [_display(r.get("code")) for r in linked], match="all")
    if icu:
        w.add(chart, "icu", rng.choice(["any ICU stays?", "was the patient ever in the ICU", "icu admissions?"]),
              [chart.ref(r) for r in icu], ["yes"], match="any")
    elif inpatient or er:
        w.add(chart, "icu", rng.choice(["any ICU stays?", "was the patient ever in the ICU"]), [], [], expect="abstain")
    if er:
        w.add(chart, "er_count", rng.choice(["how many ER visits?", "number of emergency visits"]),
              [chart.ref(r) for r in er], [str(len(er))])
    notes = [r for r in chart.by_type["DocumentReference"] if (_day(r.get("date")) or "9") <= chart.now]
    if notes:
        note = rng.choice(notes)
        day = _day(note["date"]) or ""
        month = MONTHS[int(day[5:7]) - 1]
        same = [n for n in notes if (_day(n.get("date")) or "")[:7] == day[:7]]
        w.add(chart, "visit_by_month", rng.choice(["the {m} {y} visit", "what happened at the {m} {y} visit?",
                                                   "note from {m} {y}"]).format(m=month, y=day[:4]),
              [chart.ref(n) for n in same], [day[:7]], match="any")


def demographics(w: Writer, chart: Chart) -> None:
    rng = w.rng
    p = chart.patient
    gold = [f"Patient/{chart.pid}"]
    w.add(chart, "demographics", rng.choice(["sex?", "patient gender", "is the patient male or female"]), gold,
          [p.get("gender", "")])
    birth = date.fromisoformat(p["birthDate"])
    now = date.fromisoformat(chart.now)
    age = now.year - birth.year - ((now.month, now.day) < (birth.month, birth.day))
    w.add(chart, "demographics", rng.choice(["how old is the patient", "age?", "pt age"]), gold, [str(age)])
    w.add(chart, "demographics", rng.choice(["DOB", "date of birth?", "when was the patient born"]), gold,
          [p["birthDate"]])
    if p.get("deceasedDateTime"):
        w.add(chart, "demographics", rng.choice(["is the patient deceased?", "date of death?"]), gold,
              [_day(p["deceasedDateTime"]) or ""])


def allergies(w: Writer, chart: Chart) -> None:
    rng = w.rng
    found = chart.by_type["AllergyIntolerance"]
    if found:
        w.add(chart, "allergies", rng.choice(["allergies?", "any known allergies", "what is the patient allergic to"]),
              [chart.ref(r) for r in found], [_display(r.get("code")) for r in found][:3], match="all")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundles", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    writer = Writer(rng)
    for path in sorted(args.bundles):
        chart = Chart(path)
        for make in (labs, medications, conditions, encounters, demographics, allergies):
            make(writer, chart)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(row) + "\n" for row in writer.rows), encoding="utf-8")
    print(f"{len(writer.rows)} questions from {len(args.bundles)} patients → {args.out}")


if __name__ == "__main__":
    main()
