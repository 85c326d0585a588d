"""Chart summary → CDS Hooks card. Indicator rule: ``warning`` when a lab changed by at least 25 %
within the last year (the card then says so first); ``info`` otherwise. No summary → no card."""

from __future__ import annotations

import json

from cds_hooks.models import Card, Link, Source
from rag_core.summary import ChartSummary

WARNING_CHANGE = 0.25


def _reference(reference: str, fhir_server: str | None) -> str:
    return f"[{reference}]({fhir_server.rstrip('/')}/{reference})" if fhir_server else f"`{reference}`"


def summary_card(summary: ChartSummary, fhir_server: str | None, launch_url: str) -> Card | None:
    if not summary.sections:
        return None
    parts = []
    if summary.active_problems:
        parts.append(f"{summary.active_problems} active problem{'s' * (summary.active_problems != 1)}")
    if summary.current_medications:
        parts.append(f"{summary.current_medications} current med{'s' * (summary.current_medications != 1)}")
    if summary.changing_labs:
        parts.append(f"{summary.changing_labs} changed lab{'s' * (summary.changing_labs != 1)}")
    warning = summary.largest_change >= WARNING_CHANGE
    text = ("Lab change ≥25%: " if warning else "Chart summary: ") + ", ".join(parts)
    lines: list[str] = []
    for title, answer in summary.sections:
        by_id = {c.chunk_id: c for c in answer.citations}
        lines.append(f"**{title}**")
        for claim in answer.claims:
            refs = ", ".join(_reference(by_id[cid].reference, fhir_server) for cid in claim.citations)
            lines.append(f"- {claim.text} ({refs})")
        lines.append("")
    return Card(
        summary=text[:139],
        detail="\n".join(lines).strip(),
        indicator="warning" if warning else "info",
        source=Source(label="ChartRAG (answers cited from this chart)"),
        links=[Link(label="Ask ChartRAG about this chart", url=launch_url, type="smart",
                    appContext=json.dumps({"from": "cds-hooks", "service": "chart-summary"}))],
    )
