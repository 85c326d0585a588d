"""The identifiers of the people and organisations in a patient's record, as they may appear in notes:
the patient's names and name parts, identifiers (MRN, SSN, licence, passport), telecom, address
parts, birth date; related persons', practitioners' and organisations' names."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

_DIGITS = re.compile(r"\d+$")


@dataclass
class RecordIdentifiers:
    """(entity, value) pairs; ``entity`` is a vault entity name."""

    values: set[tuple[str, str]] = field(default_factory=set)
    birth_dates: set[date] = field(default_factory=set)
    # words of the chart's coded concepts (conditions, labs, drugs, procedures): never taken for names
    vocabulary: set[str] = field(default_factory=set)

    def learn(self, concept: Any) -> None:
        if not isinstance(concept, dict):
            return
        texts = [concept.get("text")] + [c.get("display") for c in concept.get("coding") or []]
        for text in texts:
            self.vocabulary.update(w for w in re.sub(r"[^\w\s]", " ", str(text or "")).casefold().split() if len(w) > 1)

    def add(self, entity: str, value: Any) -> None:
        text = str(value or "").strip()
        if len(text) >= 2:
            self.values.add((entity, text))

    def _names(self, entity: str, names: Iterable[dict[str, Any]]) -> None:
        for name in names:
            given = [str(g) for g in name.get("given") or []]
            family = str(name.get("family") or "")
            parts = [*given, family]
            for part in parts:
                self.add(entity, part)
                stripped = _DIGITS.sub("", part)  # Synthea appends digits to names
                if len(stripped) >= 3 and stripped != part:
                    self.add(entity, stripped)
            self.add(entity, " ".join(p for p in parts if p))
            if name.get("text"):
                self.add(entity, name["text"])

    def _address(self, addresses: Iterable[dict[str, Any]]) -> None:
        for address in addresses:
            for line in address.get("line") or []:
                self.add("ADDRESS", line)
                # the street without its house number or unit ("Resides on Pemberton Row")
                street = re.split(r"(?i)\s+(?:apt|apartment|unit|suite|ste|#)\b", re.sub(r"^\s*\d+\w?(?:[-/]\d+)?\s+", "",
                                                                                            str(line)))[0].strip(" ,.")
                if street != str(line).strip() and len(street.split()) >= 2:
                    self.add("ADDRESS", street)
            self.add("LOCATION", address.get("city"))
            postal = str(address.get("postalCode") or "")
            if postal:
                self.add("ZIP", postal)

    @classmethod
    def from_resources(cls, resources: Iterable[dict[str, Any]]) -> RecordIdentifiers:
        found = cls()
        for r in resources:
            rtype = r.get("resourceType")
            if rtype == "Patient":
                found._names("PATIENT_NAME", r.get("name") or [])
                for ident in r.get("identifier") or []:
                    code = ((ident.get("type") or {}).get("coding") or [{}])[0].get("code")
                    found.add({"MR": "MRN", "SS": "SSN"}.get(str(code), "IDENTIFIER"), ident.get("value"))
                for telecom in r.get("telecom") or []:
                    found.add("EMAIL" if telecom.get("system") == "email" else "PHONE", telecom.get("value"))
                found._address(r.get("address") or [])
                if r.get("birthDate"):
                    with contextlib.suppress(ValueError):
                        found.birth_dates.add(date.fromisoformat(str(r["birthDate"])[:10]))
            elif rtype in ("RelatedPerson", "Practitioner"):
                found._names("PERSON", r.get("name") or [])
                for telecom in r.get("telecom") or []:
                    found.add("EMAIL" if telecom.get("system") == "email" else "PHONE", telecom.get("value"))
            elif rtype in ("Condition", "Observation", "Procedure", "MedicationRequest", "Immunization",
                           "AllergyIntolerance", "DiagnosticReport", "Encounter", "Device", "CarePlan", "Goal",
                           "MedicationAdministration"):
                for key in ("code", "medicationCodeableConcept", "vaccineCode", "description"):
                    found.learn(r.get(key))
                for concept in r.get("type") or []:
                    found.learn(concept)
            elif rtype == "Organization":
                found.add("ORGANIZATION", r.get("name"))
                for telecom in r.get("telecom") or []:
                    found.add("PHONE", telecom.get("value"))
                found._address(r.get("address") or [])
        return found

    def merge(self, other: RecordIdentifiers) -> None:
        self.values |= other.values
        self.birth_dates |= other.birth_dates
        self.vocabulary |= other.vocabulary

    def to_json(self) -> dict[str, Any]:
        return {"values": sorted(self.values), "birth_dates": sorted(d.isoformat() for d in self.birth_dates),
                "vocabulary": sorted(self.vocabulary)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RecordIdentifiers:
        return cls(values={(str(e), str(v)) for e, v in data.get("values") or []},
                   birth_dates={date.fromisoformat(d) for d in data.get("birth_dates") or []},
                   vocabulary=set(data.get("vocabulary") or []))
