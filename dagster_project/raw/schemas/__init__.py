"""Declared schema of every raw table: the contract a seed file must meet.

One entry per table, in the module of its group (reference, market, filings, segments, capex); `model.py`
says what an entry is. Adding a seed family is one entry in its group's module, listed in TABLES below, plus
its files under `seeds/<family>/`. The loader reads nothing that is not declared. Callers import from here.
"""

from __future__ import annotations

from .capex import CAPEX_DEFINITIONS, CAPEX_QUARTERLY, GUIDANCE
from .filings import BALANCE_SHEET, BALANCE_SHEET_ITEMS, EARNINGS_CALENDAR, FUNDAMENTAL_METRICS, FUNDAMENTALS_QUARTERLY
from .market import CORPORATE_ACTIONS, FX_DAILY, PRICES_DAILY
from .model import BASIS, CURRENCIES, SOURCE_KINDS, Column, RawTable, RowCheck
from .reference import COMPANIES, EVENTS, LISTINGS
from .segments import PRESENTATIONS, SEGMENT_MAPPING, SEGMENTS, SEGMENTS_QUARTERLY, SOTP_GROUPS

TABLES: tuple[RawTable, ...] = (
    # Reference tables first: the cross-file rules of later tables (raw/checks/) read them.
    COMPANIES,
    LISTINGS,
    PRICES_DAILY,
    FX_DAILY,
    CORPORATE_ACTIONS,
    EARNINGS_CALENDAR,
    FUNDAMENTALS_QUARTERLY,
    SEGMENT_MAPPING,
    SEGMENTS_QUARTERLY,
    BALANCE_SHEET,
    CAPEX_QUARTERLY,
    GUIDANCE,
    EVENTS,
)

BY_NAME = {t.name: t for t in TABLES}

__all__ = [
    "BASIS",
    "BALANCE_SHEET_ITEMS",
    "BY_NAME",
    "CAPEX_DEFINITIONS",
    "CURRENCIES",
    "FUNDAMENTAL_METRICS",
    "PRESENTATIONS",
    "SEGMENTS",
    "SOTP_GROUPS",
    "SOURCE_KINDS",
    "TABLES",
    "Column",
    "RawTable",
    "RowCheck",
]
