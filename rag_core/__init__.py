"""ChartRAG core: the patient-isolated, hybrid, cited chart-QA pipeline.

Never imports a web framework nor any edge package (smart_app, cds_hooks, fhir_ingest, chartrag).
"""
