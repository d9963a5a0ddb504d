from __future__ import annotations

import pytest

from stancegraph.ingest.dates import normalise_date


@pytest.mark.parametrize("value, iso", [
    ("2031-06-02", "2031-06-02"),
    ("2031-6-2", "2031-06-02"),
    ("2031-06-02T08:30:00+01:00", "2031-06-02"),
    ("2031-06-02 08:30", "2031-06-02"),
    ("2031/06/02", "2031-06-02"),
    ("02.06.2031", "2031-06-02"),
    ("2 June 2031", "2031-06-02"),
    ("Monday, 2 Jun 2031", "2031-06-02"),
    ("June 2, 2031", "2031-06-02"),
    ("Mon, 02 Jun 2031 08:30:00 GMT", "2031-06-02"),
    ("  2031-06-02  ", "2031-06-02"),
    ("02/06/2031", None),      # day or month first? refused
    ("2031-02-30", None),
    ("2031", None),
    ("yesterday", None),
    ("", None),
])
def test_normalise_date(value, iso):
    assert normalise_date(value) == iso
