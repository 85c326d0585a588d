"""Documents: PDF text layer, DOCX with headings, a scanned fax (rendered text, noise, 3° skew)
OCRed after deskew/denoise, a scan inside a PDF, low-confidence flagging, and the scanned fax found
by a clinician's question through the real pipeline."""

from __future__ import annotations

import base64
import csv
import io
from pathlib import Path

import cv2
import numpy as np
import pymupdf
import pytest
from docx import Document

from chartrag.bench_ingest import SCAN_LINES, synthetic_scan
from fhir_ingest.sources.documents import attachment_readers, read_docx, read_image, read_pdf
from fhir_ingest.sources.folder import folder_resources
from fhir_ingest.sources.ocr import skew_angle
from rag_core.documents import resources_to_documents
from rag_core.errors import IngestError, ResourceError

FAX_LINES = SCAN_LINES
scanned_page = synthetic_scan  # rendered text, 3° skew, salt-and-pepper noise


def png(page: np.ndarray) -> bytes:
    ok, data = cv2.imencode(".png", page)
    assert ok
    return data.tobytes()


def test_deskew_finds_the_rotation() -> None:
    assert abs(skew_angle(scanned_page(FAX_LINES, skew=3.0)) + 3.0) <= 0.5
    assert abs(skew_angle(scanned_page(FAX_LINES, skew=-2.0)) - 2.0) <= 0.5


def test_scanned_fax_is_read_with_its_confidence() -> None:
    text = read_image(png(scanned_page(FAX_LINES)), "DocumentReference/fax-1")
    assert "ejection fraction of 35 percent" in text.text
    assert "sacubitril-valsartan 24/26 mg" in text.text
    assert text.ocr_confidence is not None and text.ocr_confidence > 80 and not text.low_confidence


def test_a_page_of_noise_is_flagged_low_confidence() -> None:
    rng = np.random.default_rng(3)
    page = (rng.random((900, 1200)) * 255).astype(np.uint8)
    page = cv2.GaussianBlur(page, (0, 0), 3)
    text = read_image(png(page), "DocumentReference/smudge")
    assert text.low_confidence or not text.text.strip()


def test_pdf_text_layer_and_a_scanned_pdf_page() -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Discharge summary: community-acquired pneumonia treated with ceftriaxone.", fontsize=11)
    scan = doc.new_page(width=612, height=396)
    scan.insert_image(scan.rect, stream=png(scanned_page(FAX_LINES)))
    raw = doc.tobytes()
    result = read_pdf(raw, "DocumentReference/pdf-1")
    assert "community-acquired pneumonia treated with ceftriaxone" in result.text  # text layer
    assert "ejection fraction of 35 percent" in result.text  # OCR of the image-only page
    assert result.ocr_confidence is not None
    with pytest.raises(ResourceError, match="not a readable PDF"):
        read_pdf(b"%PDF-1.7 broken", "DocumentReference/pdf-2")


def test_docx_headings_become_sections() -> None:
    document = Document()
    document.add_heading("History of present illness", level=1)
    document.add_paragraph("Three days of productive cough and fever to 38.9 C.")
    document.add_heading("Plan", level=1)
    document.add_paragraph("Amoxicillin 875 mg twice daily for 7 days.")
    buffer = io.BytesIO()
    document.save(buffer)
    text = read_docx(buffer.getvalue(), "DocumentReference/docx-1").text
    assert "# History of present illness\n" in text and "# Plan\n\nAmoxicillin 875 mg twice daily" in text
    with pytest.raises(ResourceError, match="not a readable DOCX"):
        read_docx(b"PK\x03\x04 not really", "DocumentReference/docx-2")


def test_document_reference_attachments_use_the_readers() -> None:
    resource = {
        "resourceType": "DocumentReference", "id": "fax-1", "status": "current",
        "type": {"text": "Outside consult (fax)"}, "subject": {"reference": "Patient/p1"}, "date": "2025-05-02T12:00:00Z",
        "content": [{"attachment": {"contentType": "image/png",
                                    "data": base64.b64encode(png(scanned_page(FAX_LINES))).decode()}}],
    }
    without = resources_to_documents([("x", resource)])
    assert without.documents == [] and "not supported" in str(without.errors[0])
    report = resources_to_documents([("x", resource)], readers=attachment_readers())
    (doc,) = report.documents
    assert doc.kind == "note" and "ejection fraction of 35 percent" in doc.text and doc.ocr_confidence


def test_folder_mapping_is_checked(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Telephone note: patient reports no chest pain.")
    mapping = tmp_path / "map.csv"
    mapping.write_text("file,patient_id,date,title\na.txt,p1,2025-01-02,Telephone note\n")
    ((_, resource),) = folder_resources(tmp_path, mapping)
    assert resource["subject"] == {"reference": "Patient/p1"} and resource["type"]["text"] == "Telephone note"
    mapping.write_text("file,patient_id\n../etc/passwd,p1\n")
    with pytest.raises(IngestError, match="is not a file in"):
        folder_resources(tmp_path, mapping)
    mapping.write_text("name,who\na.txt,p1\n")
    with pytest.raises(IngestError, match="needs columns"):
        folder_resources(tmp_path, mapping)


@pytest.mark.slow
def test_scanned_fax_in_a_folder_is_found_by_a_question(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from chartrag.cli import app
    from tests.conftest import EDYTHE, EDYTHE_ID

    folder = tmp_path / "inbox"
    folder.mkdir()
    cv2.imwrite(str(folder / "fax-0502.tiff"), scanned_page(FAX_LINES))
    with (folder / "mapping.csv").open("w", newline="") as handle:
        csv.writer(handle).writerows([["file", "patient_id", "date", "title"],
                                      ["fax-0502.tiff", EDYTHE_ID, "2025-05-02", "Outside cardiology consult"]])
    data = tmp_path / "data"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", "--data-dir", str(data), str(EDYTHE)]).exit_code == 0
    result = runner.invoke(app, ["ingest", "documents", str(folder), "--mapping", str(folder / "mapping.csv"),
                                 "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    asked = runner.invoke(app, ["ask", "What ejection fraction did the outside cardiology consult report?",
                                "--patient", EDYTHE_ID, "--now", "2025-06-01", "--json", "--data-dir", str(data)])
    assert asked.exit_code == 0, asked.output
    assert "35 percent" in asked.output and "file-" in asked.output  # cited to the faxed DocumentReference
