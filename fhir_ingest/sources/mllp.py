"""An MLLP listener for HL7 v2 (python-hl7's asyncio server, read block by block so that a message
python-hl7 cannot parse is still answered): each message is queued durably, then acknowledged AA;
one that is not HL7 v2 is answered AR and not queued."""

from __future__ import annotations

import asyncio
import logging

import hl7.mllp

from fhir_ingest.errors import Hl7Error
from fhir_ingest.queue import JobQueue
from fhir_ingest.sources.hl7v2 import ack, parse_message

log = logging.getLogger("chartrag.ingest")


def _decode(block: bytes) -> str:
    try:
        return block.decode("utf-8")
    except UnicodeDecodeError:
        return block.decode("latin-1")  # v2 senders often use ISO 8859-1


async def start_mllp(queue: JobQueue, host: str, port: int) -> asyncio.AbstractServer:
    async def connected(reader: hl7.mllp.HL7StreamReader, writer: hl7.mllp.HL7StreamWriter) -> None:
        try:
            while not writer.is_closing():
                try:
                    text = _decode(await reader.readblock())
                except asyncio.IncompleteReadError:
                    break
                try:
                    parse_message(text)
                except Hl7Error as exc:
                    writer.writeblock(ack(text, "AR", str(exc)).encode())
                    await writer.drain()
                    continue
                await queue.put("hl7", {"message": text})
                writer.writeblock(ack(text, "AA").encode())
                await writer.drain()
        except (ConnectionError, hl7.mllp.InvalidBlockError) as exc:
            log.warning("MLLP connection dropped (%s)", type(exc).__name__)
        finally:
            writer.close()

    server: asyncio.AbstractServer = await hl7.mllp.start_hl7_server(connected, host=host, port=port)
    return server
