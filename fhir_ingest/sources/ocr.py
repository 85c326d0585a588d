"""Scanned pages → text with Tesseract (Debian's tesseract-ocr through pytesseract).

Faxes arrive skewed and speckled, so each page is cleaned first with OpenCV: grey, a median filter
against salt-and-pepper noise, deskew by the angle whose horizontal projection profile is sharpest
(text lines line up), then Otsu binarisation. Tesseract's per-word confidences give the page score;
a page below the floor is flagged so a clinician can be told the text may be misread.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass

import cv2
import numpy as np
import pytesseract

from rag_core.errors import IngestError

LOW_CONFIDENCE = 60.0  # mean word confidence (0-100) below which a page is flagged
_ANGLES = np.arange(-10.0, 10.25, 0.25)


@dataclass(frozen=True)
class PageText:
    text: str
    method: str  # "text-layer" or "ocr"
    confidence: float | None = None  # mean OCR word confidence, None for a text layer

    @property
    def low_confidence(self) -> bool:
        return self.confidence is not None and self.confidence < LOW_CONFIDENCE


def require_tesseract() -> None:
    if shutil.which("tesseract") is None:
        raise IngestError("OCR needs the tesseract binary (Debian package tesseract-ocr); it is not installed")


def _rotate(image: np.ndarray, angle: float, border: int = 255) -> np.ndarray:
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)


def skew_angle(gray: np.ndarray) -> float:
    """The rotation (degrees) that makes text lines horizontal: the sharpest row-sum profile wins."""
    scale = 800 / max(gray.shape[1], 1)
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    _, ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    best, best_score = 0.0, -1.0
    for angle in _ANGLES:
        profile = _rotate(ink, float(angle), border=0).sum(axis=1, dtype=np.float64)
        score = float(np.var(profile))
        if score > best_score:
            best, best_score = float(angle), score
    return best


def clean(gray: np.ndarray) -> np.ndarray:
    """Denoise, deskew and binarise one grey page."""
    denoised = cv2.medianBlur(gray, 3)
    angle = skew_angle(denoised)
    straight = _rotate(denoised, angle) if abs(angle) >= 0.25 else denoised
    _, binary = cv2.threshold(straight, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return binary


def _lines(data: dict[str, list[object]]) -> tuple[str, float | None]:
    """Rebuild text from Tesseract's word table (paragraphs separated by blank lines) and the mean
    confidence of the words read."""
    paragraphs: dict[tuple[int, int], dict[int, list[str]]] = {}
    confidences: list[float] = []
    for i, word in enumerate(data["text"]):
        text = str(word).strip()
        conf = float(str(data["conf"][i]))
        if not text or conf < 0:
            continue
        confidences.append(conf)
        key = (int(str(data["block_num"][i])), int(str(data["par_num"][i])))
        paragraphs.setdefault(key, {}).setdefault(int(str(data["line_num"][i])), []).append(text)
    text = "\n\n".join("\n".join(" ".join(words) for _, words in sorted(lines.items()))
                       for _, lines in sorted(paragraphs.items()))
    return text, (sum(confidences) / len(confidences) if confidences else None)


def ocr_gray(gray: np.ndarray) -> PageText:
    require_tesseract()
    page = clean(gray)
    data = pytesseract.image_to_data(page, lang="eng", config="--psm 3", output_type=pytesseract.Output.DICT)
    text, confidence = _lines(data)
    return PageText(text, "ocr", confidence if confidence is not None else 0.0)


def decode_image(raw: bytes, reference: str) -> list[np.ndarray]:
    """Every page of a PNG/JPEG/TIFF as a grey array (multi-page TIFF faxes included)."""
    ok, pages = cv2.imdecodemulti(np.frombuffer(raw, dtype=np.uint8), cv2.IMREAD_GRAYSCALE)
    if not ok or not pages:
        raise IngestError(f"{reference}: image could not be decoded")
    return list(pages)
