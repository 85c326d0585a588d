"""Compile the terminology tables ChartRAG ships (``rag_core/terminology/data``) from public sources.

Run at build time by whoever refreshes the tables (the compiled tables are committed; nothing is read
from the network at set-up, run or test time):

    python scripts/build_terminology.py \
        --drugcentral PATH/drugcentral/rephetio \
        --abbreviations PATH/clinical-abbreviations/sources \
        --drug-names PATH/drug_named_entity_recognition/drug_ner_dictionary.pkl.bz2 \
        --icd10cm PATH/simple_icd_10_cm/data/icd10c-tabular-April-1-2026.xml

Each source refreshes only its own tables (``--drugcentral`` with ``--drug-names``: the drug tables; ``--abbreviations``;
``--icd10cm``); the others keep their committed tables. Run on the same inputs, it writes the same files.

Sources, versions and licences are written to ``rag_core/terminology/data/SOURCES.tsv`` and described in
``rag_core/terminology/SOURCE.md``. Only what the resolution needs is kept: drug ingredient → class rows,
drug name variants (brand → ingredient), clinical abbreviation senses, ICD-10-CM chapters, blocks,
categories and subcategories with their inclusion terms.
"""

from __future__ import annotations

import argparse
import bz2
import csv
import pickle
import re
import xml.etree.ElementTree as ET
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "rag_core" / "terminology" / "data"
# Class kinds kept: FDA Established Pharmacologic Class and Mechanism of Action, MeSH Pharmacological
# Action, ChEBI application roles. Chemical structure and physiologic-effect rows name no class a
# clinician asks for ("Decreased Blood Pressure" is an effect, not a drug class).
KEEP_TYPES = {"FDA Established Pharmacologic Class": "EPC", "Mechanism of Action": "MoA",
              "Pharmacological Action": "PA", "Application": "role"}
# ChEBI roles that are not therapeutic classes
SKIP_ROLES = {"prodrug", "rodenticide", "pesticide", "herbicide", "insecticide", "acaricide", "fungicide",
              "environmental contaminant", "food additive", "flavouring agent", "food colouring", "xenobiotic",
              "phytogenic insecticide", "antifouling biocide", "avicide", "molluscicide"}


def drug_classes(folder: Path) -> list[tuple[str, str, str, str, str]]:
    classes = {r["class_id"]: r for r in csv.DictReader((folder / "classes.tsv").open(encoding="utf-8"), delimiter="\t")}
    rows = set()
    for row in csv.DictReader((folder / "drug-to-class.tsv").open(encoding="utf-8"), delimiter="\t"):
        meta = classes.get(row["class_id"])
        if meta is None or meta["class_type"] not in KEEP_TYPES:
            continue
        if meta["class_type"] == "Application" and meta["class_name"].lower() in SKIP_ROLES:
            continue
        rows.add((row["drugbank_name"].lower(), row["class_id"], meta["class_name"], meta["class_source"],
                  KEEP_TYPES[meta["class_type"]]))
    return sorted(rows)


# Salt and ion words a variant name adds to its drug ("sodium levothyroxine"): a canonical name the class table lacks
# and no id ties ("thyroxine", whose variants include Synthroid) is the table's ingredient its variant names without them
_SALT_WORDS = frozenset({"sodium", "potassium", "calcium", "magnesium", "disodium", "dipotassium", "hydrochloride", "hcl"})


def drug_names(path: Path, ingredients: set[str], by_drugbank: dict[str, str]) -> list[tuple[str, str, str]]:
    """Name variants (brand and other names) of drugs: one to three words, no punctuation but hyphens. A name is
    tied to the class table's ingredient by its DrugBank id where both sources give one ("albuterol" →
    salbutamol), else by the same name, else by a variant that names a table ingredient with a salt word around it
    ("Synthroid" → thyroxine, whose variant "sodium levothyroxine" → levothyroxine); a combination's name to each of
    its ingredients ("Bactrim" → trimethoprim/sulfamethoxazole → both) when the table holds every one; drugs the
    class table lacks (newer ones: empagliflozin) keep their own name when the dictionary gives them a MedlinePlus
    page or a DrugBank id — they then have no class."""
    with bz2.open(path) as handle:  # a pinned PyPI package's own data file, read at build time only
        data = pickle.load(handle)
    variants = data["drug_variant_to_canonical"]
    canonical_data = data["drug_canonical_to_data"]
    flags = data["drug_variant_to_variant_data"]
    salted: dict[str, set[str]] = {}  # canonical → table ingredients its variants name with a salt word
    for variant, canonicals in variants.items():
        kept = [w for w in variant.lower().split() if w not in _SALT_WORDS]
        bare = " ".join(kept)
        if bare != variant.lower() and bare in ingredients:
            for canonical in canonicals:
                salted.setdefault(canonical, set()).add(bare)
    rows = set()
    for variant, canonicals in variants.items():
        brand = "brand" if flags.get(variant, {}).get("is_brand") else "name"
        for canonical in canonicals:
            name = " ".join(variant.lower().split())
            if not re.fullmatch(r"[a-z][a-z0-9\-]*(?: [a-z0-9\-]+){0,2}", name):
                continue
            meta = canonical_data.get(canonical, {})
            same = by_drugbank.get(meta.get("drugbank_id", ""))
            known = meta.get("medline_plus_id") or meta.get("drugbank_id")
            if same:
                parts = [same]
            elif not known and canonical.lower() not in ingredients and len(salted.get(canonical, ())) == 1:
                parts = sorted(salted[canonical])
            else:
                parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", canonical.lower())]
                combined = [p.strip() for p in canonical.lower().split("/")]
                if len(combined) > 1 and all(p in ingredients for p in combined):
                    parts, known = combined, True  # a combination of drugs the table holds: each of them
            for ingredient in parts:
                if (ingredient in ingredients or known) and ingredient and ingredient != name:
                    rows.add((name, ingredient, brand))
    return sorted(rows)


def abbreviations(folder: Path) -> list[tuple[str, str, str, str]]:
    rows: dict[tuple[str, str], tuple[str, str]] = {}

    def add(abbr: str, sense: str, source: str, freq: str) -> None:
        abbr, sense = abbr.strip(), " ".join(sense.split())
        if not abbr or not sense or len(abbr) > 12 or len(sense) > 80 or abbr.lower() == sense.lower():
            return
        rows.setdefault((abbr.lower(), sense.lower()), (source, freq))

    with (folder / "5-wikipedia" / "wikipedia_abbreviation_database.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            add(row["abr"], row["long_form"], "wikipedia", "")
    for name, source in (("4-vanderbilt/vanderbilt_clinic_notes.txt", "vanderbilt"),
                         ("4-vanderbilt/vanderbilt_discharge_sums.txt", "vanderbilt")):
        with (folder / name).open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                add(row["abbreviation"], row["sense"], source, row.get("frequency") or "")
    with (folder / "6-stetson" / "sense_distribution_448.txt").open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3:
                add(parts[0], parts[1], "stetson", parts[2])
    return sorted((a, s, src, f) for (a, s), (src, f) in rows.items())


def icd10cm(path: Path) -> list[tuple[str, str, str, str]]:
    """(code, level, title, parent): chapters, blocks, three-character categories and their subcategories."""
    root = ET.parse(path).getroot()
    rows = []
    for chapter in root.iter("chapter"):
        number = chapter.findtext("name", "").strip()
        rows.append((f"chapter {number}", "chapter", chapter.findtext("desc", "").strip(), ""))
        for section in chapter.iter("section"):
            block = section.get("id", "")
            rows.append((block, "block", section.findtext("desc", "").strip(), f"chapter {number}"))
            for diag in section.findall("diag"):
                code = diag.findtext("name", "").strip()
                rows.append((code, "category", diag.findtext("desc", "").strip(), block))
                for sub in diag.findall("diag"):  # four-character subcategories ("N39.0 Urinary tract infection …")
                    rows.append((sub.findtext("name", "").strip(), "subcategory", sub.findtext("desc", "").strip(), code))
    return rows


def icd10cm_terms(path: Path) -> list[tuple[str, str, str]]:
    """(code, term, kind): the other names the tabular list gives a category or subcategory — its "includes"
    notes ("sinus infection" under J32) and inclusion terms ("Memory loss NOS" under R41.3) — as written."""
    root = ET.parse(path).getroot()
    rows = []
    for diag in root.iter("diag"):
        code = diag.findtext("name", "").strip()
        for kind, tag in (("includes", "includes"), ("inclusion", "inclusionTerm")):
            for holder in diag.findall(tag):
                for note in holder.findall("note"):
                    term = (note.text or "").strip()
                    if term:
                        rows.append((code, term, kind))
    return rows


def write(name: str, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    with (OUT / name).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"{name}: {len(rows)} rows")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # each source refreshes its own tables; one left out keeps its committed tables as they are
    parser.add_argument("--drugcentral", type=Path, help="with --drug-names: drug_classes.tsv and drug_names.tsv")
    parser.add_argument("--drug-names", type=Path)
    parser.add_argument("--abbreviations", type=Path, help="abbreviations.tsv")
    parser.add_argument("--icd10cm", type=Path, help="icd10cm.tsv and icd10cm_terms.tsv")
    args = parser.parse_args()
    if not (args.drugcentral or args.abbreviations or args.icd10cm) or bool(args.drugcentral) != bool(args.drug_names):
        parser.error("give --drugcentral with --drug-names, and/or --abbreviations, and/or --icd10cm")
    OUT.mkdir(parents=True, exist_ok=True)
    if args.drugcentral:
        classes = drug_classes(args.drugcentral)
        write("drug_classes.tsv", ("ingredient", "class_id", "class_name", "source", "type"), classes)
        by_drugbank = {r["drugbank_id"]: r["drugbank_name"].lower() for r in csv.DictReader(
            (args.drugcentral / "drug-to-class.tsv").open(encoding="utf-8"), delimiter="\t")}
        write("drug_names.tsv", ("name", "ingredient", "kind"),
              drug_names(args.drug_names, {r[0] for r in classes}, by_drugbank))
    if args.abbreviations:
        write("abbreviations.tsv", ("abbreviation", "sense", "source", "frequency"), abbreviations(args.abbreviations))
    if args.icd10cm:
        write("icd10cm.tsv", ("code", "level", "title", "parent"), icd10cm(args.icd10cm))
        write("icd10cm_terms.tsv", ("code", "term", "kind"), icd10cm_terms(args.icd10cm))


if __name__ == "__main__":
    main()
