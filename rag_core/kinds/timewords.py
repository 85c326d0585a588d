"""Time language → a window of days, relative to the day the question is asked on.

Each expression is a (pattern, reader) pair in ``EXPRESSIONS``, tried longest-span first, so the
table can grow without reordering a chain. A window is inclusive YYYYMMDD ints; ``to`` is never
later than ``now`` (nothing after the day the question is asked is evidence). An ``anchor`` is a day
the question names ("on 2020-12-28", "3 months ago"): kinds that look for the value on or near a day
use it; others use the window around it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))  # longest first: "sept" before "sep"
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty": 20, "twenty-four": 24,
    "thirty": 30, "several": 3, "few": 3, "couple": 2,
}
_NUM = (r"(?:(?P<n>\d{1,3}(?:\.5)?|" + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
        + r")(?P<half>\s+and\s+a\s+half)?(?:\s+of)?)")
_UNIT = r"(?P<unit>days?|d|weeks?|wks?|w|months?|mos?|mths?|years?|yrs?|y)\b"
_MONTH = r"(?P<month>" + _MONTH_NAMES + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_ISO = r"(?P<iso>(?:19|20)\d{2}-\d{1,2}-\d{1,2})"
_US = r"(?P<us>\d{1,2}/\d{1,2}/(?:19|20)?\d{2})"
_WRITTEN = (r"(?:(?P<wm>" + _MONTH_NAMES + r")\.?\s+(?P<wd>\d{1,2})(?:st|nd|rd|th)?,?\s+"
            r"(?P<wy>(?:19|20)\d{2})|(?P<wd2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<wm2>"
            + _MONTH_NAMES + r")\.?,?\s+(?P<wy2>(?:19|20)\d{2}))")
_DAY = rf"(?:{_ISO}|{_US}|{_WRITTEN})"


@dataclass(frozen=True)
class Window:
    day_from: int | None = None
    day_to: int | None = None
    explicit: bool = False  # the question named a period
    anchor: int | None = None  # a day the question names
    label: str | None = None  # how to say the period back ("in 2019", "since 2020-03-01")
    # a period named by a chart event ("before the surgery", "around the time of his MI", "since her last
    # visit"): the event's words and how the period stands to it; the chart's record of it gives the days
    event: str | None = None
    relation: str | None = None  # "around" | "before" | "after" | "during"
    # a period that starts at a chart event ("since starting seroquel", "while on lithium"): a trend over it
    # starts from the value before the event, its baseline
    baseline: bool = False
    # the recorded name the label quotes for the event ("Type 2 diabetes mellitus"): its numbers may be said back
    named: str | None = None

    def contains(self, day: int | None) -> bool:
        if day is None:
            return False
        return (self.day_from is None or day >= self.day_from) and (self.day_to is None or day <= self.day_to)


def day_int(d: date) -> int:
    return d.year * 10000 + d.month * 100 + d.day


def int_day(day: int) -> date:
    return date(day // 10000, day // 100 % 100, day % 100)


def day_of_text(value: str | None) -> int | None:
    """A FHIR date or dateTime as written ("2021-06-03T10:37:22-05:00") → its day as YYYYMMDD; None when it has
    no full date."""
    try:
        return day_int(date.fromisoformat(value[:10])) if value and len(value) >= 10 else None
    except ValueError:
        return None


def iso(day: int) -> str:
    return f"{day // 10000:04d}-{day // 100 % 100:02d}-{day % 100:02d}"


def months_back(now: date, months: int) -> date:
    """Same day ``months`` earlier, clamped to the month's length (2024-03-31 − 1 month = 2024-02-29)."""
    year, month0 = divmod(now.year * 12 + (now.month - 1) - months, 12)
    return date(year, month0 + 1, min(now.day, calendar.monthrange(year, month0 + 1)[1]))


def _number(raw: str, half: str | None = None) -> float:
    raw = raw.lower()
    n = float(NUMBER_WORDS[raw]) if raw in NUMBER_WORDS else float(raw)
    return n + 0.5 if half else n


def _back(now: date, n: float, unit: str) -> date:
    unit = unit.lower()
    if unit.startswith("m"):
        return months_back(now, round(n))
    if unit.startswith("y"):
        return months_back(now, round(12 * n))  # "a year and a half" = 18 months
    return now - timedelta(days=round(n * (7 if unit.startswith("w") else 1)))


def _say(n: float) -> str:
    return str(int(n)) if n == int(n) else str(n)


def _day(m: re.Match[str], now: date) -> date | None:
    """The day an ISO, US or written date names (None when it is not a calendar day)."""
    try:
        if m.group("iso"):
            y, mo, d = (int(x) for x in m.group("iso").split("-"))
            return date(y, mo, d)
        if m.group("us"):
            mo, d, y = (int(x) for x in m.group("us").split("/"))
            return date(y + (2000 if y < 100 and y <= now.year % 100 else 1900 if y < 100 else 0), mo, d)
        if m.group("wm"):
            return date(int(m.group("wy")), MONTHS[m.group("wm").lower()], int(m.group("wd")))
        if m.group("wm2"):
            return date(int(m.group("wy2")), MONTHS[m.group("wm2").lower()], int(m.group("wd2")))
    except ValueError:
        return None
    return None


def _month_span(year: int, month: int) -> tuple[int, int]:
    return year * 10000 + month * 100 + 1, year * 10000 + month * 100 + calendar.monthrange(year, month)[1]


Reader = Callable[[re.Match[str], date], Window | None]


def _on_day(m: re.Match[str], now: date) -> Window | None:
    d = _day(m, now)
    return Window(day_int(d), day_int(d), True, day_int(d), f"on {d.isoformat()}") if d else None


def _after_day(m: re.Match[str], now: date) -> Window | None:
    d = _day(m, now)
    return Window(day_int(d), day_int(now), True, None, f"since {d.isoformat()}") if d else None


def _before_day(m: re.Match[str], now: date) -> Window | None:
    d = _day(m, now)
    return Window(None, day_int(d), True, None, f"before {d.isoformat()}") if d else None


def _last_n(m: re.Match[str], now: date) -> Window | None:
    n = _number(m.group("n") or "1", m.group("half") or m.group("half2"))
    start = _back(now, n, m.group("unit"))
    unit = m.group("unit").lower()
    word = {"d": "day", "w": "week", "m": "month", "y": "year"}[unit[0]]
    return Window(day_int(start), day_int(now), True, None, f"in the last {_say(n)} {word}{'s' if n != 1 else ''}")


def _half_year(m: re.Match[str], now: date) -> Window | None:
    return Window(day_int(months_back(now, 6)), day_int(now), True, None, "in the last 6 months")


def _ago(m: re.Match[str], now: date) -> Window | None:
    anchor = _back(now, _number(m.group("n") or "1", m.group("half")), m.group("unit"))
    return Window(None, day_int(now), True, day_int(anchor), f"around {anchor.isoformat()}")


def _month_year(m: re.Match[str], now: date) -> Window | None:
    start, end = _month_span(int(m.group("year")), MONTHS[m.group("month").lower()])
    return Window(start, end, True, None, f"in {m.group('month').capitalize()} {m.group('year')}")


def _month_short_year(m: re.Match[str], now: date) -> Window | None:
    """"in july 22", "feb '23": a month and a two-digit year (after "in", or with an apostrophe) — the month of
    2022, never the 22nd of July, which is said "on july 22" ("from june 12" stays a day too)."""
    year = 2000 + int(m.group("yy"))
    if year > now.year:
        year -= 100
    start, end = _month_span(year, MONTHS[m.group("month").lower()])
    return Window(start, end, True, None, f"in {m.group('month').capitalize()} {year}")


def _part_of_month(m: re.Match[str], now: date) -> Window | None:
    """"mid oct 2024", "early March 2019", "late jan 2020": the month's first, middle or last ten days or so."""
    year, month = int(m.group("year")), MONTHS[m.group("month").lower()]
    start, end = _month_span(year, month)
    part = m.group("part").lower()
    first, last = {"early": (start, start + 9), "mid": (start + 10, start + 19), "late": (start + 20, end)}[part]
    return Window(first, last, True, None, f"in {part} {m.group('month').capitalize()} {m.group('year')}")


def _year(m: re.Match[str], now: date) -> Window | None:
    y = int(m.group("year"))
    return Window(y * 10000 + 101, y * 10000 + 1231, True, None, f"in {y}")


def _since_month(m: re.Match[str], now: date) -> Window | None:
    """"since jan 2024", "after the march 2022 admission": from the month's first day to the day asked."""
    start, _ = _month_span(int(m.group("year")), MONTHS[m.group("month").lower()])
    return Window(start, day_int(now), True, None, f"since {m.group('month').capitalize()} {m.group('year')}")


def _before_month(m: re.Match[str], now: date) -> Window | None:
    first = date(int(m.group("year")), MONTHS[m.group("month").lower()], 1)
    return Window(None, day_int(first - timedelta(days=1)), True, None,
                  f"before {m.group('month').capitalize()} {m.group('year')}")


def _since_year(m: re.Match[str], now: date) -> Window | None:
    y = int(m.group("year"))
    return Window(y * 10000 + 101, day_int(now), True, None, f"since {y}")


def _before_year(m: re.Match[str], now: date) -> Window | None:
    y = int(m.group("year"))
    return Window(None, (y - 1) * 10000 + 1231, True, None, f"before {y}")


def _between_years(m: re.Match[str], now: date) -> Window | None:
    a, b = sorted((int(m.group("y1")), int(m.group("y2"))))
    return Window(a * 10000 + 101, b * 10000 + 1231, True, None, f"between {a} and {b}")


def _between_days(m: re.Match[str], now: date) -> Window | None:
    try:
        a, b = sorted((date.fromisoformat(m.group("d1")), date.fromisoformat(m.group("d2"))))
    except ValueError:
        return None
    return Window(day_int(a), day_int(b), True, None, f"between {a.isoformat()} and {b.isoformat()}")


def _this_year(m: re.Match[str], now: date) -> Window | None:
    return Window(now.year * 10000 + 101, day_int(now), True, None, "this year")


def _last_calendar_year(m: re.Match[str], now: date) -> Window | None:
    y = now.year - 1
    return Window(y * 10000 + 101, y * 10000 + 1231, True, None, f"in {y}")


def _today(m: re.Match[str], now: date) -> Window | None:
    return Window(day_int(now), day_int(now), True, day_int(now), "today")


def _yesterday(m: re.Match[str], now: date) -> Window | None:
    d = now - timedelta(days=1)
    return Window(day_int(d), day_int(d), True, day_int(d), f"on {d.isoformat()}")


SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}
_SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"
_APPROX = r"(?:around|circa|ca\.|about|approx(?:\.|imately)?|roughly|near(?:est)?(?:\s+to)?|close(?:st)?\s+to)"


def _season_span(season: str, year: int) -> tuple[int, int]:
    first, last = SEASONS[season.lower()]
    if first > last:  # winter: December of the year before to February
        return _month_span(year - 1, first)[0], _month_span(year, last)[1]
    return _month_span(year, first)[0], _month_span(year, last)[1]


def _season(m: re.Match[str], now: date) -> Window | None:
    """"last spring", "this summer", "winter 2019", "in the fall": the season of the year said, else the most
    recent one that has begun ("last" skips one still running)."""
    season = m.group("season").lower()
    qualified = m.group("which") or m.group("year") or re.match(r"\s*(?:in|during)\b", m.group(0), re.I)
    if not qualified:
        return None  # "a fall", "did it fall", "spring allergies": a season is said with last/this/in or a year
    if m.group("year") and _season_span(season, int(m.group("year")))[0] > day_int(now):
        return None  # a season not begun by the day asked
    if m.group("year"):
        year = int(m.group("year"))
    else:
        year = now.year + (1 if season == "winter" and now.month == 12 else 0)
        while _season_span(season, year)[0] > day_int(now):
            year -= 1
        start, end = _season_span(season, year)
        if (m.group("which") or "").lower() in ("last", "past", "previous") and end >= day_int(now):
            year -= 1
    start, end = _season_span(season, year)
    return Window(start, end, True, None, f"in {season} {year}" if season != "winter" else f"in winter {year - 1}/{year}")


def _month_only(m: re.Match[str], now: date) -> Window | None:
    """"in March", "last June": the most recent such month that has begun."""
    month = MONTHS[m.group("month").lower()]
    year = now.year if month <= now.month else now.year - 1
    if (m.group("which") or "").lower() in ("last", "past", "previous") and month == now.month:
        year -= 1
    start, end = _month_span(year, month)
    return Window(start, end, True, None, f"in {calendar.month_name[month]} {year}")


def _month_day(m: re.Match[str], now: date) -> Window | None:
    """"feb 24", "March 3rd": the most recent such day on or before the day asked."""
    month, day = MONTHS[m.group("md_month").lower()], int(m.group("md_day"))
    for year in range(now.year, now.year - 8, -1):  # "feb 29": the most recent leap year
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= now:
            return Window(day_int(d), day_int(d), True, day_int(d), f"on {d.isoformat()}")
    return None


# fixed-date and rule-dated US holidays people date things by ("inr around halloween 2021", "a1c after christmas")
_HOLIDAY = (r"(?P<holiday>halloween|christmas(?:\s+eve)?|xmas|new\s+year'?s(?:\s+(?:day|eve))?|thanksgiving|"
            r"independence\s+day|july\s+4th|(?:the\s+)?fourth\s+of\s+july|valentine'?s(?:\s+day)?)")
_FIXED_HOLIDAYS = {"halloween": (10, 31), "christmas eve": (12, 24), "christmas": (12, 25), "xmas": (12, 25),
                   "new years eve": (12, 31), "new year": (1, 1), "independence": (7, 4), "july": (7, 4),
                   "fourth": (7, 4), "valentine": (2, 14)}


def _holiday_day(name: str, year: int) -> date:
    if name.startswith("thanksgiving"):  # the fourth Thursday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    key = re.sub(r"[^a-z ]", "", name)
    key = "new years eve" if key.startswith("new year") and key.endswith("eve") else key
    month, day = next(v for k, v in _FIXED_HOLIDAYS.items() if key.removeprefix("the ").startswith(k))
    return date(year, month, day)


def _holiday(m: re.Match[str], now: date) -> Window | None:
    """"halloween 2021", "around christmas", "since thanksgiving": that day of the year said, else the most recent
    one on or before the day asked."""
    name = re.sub(r"\s+", " ", m.group("holiday").lower())
    if m.group("year"):
        d = _holiday_day(name, int(m.group("year")))
    else:
        d = _holiday_day(name, now.year)
        if d > now:
            d = _holiday_day(name, now.year - 1)
    relation = (m.group("hrel") or "").lower()
    if relation in ("since", "after"):
        return Window(day_int(d), day_int(now), True, None, f"since {d.isoformat()}")
    if relation:
        return Window(None, day_int(d), True, None, f"before {d.isoformat()}")
    return Window(day_int(d), day_int(d), True, day_int(d), f"on {d.isoformat()}")


def _this_season(m: re.Match[str], now: date) -> Window | None:
    """"flu shot this season": the respiratory-virus season under way — from August 1 (when the season's vaccine
    is given from) of this year, or of last year before August."""
    start = date(now.year if now.month >= 8 else now.year - 1, 8, 1)
    return Window(day_int(start), day_int(now), True, None, f"since {start.isoformat()} (this season)")


_APPROX_BEFORE = re.compile(rf"\b{_APPROX}(?:\s+the)?(?:\s+(?:on|in|of))?\s*$", re.I)


def approximately(window: Window, now: date) -> Window:
    """"around March 2019", "circa 2018", "closest to 2020-06-01", "near last spring": the day (or the middle of
    the period) becomes an anchor and the value nearest to it answers, said as the nearest."""
    if window.day_from is None or window.day_to is None:
        return window
    first, last = int_day(window.day_from), int_day(min(window.day_to, day_int(now)))
    middle = first + (last - first) / 2
    label = (window.label or "").removeprefix("in ").removeprefix("on ")
    return Window(None, day_int(now), True, day_int(middle), f"around {label}")


# a period named by a chart event: the relation word, then up to five words naming the event, to the end of
# the clause (a date, a month or a year after the relation word is read by the expressions above instead)
_EVENT_RELATIONS = {
    "around": r"(?:(?:around|about|near|close\s+to|circa)\s+the\s+time(?:\s+(?:of|when))?|at\s+the\s+time\s+of"
              r"|when(?!\s+(?:he|she|they|pt)\s+(?:was|were)\s+(?:on|taking|using)\b)"
              r"|(?:closest|nearest|close)\s+to(?:\s+when)?|nearest"  # "closest to when enza was started"
              # "first a1c at cfrd dx", "weight at diagnosis of the lymphoma": the day it was diagnosed
              r"|at(?=\s+(?:(?:the|his|her)\s+)?(?:[a-z][\w/'-]*\s+){0,3}(?:dx|diagnosis)\b))",
    "before": r"(?:(?:right|just|shortly|the\s+day)\s+)?(?:before|prior\s+to|leading\s+up\s+to|pre)",
    "after": r"(?:(?:right|just|shortly|the\s+day)\s+)?(?:after|since|following|post)",
    # "bicarb during dka", "creatinine while she was on lithium", "inr values from when he was on warfarin",
    # "lfts on methotrexate": the event's own period (a stay, an order's course, an illness)
    "during": r"(?:during|throughout|while(?:\s+(?:he|she|they|pt)\s+(?:was|were|is))?(?:\s+(?:on|taking|using))?"
              r"|(?:from\s+)?when\s+(?:he|she|they|pt)\s+(?:was|were)\s+(?:on|taking|using)"
              r"|on(?![\s-]+(?:during|while|when|before|after|since|around|throughout|the\s+day)\b))",
}  # ("during the last admission" is the stay's own facts: ``encounter_scope``, not a window)
_EVENT = re.compile(
    r"\b(?P<rel>" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _EVENT_RELATIONS.items()) + r")[\s-]+"
    r"(?P<event>(?:the|his|her|their|pt'?s|this|that)?\s*[a-z][\w/'-]*(?:\s+[a-z0-9][\w/'-]*){0,5})\s*"
    r"(?:[?.!]?\s*$|,|\s+-\s+)", re.I)  # ("a1c since the dm dx - highest and where is it now")
# how an event is said to have happened, not what it was: "the icd went in", "the port was placed"
_HAPPENED = re.compile(r"\s+(?:(?:was|were|got|had|being|been)\s+)?(?:went\s+in|put\s+in|go(?:es)?\s+in|placed|"
                       r"inserted|implanted|done|performed|happened|started|begun|added|in|diagnosed|found|"
                       r"dx(?:'?d)?|diagnosis)$", re.I)  # ("before the adrenal insufficiency was found", "the dm dx")
# a stay's words: "during the last admission" is the stay's own facts (``encounter_scope``), not a window
_STAY_WORDS = re.compile(r"\b(?:admission|admit|stay|hospitali[sz]ation|hospital|visit|er|ed|icu|encounter|appt|"
                         r"appointment)s?\b", re.I)
# a yes/no question before a bare "on" asks whether the patient is on the drug ("is the patient on lisinopril")
_ASKS_IF = re.compile(r"^\W*(?:is|was|are|were|has|have|had|does|did|do|still|ever)\b", re.I)
# the words before a bare "on" that make it a question about the drug itself ("is she on", "still on")
_ON_ITSELF = re.compile(r"(?:\b(?:is|was|are|were|be|been|being|still|ever|currently|now|stay|stayed|remain\w*|"
                        r"continue\w*|keep|kept|put|start\w*|go|went|come|came|taking|pt|he|she|they|him|her|"
                        r"them|anything|anyone|meds?|medications?|what|which)\s*)$", re.I)
_TIME_NOT_EVENT = re.compile(
    r"^(?:(?:last|past|previous|prior|recent|this|next|the)\s+)?(?:(?:mid|early|late|end\s+of|start\s+of)[-\s]+)?"
    r"(?:\d+\s+|a\s+few\s+|several\s+)?"
    r"(?:days?|weeks?|wks?|months?|mos?|years?|yrs?|spring|summer|fall|autumn|winter|time|while|then|now|today|"
    r"yesterday|when|what|how|which|and|or|goal|normal|target|range|baseline|ideal|(?:19|20)\d{2}|" + _MONTH_NAMES
    + r"|" + _HOLIDAY + r")\b", re.I)  # ("close to goal", "closest to normal": a value, not an event)
_LEAD = re.compile(r"^(?:(?:the|his|her|their|pt'?s|this|that)\s+|(?:he|she|they|pt|the\s+patient)\s+"
                   r"(?:was|were|got|had|has|is|did)?\s*)+", re.I)


def _names_drug(event: str) -> bool:
    from rag_core.terminology.drugs import drugs

    return drugs().names_a_drug(event, typos=True)


def _event(m: re.Match[str], now: date) -> Window | None:
    """"ldl around the time of his MI", "psa before surgery", "bp since the hip fracture admission", "tsh when levo
    was bumped": the window is the chart's, once the event is found in it (``rag_core.kinds.events``)."""
    raw = re.sub(r"\s+(?:and\s+)?when$", "", m.group("event").strip(), flags=re.I)  # "on clozapine and when"
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    if rel.endswith(("pre", "post")) and not re.match(r"(?:op\b|operative|surg|procedure)", raw, re.I):
        return None  # "pre-diabetes", "post-traumatic", "post-nasal": one word, not a period
    if rel == "when" and re.match(r"(?:was|were|is|are|did|does|do|has|had|have|will)\b", raw, re.I):
        return None  # "so when was he diagnosed": a question for a date, not an event
    event = _HAPPENED.sub("", _LEAD.sub("", raw)).strip()
    if not event or _TIME_NOT_EVENT.search(event) or re.match(r"[\d/-]", event) or re.fullmatch(
            r"(?:dx|diagnosis)", event, re.I):  # "a1c at diagnosis": the first value, no event named
        return None
    relation = next(name for name in _EVENT_RELATIONS if m.group(name))
    if relation == "during":
        before = m.string[:m.start()]
        if rel.startswith("during") and _STAY_WORDS.search(event):
            return None  # "meds during the last admission": the stay's own facts
        if rel == "on" and (not before.strip(" ,?") or _ON_ITSELF.search(before) or _ASKS_IF.match(before)
                            or not _names_drug(event)):
            return None  # "is she on metformin", "on admission": a bare "on" dates only by a drug another thing is read on
    if relation == "after" and re.search(r"\b(?:go|goes|went|gone|sent|discharged(?:\s+to)?)\s*$", m.string[:m.start()], re.I):
        return None  # "where did he go after the knee surgery": where the stay ended, not a period
    if m.group("rel").lower() == "when" and not m.string[:m.start()].strip(" ,"):
        return None  # a question that opens with "when" asks for a date; "tsh when levo was bumped" names one
    # "around the time of": a day to be near, known once the chart dates the event (a stand-in until then)
    anchor = day_int(now) if relation == "around" else None
    return Window(None, day_int(now), True, anchor, None, event=event, relation=relation)


_ISO2 = r"(?:19|20)\d{2}-\d{2}-\d{2}"
# (pattern, reader): every match is read; the longest span wins where two overlap.
EXPRESSIONS: tuple[tuple[re.Pattern[str], Reader], ...] = (
    (re.compile(rf"\bbetween\s+(?P<d1>{_ISO2})\s+(?:and|&)\s+(?P<d2>{_ISO2})\b", re.I), _between_days),
    (re.compile(rf"\b(?:from\s+)?(?P<d1>{_ISO2})\s+(?:to|until|through|-|–)\s+(?P<d2>{_ISO2})\b", re.I), _between_days),
    (re.compile(r"\b(?:between|from)\s+(?P<y1>(?:19|20)\d{2})\s+(?:and|to|until|through|-|–)\s+(?P<y2>(?:19|20)\d{2})\b", re.I),
     _between_years),
    (re.compile(rf"\b(?:since|after)\s+(?:the\s+)?{_DAY}", re.I), _after_day),
    (re.compile(rf"\b(?:before|until|prior\s+to|up\s+to)\s+{_DAY}", re.I), _before_day),
    (re.compile(rf"\b(?:on|dated|from|at|of)?\s*(?:the\s+)?{_DAY}(?!\d)", re.I), _on_day),
    (re.compile(rf"\b(?:in|during|for|over|within|from|throughout)?\s*(?:the\s+)?(?:last|past|previous|prior|recent)\s+"
                rf"{_NUM}?\s*{_UNIT}(?P<half2>\s+and\s+a\s+half)?", re.I), _last_n),
    (re.compile(rf"\b{_NUM}\s+{_UNIT}\s+ago\b", re.I), _ago),
    (re.compile(r"\b(?:in|during|over|within)?\s*(?:the\s+)?(?:last|past|previous)\s+half\s+(?:a\s+)?year\b", re.I),
     _half_year),
    (re.compile(rf"\b(?:in|during|of|for)?\s*{_MONTH}\s*(?:of\s+)?{_YEAR}\b", re.I), _month_year),
    (re.compile(rf"\b(?:(?P<in>in)\s+(?:the\s+)?)?{_MONTH}\s+(?(in)'?|')(?P<yy>\d{{2}})\b"
                r"(?!\s*(?:mg|ml|units?|st|nd|rd|th)\b)(?![/:.-]?\d)", re.I), _month_short_year),
    (re.compile(rf"\b(?:since|after)\s+(?:the\s+)?(?:(?:start|beginning)\s+of\s+)?{_MONTH}\s*(?:of\s+)?{_YEAR}\b",
                re.I), _since_month),
    (re.compile(rf"\b(?:before|prior\s+to)\s+(?:the\s+)?{_MONTH}\s*(?:of\s+)?{_YEAR}\b", re.I), _before_month),
    (re.compile(rf"\b(?:in|during|of|for)?\s*(?:the\s+)?(?P<part>mid|early|late)[-\s]+{_MONTH}\s*(?:of\s+)?{_YEAR}\b", re.I),
     _part_of_month),
    (re.compile(rf"\b(?:since|after)\s+{_YEAR}\b", re.I), _since_year),
    (re.compile(rf"\b(?:before|prior\s+to)\s+{_YEAR}\b", re.I), _before_year),
    (re.compile(rf"\b(?:in|during|for|of|from|throughout)?\s*(?:the\s+year\s+)?{_YEAR}\b(?!\s*(?:mg|ml|mcg|units?)\b)", re.I),
     _year),
    (re.compile(r"\b(?:this|the\s+current)\s+(?:year|yr)\b|\bytd\b|\byear\s+to\s+date\b", re.I), _this_year),
    # a season only beside last/this/in/during or a year: "did she have a fall", "fall risk", "did the a1c fall",
    # "spring allergies" are not
    (re.compile(rf"\b(?:in\s+|during\s+)?(?:the\s+)?(?P<which>last|past|previous|this)?\s*{_SEASON}(?:\s+(?:of\s+)?{_YEAR})?\b"
                r"(?!\s+risk)", re.I), _season),
    (re.compile(rf"\b(?:in|during|of|for)\s+(?P<which>last\s+|past\s+|previous\s+|this\s+)?{_MONTH}\b(?!\s*\d)", re.I),
     _month_only),
    (re.compile(rf"\b(?P<which>last|past|previous|this)\s+{_MONTH}\b(?!\s*\d)", re.I), _month_only),
    (re.compile(r"\b(?:on\s+)?(?P<md_month>" + _MONTH_NAMES
                + r")\.?\s+(?P<md_day>[0-3]?\d)(?:st|nd|rd|th)?\b(?![,\s]*(?:19|20)\d{2})(?!\s*(?:mg|ml|units?)\b)", re.I),
     _month_day),
    (re.compile(r"\b(?:in\s+|during\s+)?(?:the\s+)?(?:last|previous)\s+calendar\s+year\b", re.I), _last_calendar_year),
    (re.compile(rf"\b(?:(?P<hrel>since|after|before|until|prior\s+to)\s+|on\s+|at\s+)?{_HOLIDAY}"
                rf"(?:\s+(?:of\s+)?{_YEAR})?\b", re.I), _holiday),
    (re.compile(r"\b(?:for\s+|in\s+)?this\s+(?:(?:flu|influenza|respiratory|covid|rsv)\s+)?season\b", re.I), _this_season),
    (re.compile(r"\btoday\b", re.I), _today),
    (re.compile(r"\byesterday\b", re.I), _yesterday),
    (_EVENT, _event),
)
# "in that time", "during the same period": the window of the question's previous part
CARRY_OVER = re.compile(r"\b(?:in|during|over|within|for)\s+(?:that|the\s+same|this|that\s+same)\s+"
                        r"(?:time|period|window|timeframe|time\s+frame|span|interval)\b", re.I)


@dataclass(frozen=True)
class TimeReading:
    window: Window
    rest: str  # the text with the time expressions blanked out


def read_time(text: str, now: date) -> TimeReading:
    """The window a clause names (the longest expression wins) and the clause without it."""
    found: list[tuple[int, int, Window]] = []
    for pattern, reader in EXPRESSIONS:
        for m in pattern.finditer(text):
            window = reader(m, now)
            if window is not None:
                found.append((m.start(), m.end(), window))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    taken: list[tuple[int, int, Window]] = []
    for start, end, window in found:
        if all(end <= s or start >= e for s, e, _ in taken):
            before = _APPROX_BEFORE.search(text[:start])
            if before:  # "around March 2019": the words before the period make it approximate
                start, window = before.start(), approximately(window, now)
            taken.append((start, end, window))
    rest = text
    for start, end, _ in sorted(taken, key=lambda t: -t[0]):
        rest = rest[:start] + " " * (end - start) + rest[end:]  # same length: offsets into the text still hold
    today = day_int(now)
    if not taken:
        return TimeReading(Window(None, today, False), rest)
    taken.sort(key=lambda t: t[0])
    dated = [t for t in taken if t[2].event is None]
    if dated and len(dated) < len(taken):  # "tsh circa mar 2018 when levo was bumped": the date says when
        taken = dated
    window = taken[0][2]
    if len(taken) > 1:  # "from March 2019 to June 2020" read as two spans: the hull
        froms = [w.day_from for _, _, w in taken if w.day_from is not None]
        tos = [w.day_to for _, _, w in taken if w.day_to is not None]
        window = Window(min(froms) if froms else None, max(tos) if tos else None, True, None,
                        "between " + " and ".join(w.label or "" for _, _, w in taken[:2]))
    to = min(window.day_to, today) if window.day_to is not None else today
    return TimeReading(Window(window.day_from, to, True, window.anchor, window.label, window.event, window.relation),
                       rest)
