"""Write questions.jsonl, abstain_concepts.json and misspellings.json from spec.py + the raw FHIR files."""
import json
import os

from qbuild import compute, public

ROOT = os.path.dirname(os.path.abspath(__file__))


def main():
    cs, items = compute()
    with open(os.path.join(ROOT, "questions.jsonl"), "w") as fh:
        for it in items:
            fh.write(json.dumps(public(it), ensure_ascii=False) + "\n")
    absent = {it["id"]: it["absent"] for it in items if it["expect"] == "abstain"}
    with open(os.path.join(ROOT, "abstain_concepts.json"), "w") as fh:
        json.dump(absent, fh, indent=1)
        fh.write("\n")
    typos = {it["id"]: {"typed": it["typo"][0], "intended": it["typo"][1]} for it in items if it["typo"]}
    with open(os.path.join(ROOT, "misspellings.json"), "w") as fh:
        json.dump(typos, fh, indent=1)
        fh.write("\n")
    print("questions", len(items), "abstain", len(absent), "misspellings", len(typos))


if __name__ == "__main__":
    main()
