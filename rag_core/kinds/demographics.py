"""Demographics from the Patient resource: sex, birth date, age on a day, death, language, marital status."""

from __future__ import annotations

import re

from rag_core.facts import age_on, day_text, to_date
from rag_core.kinds.base import Aspect, AspectEvidence, ChartReader, Cue, Kind, best_cue
from rag_core.kinds.encounters import target_encounter
from rag_core.kinds.timewords import int_day
from rag_core.models import Claim, Derived, SearchFilter

ATTRIBUTES: dict[str, tuple[Cue, ...]] = {
    "age": (Cue(r"\bhow old\b|\bage\b|\baged\b|\byears? old\b"),),
    "deceased": (Cue(r"\bdied\b|\bdie\b|\bdeceased\b|\bdeath\b|\bdead\b|\balive\b|\bpassed away\b|\bexpired\b"
                     r"|\bliving\b|\bpassed\b"),),
    "birth": (Cue(r"\bborn\b|\bbirth\s?(?:date|day)\b|\bdate of birth\b|\bdob\b"),),
    "sex": (Cue(r"\bsex\b|\bgender\b|\bmale\b|\bfemale\b|\bman or (?:a )?woman\b"),),
    "language": (Cue(r"\blanguage\b|\bspeaks?\b|\binterpreter\b"),),
    "marital": (Cue(r"\bmarital\b|\bmarried\b|\bsingle\b|\bwidowed\b|\bdivorced\b"),),
    "race": (Cue(r"\brace\b|\bracial\b"),),
    "ethnicity": (Cue(r"\bethnicity\b|\bethnic\b|\bhispanic\b|\blatino\b"),),
}


def attribute_of(text: str) -> str | None:
    """The attribute(s) asked, "+"-joined in table order ("gender and age" → "age+sex")."""
    found = [name for name, cues in ATTRIBUTES.items() if best_cue(cues, text)[0]]
    return "+".join(found) or None


CAUSE_OF_DEATH = ("http://loinc.org|69453-9",)
# asked of a death that may not have happened ("when did he die", "cause of death"), unlike "is she alive?"
_ASKS_OF_A_DEATH = re.compile(r"\bwhen\b|\bcause\b|\bof what\b|\bfrom what\b|\bhow did\b|\bwhy did\b|\bdate of death\b",
                              re.I)  # Cause of death [US Standard Certificate of Death]


class DemographicsKind(Kind):
    name = "demographics"
    topics = frozenset({"demographics"})

    async def gather(self, reader: ChartReader, aspect: Aspect, k: int) -> AspectEvidence:
        if not reader.granted(frozenset({"Patient"})):
            return AspectEvidence(aspect, [], not_found="Withheld: this session's scopes do not allow reading Patient.",
                                  withheld=True)
        found = await reader.facts(SearchFilter(resource_types=frozenset({"Patient"})))
        if not found:
            return AspectEvidence(aspect, [], not_found="No demographics recorded for this patient.")
        patient = found[0].fact
        if (aspect.attribute == "deceased" and patient is not None and not patient.deceased
                and _ASKS_OF_A_DEATH.search(aspect.clause)):  # "when did he die" of a living patient: not in the chart
            return AspectEvidence(aspect, [], not_found="No death is recorded for this patient (Patient.deceased is "
                                                        "not set).")
        if "deceased" in (aspect.attribute or "") and reader.granted(frozenset({"Observation"})):
            # the cause as the death certificate records it (LOINC 69453-9), said with the date
            causes = await reader.facts(SearchFilter(resource_types=frozenset({"Observation"}), codes=CAUSE_OF_DEATH))
            return AspectEvidence(aspect, [found[0], *causes[-1:]], [], 1.0)
        if aspect.attribute == "age" and aspect.encounter_scope and reader.granted(frozenset({"Encounter"})):
            stay = await target_encounter(reader, aspect)
            if stay is not None:
                return AspectEvidence(aspect, [found[0], stay], [], 1.0)
        return AspectEvidence(aspect, found[:1], [], 1.0)

    def claims(self, part: AspectEvidence) -> list[Claim]:
        asked = (part.aspect.attribute or "").split("+")
        return [claim for attribute in asked for claim in self._claims(part, attribute or None)]

    def _claims(self, part: AspectEvidence, attribute: str | None) -> list[Claim]:
        chunk = part.chunks[0]
        fact = chunk.fact
        cite = [chunk.id]
        if fact is None:
            return [Claim(text=chunk.text, citations=cite)]
        if attribute == "sex":
            return [Claim(text=f"Sex: {fact.gender}." if fact.gender else "Sex is not recorded.", citations=cite)]
        if attribute == "birth":
            return [Claim(text=f"Born {day_text(fact.birth_date)}." if fact.birth_date else "Birth date not recorded.",
                          citations=cite)]
        if attribute == "deceased":
            causes = [c for c in part.chunks[1:] if c.resource_type == "Observation" and c.fact is not None]
            cause = [Claim(text=f"Cause of death recorded: {c.fact.value} ({c.effective_date}).", citations=[c.id])
                     for c in causes if c.fact is not None and c.fact.value]
            if fact.deceased:
                death = day_text(fact.deceased)
                return [Claim(text=f"Deceased: died on {death}." if death else "Deceased (no date recorded).",
                              citations=cite), *cause]
            return [Claim(text="No death is recorded (Patient.deceased is not set).", citations=cite)]
        if attribute == "language":
            return [Claim(text=f"Language: {fact.language}." if fact.language else "No language is recorded.",
                          citations=cite)]
        if attribute == "marital":
            return [Claim(text=f"Marital status: {fact.marital_status}." if fact.marital_status
                          else "No marital status is recorded.", citations=cite)]
        if attribute in ("race", "ethnicity"):
            value = fact.race if attribute == "race" else fact.ethnicity
            return [Claim(text=f"{attribute.capitalize()}: {value}." if value else f"No {attribute} is recorded.",
                          citations=cite)]
        if attribute == "age" and len(part.chunks) > 1:  # "age at the last admission": on the stay's first day
            stay = part.chunks[1]
            claim = _age(part.aspect, chunk.id, fact.birth_date, fact.deceased, stay.effective_date)
            claim.citations.append(stay.id)
            claim.text = claim.text.replace(" on ", " at the start of the stay on ", 1)
            return [claim]
        if attribute == "age":
            return [_age(part.aspect, chunk.id, fact.birth_date, fact.deceased)]
        return [Claim(text=chunk.text, citations=cite)]


def _age(aspect: Aspect, chunk_id: str, birth_text: str | None, deceased: str | None,
         on_day: str | None = None) -> Claim:
    birth = to_date(birth_text)
    if birth is None:
        return Claim(text="Birth date not recorded, so the age is unknown.", citations=[chunk_id])
    day = aspect.window.anchor or aspect.window.day_to
    on = to_date(on_day) if on_day else (int_day(day) if day else None)
    death = to_date(deceased)
    if on is None:
        return Claim(text=f"Born {birth.isoformat()}.", citations=[chunk_id])
    if death is not None and death <= on:
        years = age_on(birth, death)
        return Claim(text=f"Died on {death.isoformat()} at age {years} (born {birth.isoformat()}).", citations=[chunk_id],
                     computed=[Derived(kind="age", value=str(years), start=death.isoformat())])
    years = age_on(birth, on)
    return Claim(text=f"Age {years} on {on.isoformat()} (born {birth.isoformat()}).", citations=[chunk_id],
                 computed=[Derived(kind="age", value=str(years), start=on.isoformat())])


DEMOGRAPHICS_KIND = DemographicsKind()
