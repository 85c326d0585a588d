"""Subscription notifications → what the worker must do, validated as the Backport IG says.

Topic-based (Subscriptions R5 Backport IG, R4): a ``history`` Bundle whose first entry is the
SubscriptionStatus ``Parameters`` (profile backport-subscription-status-r4), with ``subscription``,
``status``, ``type`` and, for events, ``notification-event`` parts carrying ``event-number`` and
``focus``. Every entry of a history Bundle SHALL carry ``request`` and ``response`` (R4 bdl-3/bdl-4):
that is what the IG's non-conformant example lacks, so it is refused. Payload content is read off
the bundle: no focus (empty), focus without resource (id-only), focus with resource (full-resource).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fhir_ingest.errors import NotificationError
from rag_core.errors import ResourceError
from rag_core.fhir_models import validate_resource

STATUS_PROFILE = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-status-r4"
NOTIFICATION_TYPES = {"handshake", "heartbeat", "event-notification", "query-status", "query-event"}
SUBSCRIPTION_STATUSES = {"requested", "active", "error", "off", "entered-in-error"}


@dataclass(frozen=True)
class Event:
    number: int | None
    timestamp: str | None
    focus: str | None  # reference as sent (absolute or relative)
    additional_context: tuple[str, ...] = ()


@dataclass
class Notification:
    subscription: str
    topic: str | None
    status: str
    type: str
    events_since_start: int | None
    events: list[Event]
    resources: dict[str, dict[str, Any]] = field(default_factory=dict)  # fullUrl and Type/id → resource

    @property
    def payload(self) -> str:
        if not any(e.focus for e in self.events):
            return "empty"
        return "full-resource" if any(self.resource_for(e.focus) for e in self.events if e.focus) else "id-only"

    def resource_for(self, reference: str | None) -> dict[str, Any] | None:
        if not reference:
            return None
        found = self.resources.get(reference)
        if found is None:
            found = self.resources.get(relative(reference))
        return found


def relative(reference: str) -> str:
    """``https://x/fhir/Observation/1/_history/2`` → ``Observation/1``; relative references unchanged."""
    path = reference.split("/_history", 1)[0].rstrip("/")
    parts = path.split("/")
    return "/".join(parts[-2:]) if len(parts) >= 2 else path


def _integer(value: Any, name: str) -> int:
    try:
        number = int(str(value))
    except ValueError:
        raise NotificationError(f"{name} is not an integer") from None
    if number < 0:
        raise NotificationError(f"{name} is negative")
    return number


def _value(param: dict[str, Any]) -> Any:
    for key, value in param.items():
        if key.startswith("value"):
            return value
    return None


def _event(part_list: list[dict[str, Any]]) -> Event:
    number = timestamp = focus = None
    context: list[str] = []
    for part in part_list:
        name, value = part.get("name"), _value(part)
        if name == "event-number":
            number = _integer(value, "notification-event.event-number")
        elif name == "timestamp":
            timestamp = str(value)
        elif name == "focus" and isinstance(value, dict):
            focus = value.get("reference")
        elif name == "additional-context" and isinstance(value, dict) and value.get("reference"):
            context.append(str(value["reference"]))
    return Event(number, timestamp, focus, tuple(context))


def parse_status(params: Any) -> Notification:
    """A SubscriptionStatus Parameters resource (first entry of a notification, or $status output)."""
    if not isinstance(params, dict) or params.get("resourceType") != "Parameters":
        raise NotificationError("first entry is not a SubscriptionStatus Parameters resource")
    try:
        validate_resource(params, "Parameters/subscription-status")
    except ResourceError as exc:
        raise NotificationError(exc.reason) from None
    values: dict[str, Any] = {}
    events: list[Event] = []
    for param in params.get("parameter") or []:
        name = param.get("name")
        if name == "notification-event":
            events.append(_event(param.get("part") or []))
        elif name:
            values[name] = _value(param)
    subscription = (values.get("subscription") or {}).get("reference") if isinstance(values.get("subscription"), dict) else None
    if not subscription:
        raise NotificationError("SubscriptionStatus has no subscription reference")
    kind, status = values.get("type"), values.get("status")
    if kind not in NOTIFICATION_TYPES:
        raise NotificationError(f"SubscriptionStatus type is not one of {sorted(NOTIFICATION_TYPES)}")
    if status not in SUBSCRIPTION_STATUSES:
        raise NotificationError("SubscriptionStatus status is not a subscription status")
    since = values.get("events-since-subscription-start")
    if kind in {"event-notification", "query-event"} and not events:
        raise NotificationError(f"a {kind} carries no notification-event")
    return Notification(
        subscription=str(subscription),
        topic=str(values["topic"]) if values.get("topic") else None,
        status=str(status),
        type=str(kind),
        events_since_start=_integer(since, "events-since-subscription-start") if since is not None else None,
        events=events,
    )


def parse_notification(bundle: Any) -> Notification:
    """Validate a notification Bundle and return what it says; NotificationError when it is not conformant."""
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        raise NotificationError("body is not a FHIR Bundle")
    if bundle.get("type") != "history":
        raise NotificationError("notification Bundle type must be 'history'")
    entries = bundle.get("entry") or []
    if not entries:
        raise NotificationError("notification Bundle has no entries (the SubscriptionStatus must be first)")
    for position, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise NotificationError(f"entry {position} is not an object")
        if "request" not in entry or "response" not in entry:
            raise NotificationError(f"entry {position} lacks request/response, required in a history Bundle (bdl-3, bdl-4)")
    try:  # the whole Bundle, structurally (entry resources are validated one by one below)
        validate_resource({**bundle, "entry": [{k: v for k, v in e.items() if k != "resource"} for e in entries]},
                          "Bundle/notification")
    except ResourceError as exc:
        raise NotificationError(exc.reason) from None
    notification = parse_status(entries[0].get("resource"))
    for position, entry in enumerate(entries[1:], start=1):
        resource = entry.get("resource")
        if resource is None:
            continue  # id-only: the focus is fetched by the worker
        reference = f"{resource.get('resourceType')}/{resource.get('id')}" if isinstance(resource, dict) else f"entry {position}"
        try:
            validate_resource(resource, reference)
        except ResourceError as exc:
            raise NotificationError(f"entry {position}: {exc.reason}") from None
        notification.resources[reference] = resource
        if entry.get("fullUrl"):
            notification.resources[str(entry["fullUrl"])] = resource
    return notification
