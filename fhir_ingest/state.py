"""What every worker must agree on, kept in the shared ``KeyValue`` store:

- per Subscription: which event numbers were processed (a low-water mark plus the numbers above it),
  the highest number the server says exists, numbers missing and since when, last contact, status,
  and the resource each recent number carried (a number reused for another resource is not a duplicate);

Everything a peer can make us track is bounded by ``max_gap``: an announced counter far beyond what was
seen (``events-since-subscription-start = 1000000`` in a heartbeat) is flagged and answered with one
time-based catch-up, never expanded into a million missing numbers; only events that actually arrive
move the numbering on (a real restart of the server's counter rebases the mark when they do).
- per resource: the version last indexed (or deleted) and its patient, so a late, older
  notification never overwrites a newer version and a redelivered one is a no-op;
- the patient directory (identifier → Patient id) that HL7 v2 messages are matched against;
- HL7 v2 messages held because their patient is not known yet.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Any

from fhir_ingest.store import KeyValue, locked
from rag_core.versions import Version, newer


@dataclass
class SubscriptionState:
    url: str
    topic: str | None = None
    status: str = "requested"
    mark: int = 0  # every event number <= mark was processed
    mark_timestamp: str | None = None  # event timestamp at the mark (recovery searches start there)
    above: list[int] = field(default_factory=list)  # processed numbers > mark
    highest_known: int = 0  # highest event number the server has told us about
    missing_since: dict[str, float] = field(default_factory=dict)  # number → when first noticed missing
    recovering: list[int] = field(default_factory=list)
    # numbers carried by a notification that is queued or being processed: late, not lost
    in_flight: list[int] = field(default_factory=list)
    last_seen: float = 0.0
    heartbeat_period: float | None = None
    last_status_check: float = 0.0
    flagged: str | None = None
    notifications: int = 0
    handshakes: int = 0
    heartbeats: int = 0
    foci: dict[str, str] = field(default_factory=dict)  # recent event number → the resource it carried
    catch_up: bool = False  # a time-based (_lastUpdated) catch-up is due
    last_catch_up: float = 0.0
    reused: int = 0  # event numbers that came again for a different resource

    def is_seen(self, number: int) -> bool:
        return number <= self.mark or number in self.above

    def missing(self, max_gap: int = 1000) -> list[int]:
        """Numbers the server announced that no notification we hold carries (at most ``max_gap``)."""
        known = set(self.above) | set(self.in_flight)
        top = min(self.highest_known, self.mark + max_gap)
        return [n for n in range(self.mark + 1, top + 1) if n not in known]


@dataclass(frozen=True)
class ResourceVersion:
    version: str | None
    last_updated: str | None
    patient_id: str | None
    deleted: bool = False


def is_newer(version: str | None, last_updated: str | None, stored: ResourceVersion | None) -> bool:
    """Should a resource at (version, last_updated) replace what is indexed? The index writer's rule
    (``rag_core.versions``) without its ties: the same version again is a redelivery, not newer."""
    held = Version(stored.version, stored.last_updated) if stored is not None else None
    return newer(Version(version, last_updated), held)


MAX_FOCI = 2000


class IngestState:
    def __init__(self, kv: KeyValue, lock_seconds: float = 30.0, max_gap: int = 1000, max_recovery: int = 100) -> None:
        self.kv = kv
        self.lock_seconds = lock_seconds
        self.max_gap = max_gap  # how far past what was seen an announced counter is believed
        self.max_recovery = max_recovery  # numbers per recovery job

    # ------------------------------------------------------------------ subscriptions

    async def subscription(self, url: str) -> SubscriptionState | None:
        raw = await self.kv.get(f"sub:{url}")
        return SubscriptionState(**raw) if raw else None

    async def subscriptions(self) -> list[SubscriptionState]:
        found = [await self.subscription(k.removeprefix("sub:")) for k in await self.kv.keys("sub:")]
        return [s for s in found if s is not None]

    async def _save(self, st: SubscriptionState) -> None:
        await self.kv.put(f"sub:{st.url}", asdict(st))

    async def update_subscription(self, url: str, **changes: Any) -> SubscriptionState:
        async with locked(self.kv, f"sub:{url}", self.lock_seconds):
            st = await self.subscription(url) or SubscriptionState(url)
            for key, value in changes.items():
                setattr(st, key, value)
            await self._save(st)
            return st

    async def observe(
        self, url: str, kind: str, status: str, topic: str | None, numbers: list[int], events_since_start: int | None,
        now: float | None = None,
    ) -> SubscriptionState:
        """A notification arrived: note contact, status and the highest event number it reveals."""
        now = now or time.time()
        async with locked(self.kv, f"sub:{url}", self.lock_seconds):
            st = await self.subscription(url) or SubscriptionState(url)
            if kind == "handshake" and (events_since_start or 0) < st.mark:  # the server restarted the numbering
                st.mark, st.above, st.highest_known, st.in_flight = 0, [], 0, []
                st.missing_since, st.recovering, st.mark_timestamp = {}, [], None
            st.last_seen, st.status, st.flagged = now, status, None
            st.topic = topic or st.topic
            st.notifications += 1
            st.handshakes += kind == "handshake"
            st.heartbeats += kind == "heartbeat"
            baseline = max(st.highest_known, st.mark)
            announced = max([events_since_start or 0, *numbers])
            believable = [n for n in [events_since_start or 0, *numbers] if n <= baseline + self.max_gap]
            if announced > baseline + self.max_gap:  # flagged, caught up by time, never a million gaps
                st.flagged = (f"event counter jumped from {baseline} to {announced} ({kind}); not treated as "
                              f"{announced - baseline} missed events: catching up by _lastUpdated instead")
                st.catch_up = True
            st.highest_known = max([st.highest_known, *believable])
            st.in_flight = sorted(set(st.in_flight) | {n for n in numbers if not st.is_seen(n)})[-self.max_gap:]
            for number in st.missing(self.max_gap):
                st.missing_since.setdefault(str(number), now)
            await self._save(st)
            return st

    async def note_queued(self, url: str, numbers: list[int]) -> None:
        """The endpoint queued a notification carrying these numbers: they are late, never missing."""
        if not numbers:
            return
        async with locked(self.kv, f"sub:{url}", self.lock_seconds):
            st = await self.subscription(url) or SubscriptionState(url)
            st.in_flight = sorted(set(st.in_flight) | {n for n in numbers if not st.is_seen(n)})
            await self._save(st)

    async def mark_processed(self, url: str, numbers_with_times: dict[int, str | None],
                             foci: dict[int, str] | None = None, reused: list[int] | None = None) -> SubscriptionState:
        async with locked(self.kv, f"sub:{url}", self.lock_seconds):
            st = await self.subscription(url) or SubscriptionState(url)
            above = set(st.above) | {n for n in numbers_with_times if n > st.mark}
            self._advance(st, above, numbers_with_times)
            if above and min(above) - st.mark > self.max_gap:  # events really numbered far on: the counter restarted
                st.flagged = f"event numbering jumped from {st.mark} to {min(above)} (server restart?); caught up by time"
                st.catch_up = True
                st.mark = min(above) - 1
                st.missing_since, st.recovering = {}, []
                self._advance(st, above, numbers_with_times)
            st.above = sorted(above)
            st.highest_known = max([st.highest_known, *(n for n in numbers_with_times if n <= st.mark + self.max_gap)])
            if foci:
                st.foci.update({str(n): ref for n, ref in foci.items()})
                if len(st.foci) > MAX_FOCI:
                    st.foci = dict(sorted(st.foci.items(), key=lambda kv: int(kv[0]))[-MAX_FOCI:])
            if reused:
                st.reused += len(reused)
                st.flagged = f"event number(s) {sorted(reused)[:5]} reused for a different resource; both were processed"
            st.in_flight = [n for n in st.in_flight if n not in numbers_with_times]
            for number in numbers_with_times:
                st.missing_since.pop(str(number), None)
                if number in st.recovering:
                    st.recovering.remove(number)
            await self._save(st)
            return st

    @staticmethod
    def _advance(st: SubscriptionState, above: set[int], times: dict[int, str | None]) -> None:
        while st.mark + 1 in above:
            st.mark += 1
            above.discard(st.mark)
            st.mark_timestamp = times.get(st.mark) or st.mark_timestamp

    async def due_gaps(self, url: str, grace_seconds: float, now: float | None = None) -> tuple[list[int], str | None]:
        """Missing numbers older than the grace period and not yet being recovered; claims them."""
        now = now or time.time()
        async with locked(self.kv, f"sub:{url}", self.lock_seconds):
            st = await self.subscription(url)
            if st is None:
                return [], None
            due = [n for n in st.missing(self.max_gap) if n not in st.recovering
                   and now - st.missing_since.get(str(n), now) >= grace_seconds][: self.max_recovery]
            if due:
                st.recovering = sorted(set(st.recovering) | set(due))
                await self._save(st)
            return due, st.mark_timestamp

    async def due_catch_up(self, url: str, min_interval: float, now: float | None = None) -> SubscriptionState | None:
        """Claims a due time-based catch-up (at most one per ``min_interval`` per subscription)."""
        now = now or time.time()
        async with locked(self.kv, f"sub:{url}", self.lock_seconds):
            st = await self.subscription(url)
            if st is None or not st.catch_up or now - st.last_catch_up < min_interval:
                return None
            st.catch_up, st.last_catch_up = False, now
            await self._save(st)
            return st

    # ------------------------------------------------------------------ resource versions

    async def version(self, reference: str) -> ResourceVersion | None:
        raw = await self.kv.get(f"ver:{reference}")
        return ResourceVersion(**raw) if raw else None

    async def set_version(self, reference: str, version: ResourceVersion) -> None:
        await self.kv.put(f"ver:{reference}", asdict(version))

    # ------------------------------------------------------------------ patient directory (HL7 v2)

    async def register_identifiers(self, patient_id: str, identifiers: list[tuple[str, str]]) -> None:
        for system, value in identifiers:
            if value:
                await self.kv.put(f"pid:{system}|{value}", patient_id)
                owners = set(await self.kv.get(f"pidv:{value}") or [])
                if patient_id not in owners:
                    await self.kv.put(f"pidv:{value}", sorted(owners | {patient_id}))

    async def patient_for(self, system: str | None, value: str) -> str | None:
        """The one Patient with this identifier; None when unknown or when the bare value is ambiguous."""
        if system:
            found = await self.kv.get(f"pid:{system}|{value}")
            if found:
                return str(found)
        owners = await self.kv.get(f"pidv:{value}") or []
        return str(owners[0]) if len(owners) == 1 else None

    # ------------------------------------------------------------------ held messages

    async def hold(self, key: str, kind: str, body: dict[str, Any], reason: str) -> None:
        await self.kv.put(f"held:{key}", {"kind": kind, "body": body, "reason": reason, "at": time.time()})

    async def held(self) -> list[dict[str, Any]]:
        return [h for k in await self.kv.keys("held:") if (h := await self.kv.get(k))]

    async def take_held(self) -> list[dict[str, Any]]:
        taken = []
        for key in await self.kv.keys("held:"):
            item = await self.kv.get(key)
            await self.kv.delete(key)
            if item:
                taken.append(item)
        return taken
