"""Card ``detail`` Markdown built from text that comes from data (chart names, guideline titles, issuers,
sections and passages, URLs) — data that may have been written to attack whoever renders the card.

``text`` makes any value literal: one line (whitespace collapsed, so no block can start inside it), the
HTML metacharacters ``& < >`` as entities (no tag, autolink or entity trick survives, even in an EHR that
renders Markdown with inline HTML), and the Markdown metacharacters that could make a link, emphasis,
code or table backslash-escaped. ``link_target`` lets a URL be a link only when it is ``https:`` — or
``http:`` to a host configured for local servers (``CdsSettings.http_link_hosts``, for a demo's loopback
EHR) — with no user information, and percent-encodes what would end a Markdown link destination; any
other URL is no link (the caller keeps the text).
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from urllib.parse import quote, urlsplit, urlunsplit

_SPECIAL = re.compile(r"[\\`*_\[\]|~]")
_ORDERED = re.compile(r"^(\d+)([.)])")  # what would start a list, heading or rule inside a list item
_BULLET = re.compile(r"^([#+=-])")
_NETLOC = re.compile(r"[A-Za-z0-9.-]+(:[0-9]{1,5})?")
_SAFE_IN_URL = "/:?#@!$&*+,;=%-._~"  # everything else (spaces, ( ) < > " ' \ ` [ ] and non-ASCII) is encoded


def text(value: object) -> str:
    """``value`` as literal Markdown text on one line."""
    flat = " ".join(str(value).split())
    escaped = _SPECIAL.sub(lambda m: "\\" + m.group(0), html.escape(flat, quote=False))
    escaped = _ORDERED.sub(r"\1\\\2", escaped)
    return _BULLET.sub(r"\\\1", escaped)


def link_target(url: str | None, http_hosts: Collection[str] = ()) -> str | None:
    """``url`` as a Markdown link destination when a card may link to it, else None."""
    if not url or any(ch.isspace() or ord(ch) < 0x20 or ch == "\x7f" for ch in url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return None
    if not _NETLOC.fullmatch(parts.netloc) or not host:  # no user information, no odd host
        return None
    scheme = parts.scheme.casefold()
    if scheme != "https" and not (scheme == "http" and host in {h.casefold() for h in http_hosts}):
        return None
    return urlunsplit((scheme, parts.netloc, quote(parts.path, safe=_SAFE_IN_URL),
                       quote(parts.query, safe=_SAFE_IN_URL), quote(parts.fragment, safe=_SAFE_IN_URL)))


def link(label: str, url: str | None, http_hosts: Collection[str] = ()) -> str:
    """``[label](url)`` with ``label`` already Markdown, or just ``label`` when ``url`` may not be a link."""
    target = link_target(url, http_hosts)
    return f"[{label}]({target})" if target else label
