"""smart_app errors; the routes turn each into a readable page (never a stack trace).

SmartLaunchError
 ├── UntrustedIssuer        ``iss`` not in the allowlist
 ├── DiscoveryError         no usable .well-known/smart-configuration (unreachable, not JSON, no S256)
 ├── StateMismatch          missing/unknown/reused ``state`` on the redirect
 └── TokenError             the token endpoint refused, or the response lacks what ChartRAG needs
"""

from __future__ import annotations


class SmartLaunchError(Exception):
    """Base of the SMART launch errors; messages are safe to show to the clinician."""


class UntrustedIssuer(SmartLaunchError):
    pass


class DiscoveryError(SmartLaunchError):
    pass


class StateMismatch(SmartLaunchError):
    pass


class TokenError(SmartLaunchError):
    pass
