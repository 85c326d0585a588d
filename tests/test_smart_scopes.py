from __future__ import annotations

import pytest

from rag_core.models import CLINICAL_TYPES
from smart_app.scopes import parse_scopes


@pytest.mark.parametrize(
    ("scope", "types"),
    [
        ("launch openid fhirUser patient/*.read", CLINICAL_TYPES),
        ("patient/*.rs", CLINICAL_TYPES),
        ("patient/Observation.read patient/Condition.read", {"Observation", "Condition"}),
        ("patient/Observation.rs patient/MedicationRequest.r", {"Observation", "MedicationRequest"}),
        ("patient/Observation.cud", set()),  # no read
        ("patient/Observation.write", set()),
        ("system/*.read", set()),  # backend scopes do not open a clinician session
        ("patient/Patient.read patient/Binary.rs", {"Patient"}),  # demographics are indexed; Binary is not
        ("patient/Binary.rs patient/Questionnaire.read", set()),  # nothing ChartRAG indexes
        ("openid fhirUser launch", set()),
        ("user/DocumentReference.rs", {"DocumentReference"}),
        ("patient/observation.rs", set()),  # resource types are case-sensitive
    ],
)
def test_read_types(scope: str, types: set[str]) -> None:
    granted = parse_scopes(scope)
    assert granted.resource_types == frozenset(types)
    assert granted.can_read_chart is bool(types)


def test_v2_category_restrictions() -> None:
    granted = parse_scopes(
        "patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory "
        "patient/Condition.rs?category=problem-list-item patient/Condition.rs"
    )
    assert granted.resource_types == {"Observation", "Condition"}
    assert granted.categories == {"Observation": frozenset({"laboratory"})}  # an unrestricted grant wins
    scope = granted.patient_scope("pt", "dr")
    assert scope.categories == {"Observation": frozenset({"laboratory"})}


def test_launch_flags_and_patient_scope() -> None:
    granted = parse_scopes("launch/patient openid fhirUser offline_access patient/Observation.rs")
    assert granted.launch_patient and granted.openid and granted.fhir_user and granted.offline_access
    scope = granted.patient_scope("pt-1", "Practitioner/dr-1")
    assert scope.patient_id == "pt-1" and scope.resource_types == {"Observation"}


def test_style_values_are_validated_before_becoming_css() -> None:
    from smart_app.routes import style_css

    css = style_css({"color_highlight": "#123abc", "color_text": "red; } body { background: url(//evil)",
                     "color_background": "rgb(1, 2, 3)", "unknown": "#fff"})
    assert css == ":root { --bg: rgb(1, 2, 3); --accent: #123abc; }\n"
    assert style_css(None) == "" and style_css({"color_text": 5}) == ""
