"""Article dates to ISO 8601 (YYYY-MM-DD), or ``None`` when a date cannot be read for sure."""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ])")
_WEEKDAY_RE = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+", re.IGNORECASE)
# Unambiguous written forms only: "03/04/2025" could be March or April, so it is refused.
_FORMATS = (
    "%Y/%m/%d", "%Y.%m.%d", "%d.%m.%Y",
    "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y",
)


def normalise_date(value: str) -> str | None:
    """Return ``value`` as YYYY-MM-DD, or ``None`` if it is not a date read unambiguously.

    The date is taken as written: a timestamp's time and zone are ignored.

    >>> normalise_date("2024-05-03T22:10:00+02:00"), normalise_date("Friday, 3 May 2024")
    ('2024-05-03', '2024-05-03')
    >>> normalise_date("May 3, 2024"), normalise_date("Fri, 03 May 2024 10:00:00 GMT")
    ('2024-05-03', '2024-05-03')
    >>> normalise_date("03/05/2024") is None, normalise_date("2024-02-30") is None
    (True, True)
    """
    text = value.strip()
    iso = _ISO_RE.match(text)
    if iso:
        return _checked(*(int(part) for part in iso.groups()))
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    text = _WEEKDAY_RE.sub("", text)
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _checked(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
