"""A concept asked with no kind cue ("A1c?", "metformin", "K pls"): resolve it first, then answer the way
its topic is usually asked — a lab's latest value (its values when a period is named), a drug's or a
diagnosis's yes/no with dates. Unresolved, the retriever searches the chart (``search``)."""

from __future__ import annotations

from dataclasses import replace

from rag_core.kinds.base import Aspect, AspectEvidence, ChartReader, Kind
from rag_core.kinds.topics import BY_NAME


class AutoKind(Kind):
    name = "auto"
    needs_concept = True

    async def gather(self, reader: ChartReader, aspect: Aspect, k: int) -> AspectEvidence:
        from rag_core.kinds.registry import default_kind

        resolution = await reader.resolve(aspect)
        if resolution is None:  # the retriever tries the named parts, then searches the chart
            return AspectEvidence(aspect, [], not_found=f"Nothing recorded matches \u201c{aspect.concept}\u201d.")
        topic = BY_NAME.get(resolution.topic, aspect.topic)
        kind = default_kind(topic, aspect.concept, aspect.window)
        return await kind.gather(reader, replace(aspect, kind=kind, topic=topic), k)


AUTO = AutoKind()
