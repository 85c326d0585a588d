"""The sandbox's FHIR data: the bundled Synthea bundles held in memory, by type and id."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PATIENT_REFERENCE_KEYS = ("subject", "patient")


@dataclass
class FhirStore:
    resources: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    patient_of: dict[str, str] = field(default_factory=dict)  # "Type/id" → patient id

    @classmethod
    def from_folder(cls, folder: Path | list[Path]) -> FhirStore:
        store = cls()
        folders = folder if isinstance(folder, list) else [folder]
        for path in sorted(p for f in folders for p in f.glob("*.json")):
            bundle = json.loads(path.read_text(encoding="utf-8"))
            for entry in bundle.get("entry") or []:
                store.add(entry["resource"])
        return store

    def add(self, resource: dict[str, Any]) -> None:
        rtype, rid = resource["resourceType"], resource["id"]
        self.resources.setdefault(rtype, {})[rid] = resource
        if rtype == "Patient":
            self.patient_of[f"Patient/{rid}"] = rid
        for key in PATIENT_REFERENCE_KEYS:
            ref = (resource.get(key) or {}).get("reference", "")
            if ref:
                self.patient_of[f"{rtype}/{rid}"] = ref.rsplit(":", 1)[-1].rsplit("/", 1)[-1]

    def read(self, rtype: str, rid: str) -> dict[str, Any] | None:
        return self.resources.get(rtype, {}).get(rid)

    def patients(self) -> list[dict[str, Any]]:
        return sorted(self.resources.get("Patient", {}).values(), key=lambda p: display_name(p))

    def search(self, rtype: str, patient: str) -> list[dict[str, Any]]:
        return [r for rid, r in self.resources.get(rtype, {}).items() if self.patient_of.get(f"{rtype}/{rid}") == patient]

    def latest_encounter(self, patient: str) -> str | None:
        encounters = self.search("Encounter", patient)
        if not encounters:
            return None
        newest = max(encounters, key=lambda e: (e.get("period") or {}).get("start", ""))
        return str(newest["id"])


def display_name(patient: dict[str, Any]) -> str:
    name = (patient.get("name") or [{}])[0]
    return f"{' '.join(name.get('given') or [])} {name.get('family', '')}".strip() or str(patient.get("id"))
