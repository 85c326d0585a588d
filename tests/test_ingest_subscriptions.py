"""Subscriptions end to end: a scripted FHIR server on loopback notifies our endpoint (handshake,
events out of order, duplicates, a gap recovered by $events, a gap recovered by _lastUpdated when
$events is not offered, quick double updates, a delete, entered-in-error), a real worker indexes into
a real Edge index with the real embedding model, and the heartbeat watchdog flags a silent subscription."""

from __future__ import annotations

import copy
import time
from pathlib import Path
from typing import Any

import pytest

from tests.fhir_script_server import ScriptedFhir, post_notification
from tests.ingest_helpers import PATIENT, SECRET, hba1c, ingest_rig, note
from tests.servers import free_port, serving

pytestmark = pytest.mark.slow


async def test_scripted_server_notifications_are_indexed_exactly_as_the_server_holds_them(
    tmp_path: Path, real_embedder: Any
) -> None:
    fhir = ScriptedFhir()
    fhir_port, endpoint_port = free_port(), free_port()
    with serving(fhir.app(), fhir_port) as fhir_url:
        fhir.base = f"{fhir_url}/fhir"
        async with ingest_rig(tmp_path, real_embedder, fhir.base) as rig:
            changed: list[set[str]] = []
            rig.indexer.listeners.append(changed.append)
            endpoint = rig.endpoint(tmp_path)
            with serving(endpoint, endpoint_port) as our_url:
                url = f"{our_url}/fhir/notify"

                def send(bundle: dict[str, Any]) -> None:
                    assert post_notification(url, bundle, SECRET) == 200

                # handshake, then events 2 (id-only) before 1 (full), 1 twice; 3 is lost; 4 arrives
                send(fhir.bundle("handshake"))
                e1 = fhir.save(hba1c("obs-a", 7.9, "2025-01-10"))
                e2 = fhir.save(hba1c("obs-b", 7.4, "2025-04-10"))
                send(fhir.bundle("event-notification", [e2], payload="id-only"))
                send(fhir.bundle("event-notification", [e1]))
                send(fhir.bundle("event-notification", [e1]))
                fhir.save(hba1c("obs-c", 7.1, "2025-07-10"))  # event 3: never delivered
                e4 = fhir.save(note("note-d", "# Assessment\nPolyuria reported. Metformin increased to 1000 mg "
                                              "twice daily.", "2025-07-11"))
                send(fhir.bundle("event-notification", [e4]))
                await rig.drain()

                counts = await rig.per_resource()
                assert counts == {"Observation/obs-a": 1, "Observation/obs-b": 1, "Observation/obs-c": 1,
                                  "DocumentReference/note-d": 1}
                assert "$events 3-3" in fhir.calls  # the gap was asked for by number
                assert "read Observation/obs-b" in fhir.calls  # id-only payload fetched
                st = await rig.ingestion.state.subscription(fhir.subscription_url)
                assert st is not None and st.mark == 4 and st.handshakes == 1 and not st.missing()
                assert rig.worker.stats.duplicates >= 1

                # a server without $events: the lost event 5 is found by a _lastUpdated search
                fhir.supports_events = False
                fhir.save(hba1c("obs-e", 6.9, "2025-10-01"))
                e6 = fhir.save(hba1c("obs-f", 6.7, "2025-12-01"))
                send(fhir.bundle("event-notification", [e6], payload="id-only"))
                await rig.drain()
                counts = await rig.per_resource()
                assert counts["Observation/obs-e"] == 1 and counts["Observation/obs-f"] == 1
                assert any(c.startswith("search Observation since") for c in fhir.calls)

                # two quick updates delivered newest first: only the newest version stays
                e7 = fhir.save(hba1c("obs-a", 8.4, "2025-01-10"))
                v2 = copy.deepcopy(fhir.current("Observation/obs-a"))
                e8 = fhir.save(hba1c("obs-a", 6.8, "2025-01-10"))
                send(fhir.bundle("event-notification", [e8]))
                send(fhir.bundle("event-notification", [e7], resources={"Observation/obs-a": v2}))  # type: ignore[dict-item]
                await rig.drain()
                obs_a = [c for c in await rig.chunks() if c.resource_id == "obs-a"]
                assert len(obs_a) == 1 and obs_a[0].version_id == "3" and "6.8" in obs_a[0].text
                assert rig.worker.stats.stale >= 1

                # delete (id-only → 410 Gone) and entered-in-error both remove the chunks
                changed.clear()
                e9 = fhir.delete("Observation/obs-b")
                e10 = fhir.save(hba1c("obs-c", 7.1, "2025-07-10", status="entered-in-error"))
                send(fhir.bundle("event-notification", [e9], payload="id-only"))
                send(fhir.bundle("event-notification", [e10]))
                await rig.drain()
                counts = await rig.per_resource()
                assert "Observation/obs-b" not in counts and "Observation/obs-c" not in counts
                assert counts["Observation/obs-a"] == 1 and counts["DocumentReference/note-d"] == 1
                assert any(PATIENT in patients for patients in changed)  # the CDS summary cache hears of it
                st = await rig.ingestion.state.subscription(fhir.subscription_url)
                assert st is not None and st.mark == len(fhir.events)

                # silence: two heartbeat periods without contact → $status is called and the subscription flagged
                await rig.ingestion.state.update_subscription(fhir.subscription_url, heartbeat_period=0.1,
                                                              last_seen=time.time() - 5)
                await rig.worker.watchdog(time.time())
                st = await rig.ingestion.state.subscription(fhir.subscription_url)
                assert "$status" in fhir.calls
                assert st is not None and st.flagged and "no notification for" in st.flagged
                send(fhir.bundle("heartbeat"))
                await rig.drain()
                st = await rig.ingestion.state.subscription(fhir.subscription_url)
                assert st is not None and st.flagged is None and st.heartbeats == 1


async def test_an_unreadable_resource_is_dead_lettered_and_the_rest_of_the_batch_is_indexed(
    tmp_path: Path, real_embedder: Any
) -> None:
    fhir = ScriptedFhir(base="https://ehr.example/fhir")
    async with ingest_rig(tmp_path, real_embedder) as rig:  # no FHIR server configured to recover from
        secret_text = "Patient confided a private family matter."
        bad = note("bad-1", secret_text, "2025-01-02")
        bad["content"][0]["attachment"]["contentType"] = "application/zip"
        events = [fhir.save(hba1c("ok-1", 7.0, "2025-01-01")), fhir.save(bad), fhir.save(hba1c("ok-2", 7.2, "2025-02-01"))]
        fhir.save(hba1c("never-sent", 7.4, "2025-03-01"))  # event 4 is lost
        events.append(fhir.save(hba1c("ok-3", 7.6, "2025-04-01")))
        for event in events:
            await rig.ingestion.queue.put("notification", {"bundle": fhir.bundle("event-notification", [event])})
        await rig.drain()

        assert set(await rig.per_resource()) == {"Observation/ok-1", "Observation/ok-2", "Observation/ok-3"}
        (dead,) = await rig.ingestion.queue.dead_letters()
        assert "DocumentReference/bad-1" in dead.error and "not supported" in dead.error
        assert "confided" not in dead.error  # references and reasons, never chart text
        st = await rig.ingestion.state.subscription(fhir.subscription_url)
        assert st is not None and st.missing() == [4]
        assert st.flagged and "CHARTRAG_INGEST_FHIR_BASE_URL" in st.flagged


async def test_a_note_whose_pdf_is_given_by_url_is_read_from_the_server(tmp_path: Path, real_embedder: Any) -> None:
    import base64

    import pymupdf

    pdf = pymupdf.open()
    pdf.new_page().insert_text((72, 72), "Discharge summary: cellulitis of the left leg treated with cefazolin.", fontsize=11)
    fhir = ScriptedFhir()
    with serving(fhir.app(), free_port()) as fhir_url:
        fhir.base = f"{fhir_url}/fhir"
        fhir.save({"resourceType": "Binary", "id": "pdf-1", "contentType": "application/pdf",
                   "data": base64.b64encode(pdf.tobytes()).decode()})
        doc = note("dc-1", "", "2025-06-01")
        doc["content"] = [{"attachment": {"contentType": "application/pdf", "url": f"{fhir.base}/Binary/pdf-1"}}]
        event = fhir.save(doc)
        async with ingest_rig(tmp_path, real_embedder, fhir.base) as rig:
            await rig.ingestion.queue.put("notification", {"bundle": fhir.bundle("event-notification", [event])})
            await rig.drain()
            (chunk,) = [c for c in await rig.chunks() if c.resource_id == "dc-1"]
            assert "cellulitis of the left leg treated with cefazolin" in chunk.text
            assert "read Binary/pdf-1" in fhir.calls
