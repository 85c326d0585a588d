"""Chart summary → CDS Hooks card for the EHR's side panel.

The summary line gives true counts ("10 active problems, 8 current meds (2 stale orders)"); the detail
lists each section newest first, cut at a few lines with "and N more" pointing at the app, and cites
with numbered footnotes that a clinician can read — display name, date and resource type, each a link
to the resource on the EHR's FHIR server when one is known — so no raw resource id appears in the prose.

Every piece of text that comes from data (claims, names, guideline labels) goes in through
``cds_hooks.markdown.text`` and every link through ``markdown.link`` (https only, http only to configured
local hosts), so nothing in a chart or a guideline can add HTML, a link or Markdown structure to the card.

Indicator rule: ``warning`` when a lab changed by at least 25 % within the last year (the card then
says so first); ``info`` otherwise. No summary → no card.
"""

from __future__ import annotations

import json
from collections.abc import Collection

from cds_hooks import markdown
from cds_hooks.models import Card, Link, Source
from rag_core.citations import guideline_label
from rag_core.models import Citation
from rag_core.summary import ChartSummary

WARNING_CHANGE = 0.25
NOUNS = {"Condition": "condition", "MedicationRequest": "medication order", "Observation": "result",
         "Procedure": "procedure", "Immunization": "immunization", "AllergyIntolerance": "allergy record",
         "Device": "device", "DeviceUseStatement": "device", "CarePlan": "care plan", "Goal": "goal",
         "FamilyMemberHistory": "family history record", "ImagingStudy": "imaging study",
         "MedicationAdministration": "medication given"}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def _footnote(n: int, citation: Citation, label: str, fhir_server: str | None, http_hosts: Collection[str]) -> str:
    if citation.guideline is not None:  # a guideline passage: labelled as one, linked to the guideline itself
        return f"{n}. " + markdown.link(markdown.text(guideline_label(citation)), citation.guideline.url, http_hosts)
    what = NOUNS.get(citation.resource_type, citation.resource_type)
    text = markdown.text(f"{label} — {what}" + (f", {citation.effective_date}" if citation.effective_date else ""))
    target = f"{fhir_server.rstrip('/')}/{citation.reference}" if fhir_server else None
    return f"{n}. " + markdown.link(text, target, http_hosts)


def _label(claim_text: str) -> str:
    """The footnote's display name: the claim's subject, before its parenthesised dates."""
    return claim_text.split(" (", 1)[0].split(":", 1)[0].strip()[:80]


def summary_card(summary: ChartSummary, fhir_server: str | None, launch_url: str,
                 http_hosts: Collection[str] = ()) -> Card | None:
    """The card; ``http_hosts``: hosts whose ``http:`` URLs may be links (local servers), all else https only."""
    if not summary.sections:
        return None
    parts = []
    if summary.active_problems:
        parts.append(_plural(summary.active_problems, "active problem"))
    if summary.current_medications:
        meds = _plural(summary.current_medications, "current med")
        if summary.stale_orders:
            meds += f" ({_plural(summary.stale_orders, 'stale order')})"
        parts.append(meds)
    if summary.changing_labs:
        parts.append(_plural(summary.changing_labs, "changed lab"))
    if summary.recommendations:
        parts.append(_plural(summary.recommendations, "guideline rec"))
    warning = summary.largest_change >= WARNING_CHANGE
    text = ("Lab change ≥25%: " if warning else "Chart summary: ") + ", ".join(parts)
    lines: list[str] = []
    footnotes: list[str] = []
    numbering: dict[str, int] = {}
    more = summary.more or {}
    for title, answer in summary.sections:
        by_id = {c.chunk_id: c for c in answer.citations}
        guidelines = any(c.guideline is not None for c in answer.citations)
        heading = f"**{markdown.text(title)}**"
        lines.append(heading if guidelines else f"{heading} (newest first)")
        for claim in answer.claims:
            marks = []
            for chunk_id in claim.citations:
                if chunk_id not in numbering:
                    numbering[chunk_id] = len(numbering) + 1
                    footnotes.append(_footnote(numbering[chunk_id], by_id[chunk_id], _label(claim.text), fhir_server,
                                               http_hosts))
                marks.append(f"[{numbering[chunk_id]}]")
            lines.append(f"- {markdown.text(claim.text)} {''.join(marks)}")
        if more.get(title):
            lines.append(f"- and {more[title]} more — open ChartRAG for the full list")
        lines.append("")
    lines.append("**Sources**")
    lines.extend(footnotes)
    return Card(
        summary=text[:139],
        detail="\n".join(lines).strip(),
        indicator="warning" if warning else "info",
        source=Source(label="ChartRAG (answers cited from this chart)"),
        links=[Link(label="Ask ChartRAG about this chart", url=launch_url, type="smart",
                    appContext=json.dumps({"from": "cds-hooks", "service": "chart-summary"}))],
    )
