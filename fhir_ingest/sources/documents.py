"""PDF, DOCX and scanned images → text, as ``AttachmentReaders`` for ``rag_core.documents``.

PDF pages keep their text layer (PyMuPDF); a page without one (a scan inside a PDF) is rendered at
300 dpi and OCRed. DOCX paragraphs keep headings as ``#`` sections so notes chunk by section.
"""

from __future__ import annotations

import io

import numpy as np
import pymupdf
from docx import Document as open_docx

from fhir_ingest.sources.ocr import PageText, decode_image, ocr_gray
from rag_core.documents import AttachmentReaders, AttachmentText
from rag_core.errors import ResourceError

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
IMAGES = ("image/png", "image/jpeg", "image/tiff")
MIN_TEXT_LAYER_CHARS = 20
CONTENT_TYPES = {".pdf": PDF, ".docx": DOCX, ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
                 ".tif": "image/tiff", ".tiff": "image/tiff", ".txt": "text/plain"}


def combine(pages: list[PageText]) -> AttachmentText:
    scores = [p.confidence for p in pages if p.confidence is not None]
    return AttachmentText(
        "\n\n".join(p.text.strip() for p in pages if p.text.strip()),
        round(sum(scores) / len(scores), 1) if scores else None,
        any(p.low_confidence for p in pages),
    )


def pdf_pages(raw: bytes, reference: str) -> list[PageText]:
    try:
        doc = pymupdf.open(stream=raw, filetype="pdf")
    except (pymupdf.FileDataError, RuntimeError, ValueError):
        raise ResourceError(reference, "attachment is not a readable PDF") from None
    pages: list[PageText] = []
    with doc:
        for number in range(doc.page_count):
            page = doc[number]
            text = str(page.get_text("text"))
            if len(text.strip()) >= MIN_TEXT_LAYER_CHARS:
                pages.append(PageText(text, "text-layer"))
                continue
            pix = page.get_pixmap(dpi=300, colorspace=pymupdf.csGRAY)
            gray = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width).copy()
            pages.append(ocr_gray(gray))
    return pages


def read_pdf(raw: bytes, reference: str) -> AttachmentText:
    return combine(pdf_pages(raw, reference))


def read_docx(raw: bytes, reference: str) -> AttachmentText:
    try:
        doc = open_docx(io.BytesIO(raw))
    except Exception:  # python-docx raises several unrelated types for a bad package
        raise ResourceError(reference, "attachment is not a readable DOCX") from None
    lines: list[str] = []
    for paragraph in doc.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        lines.append(f"\n# {text}\n" if style.startswith(("Heading", "Title")) else text)
    for table in doc.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text.strip() for cell in row.cells))
    return AttachmentText("\n".join(lines).strip())


def read_image(raw: bytes, reference: str) -> AttachmentText:
    try:
        return combine([ocr_gray(page) for page in decode_image(raw, reference)])
    except ResourceError:
        raise
    except Exception as exc:  # decode problems arrive as IngestError or cv2.error
        raise ResourceError(reference, f"scanned image could not be read ({type(exc).__name__})") from None


def attachment_readers() -> AttachmentReaders:
    readers: AttachmentReaders = {PDF: read_pdf, DOCX: read_docx}
    for content_type in IMAGES:
        readers[content_type] = read_image
    return readers
