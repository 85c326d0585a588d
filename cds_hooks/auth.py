"""CDS client JWT verification (CDS Hooks 2.0 §Trusting CDS Clients), with joserfc (authlib's JOSE).

Every call — discovery, service, feedback — must carry ``Authorization: Bearer <JWT>`` signed with an
asymmetric algorithm by a trusted issuer: ``iss`` on the allowlist, keys from that issuer's configured
JWKS or from a ``jku`` on its allowlist, ``kid`` required, ``aud`` equal to the exact endpoint URL,
``exp`` and ``iat`` checked (60 s leeway, no future iat), ``exp`` at most 5 minutes after ``iat`` and
``iat`` no older than the configured skew (the spec's short-lived tokens: a 10-year token or one issued
a month ago is refused), numeric claims finite integers in range, ``jti`` never seen before (replay cache).
"""

from __future__ import annotations

import base64
import json
import math
import threading
import time
from typing import Any, Protocol

import httpx
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from joserfc.jwt import JWTClaimsRegistry

ALLOWED_ALGS = ("ES384", "RS384", "ES256", "RS256", "ES512", "RS512", "PS256", "PS384")
LEEWAY = 60
MAX_EPOCH = 2**40  # seconds: any timestamp beyond (year ~36,800) is garbage, not a date


class CdsAuthError(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


class ReplayCache(Protocol):
    def first_use(self, jti: str, expires_at: float) -> bool: ...


class MemoryReplayCache:
    def __init__(self) -> None:
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()

    def first_use(self, jti: str, expires_at: float) -> bool:
        now = time.time()
        with self._lock:
            for key in [k for k, exp in self._seen.items() if exp < now]:
                del self._seen[key]
            if jti in self._seen:
                return False
            self._seen[jti] = expires_at + LEEWAY
            return True


class RedisReplayCache:
    def __init__(self, url: str, prefix: str = "chartrag:cds:jti:") -> None:
        import redis

        self._client = redis.Redis.from_url(url)
        self._prefix = prefix

    def first_use(self, jti: str, expires_at: float) -> bool:
        ttl = max(1, int(expires_at - time.time()) + LEEWAY)
        return bool(self._client.set(self._prefix + jti, b"1", nx=True, ex=ttl))


def _segment(token: str, index: int) -> dict[str, Any]:
    try:
        part = token.split(".")[index]
        value = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    except (IndexError, ValueError) as exc:
        raise CdsAuthError(401, "malformed JWT") from exc
    if not isinstance(value, dict):
        raise CdsAuthError(401, "malformed JWT")
    return value


class JwtVerifier:
    def __init__(
        self,
        jwks_by_issuer: dict[str, dict[str, Any]],
        jku_by_issuer: dict[str, list[str]],
        replay: ReplayCache,
        http: httpx.AsyncClient,
        max_lifetime: int = 300,
        max_age: int = 300,
    ) -> None:
        self._max_lifetime, self._max_age = max_lifetime, max_age
        self._jwks = {iss: KeySet.import_key_set(keys) for iss, keys in jwks_by_issuer.items()}  # type: ignore[arg-type]
        self._jku = jku_by_issuer
        self._replay = replay
        self._http = http
        self._fetched: dict[str, tuple[float, KeySet]] = {}

    async def _keys(self, iss: str, jku: str | None) -> KeySet:
        if jku is None:
            if iss not in self._jwks:
                raise CdsAuthError(401, "no keys configured for this issuer (and no jku)")
            return self._jwks[iss]
        if jku not in self._jku.get(iss, []):
            raise CdsAuthError(401, "jku is not on this issuer's allowlist")
        cached = self._fetched.get(jku)
        if cached and cached[0] > time.monotonic():
            return cached[1]
        try:
            keys = KeySet.import_key_set((await self._http.get(jku, timeout=5.0)).json())
        except (httpx.HTTPError, ValueError, JoseError) as exc:
            raise CdsAuthError(401, "the issuer's JWK Set could not be fetched") from exc
        self._fetched[jku] = (time.monotonic() + 3600, keys)
        return keys

    @staticmethod
    def _bounded_times(claims: dict[str, Any]) -> None:
        for name in ("exp", "iat", "nbf"):
            value = claims.get(name)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
                    or not 0 < value < MAX_EPOCH:
                raise CdsAuthError(401, f"JWT claim {name} is not a time in range")
        jti = claims.get("jti")
        if jti is not None and (not isinstance(jti, str) or not 0 < len(jti) <= 256):
            raise CdsAuthError(401, "JWT jti must be a string of at most 256 characters")

    async def verify(self, authorization: str | None, audience: str) -> dict[str, Any]:
        if not authorization or not authorization.startswith("Bearer "):
            raise CdsAuthError(401, "missing bearer JWT")
        token = authorization[7:].strip()
        if len(token) > 16384:
            raise CdsAuthError(401, "JWT too long")
        header, unverified = _segment(token, 0), _segment(token, 1)
        if header.get("alg") not in ALLOWED_ALGS:
            raise CdsAuthError(401, "JWT algorithm not allowed (asymmetric algorithms only)")
        if not header.get("kid"):
            raise CdsAuthError(401, "JWT header has no kid")
        iss = unverified.get("iss")
        if not isinstance(iss, str) or (iss not in self._jwks and iss not in self._jku):
            raise CdsAuthError(403, "JWT issuer is not trusted")
        keys = await self._keys(iss, header.get("jku"))
        try:
            keys.get_by_kid(header["kid"])
        except (ValueError, KeyError, JoseError) as exc:
            raise CdsAuthError(401, "unknown kid") from exc
        try:
            decoded = jwt.decode(token, keys, algorithms=[header["alg"]])
        except (JoseError, ValueError) as exc:
            raise CdsAuthError(401, "JWT signature does not verify") from exc
        claims = decoded.claims
        self._bounded_times(claims)
        try:
            JWTClaimsRegistry(
                leeway=LEEWAY,
                iss={"essential": True, "value": iss},
                aud={"essential": True, "value": audience},
                exp={"essential": True},
                iat={"essential": True},
                jti={"essential": True},
            ).validate(claims)
        except JoseError as exc:
            raise CdsAuthError(401, f"JWT claims rejected ({exc.error})") from exc
        if float(claims["iat"]) > time.time() + LEEWAY:
            raise CdsAuthError(401, "JWT issued in the future")
        if float(claims["iat"]) < time.time() - self._max_age - LEEWAY:
            raise CdsAuthError(401, f"JWT issued more than {self._max_age} s ago")
        if float(claims["exp"]) - float(claims["iat"]) > self._max_lifetime:
            raise CdsAuthError(401, f"JWT lifetime (exp - iat) over {self._max_lifetime} s")
        if not self._replay.first_use(f"{iss}|{claims['jti']}", float(claims["exp"])):
            raise CdsAuthError(401, "JWT jti was already used (replay)")
        return dict(claims)
