"""A development tool, not part of the product: a sandbox EHR for the offline demo and tests.

It plays what SMART developers use the SMART launcher for — a patient picker over the bundled
synthetic patients, a practitioner login stub, an OAuth 2.0 authorization server issuing SMART launch
context (authlib's AuthorizationServer with PKCE required), a FHIR R4 read/search endpoint over the
same data, and an EHR-like page that launches ChartRAG in an iframe. Product packages never import it
(tests/test_architecture.py).
"""
