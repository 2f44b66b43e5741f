"""Dated catalysts: a curated list that grows with time, not with the universe."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from dagster_project.raw.schemas import BY_NAME

from .calendars import _us_dst
from .writer import Writer


def _events(w: Writer, comp: pd.DataFrame, rng: np.random.Generator, start: dt.date, end: dt.date, src: str) -> None:
    # A curated catalyst list grows with time, not with the universe (~8 a year, as in seeds/events).
    days = (end - start).days
    n = max(20, 8 * days // 365)
    dates = np.datetime64(start) + rng.integers(0, days, n).astype("timedelta64[D]")
    kinds = np.array(BY_NAME["events"].column("event_type").allowed)
    k = kinds[rng.integers(0, len(kinds), n)]
    company = np.where(
        np.isin(k, ["policy", "market"]), None, comp["company_id"].to_numpy()[rng.integers(0, len(comp), n)]
    )
    ev = pd.DataFrame(
        {
            "event_id": [f"synthetic_event_{i:06d}" for i in range(n)],
            "date": dates,
            "type": k,
            "company_id": company,
            "title": [f"Synthetic {t.replace('_', ' ')} {i}" for i, t in enumerate(k)],
        }
    )
    # Timing: a US company's event in New York time (UTC offset by US daylight saving time), any other in
    # Beijing time; about half carry a reported local time, the rest the date only.
    country = dict(zip(comp["company_id"], comp["country"], strict=True))
    is_us = np.array([country.get(cid) == "US" for cid in company])
    dst = np.array([_us_dst(d) for d in pd.DatetimeIndex(dates).date])
    has_time = rng.random(n) < 0.5
    hours = rng.integers(7, 22, n)
    ev = ev.assign(
        tz=np.where(is_us, "America/New_York", "Asia/Shanghai"),
        utc_offset=np.where(is_us, np.where(dst, -4.0, -5.0), 8.0),
        time_local=[f"{h:02d}:30" if t else None for h, t in zip(hours, has_time, strict=True)],
        timing=np.where(has_time, "time_reported", "date_only"),
    )
    ev = ev.sort_values(["date", "event_id"], kind="stable")
    w.write_table(
        "events",
        "ai_events.csv",
        ev,
        "select event_id, date, type, company_id, title, null, time_local, tz, utc_offset, timing, null, "
        f"'{src}', 'estimate', null from frame",
        "events",
    )
