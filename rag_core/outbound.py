"""Where an access token may go: the one URL rule for every outbound call that carries one (CDS prefetch
and its ``next`` links, the SMART app's FHIR reads, Bulk Data status and output files, FHIR source reads
and searches, Subscription management).

A URL is first put in one normal form — scheme and host lower-cased, a default port dropped,
percent-encoded unreserved characters and ``%2e``/``%2f`` decoded, dot segments removed — and refused
outright when it stays ambiguous: user information (``http://ehr@evil/``), a scheme other than http(s),
control characters or backslashes (encoded or not), empty path segments, a dot segment hidden behind
``;`` parameters, a dot or slash percent-encoded twice (``%252e``), anything in the path some server might
decode into a dot or slash of its own — a ``%`` not followed by two hex digits (IIS's ``%u002e``), an escape
of a non-ASCII byte (overlong UTF-8 ``%c0%ae``, ``%ef%bc%8e``), a raw non-ASCII character (fullwidth
``．``) — a non-ASCII host (``ehr.test／fhir``) or one of other than letters, digits, ``-``, ``_``, ``.``
(and an IPv6 literal's), and any URL urllib or httpx cannot parse. Only then is it compared with the
server's base: the same scheme, host and port, and a path equal to the base path or under it on a segment
boundary (``/fhir/x``, never ``/fhirx``). The normal form is what is sent, so what was checked is what
the server receives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import httpx

DEFAULT_PORTS = {"http": 80, "https": 443}
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_DOUBLE = re.compile(r"%25(2e|2f|5c)", re.IGNORECASE)  # a dot, slash or backslash encoded twice
_MALFORMED = re.compile(r"%(?![0-9A-Fa-f]{2})")  # `%u002e` (IIS), a stray `%`
_HOST = re.compile(r"[a-z0-9_.-]+|[0-9a-f:.]*:[0-9a-f:.]*")  # a name or IPv4 address, or an IPv6 literal


class UnsafeUrl(ValueError):
    """A URL that may not carry a token (the message never repeats the URL)."""


@dataclass(frozen=True)
class OutboundUrl:
    """A URL in normal form (see the module docstring); ``str()`` gives the URL to send."""

    scheme: str
    host: str
    port: int
    path: str
    query: str

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        netloc = host if DEFAULT_PORTS[self.scheme] == self.port else f"{host}:{self.port}"
        return urlunsplit((self.scheme, netloc, self.path, self.query, ""))

    def is_under(self, base: OutboundUrl) -> bool:
        if (self.scheme, self.host, self.port) != (base.scheme, base.host, base.port):
            return False
        root = base.path.rstrip("/")
        return self.path == root or self.path.startswith(root + "/")


def _decoded(path: str) -> str:
    def one(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED or char == "/" else f"%{match.group(1).upper()}"

    return _ESCAPE.sub(one, path)


def _without_dot_segments(path: str) -> str:
    """RFC 3986 §5.2.4 for an absolute path."""
    segments = path.split("/")[1:]
    out: list[str] = []
    for segment in segments:
        if segment == "..":
            if out:
                out.pop()
        elif segment != ".":
            out.append(segment)
    if segments and segments[-1] in (".", ".."):
        out.append("")
    return "/" + "/".join(out)


def _path(raw: str) -> str:
    if not raw.isascii():  # `．．` (U+FF0E) and other look-alikes some servers fold into dots or slashes
        raise UnsafeUrl("the URL's path holds non-ASCII characters")
    if _MALFORMED.search(raw):
        raise UnsafeUrl("the URL's path holds a malformed or %u escape")
    if any(int(m.group(1), 16) >= 0x80 for m in _ESCAPE.finditer(raw)):  # overlong `%c0%ae`, `%ef%bc%8e`
        raise UnsafeUrl("the URL's path holds an escape of a non-ASCII byte")
    path = _decoded(raw or "/")
    if _DOUBLE.search(path):
        raise UnsafeUrl("the URL's path is percent-encoded more than once")
    if "%5C" in path:  # some servers read an encoded backslash as a slash
        raise UnsafeUrl("the URL's path holds an encoded backslash")
    segments = path.split("/")[1:]
    if "" in segments[:-1]:
        raise UnsafeUrl("the URL's path has an empty segment")
    if any(s != s.split(";", 1)[0] and s.split(";", 1)[0] in (".", "..") for s in segments):
        raise UnsafeUrl("the URL's path hides a dot segment behind parameters")
    return _without_dot_segments(path)


def normalise(url: str) -> OutboundUrl:
    """The URL in normal form; ``UnsafeUrl`` when it is not an http(s) URL that one server would read in
    one way only."""
    if any(ord(c) <= 0x20 or ord(c) == 0x7F for c in url) or "\\" in url:
        raise UnsafeUrl("the URL holds control characters, spaces or backslashes")
    try:
        parts = urlsplit(url)
    except ValueError:  # `ehr.test／fhir` (NFKC folds it into a slash), `[::1` …
        raise UnsafeUrl("the URL cannot be parsed") from None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise UnsafeUrl("only http and https URLs are fetched")
    if "@" in parts.netloc:
        raise UnsafeUrl("the URL carries user information")
    if "%" in parts.netloc or not parts.netloc.isascii():
        raise UnsafeUrl("the URL's host is encoded")
    try:
        port = parts.port or DEFAULT_PORTS[scheme]
    except ValueError:
        raise UnsafeUrl("the URL's port is not a port number") from None
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise UnsafeUrl("the URL names no host")
    if not _HOST.fullmatch(host):
        raise UnsafeUrl("the URL's host holds characters no host name has")
    target = OutboundUrl(scheme, host, port, _path(parts.path), parts.query)
    try:  # what is sent goes through httpx: it must read the same host
        sent = httpx.URL(str(target))
    except (httpx.InvalidURL, ValueError):
        raise UnsafeUrl("the URL cannot be parsed") from None
    if sent.host != host:
        raise UnsafeUrl("the URL's host is read differently by the HTTP client")
    return target


def under(url: str, base: str) -> OutboundUrl | None:
    """``url`` in normal form when its normal form lies under ``base`` (where the token for ``base`` may
    go), else None."""
    try:
        target, root = normalise(url), normalise(base)
    except UnsafeUrl:
        return None
    return target if target.is_under(root) else None


def token_url(reference: str, base: str) -> str:
    """The URL to send ``base``'s token to for ``reference`` — an absolute URL, or a path relative to
    ``base`` (``Observation/1``) — in normal form; ``UnsafeUrl`` when it is not under ``base``."""
    try:
        absolute = reference if urlsplit(reference).scheme else f"{base.rstrip('/')}/{reference.lstrip('/')}"
    except ValueError:
        raise UnsafeUrl("the URL cannot be parsed") from None
    target = under(absolute, base)
    if target is None:
        raise UnsafeUrl("the URL is not under the server's base URL")
    return str(target)
