"""Ingestion sources beyond FHIR JSON: HL7 v2, PDF/DOCX documents, scanned pages (OCR), Bulk Data export."""
