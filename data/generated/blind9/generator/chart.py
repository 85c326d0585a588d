"""Stdlib reader for the blind9 raw FHIR files and small query helpers used by spec.py / verify.py.

It reads only patients/ (Bundles and Bulk NDJSON) and shares no code with the generator or the QA system.
"""
import base64
import glob
import json
import os

ROOT = os.path.dirname(os.path.abspath(__file__))


def _decode(data):
    try:
        return base64.b64decode(data).decode("utf-8")
    except Exception:
        return ""


def owner(r):
    if r["resourceType"] == "Patient":
        return r["id"]
    for k in ("subject", "patient"):
        ref = r.get(k, {}).get("reference", "")
        if ref.startswith("Patient/"):
            return ref.split("/", 1)[1]
    return None


def attachments_text(r):
    out = []
    for c in r.get("content", []) or []:
        a = c.get("attachment", {})
        if a.get("data"):
            out.append(_decode(a["data"]))
    for p in r.get("presentedForm", []) or []:
        if p.get("data"):
            out.append(_decode(p["data"]))
    return "\n".join(out)


def full_text(r):
    """The resource JSON plus any decoded base64 text it carries."""
    return json.dumps(r, ensure_ascii=False) + "\n" + attachments_text(r)


def when(r):
    for k in ("effectiveDateTime", "performedDateTime", "occurrenceDateTime", "authoredOn", "onsetDateTime", "date",
              "recordedDate", "startDate"):
        if isinstance(r.get(k), str):
            return r[k][:10]
    for k in ("performedPeriod", "period", "timingPeriod"):
        if isinstance(r.get(k), dict) and r[k].get("start"):
            return r[k]["start"][:10]
    return ""


def all_dates(r):
    """Every ISO-looking date string in a resource (for the 'now is after the chart' check)."""
    out = []

    def walk(x, key=None):
        if isinstance(x, dict):
            for k, v in x.items():
                if k in ("birthDate",):
                    continue
                walk(v, k)
        elif isinstance(x, list):
            for v in x:
                walk(v, key)
        elif isinstance(x, str) and len(x) >= 10 and x[4] == "-" and x[7] == "-" and x[:4].isdigit() and key != "data":
            out.append(x[:10])
    walk(r)
    return out


def concept(r):
    """Lower-case text of the resource's main concept(s)."""
    rt = r["resourceType"]
    parts = []

    def cc(c):
        if not c:
            return
        if c.get("text"):
            parts.append(c["text"])
        for cd in c.get("coding", []) or []:
            parts.append(cd.get("display", ""))
            parts.append(cd.get("code", ""))

    if rt == "MedicationRequest":
        cc(r.get("medicationCodeableConcept"))
    elif rt == "Immunization":
        cc(r.get("vaccineCode"))
    elif rt in ("Encounter",):
        for t in r.get("type", []):
            cc(t)
        for t in r.get("reasonCode", []):
            cc(t)
    elif rt in ("Device",):
        cc(r.get("type"))
        for n in r.get("deviceName", []):
            parts.append(n.get("name", ""))
    elif rt == "DocumentReference":
        cc(r.get("type"))
    elif rt == "FamilyMemberHistory":
        cc(r.get("relationship"))
        for c in r.get("condition", []):
            cc(c.get("code"))
    elif rt == "Goal":
        parts.append(r.get("description", {}).get("text", ""))
    elif rt == "CarePlan":
        parts.append(r.get("title", ""))
        parts.append(r.get("description", ""))
    elif rt == "Patient":
        pass
    else:
        cc(r.get("code"))
    return " | ".join(p for p in parts if p).lower()


def qval(r):
    """valueQuantity.value exactly as it is written in the JSON."""
    v = r.get("valueQuantity", {}).get("value")
    return json.dumps(v)


def status(r):
    rt = r["resourceType"]
    if rt == "Condition":
        return r["clinicalStatus"]["coding"][0]["code"]
    return r.get("status")


class Charts:
    def __init__(self, root=ROOT):
        self.root = root
        self.res = []
        self.files = {}
        for f in sorted(glob.glob(os.path.join(root, "patients", "*.json"))):
            b = json.load(open(f))
            for e in b.get("entry", []):
                self.res.append(e["resource"])
                self.files[id(e["resource"])] = os.path.relpath(f, root)
        for f in sorted(glob.glob(os.path.join(root, "patients", "bulk", "*.ndjson"))):
            for line in open(f):
                line = line.strip()
                if line:
                    r = json.loads(line)
                    self.res.append(r)
                    self.files[id(r)] = os.path.relpath(f, root)
        self.index = {}
        self.by_pat = {}
        for r in self.res:
            key = "%s/%s" % (r["resourceType"], r["id"])
            self.index[key] = r
            self.by_pat.setdefault(owner(r), []).append(r)
        self.patients = {r["id"]: r for r in self.res if r["resourceType"] == "Patient"}

    def pid_by_family(self, family):
        for pid, p in self.patients.items():
            if p["name"][0]["family"] == family:
                return pid
        raise KeyError(family)

    def chart(self, pid):
        return Chart(self, pid)


class Chart:
    def __init__(self, charts, pid):
        self.cs = charts
        self.pid = pid
        self.res = charts.by_pat[pid]

    def of(self, rtype):
        return [r for r in self.res if r["resourceType"] == rtype]

    def find(self, rtype, *terms, status_in=None, pred=None, any_terms=None):
        out = []
        for r in self.of(rtype):
            c = concept(r)
            if any(t.lower() not in c for t in terms):
                continue
            if any_terms and not any(t.lower() in c for t in any_terms):
                continue
            if status_in and status(r) not in status_in:
                continue
            if pred and not pred(r):
                continue
            out.append(r)
        return sorted(out, key=when)

    def one(self, rtype, *terms, **kw):
        rs = self.find(rtype, *terms, **kw)
        if len(rs) != 1:
            raise ValueError("expected 1 %s %s, got %d" % (rtype, terms, len(rs)))
        return rs[0]

    def notes_with(self, *phrases):
        out = []
        for r in self.of("DocumentReference"):
            t = attachments_text(r).lower()
            if all(p.lower() in t for p in phrases):
                out.append(r)
        return sorted(out, key=when)

    def reports_with(self, *phrases, code_terms=()):
        out = []
        for r in self.of("DiagnosticReport"):
            t = (r.get("conclusion", "") + "\n" + attachments_text(r)).lower()
            if all(p.lower() in t for p in phrases) and all(c.lower() in concept(r) for c in code_terms):
                out.append(r)
        return sorted(out, key=when)

    def text(self):
        return "\n".join(full_text(r) for r in self.res).lower()


def latest(rs):
    return sorted(rs, key=when)[-1]


def earliest(rs):
    return sorted(rs, key=when)[0]


def ref(r):
    return "%s/%s" % (r["resourceType"], r["id"])
