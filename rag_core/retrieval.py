"""Retrieval: plan aspects → evidence chunks from the index, always inside the PatientScope.

Each aspect's *kind* (``rag_core.kinds``) decides what to read and which chunks answer; this module
gives the kinds a ``ChartReader`` bound to the request's scope:

* ``resolve``: the concept named in the question → the patient's own recorded concepts (engine facets
  per topic, ``rag_core.concepts`` for the matching steps);
* ``concept_facts``: every fact recorded under those names — and under any other name sharing their
  code — in the time window, read with an engine filter (never a post-filtered top-k);
* ``facts``: every fact of some types in a window (lists, counts, encounters, demographics);
* ``search``: the hybrid dense + BM25 query, RRF-fused in the engine with the same filters on both
  arms, then the reranker picks the top k.

When a concept resolves to nothing recorded, the chart is still searched (``kinds.search``), so a
question is never answered worse than by plain hybrid search. Namespaces are queried concurrently.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from rag_core.concepts import TERMINOLOGY_READINGS, Resolution, VocabularyEntry, concept_words, resolve_concept
from rag_core.embedding import Embedder
from rag_core.guidance import named_concepts
from rag_core.guidelines import guideline_code
from rag_core.index.base import VectorIndex, sort_by_day
from rag_core.kinds.base import Aspect, AspectEvidence, QueryPlan
from rag_core.kinds.devices import device_procedures, names_a_device
from rag_core.kinds.events import event_window
from rag_core.kinds.findings import asks_findings, findings
from rag_core.kinds.latest import LATEST
from rag_core.kinds.listing import LIST
from rag_core.kinds.orders import reason_records
from rag_core.kinds.search import SEARCH, words_left_out
from rag_core.kinds.stopped import asks_why_not_given, why_stopped
from rag_core.kinds.timewords import Window, day_int
from rag_core.kinds.topics import BY_NAME, CONCEPT_TOPICS
from rag_core.models import (
    CLINICAL_GUIDELINES,
    NAMESPACES,
    PATIENT_DATA,
    Chunk,
    Hit,
    HybridQuery,
    PatientScope,
    SearchFilter,
)
from rag_core.rerank import Reranker
from rag_core.sparse import Bm25Encoder
from rag_core.telemetry import span
from rag_core.terminology.conditions import conditions

# Records whose ICD-10-CM codes place them in a condition group
_ICD_CODED = frozenset({"Condition"})
# One patient's facts of one concept or one window: thousands at most; beyond this a scroll would be cut.
SCROLL_LIMIT = 5000

__all__ = ["AspectEvidence", "Evidence", "Retriever"]


@dataclass
class Evidence:
    plan: QueryPlan
    aspects: list[AspectEvidence]
    guidelines: list[Hit] = field(default_factory=list)  # clinical_guidelines passages, reranked (guidance questions)

    @property
    def guideline_chunks(self) -> list[Chunk]:
        return [h.chunk for h in self.guidelines]

    @property
    def chunks(self) -> list[Chunk]:
        seen: dict[str, Chunk] = {}
        for part in self.aspects:
            for chunk in [*part.chunks, *part.nearest, *part.omitted[:1], *part.omitted[-1:]]:
                seen.setdefault(chunk.id, chunk)
        return list(seen.values())


class Retriever:
    def __init__(
        self,
        index: VectorIndex,
        embedder: Embedder,
        sparse: Bm25Encoder,
        reranker: Reranker,
        candidates: int = 25,
        query_embedders: Mapping[str, Embedder] | None = None,
    ) -> None:
        self.query_embedders = dict(query_embedders or {})  # per namespace, where another model embeds it
        self.index = index
        self.embedder = embedder
        self.sparse = sparse
        self.reranker = reranker
        self.candidates = candidates

    def hybrid_query(self, text: str, flt: SearchFilter, limit: int) -> HybridQuery:
        dense = self.embedder.embed([text])[0]
        sparse = self.sparse.query(text)
        return HybridQuery(text, dense, sparse.indices, sparse.values, flt, limit)

    async def search_namespaces(
        self, question: str, scope: PatientScope, k: int, namespaces: tuple[str, ...] = NAMESPACES
    ) -> dict[str, list[Hit]]:
        """One hybrid query per namespace, run concurrently: ``patient_data`` inside the scope, the
        shared namespaces (guidelines, anonymized cases) without patient data in them."""
        query = self.hybrid_query(question, SearchFilter(), self.candidates)

        async def one(namespace: str) -> list[Hit]:
            own = self.query_embedders.get(namespace)
            q = query if own is None else HybridQuery(
                question, (await asyncio.to_thread(own.embed, [question]))[0], query.sparse_indices, query.sparse_values,
                query.filter, query.limit)
            hits = await self.index.search(namespace, q, scope if namespace == PATIENT_DATA else None)
            return hits[:k]

        results = await asyncio.gather(*(one(ns) for ns in namespaces))
        return dict(zip(namespaces, results, strict=True))

    async def guidelines(self, plan: QueryPlan, scope: PatientScope, text: str, k: int) -> list[Hit]:
        """Guideline passages for ``text``: the hybrid search of ``clinical_guidelines`` (``search_namespaces``:
        its own query embedder when another model embeds it; shared, so the scope is not applied), reranked.
        The reranker re-embeds the few passages: their stored vectors may come from another embedder."""
        found = await self.search_namespaces(text, scope, self.candidates, (CLINICAL_GUIDELINES,))
        plain = [Hit(h.chunk, h.score) for h in found[CLINICAL_GUIDELINES]]
        aspect = plan.aspects[0] if plan.aspects else None
        if aspect is None or not plain:
            return plain[:k]
        with span("chartrag.rerank", **{"chartrag.chunks": len(plain), "chartrag.model": self.reranker.model_id}):
            guide = replace(aspect, topic=None, section=None)
            return await asyncio.to_thread(self.reranker.rerank, plan, guide, plain, k)

    async def whole_guidelines(self, hits: list[Hit], chosen: list[Chunk], k: int) -> list[Hit]:
        """The chosen guidelines' passages first — every one of them, read with one filter, so that the
        recommendation for the patient's age group is there even when other passages outranked it — then
        the other hits; at most ``k`` beyond the chosen guidelines' own."""
        ids = list(dict.fromkeys(c.resource_id for c in chosen))
        whole = await self.index.scroll(CLINICAL_GUIDELINES, SearchFilter(codes=tuple(guideline_code(i) for i in ids)),
                                        None, limit=SCROLL_LIMIT)
        ranked = [h for h in hits if h.chunk.resource_id in ids]
        seen = {h.chunk.id for h in ranked}
        ranked += [Hit(c, 0.0) for c in whole if c.id not in seen]
        return ranked + [h for h in hits if h.chunk.resource_id not in ids][:k]

    async def guided(self, plan: QueryPlan, scope: PatientScope, passages: list[Chunk], k: int) -> list[AspectEvidence]:
        """The patient's latest facts of the concepts the guideline passages speak of (its screening tests,
        its drugs, its lab values), read inside the scope — the bridge from a guideline to the chart."""
        reader = ScopedReader(self, scope, plan)
        asked = day_int(plan.now)
        entries = named_concepts(await reader.vocabulary(asked), passages)
        aspects = [Aspect(kind=LATEST, topic=BY_NAME[e.topic], concept=e.name, window=Window(day_to=asked),
                          clause=e.name) for e in entries]
        parts = await asyncio.gather(*(LATEST.gather(reader, a, k) for a in aspects))
        return [p for p in parts if p.chunks]

    async def retrieve(self, plan: QueryPlan, scope: PatientScope, k: int) -> Evidence:
        reader = ScopedReader(self, scope, plan)
        parts = await asyncio.gather(*(self._aspect(reader, a, k) for a in plan.aspects))
        return Evidence(plan=plan, aspects=[p for found in parts for p in found])

    async def _aspect(self, reader: ScopedReader, aspect: Aspect, k: int) -> list[AspectEvidence]:
        found = await self._read(reader, aspect, k)
        if len(found) == 1:  # the record alone (no report, device or reason read beside it) …
            left_out = await words_left_out(reader, found[0])
            if left_out is not None:  # … "did they ever do OIT for the peanut allergy": and what the notes say of OIT
                return [*found, left_out]
        return found

    async def _read(self, reader: ScopedReader, aspect: Aspect, k: int) -> list[AspectEvidence]:
        if aspect.window.event:  # "before the surgery", "since her last visit": the chart dates the period
            aspect, undated = await event_window(reader, aspect)
            if undated:
                return [*await self._aspect(reader, aspect, k), AspectEvidence(aspect, [], not_found=undated)]
        if asks_why_not_given(aspect.clause):  # "why did he come off lisinopril": the order and any allergy to it
            said = await why_stopped(reader, aspect, k)
            if said:
                return said
        part = await aspect.kind.gather(reader, aspect, k)
        if (aspect.topic is not None and aspect.topic.name == "family" and aspect.concept and not part.chunks
                and not part.withheld):  # "fam hx of dementia" with a mother's Alzheimer's: what is recorded of the
            # family, beside what no record names — never the patient's own diagnosis, never a note's mention
            listed = await LIST.gather(reader, replace(aspect, kind=LIST, concept=None, concept_parts=()), k)
            if not listed.chunks:
                return [part]
            named = replace(part, not_found=f"No family history record names \u201c{aspect.concept}\u201d; the family "
                                           "history recorded is listed.") if part.not_found and not part.concepts else part
            return [named, listed]
        unresolved = (aspect.concept and not part.chunks and not part.concepts and aspect.kind is not SEARCH
                      and part.how not in TERMINOLOGY_READINGS)  # a terminology read it: its absence is the answer
        if part.chunks and names_a_device(part):  # when it went in, came out and why: the procedures naming it
            placed = await device_procedures(reader, part)
            if placed is not None:
                return [part, placed]
        if part.chunks and any(c.resource_type == "MedicationRequest" for c in part.chunks):  # ("b12 shots" too)
            reasons = await reason_records(reader, part)  # "why is she on X": the diagnosis the order names, cited
            if reasons is not None:
                return [part, reasons]
        if part.chunks and asks_findings(aspect.clause):  # "what did it show": the record's detail, its report
            shown = await findings(reader, part)
            return [part, shown] if shown is not None else [part]
        if part.chunks and any(c.resource_type == "Procedure" for c in part.chunks):  # its read, unasked ("ct head")
            read = await findings(reader, part, reports_only=True)
            if read is not None:
                return [part, read]
        if not unresolved or not part.not_found or part.not_found.startswith("Withheld"):
            return [part]
        if aspect.concept_parts:  # "LDL and HDL": each named concept on its own
            return [p for sub in aspect.concept_parts
                    for p in await self._aspect(reader, replace(aspect, concept=sub, concept_parts=()), k)]
        searched = await SEARCH.gather(reader, replace(aspect, kind=SEARCH), k)
        return [searched] if searched.chunks else [part]


class ScopedReader:
    """The ``ChartReader`` the kinds use for one request: every read inside ``scope``."""

    def __init__(self, retriever: Retriever, scope: PatientScope, plan: QueryPlan) -> None:
        self.retriever = retriever
        self.index = retriever.index
        self.scope = scope
        self.plan = plan
        self._vocabulary: dict[int | None, list[VocabularyEntry]] = {}
        self._with_codes: dict[int | None, list[VocabularyEntry]] = {}  # the same, with Conditions' ICD-10-CM codes
        self._lock = asyncio.Lock()

    def granted(self, types: frozenset[str] | None) -> frozenset[str] | None:
        return self.scope.allowed(types)

    @property
    def asked_day(self) -> int:
        return day_int(self.plan.now)

    async def facts(self, flt: SearchFilter, newest_first: bool = False, limit: int | None = None) -> list[Chunk]:
        chunks = await self.index.scroll(PATIENT_DATA, flt, self.scope, limit=limit or SCROLL_LIMIT,
                                         newest_first=newest_first)
        return chunks if newest_first else sort_by_day(chunks)

    async def vocabulary(self, day_to: int | None) -> list[VocabularyEntry]:
        async with self._lock:
            if day_to not in self._vocabulary:
                async def one(topic_name: str, types: frozenset[str]) -> list[VocabularyEntry]:
                    if not self.scope.allowed(types):
                        return []
                    names = await self.index.facet(PATIENT_DATA, "concepts", SearchFilter(resource_types=types,
                                                                                           day_to=day_to), self.scope)
                    return [VocabularyEntry(name, topic_name) for name in sorted(names)]

                found = await asyncio.gather(*(one(t.name, t.resource_types) for t in CONCEPT_TOPICS))
                self._vocabulary[day_to] = [e for entries in found for e in entries]
            return self._vocabulary[day_to]

    async def _coded(self, vocabulary: list[VocabularyEntry], day_to: int | None) -> list[VocabularyEntry]:
        """The vocabulary with the ICD-10-CM codes each condition was recorded with — read only for a question a
        condition group may answer (a display in the clinician's own words is placed by its code). A Condition's
        one code is its own; a relative's history is left to its words (one record may hold several conditions)."""
        if day_to in self._with_codes:  # read once per request and day, like the vocabulary it extends
            return self._with_codes[day_to]
        types = self.scope.allowed(_ICD_CODED)
        if not types:
            return vocabulary
        coded: dict[str, set[str]] = {}
        for chunk in await self.facts(SearchFilter(resource_types=types, day_to=day_to)):
            codes = {c.code for c in (chunk.fact.codings if chunk.fact else ())
                     if c.code and c.system and c.system.rstrip("/").lower().endswith("icd-10-cm")}
            for name in chunk.concepts[:1] if codes else ():
                coded.setdefault(name, set()).update(codes)
        self._with_codes[day_to] = [replace(e, codes=tuple(sorted(coded[e.name])))
                                    if e.topic == "condition" and e.name in coded else e for e in vocabulary]
        return self._with_codes[day_to]

    async def resolve(self, aspect: Aspect) -> Resolution | None:
        if not aspect.concept:
            return None
        # names recorded up to the day asked — not only inside the asked period, so that "K in 2010" for a
        # chart whose potassium starts in 2019 resolves and is answered "none then; the closest: …"
        asked = self.asked_day
        day_to = aspect.window.day_to
        vocabulary = await self.vocabulary(asked if day_to is None or day_to <= asked else day_to)
        prefer = ([aspect.topic.name] if aspect.topic is not None and aspect.topic.name in BY_NAME else [])
        if not prefer and aspect.kind.topics is not None and len(aspect.kind.topics) == 1:
            prefer = list(aspect.kind.topics)  # "bone density getting worse?": a trend is of a measurement
        prefer += [t for t in aspect.prefer if t not in prefer]
        if prefer and prefer[0] == "family":  # a relative's history is never the patient's own ("fam hx of MS")
            vocabulary, prefer = [e for e in vocabulary if e.topic == "family"], ["family"]
        elif conditions().resolve_group(" ".join(concept_words(aspect.concept))) is not None:
            vocabulary = await self._coded(vocabulary, asked if day_to is None or day_to <= asked else day_to)
        return resolve_concept(aspect.concept, vocabulary, prefer, aspect.clause)

    async def concept_facts(self, resolution: Resolution, flt: SearchFilter) -> list[Chunk]:
        """Facts recorded under the resolved names — and under any other name sharing their code, since a
        chart may record one test or drug under two displays over the years."""
        types = BY_NAME[resolution.topic].resource_types

        def narrowed(concepts: tuple[str, ...] | None = None, codes: tuple[str, ...] | None = None) -> SearchFilter:
            return SearchFilter(resource_types=types, day_from=flt.day_from, day_to=flt.day_to, statuses=flt.statuses,
                                concepts=concepts, codes=codes)

        names = resolution.names
        chunks = await self.index.scroll(PATIENT_DATA, narrowed(concepts=names), self.scope, limit=SCROLL_LIMIT)
        codes = {code for c in chunks for name, code in zip(c.concepts, c.codes, strict=False) if code and name in names}
        if codes and resolution.topic != "report":  # (a report's code is its kind: every pathology report shares one)
            by_code = await self.index.scroll(PATIENT_DATA, narrowed(codes=tuple(sorted(codes))), self.scope,
                                              limit=SCROLL_LIMIT)
            chunks = list({c.id: c for c in [*chunks, *by_code]}.values())
        return sort_by_day(chunks)

    async def search(self, aspect: Aspect, text: str, flt: SearchFilter, k: int) -> list[Hit]:
        retriever = self.retriever
        hits = await self.index.search(PATIENT_DATA, retriever.hybrid_query(text, flt, retriever.candidates), self.scope)
        # in a thread: the offline reranker embeds, a remote one waits on HTTP; the request context goes along
        with span("chartrag.rerank", **{"chartrag.chunks": len(hits), "chartrag.model": retriever.reranker.model_id}):
            return await asyncio.to_thread(retriever.reranker.rerank, self.plan, aspect, hits, k)
