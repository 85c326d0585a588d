"""Each patient's record identifiers, kept where the index lives so a question can be tokenized with
that patient's own dictionary (names, MRN, address …) before anything goes to a third-party model.

One JSON file per patient under ``<data_dir>/records/`` (file name: a hash of the patient id). They
hold identifiers, so they sit with the index under the same protection (disk encryption, access), and are
written 0600 in a 0700 directory.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

from rag_core.phi.record import RecordIdentifiers


class RecordDirectory:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._lock = threading.Lock()

    def _path(self, patient_id: str) -> Path:
        return self.root / f"{hashlib.sha256(patient_id.encode()).hexdigest()[:32]}.json"

    def get(self, patient_id: str) -> RecordIdentifiers:
        """The patient's identifiers; empty when none were ever ingested (NER and patterns still run)."""
        path = self._path(patient_id)
        if not path.exists():
            return RecordIdentifiers()
        return RecordIdentifiers.from_json(json.loads(path.read_text(encoding="utf-8")))

    def merge(self, patient_id: str, record: RecordIdentifiers) -> None:
        with self._lock:
            self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
            current = self.get(patient_id)
            before = (len(current.values), len(current.birth_dates), len(current.vocabulary))
            current.merge(record)
            if (len(current.values), len(current.birth_dates), len(current.vocabulary)) == before and \
                    self._path(patient_id).exists():
                return
            tmp = self._path(patient_id).with_suffix(".tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # identifiers: the owner's only
            os.fchmod(fd, 0o600)  # a .tmp left over by a crash keeps its old mode otherwise
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(json.dumps(current.to_json()))
            os.replace(tmp, self._path(patient_id))
