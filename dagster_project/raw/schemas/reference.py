"""Reference tables (companies, listings) and the dated catalysts (events): what the other families point at."""

from __future__ import annotations

from .model import CURRENCIES, Column, RawTable, RowCheck, provenance

COMPANIES = RawTable(
    name="companies",
    family="reference",
    pattern="companies*.csv",
    description="Companies, their basket and fiscal calendar.",
    columns=(
        Column("company_id", "VARCHAR", description="short company key (alibaba, microsoft)"),
        Column("name", "VARCHAR", description="legal name"),
        Column("country", "VARCHAR", allowed=("CN", "US"), description="country of the headquarters"),
        Column("basket", "VARCHAR", allowed=("china", "us"), description="the peer group it is compared in"),
        Column("reporting_currency", "VARCHAR", allowed=CURRENCIES, description="currency of its filings"),
        Column("fiscal_year_end_month", "INTEGER", description="month its fiscal year ends (3 = March)"),
        Column("sector", "VARCHAR", required=False, description="short business description"),
        *provenance(),
    ),
    primary_key=("company_id",),
    checks=(RowCheck("month_in_range", "fiscal_year_end_month between 1 and 12", "fiscal_year_end_month"),),
)

LISTINGS = RawTable(
    name="listings",
    family="reference",
    pattern="listings*.csv",
    description="Tradable symbols: company shares and ADSs, indices and funds.",
    columns=(
        Column("symbol", "VARCHAR", description="ticker as quoted (9988.HK, BABA, ^HSI)"),
        Column("name", "VARCHAR", description="name of the listing"),
        Column("company_id", "VARCHAR", required=False, description="null for indices and funds"),
        Column(
            "instrument_type",
            "VARCHAR",
            allowed=("ordinary_share", "ads", "etf", "index"),
            description="what trades: ordinary shares, American depositary shares, a fund or an index",
        ),
        Column("exchange", "VARCHAR", description="exchange or index provider (HKEX, NASDAQ, NYSE, HSI)"),
        Column("market", "VARCHAR", allowed=("HK", "US"), description="trading calendar the listing follows"),
        Column("currency", "VARCHAR", allowed=CURRENCIES, description="trading currency"),
        Column(
            "ordinary_shares_per_unit",
            "DOUBLE",
            required=False,
            description="8 for one BABA ADS; 1 for an ordinary share",
        ),
        Column("benchmark_symbol", "VARCHAR", required=False, description="index its returns are compared with"),
        Column("is_primary_listing", "BOOLEAN", description="the company's main line where it has two"),
        Column("description", "VARCHAR", required=False, description="free text, e.g. what an index covers"),
        *provenance(),
    ),
    primary_key=("symbol",),
    checks=(
        RowCheck(
            "equity_has_ratio",
            "instrument_type not in ('ordinary_share', 'ads') or ordinary_shares_per_unit > 0",
            "ordinary_shares_per_unit",
        ),
    ),
)

EVENTS = RawTable(
    name="events",
    family="events",
    description="Dated AI and corporate catalysts.",
    columns=(
        Column("event_id", "VARCHAR", description="short key of the event"),
        Column("event_date", "DATE", description="first trading-relevant date (local date of release)"),
        Column(
            "event_type",
            "VARCHAR",
            allowed=(
                "model_release",
                "earnings",
                "partnership",
                "capex_announcement",
                "policy",
                "product_launch",
                "market",
            ),
            description="kind of catalyst",
        ),
        Column(
            "company_id",
            "VARCHAR",
            required=False,
            description="company concerned, as in raw.companies; null when none of them",
        ),
        Column("title", "VARCHAR", description="one-line headline"),
        Column("description", "VARCHAR", required=False, description="what happened, in a sentence or two"),
        Column("event_time_local", "VARCHAR", required=False, description="HH:MM local time, where given"),
        Column("event_timezone", "VARCHAR", required=False, description="IANA zone of the date and time"),
        Column("event_utc_offset_hours", "DOUBLE", required=False, description="UTC offset of that zone that day"),
        Column(
            "timing_basis",
            "VARCHAR",
            required=False,
            allowed=("time_reported", "after_close_reported", "date_only"),
            description="what the time is: reported, a market close the release came after, or unknown",
        ),
        Column("timing_source", "VARCHAR", required=False, description="citation for the time"),
        *provenance(),
    ),
    primary_key=("event_id",),
    date_column="event_date",
)
