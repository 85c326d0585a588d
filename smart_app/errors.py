"""smart_app errors; the routes turn each into a readable page (never a stack trace).

SmartLaunchError
 ├── UntrustedIssuer        ``iss`` not in the allowlist
 ├── DiscoveryError         no usable .well-known/smart-configuration (unreachable, not JSON, no S256)
 ├── StateMismatch          missing/unknown/reused ``state`` on the redirect
 ├── TokenError             the token endpoint refused, or the response lacks what ChartRAG needs
 └── SessionEnded           the EHR stopped accepting the session's token (401, refused refresh)

An error the EHR named (RFC 6749 ``error`` / ``error_description``) travels with the exception: the
code is one of a closed set of words, the description is cut and stripped of control characters before
it is logged or shown (it is the EHR's text about the request, never chart data).
"""

from __future__ import annotations

import re
import unicodedata

# RFC 6749 §4.1.2.1 / §5.2 and RFC 6750 §3.1 error codes → what they mean for the clinician.
EHR_ERROR_WORDS = {
    "access_denied": "Access to this patient's chart was declined at the EHR.",
    "invalid_client": "The EHR does not recognise ChartRAG as a registered app (invalid client).",
    "unauthorized_client": "The EHR does not allow ChartRAG to sign in this way.",
    "invalid_request": "The EHR rejected the sign-in request as malformed (for example a redirect address "
                       "it does not know).",
    "invalid_scope": "The EHR would not grant the access ChartRAG asked for (invalid scope).",
    "invalid_grant": "The EHR refused the sign-in grant (it expired, was already used, or failed its PKCE check).",
    "unsupported_response_type": "The EHR does not support the sign-in ChartRAG uses.",
    "unsupported_grant_type": "The EHR does not support the sign-in ChartRAG uses.",
    "server_error": "The EHR's sign-in service failed.",
    "temporarily_unavailable": "The EHR's sign-in service is temporarily unavailable; try again shortly.",
    "invalid_token": "The EHR no longer accepts this session's access.",
    "login_required": "The EHR asks you to sign in again.",
    "consent_required": "The EHR needs your consent before ChartRAG can open the chart.",
}
_CODE = re.compile(r"^[a-z_]{1,64}$")


def ehr_code(value: object) -> str | None:
    """An OAuth error code as sent, if it looks like one (lower-case words); else None."""
    return value if isinstance(value, str) and _CODE.match(value) else None


def ehr_text(value: object, limit: int = 200) -> str | None:
    """The EHR's ``error_description``: control characters removed, whitespace collapsed, cut to ``limit``."""
    if not isinstance(value, str):
        return None
    kept = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in value)
    text = " ".join(kept.split())[:limit]
    return text or None


class SmartLaunchError(Exception):
    """Base of the SMART launch errors; messages are safe to show to the clinician."""

    title = "ChartRAG could not start"

    def __init__(self, message: str, ehr_error: str | None = None, ehr_description: str | None = None) -> None:
        super().__init__(message)
        self.ehr_error = ehr_code(ehr_error)
        self.ehr_description = ehr_text(ehr_description)

    @property
    def plain(self) -> str | None:
        """The EHR's error code in plain words, when it sent one."""
        return EHR_ERROR_WORDS.get(self.ehr_error or "") if self.ehr_error else None


class UntrustedIssuer(SmartLaunchError):
    pass


class DiscoveryError(SmartLaunchError):
    pass


class StateMismatch(SmartLaunchError):
    pass


class TokenError(SmartLaunchError):
    pass


# what an error code means when it ends a running session (a refused refresh, a rejected token)
SESSION_WORDS = {
    "invalid_grant": "The EHR would not renew this session's access: it was revoked, or it expired.",
    "invalid_token": "The EHR no longer accepts this session's access token: it was revoked, or it expired.",
    "invalid_client": "The EHR no longer recognises ChartRAG as a registered app.",
}


class SessionEnded(SmartLaunchError):
    """The EHR answered 401 to the session's token and it could not be refreshed: stop answering."""

    title = "Your EHR session ended"

    @property
    def plain(self) -> str | None:
        return SESSION_WORDS.get(self.ehr_error or "") or super().plain
