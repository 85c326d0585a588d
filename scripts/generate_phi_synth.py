"""Regenerate data/phi/presidio_synth.json: the PHI benchmark's general-text set.

presidio-research's ``synth_dataset_v2.json`` was produced by presidio-evaluator's
``PresidioSentenceFaker`` (MIT) from its bundled ``templates.txt`` and fake-person records; that file is
not published on PyPI, so the same generator, at a fixed seed, makes this one (same schema:
``full_text``, ``masked``, ``spans`` with ``entity_type``/``entity_value``/``start_position``/
``end_position``, ``template_id``). presidio-evaluator is not a project dependency; run this with it
installed in a throw-away venv:

    python3.11 -m venv /tmp/pe && /tmp/pe/bin/pip install presidio-evaluator==0.3.2
    /tmp/pe/bin/python scripts/generate_phi_synth.py data/phi/presidio_synth.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(out: Path, samples: int = 1500, seed: int = 42) -> None:
    from presidio_evaluator.data_generator import PresidioSentenceFaker

    faker = PresidioSentenceFaker(locale="en_US", lower_case_ratio=0.05, random_seed=seed)
    records = faker.generate_new_fake_sentences(samples)
    rows = [
        {
            "full_text": r.full_text,
            "masked": r.masked,
            "spans": [
                {"entity_type": s.entity_type, "entity_value": s.entity_value,
                 "start_position": s.start_position, "end_position": s.end_position}
                for s in r.spans
            ],
            "template_id": r.template_id,
        }
        for r in records
    ]
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(rows)} samples → {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
