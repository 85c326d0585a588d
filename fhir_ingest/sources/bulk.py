"""FHIR Bulk Data ``$export``: kick-off, poll, download (resumable), then import file by file.

A ``export-job.json`` in the output folder remembers the status URL and the manifest, and each file
is written to a temporary name and renamed only when complete, so an interrupted export resumes
where it stopped. Import records each finished file in the ingest state; ``resume`` skips those.
Files are imported in an order that puts Patient, Encounter and Medication first.

The access token goes only under the server's base URL (``rag_core.outbound``'s one rule): the status
URL the kick-off names must lie there, and an output file gets the token only when the manifest says
``requiresAccessToken: true`` and its URL lies there too — a file that requires the token elsewhere is
refused unfetched; with ``requiresAccessToken`` false (say, a pre-signed storage URL) no Authorization
header is sent at all.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from fhir_ingest.errors import SourceError, SourceUnsupported
from fhir_ingest.state import IngestState
from rag_core.documents import AttachmentReaders, load_ndjson
from rag_core.indexing import Indexer
from rag_core.outbound import UnsafeUrl, normalise, token_url

FIRST = ("Patient", "Practitioner", "Organization", "Encounter", "Medication")
JOB_FILE = "export-job.json"


@dataclass
class ImportStats:
    files: int = 0
    skipped_files: int = 0
    resources: int = 0
    documents: int = 0
    chunks: int = 0
    stale: int = 0  # resources skipped: the index holds a newer version (rag_core.versions)
    rejected: list[str] = field(default_factory=list)


def _make_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)


class BulkExportClient:
    def __init__(self, base_url: str, client: httpx.AsyncClient, token: str | None = None) -> None:
        self.base = base_url.rstrip("/")
        self._client = client
        self._auth = {"Authorization": f"Bearer {token}"} if token else {}

    async def kick_off(self, group: str | None = None, types: list[str] | None = None, since: str | None = None) -> str:
        path = f"Group/{group}/$export" if group else "Patient/$export"
        params = {"_outputFormat": "application/fhir+ndjson"}
        if types:
            params["_type"] = ",".join(types)
        if since:
            params["_since"] = since
        try:
            response = await self._client.get(token_url(path, self.base), params=params, headers={
                **self._auth, "Accept": "application/fhir+json", "Prefer": "respond-async"})
        except httpx.HTTPError as exc:
            raise SourceError(f"$export kick-off failed ({type(exc).__name__})") from None
        if response.status_code in (404, 405, 501):
            raise SourceUnsupported(f"$export: HTTP {response.status_code}")
        if response.status_code != 202 or "content-location" not in response.headers:
            raise SourceError(f"$export kick-off: HTTP {response.status_code} without a status location")
        return response.headers["content-location"]

    async def poll(self, status_url: str, on_wait: Callable[[str], None] | None = None,
                   max_wait_seconds: float = 3600.0) -> dict[str, Any]:
        waited = 0.0
        try:
            status_url = token_url(status_url, self.base)
        except UnsafeUrl:
            raise SourceError("$export status URL is not under the server's base URL; its token is not sent there") from None
        while True:
            try:
                response = await self._client.get(status_url, headers={**self._auth, "Accept": "application/json"})
            except httpx.HTTPError as exc:
                raise SourceError(f"$export status failed ({type(exc).__name__})") from None
            if response.status_code == 200:
                manifest: dict[str, Any] = response.json()
                return manifest
            if response.status_code != 202:
                raise SourceError(f"$export status: HTTP {response.status_code}")
            if on_wait:
                on_wait(response.headers.get("x-progress", "in progress"))
            delay = min(float(response.headers.get("retry-after", "1") or 1), 60.0)
            waited += delay
            if waited > max_wait_seconds:
                raise SourceError("$export did not finish in time")
            await asyncio.sleep(delay)

    async def download(self, manifest: dict[str, Any], out_dir: Path,
                       on_file: Callable[[str], None] | None = None) -> list[Path]:
        _make_dir(out_dir)
        files: list[Path] = []
        counters: dict[str, int] = {}
        with_token = manifest.get("requiresAccessToken") is True
        for item in manifest.get("output") or []:
            rtype = str(item.get("type") or "Resource")
            url, headers = self._file_request(item.get("url"), with_token)
            counters[rtype] = counters.get(rtype, 0) + 1
            target = out_dir / f"{rtype}.{counters[rtype]:03d}.ndjson"
            files.append(target)
            if target.exists():  # finished earlier (files appear only when complete)
                continue
            partial = target.with_suffix(".part")
            try:
                async with self._client.stream("GET", url, headers=headers, follow_redirects=False) as r:
                    if r.status_code != 200:
                        raise SourceError(f"$export file: HTTP {r.status_code}")
                    with partial.open("wb") as handle:
                        async for block in r.aiter_bytes():
                            handle.write(block)
            except httpx.HTTPError as exc:
                raise SourceError(f"$export file download failed ({type(exc).__name__})") from None
            partial.rename(target)
            if on_file:
                on_file(target.name)
        return files

    def _file_request(self, url: Any, with_token: bool) -> tuple[str, dict[str, str]]:
        """Where an output file is fetched from and with which headers: the token only when the manifest
        requires it and the URL lies under the base; a file requiring it elsewhere is refused."""
        if not isinstance(url, str):
            raise SourceError("$export manifest: an output file has no URL")
        headers = {"Accept": "application/fhir+ndjson"}
        if not with_token:
            try:
                normalise(url)  # an http(s) URL without user information, fetched as named, without a token
            except UnsafeUrl:
                raise SourceError("$export output file URL is refused: not a plain http(s) URL") from None
            return url, headers
        try:
            return token_url(url, self.base), {**headers, **self._auth}
        except UnsafeUrl:
            raise SourceError("$export output file requires the access token but is not under the server's base "
                              "URL: refused, the token is not sent there") from None

    async def export(self, out_dir: Path, group: str | None = None, types: list[str] | None = None,
                     since: str | None = None, on_wait: Callable[[str], None] | None = None,
                     on_file: Callable[[str], None] | None = None) -> list[Path]:
        """Kick off (or resume) an export into ``out_dir`` and download every file."""
        _make_dir(out_dir)
        job_path = out_dir / JOB_FILE
        job = json.loads(job_path.read_text()) if job_path.exists() else {}
        if "status_url" not in job:
            job = {"status_url": await self.kick_off(group, types, since)}
            job_path.write_text(json.dumps(job))
        if "manifest" not in job:
            job["manifest"] = await self.poll(job["status_url"], on_wait)
            job_path.write_text(json.dumps(job))
        return await self.download(job["manifest"], out_dir, on_file)


def import_order(files: list[Path]) -> list[Path]:
    def rank(path: Path) -> tuple[int, str]:
        rtype = path.name.split(".")[0]
        return (FIRST.index(rtype) if rtype in FIRST else len(FIRST), path.name)

    return sorted(files, key=rank)


def _file_key(path: Path) -> str:
    stat = path.stat()
    digest = hashlib.sha256(f"{path.resolve()}|{stat.st_size}|{int(stat.st_mtime)}".encode()).hexdigest()[:32]
    return f"bulkfile:{digest}"


async def import_files(
    files: list[Path], indexer: Indexer, state: IngestState, source_system: str = "urn:chartrag:local",
    readers: AttachmentReaders | None = None, resume: bool = True, on_file: Callable[[str, int], None] | None = None,
) -> ImportStats:
    stats = ImportStats()
    for path in import_order(files):
        key = _file_key(path)
        if resume and await state.kv.get(key):
            stats.skipped_files += 1
            continue
        report = await asyncio.to_thread(load_ndjson, [path], source_system, readers)
        indexed = await indexer.index_report(report)
        stats.chunks += indexed.chunks
        stats.stale += indexed.stale
        for patient_id, identifiers in report.identifiers.items():
            await state.register_identifiers(patient_id, identifiers)
        stats.files += 1
        stats.resources += report.resources
        stats.documents += len(report.documents)
        stats.rejected.extend(str(e) for e in report.errors)
        await state.kv.put(key, {"file": path.name, "resources": report.resources})
        if on_file:
            on_file(path.name, report.resources)
    return stats
