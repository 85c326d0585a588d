"""An MLLP listener for HL7 v2 (python-hl7's asyncio server): each message is queued durably, then
acknowledged AA; a message that cannot be parsed is answered AR and not queued."""

from __future__ import annotations

import asyncio
import logging

import hl7.mllp

from fhir_ingest.errors import Hl7Error
from fhir_ingest.queue import JobQueue
from fhir_ingest.sources.hl7v2 import ack, parse_message

log = logging.getLogger("chartrag.ingest")


async def start_mllp(queue: JobQueue, host: str, port: int) -> asyncio.AbstractServer:
    async def connected(reader: hl7.mllp.HL7StreamReader, writer: hl7.mllp.HL7StreamWriter) -> None:
        try:
            while not writer.is_closing():
                try:
                    message = await reader.readmessage()
                except asyncio.IncompleteReadError:
                    break
                text = str(message)
                try:
                    parse_message(text)
                except Hl7Error as exc:
                    writer.writemessage(hl7.parse(ack(text, "AR", str(exc))))
                    await writer.drain()
                    continue
                await queue.put("hl7", {"message": text})
                writer.writemessage(hl7.parse(ack(text, "AA")))
                await writer.drain()
        except (ConnectionError, hl7.mllp.InvalidBlockError) as exc:
            log.warning("MLLP connection dropped (%s)", type(exc).__name__)
        finally:
            writer.close()

    server: asyncio.AbstractServer = await hl7.mllp.start_hl7_server(connected, host=host, port=port)
    return server
