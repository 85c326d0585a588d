"""The rag_core exception tree. Messages never carry patient text, only references and counts.

ChartRagError
 ├── IsolationError        a patient_data query without a usable PatientScope
 ├── PatientNotIndexed     a question about a patient with nothing indexed (or nothing the scope may read)
 ├── IngestError           a whole input could not be read (not FHIR, unreadable file)
 │    └── ResourceError    one resource was malformed / unsupported; the batch goes on
 ├── IndexBackendError     the vector engine failed
 └── ConfigurationError    settings that cannot work together
"""

from __future__ import annotations


class ChartRagError(Exception):
    """Base of every error raised by rag_core."""


class IsolationError(ChartRagError):
    """Raised before the engine is touched when patient data is queried without a scope."""


class PatientNotIndexed(ChartRagError):
    """The patient has no indexed chart data this scope may read: not "not found in the chart"."""


class IngestError(ChartRagError):
    """An input as a whole cannot be read."""


class ResourceError(IngestError):
    """One resource was rejected; carries its reference, never its content."""

    def __init__(self, reference: str, reason: str) -> None:
        super().__init__(f"{reference}: {reason}")
        self.reference = reference
        self.reason = reason


class IndexBackendError(ChartRagError):
    """The vector index failed."""


class ConfigurationError(ChartRagError):
    """Settings that cannot work."""
