"""A folder of PDF/DOCX/scanned/text files with a patient mapping (CSV: ``file,patient_id,date,title``)
→ DocumentReference resources with the file inline, read by the attachment readers. Ids are the
SHA-256 of the file, so importing the same file again replaces rather than duplicates it."""

from __future__ import annotations

import base64
import csv
import hashlib
from pathlib import Path
from typing import Any

from fhir_ingest.sources.documents import CONTENT_TYPES
from rag_core.errors import IngestError

REQUIRED = ("file", "patient_id")


def folder_resources(folder: Path, mapping: Path) -> list[tuple[str, dict[str, Any]]]:
    try:
        with mapping.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise IngestError(f"{mapping.name}: not a readable CSV ({type(exc).__name__})") from None
    if not rows or any(col not in rows[0] for col in REQUIRED):
        raise IngestError(f"{mapping.name}: needs columns {', '.join(REQUIRED)} (optional: date, title)")
    items: list[tuple[str, dict[str, Any]]] = []
    for line, row in enumerate(rows, start=2):
        name, patient = (row.get("file") or "").strip(), (row.get("patient_id") or "").strip()
        path = (folder / name).resolve()
        if not name or not patient:
            raise IngestError(f"{mapping.name}:{line}: file and patient_id are required")
        if folder.resolve() not in path.parents or not path.is_file():
            raise IngestError(f"{mapping.name}:{line}: {name} is not a file in {folder.name}")
        content_type = CONTENT_TYPES.get(path.suffix.lower())
        if content_type is None:
            raise IngestError(f"{mapping.name}:{line}: {path.suffix or 'no extension'} is not a supported document type")
        raw = path.read_bytes()
        resource: dict[str, Any] = {
            "resourceType": "DocumentReference",
            "id": "file-" + hashlib.sha256(raw).hexdigest()[:32],
            "status": "current",
            "type": {"text": (row.get("title") or "").strip() or "Scanned document"},
            "subject": {"reference": f"Patient/{patient}"},
            "description": name,
            "content": [{"attachment": {"contentType": content_type, "data": base64.b64encode(raw).decode(),
                                        "title": name}}],
        }
        if (row.get("date") or "").strip():
            resource["context"] = {"period": {"start": row["date"].strip()}}
        items.append((f"{mapping.name}:{line}", resource))
    return items
