"""The fhir_ingest exception tree (messages carry references and reasons, never patient text).

IngestError (rag_core)
 ├── NotificationError     a notification that is not a conformant Subscriptions Backport bundle (→ 400)
 ├── SourceError           the FHIR server could not be read (→ retried with backoff)
 │    └── SourceUnsupported    the server answered that it does not offer an operation ($events, $export)
 └── Hl7Error              an HL7 v2 message that cannot be mapped (→ AE/AR acknowledgement, dead letter)
"""

from __future__ import annotations

from rag_core.errors import IngestError


class NotificationError(IngestError):
    """The request body is not a notification the Subscriptions Backport IG allows."""


class SourceError(IngestError):
    """A read from the FHIR server failed (network, 5xx, 429); the job is retried."""


class SourceUnsupported(SourceError):
    """The server does not offer the operation (404/400/501 on $events, $status, $export)."""


class Hl7Error(IngestError):
    """An HL7 v2 message that cannot be mapped."""
