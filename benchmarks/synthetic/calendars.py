"""Trading calendars: US and Hong Kong holidays, Hong Kong half days, US daylight saving time."""

from __future__ import annotations

import datetime as dt

CNY_NEW_YEAR = {  # first day of the lunar new year
    2000: "02-05",
    2001: "01-24",
    2002: "02-12",
    2003: "02-01",
    2004: "01-22",
    2005: "02-09",
    2006: "01-29",
    2007: "02-18",
    2008: "02-07",
    2009: "01-26",
    2010: "02-14",
    2011: "02-03",
    2012: "01-23",
    2013: "02-10",
    2014: "01-31",
    2015: "02-19",
    2016: "02-08",
    2017: "01-28",
    2018: "02-16",
    2019: "02-05",
    2020: "01-25",
    2021: "02-12",
    2022: "02-01",
    2023: "01-22",
    2024: "02-10",
    2025: "01-29",
    2026: "02-17",
    2027: "02-06",
    2028: "01-26",
    2029: "02-13",
    2030: "02-03",
}


def _easter(year: int) -> dt.date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    if n < 0:  # last such weekday of the month
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        last = nxt - dt.timedelta(days=1)
        day = last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    return day


def _observed(day: dt.date) -> dt.date:
    return (
        day + dt.timedelta(days=1) if day.weekday() == 6 else day - dt.timedelta(days=1) if day.weekday() == 5 else day
    )


def _cny(year: int) -> dt.date:
    return dt.date.fromisoformat(f"{year}-{CNY_NEW_YEAR.get(year, '02-05')}")


def us_holidays(year: int) -> set[dt.date]:
    days = {
        _nth_weekday(year, 1, 0, 3),
        _nth_weekday(year, 2, 0, 3),
        _easter(year) - dt.timedelta(days=2),
        _nth_weekday(year, 5, 0, -1),
        _observed(dt.date(year, 7, 4)),
        _nth_weekday(year, 9, 0, 1),
        _nth_weekday(year, 11, 3, 4),
        _observed(dt.date(year, 12, 25)),
    }
    new_year = dt.date(year, 1, 1)
    if new_year.weekday() != 5:  # NYSE does not close on Friday 31 December
        days.add(_observed(new_year))
    if year >= 2022:
        days.add(_observed(dt.date(year, 6, 19)))
    return days


def hk_holidays(year: int) -> set[dt.date]:
    cny, easter = _cny(year), _easter(year)
    days = {
        dt.date(year, 1, 1),
        cny,
        cny + dt.timedelta(days=1),
        cny + dt.timedelta(days=2),
        dt.date(year, 4, 5),
        easter - dt.timedelta(days=2),
        easter + dt.timedelta(days=1),
        dt.date(year, 5, 1),
        cny + dt.timedelta(days=97),  # Buddha's birthday (approx.)
        cny + dt.timedelta(days=125),  # Tuen Ng (approx.)
        dt.date(year, 7, 1),
        cny + dt.timedelta(days=235),  # day after mid-autumn (approx.)
        dt.date(year, 10, 1),
        cny + dt.timedelta(days=276),  # Chung Yeung (approx.)
        dt.date(year, 12, 25),
        dt.date(year, 12, 26),
    }
    return {_observed(d) if d.weekday() == 6 else d for d in days}


def hk_half_days(year: int) -> set[dt.date]:
    return {dt.date(year, 12, 24), dt.date(year, 12, 31), _cny(year) - dt.timedelta(days=1)}


def _us_dst(day: dt.date) -> bool:
    """US daylight saving time: second Sunday of March to first Sunday of November."""
    return _nth_weekday(day.year, 3, 6, 2) <= day < _nth_weekday(day.year, 11, 6, 1)
