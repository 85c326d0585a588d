"""Typed chart facts: what a structured FHIR resource says, kept typed on the chunk payload.

A rendered fact sentence is for people and for BM25; answers and aggregates (latest, min/max, count,
length of stay, age) are computed from these fields, never parsed back out of the sentence. Values
are kept exactly as recorded: ``decimal_text`` writes a JSON number back in its shortest exact
decimal form (0.97 stays "0.97", 14.003 stays "14.003"), never re-rounded.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import BaseModel, ConfigDict


def decimal_text(value: Any) -> str:
    """A recorded number as text, exactly: no rounding, no exponent, no float noise."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        value = Decimal(repr(value))  # the shortest decimal that reads back as this float: what was written
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text
    return str(value)


def as_number(text: str | None) -> Decimal | None:
    """A recorded value as a Decimal for comparison (min/max/trend direction), or None."""
    if text is None:
        return None
    try:
        number = Decimal(text)
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


class Coding(BaseModel):
    model_config = ConfigDict(frozen=True)

    system: str | None = None
    code: str | None = None
    display: str | None = None


class Component(BaseModel):
    """One component of a multi-part observation (systolic / diastolic blood pressure)."""

    model_config = ConfigDict(frozen=True)

    display: str
    codings: tuple[Coding, ...] = ()
    value: str | None = None
    unit: str | None = None


class ChartFact(BaseModel):
    """The typed content of one structured resource. Dates are kept as written (date or dateTime)."""

    model_config = ConfigDict(frozen=True)

    resource_type: str
    display: str
    codings: tuple[Coding, ...] = ()
    value: str | None = None  # a number exactly as recorded, or the coded/text value
    unit: str | None = None
    value_type: str | None = None  # quantity | concept | string | boolean | integer | dateTime | time
    reference_range: str | None = None
    interpretation: str | None = None
    effective: str | None = None  # Observation effective / Procedure performed / Immunization occurrence
    onset: str | None = None
    abatement: str | None = None
    recorded: str | None = None
    authored: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    status: str | None = None
    verification: str | None = None
    category: str | None = None
    encounter_id: str | None = None
    components: tuple[Component, ...] = ()
    # Encounter
    encounter_class: str | None = None  # v3 ActCode (AMB, EMER, IMP, ACUTE, ICU, ...)
    encounter_class_display: str | None = None
    setting: str | None = None  # inpatient | emergency | ambulatory | icu | virtual | home | other
    locations: tuple[str, ...] = ()
    service_type: str | None = None
    discharge_disposition: str | None = None
    admit_source: str | None = None
    part_of: str | None = None
    reason: str | None = None
    status_reason: str | None = None  # why an order was stopped or put on hold, as recorded
    # what an order's period is: "validity" (dispenseRequest.validityPeriod) or "dosing" (its dosage timing's bounds)
    period_of: str | None = None
    # Patient
    gender: str | None = None
    birth_date: str | None = None
    deceased: str | None = None  # the date/time of death as recorded, or "true"
    language: str | None = None
    marital_status: str | None = None
    race: str | None = None
    ethnicity: str | None = None

    @property
    def until(self) -> str | None:
        """An order's end as recorded, said as what it is ("valid until 2021-03-16", "taken until 2020-04-14")."""
        if not self.period_end:
            return None
        return f"{'taken' if self.period_of == 'dosing' else 'valid'} until {self.period_end[:10]}"

    @property
    def number(self) -> Decimal | None:
        return as_number(self.value) if self.value_type in ("quantity", "integer") else None

    @property
    def shown_value(self) -> str | None:
        """The value as recorded with its unit ("0.97 mg/dL"); components joined ("120 mm[Hg] / 80 …")."""
        if self.value is not None:
            return f"{self.value} {self.unit}".strip() if self.unit else self.value
        parts = [f"{c.display} {c.value}{' ' + c.unit if c.unit else ''}" for c in self.components if c.value]
        return "; ".join(parts) or None

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(f"{c.system}|{c.code}" for c in self.codings if c.system and c.code)


def day_text(value: str | None) -> str | None:
    """YYYY-MM-DD of a FHIR date/dateTime as written (its local calendar day)."""
    if not value or len(value) < 4:
        return None
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    if len(value) == 7:
        return value + "-01"
    if len(value) == 4 and value.isdigit():
        return value + "-01-01"
    return None


def to_date(value: str | None) -> date | None:
    day = day_text(value)
    try:
        return date.fromisoformat(day) if day else None
    except ValueError:
        return None


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
