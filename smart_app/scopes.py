"""SMART scopes (App Launch v1 and v2) → what the session may read.

v1: ``patient/Observation.read``, ``patient/*.read``, ``user/*.*``; v2: ``patient/Observation.rs``,
``patient/*.cruds``, with optional ``?category=…`` (e.g. ``patient/Observation.rs?category=laboratory``).
Only read access matters here (``read``/``*`` in v1, ``r`` or ``s`` in v2). Resource types outside
what ChartRAG indexes are ignored. The result narrows rag_core's PatientScope.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag_core.models import CLINICAL_TYPES, PatientScope

_RESOURCE_SCOPE = re.compile(
    r"^(?P<context>patient|user|system)/(?P<type>\*|[A-Z][A-Za-z]+)\.(?P<access>read|write|\*|[cruds]+)"
    r"(?:\?(?P<query>.+))?$"
)


@dataclass(frozen=True)
class GrantedScopes:
    resource_types: frozenset[str]
    categories: dict[str, frozenset[str]] = field(default_factory=dict)  # type → allowed categories
    launch: bool = False
    launch_patient: bool = False
    openid: bool = False
    fhir_user: bool = False
    offline_access: bool = False
    raw: tuple[str, ...] = ()

    @property
    def can_read_chart(self) -> bool:
        return bool(self.resource_types)

    def patient_scope(self, patient_id: str, requester: str) -> PatientScope:
        """The rag_core scope for this session; the patient comes from the token context only."""
        return PatientScope(
            patient_id=patient_id, resource_types=self.resource_types, requester=requester, categories=self.categories
        )


def _reads(access: str) -> bool:
    if access in ("read", "*"):
        return True
    return access != "write" and ("r" in access or "s" in access)


def parse_scopes(scope: str) -> GrantedScopes:
    """Parse a space-separated scope string as granted in a token response."""
    words = tuple(w for w in scope.split() if w)
    types: set[str] = set()
    unrestricted: set[str] = set()
    categories: dict[str, set[str]] = {}
    for word in words:
        m = _RESOURCE_SCOPE.match(word)
        if not m or m.group("context") == "system" or not _reads(m.group("access")):
            continue
        granted = CLINICAL_TYPES if m.group("type") == "*" else frozenset({m.group("type")}) & CLINICAL_TYPES
        query = m.group("query")
        for rtype in granted:
            types.add(rtype)
            category = _category(query)
            if category is None:
                unrestricted.add(rtype)
            else:
                categories.setdefault(rtype, set()).add(category)
    restricted = {t: frozenset(c) for t, c in categories.items() if t not in unrestricted}
    return GrantedScopes(
        resource_types=frozenset(types),
        categories=restricted,
        launch="launch" in words,
        launch_patient="launch/patient" in words,
        openid="openid" in words,
        fhir_user="fhirUser" in words,
        offline_access="offline_access" in words,
        raw=words,
    )


def _category(query: str | None) -> str | None:
    """The category a v2 scope is limited to (``category=system|code`` keeps the code)."""
    if not query:
        return None
    for part in query.split("&"):
        key, _, value = part.partition("=")
        if key == "category" and value:
            return value.rsplit("|", 1)[-1]
    return None
