"""Declared schema of every raw table: the contract a seed file must meet.

One entry per table. Adding a seed family is one entry here plus its files under
`seeds/<family>/`. The loader (`loader.py`) reads nothing that is not declared.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BASIS = ("reported", "derived", "estimate")
# Where a figure was read: the company's own filing, release or exchange announcement first; a data vendor
# or the press only where the company's own document could not be found (seeds/README.md).
SOURCE_KINDS = ("filing", "company_release", "exchange_announcement", "data_vendor", "press")
CURRENCIES = ("CNY", "USD", "HKD")


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # DuckDB type used to parse the CSV text
    required: bool = True
    allowed: tuple[str, ...] | None = None  # enumerated values, when the column is a code
    description: str = ""


@dataclass(frozen=True)
class RowCheck:
    """A rule each row must satisfy, as a SQL predicate over the table's columns."""

    name: str
    predicate: str
    column: str  # the column to blame in the error message


@dataclass(frozen=True)
class RawTable:
    name: str  # table in schema `raw`
    family: str  # folder under seeds/
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    date_column: str | None = None  # reported as the key range of a load
    # Columns naming one series (a symbol, an FX pair) whose files grow by appending later dates: such a
    # load only parses and checks the appended bytes (loader.py, append path). Empty: always reloaded.
    append_series: tuple[str, ...] = ()
    checks: tuple[RowCheck, ...] = ()
    pattern: str = "*.csv"
    column_names: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "column_names", tuple(c.name for c in self.columns))

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _provenance(with_kind: bool = False) -> tuple[Column, ...]:
    kind = (
        (Column("source_kind", "VARCHAR", allowed=SOURCE_KINDS, description=" | ".join(SOURCE_KINDS)),)
        if with_kind
        else ()
    )
    return (
        Column("source", "VARCHAR", description="filing, press release or vendor, and where"),
        *kind,
        Column("basis", "VARCHAR", allowed=BASIS, description="reported | derived | estimate"),
        Column("note", "VARCHAR", required=False, description="arithmetic for derived rows, caveats"),
    )


COMPANY = "company, as in raw.companies (e.g. alibaba)"


def _quarter_keys(full_year_allowed: bool = False, with_announced: bool = True) -> tuple[Column, ...]:
    quarters = ("0", "1", "2", "3", "4") if full_year_allowed else ("1", "2", "3", "4")
    return (
        Column("company_id", "VARCHAR", description=COMPANY),
        Column("fiscal_year", "INTEGER", description="year in which the fiscal year ends"),
        Column(
            "fiscal_quarter",
            "INTEGER",
            allowed=quarters,
            description="1-4" + (", or 0 for the full fiscal year" if full_year_allowed else ""),
        ),
        Column("period_end", "DATE", description="last day of the fiscal period"),
        *((Column("announced_on", "DATE", description="date the quarter was made public"),) if with_announced else ()),
    )


_announced_after_end = RowCheck("announced_after_period_end", "announced_on > period_end", "announced_on")
_positive_value = RowCheck("value_positive", "value > 0", "value")

FUNDAMENTAL_METRICS = (
    "revenue_m",
    "net_income_gaap_m",
    "eps_diluted_gaap",
    "net_income_adjusted_m",
    "eps_diluted_adjusted",
    "diluted_shares_m",
    "shares_outstanding_m",
)

SEGMENTS = (
    # Alibaba, FY2023 presentation (seven segments, to the June quarter 2023 results of 2023-08-10)
    "china_commerce",
    "international_commerce",
    "local_consumer_services",
    "cloud",
    "innovation_initiatives_others",
    # Alibaba, FY2026 presentation (from the June quarter 2025 results of 2025-08-29)
    "china_ecommerce_group",
    # Alibaba, FY2024-FY2025 presentation (six business groups); cainiao, digital_media_entertainment and
    # unallocated are also FY2023 segments, aidc, cloud_intelligence, all_others also FY2026 segments
    "taobao_tmall",
    "cloud_intelligence",
    "aidc",
    "cainiao",
    "local_services",
    "digital_media_entertainment",
    "all_others",
    "unallocated",
    "inter_segment_elimination",
    # cloud segments of the other companies
    "aws",
    "google_cloud",
    "microsoft_intelligent_cloud",
    "baidu_ai_cloud",
    "tencent_fintech_business_services",
)

# Segment presentations: the segment structure a figure was published under, named after the company's
# fiscal year it took effect (Alibaba FY2023-FY2026, Microsoft FY2024-FY2025). A restated comparative is a
# second row for the same period and segment under the later presentation (seeds/segment_mapping/ dates them).
# `as_reported`: companies without dated structures, whose segments are kept as first published only.
PRESENTATIONS = ("as_reported", "FY2023", "FY2024", "FY2025", "FY2026")
# Sum-of-the-parts groups a reported segment belongs to (seeds/segment_mapping/).
SOTP_GROUPS = ("ecommerce", "cloud_ai", "other_operating", "corporate", "elimination")

BALANCE_SHEET_ITEMS = (
    "cash_and_equivalents_m",
    "short_term_investments_m",
    "restricted_cash_m",
    "other_treasury_investments_m",
    "bank_borrowings_current_m",
    "bank_borrowings_noncurrent_m",
    "unsecured_senior_notes_current_m",
    "unsecured_senior_notes_noncurrent_m",
    "convertible_senior_notes_m",
    "equity_securities_listed_m",
    "equity_securities_unlisted_m",
    "equity_method_investments_m",
    "equity_securities_and_other_investments_m",  # Alibaba's line as printed: listed, unlisted and treasury
    "noncontrolling_interests_m",  # equity attributable to minority holders of subsidiaries (book)
    "mezzanine_equity_m",  # redeemable noncontrolling interests, outside shareholders' equity
    "ant_group_carrying_value_m",  # book value of the Ant Group stake inside equity_method_investments_m
)

CAPEX_DEFINITIONS = (
    "cash_purchases_of_ppe",  # cash-flow statement: purchases of property and equipment
    "cash_purchases_of_ppe_and_intangibles",  # incl. intangibles where the company combines them
    "cash_purchases_of_ppe_and_land_use_rights",  # Alibaba's "capital expenditures"
    "incl_finance_leases",  # cash capex plus principal payments on finance leases
    "capex_incl_finance_lease_additions",  # cash additions plus assets newly acquired under finance leases (Microsoft)
    "capex_additions_ppe_and_intangibles",  # accrual basis: additions, not cash (Tencent's headline)
    "cash_purchases_net_of_disposals",  # cash capex net of sale proceeds (JD's headline)
)

TABLES: tuple[RawTable, ...] = (
    # Reference tables first: the cross-file rules of later tables (raw/checks.py) read them.
    RawTable(
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
            *_provenance(),
        ),
        primary_key=("company_id",),
        checks=(RowCheck("month_in_range", "fiscal_year_end_month between 1 and 12", "fiscal_year_end_month"),),
    ),
    RawTable(
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
            *_provenance(),
        ),
        primary_key=("symbol",),
        checks=(
            RowCheck(
                "equity_has_ratio",
                "instrument_type not in ('ordinary_share', 'ads') or ordinary_shares_per_unit > 0",
                "ordinary_shares_per_unit",
            ),
        ),
    ),
    RawTable(
        name="prices_daily",
        family="prices",
        description="Daily OHLCV per listing, index or fund, as the vendor publishes it.",
        columns=(
            Column("symbol", "VARCHAR", description="listing, as in raw.listings"),
            Column("date", "DATE", description="trading day (the exchange's local date)"),
            Column("currency", "VARCHAR", allowed=CURRENCIES, description="currency of the prices"),
            Column("open", "DOUBLE", required=False, description="opening price, on the basis of price_basis"),
            Column("high", "DOUBLE", required=False, description="day's high, on the basis of price_basis"),
            Column("low", "DOUBLE", required=False, description="day's low, on the basis of price_basis"),
            Column("close", "DOUBLE", description="closing price (index level for an index), see price_basis"),
            Column(
                "adj_close",
                "DOUBLE",
                required=False,
                description="vendor's dividend-adjusted close, where it publishes both",
            ),
            Column("volume", "BIGINT", required=False, description="units traded that day"),
            Column(
                "price_basis",
                "VARCHAR",
                allowed=("unadjusted", "dividend_adjusted", "index_level"),
                description="what `close` is; every vendor series is split-adjusted",
            ),
            *_provenance(),
        ),
        primary_key=("symbol", "date"),
        date_column="date",
        append_series=("symbol",),
        checks=(
            RowCheck("close_positive", "close > 0", "close"),
            RowCheck("high_not_below_low", "high is null or low is null or high >= low", "high"),
        ),
    ),
    RawTable(
        name="fx_daily",
        family="fx",
        description="Daily exchange rates: units of quote currency per one unit of base currency.",
        columns=(
            Column("date", "DATE", description="day of the rate"),
            Column("base_currency", "VARCHAR", allowed=("USD",), description="the currency one unit of is priced"),
            Column("quote_currency", "VARCHAR", allowed=("CNY", "HKD"), description="the currency the rate is in"),
            Column("rate", "DOUBLE", description="units of quote_currency per one base_currency"),
            *_provenance(),
        ),
        primary_key=("date", "base_currency", "quote_currency"),
        date_column="date",
        append_series=("base_currency", "quote_currency"),
        checks=(RowCheck("rate_positive", "rate > 0", "rate"),),
    ),
    RawTable(
        name="corporate_actions",
        family="corporate_actions",
        description="Cash dividends and share splits per listing, from company announcements.",
        columns=(
            Column("symbol", "VARCHAR", description="listing, as in raw.listings"),
            Column(
                "action_type",
                "VARCHAR",
                allowed=("cash_dividend", "special_dividend", "split"),
                description="regular or special cash dividend, or a share split",
            ),
            Column("ex_date", "DATE", description="first day the listing trades without the dividend or split"),
            Column("announced_on", "DATE", required=False, description="day the company announced it"),
            Column("payable_on", "DATE", required=False, description="day the cash is paid"),
            Column("amount", "DOUBLE", required=False, description="cash per unit of the listing"),
            Column("currency", "VARCHAR", required=False, allowed=CURRENCIES, description="currency of amount"),
            Column(
                "amount_per",
                "VARCHAR",
                required=False,
                allowed=("share", "ads"),
                description="whether amount is per ordinary share or per ADS",
            ),
            Column("split_ratio", "DOUBLE", required=False, description="new shares per old share"),
            Column(
                "in_vendor_adjustment",
                "BOOLEAN",
                required=False,
                description="does the vendor's dividend-adjusted series of this symbol include this "
                "dividend? null = assumed yes; false where the ex-date drop is still visible in it",
            ),
            Column(
                "vendor_amount",
                "DOUBLE",
                required=False,
                description="cash per unit in the listing's currency that the vendor's adjustment applied, where "
                "its factor shows another figure than the declared one (e.g. a USD amount taken as HKD); "
                "null = the declared amount",
            ),
            *_provenance(),
        ),
        primary_key=("symbol", "action_type", "ex_date"),
        date_column="ex_date",
        checks=(
            RowCheck(
                "dividend_has_amount",
                "action_type = 'split' or (amount > 0 and currency is not null)",
                "amount",
            ),
            RowCheck("split_has_ratio", "action_type <> 'split' or split_ratio > 0", "split_ratio"),
        ),
    ),
    RawTable(
        name="earnings_calendar",
        family="earnings_calendar",
        description="When each company published each quarter's results: the one date every family's "
        "announced_on must match, and the moment from which a quarter counts (point in time).",
        columns=(
            *_quarter_keys(with_announced=False),
            Column("release_date", "DATE", description="local date on which the results were published"),
            Column(
                "release_time",
                "VARCHAR",
                required=False,
                description="local clock time HH:MM of publication; null when not stated",
            ),
            Column(
                "release_timezone",
                "VARCHAR",
                required=False,
                allowed=("Asia/Hong_Kong", "Asia/Shanghai", "America/New_York", "America/Los_Angeles"),
                description="IANA zone of release_time",
            ),
            *_provenance(with_kind=True),
        ),
        primary_key=("company_id", "fiscal_year", "fiscal_quarter"),
        date_column="release_date",
        checks=(
            RowCheck("released_after_period_end", "release_date > period_end", "release_date"),
            RowCheck(
                "release_time_is_hh_mm",
                "release_time is null or regexp_full_match(release_time, '([01][0-9]|2[0-3]):[0-5][0-9]')",
                "release_time",
            ),
            RowCheck(
                "release_time_has_zone",
                "(release_time is null) = (release_timezone is null)",
                "release_timezone",
            ),
        ),
    ),
    RawTable(
        name="fundamentals_quarterly",
        family="fundamentals",
        description="Quarterly income-statement figures, one row per company, quarter and metric.",
        columns=(
            *_quarter_keys(),
            Column(
                "metric",
                "VARCHAR",
                allowed=FUNDAMENTAL_METRICS,
                description="*_m in millions; eps per ordinary share; shares in millions",
            ),
            Column("value", "DOUBLE", description="the figure, in the unit metric names"),
            Column("currency", "VARCHAR", required=False, allowed=CURRENCIES, description="null for share counts"),
            *_provenance(with_kind=True),
        ),
        primary_key=("company_id", "fiscal_year", "fiscal_quarter", "metric"),
        date_column="period_end",
        checks=(
            _announced_after_end,
            RowCheck(
                "share_count_positive",
                "metric not in ('diluted_shares_m', 'shares_outstanding_m') or value > 0",
                "value",
            ),
            RowCheck(
                "share_counts_have_no_currency",
                "metric not in ('diluted_shares_m', 'shares_outstanding_m') or currency is null",
                "currency",
            ),
        ),
    ),
    RawTable(
        name="segment_mapping",
        family="segment_mapping",
        description=(
            "Dated segment structures: which reported segments make up each presentation, from which release "
            "date to which, and the sum-of-the-parts group each segment counts in."
        ),
        columns=(
            Column("company_id", "VARCHAR", description=COMPANY),
            Column("presentation", "VARCHAR", allowed=PRESENTATIONS, description="name of the segment structure"),
            Column(
                "valid_from",
                "DATE",
                description="results day of the first release published under this presentation",
            ),
            Column(
                "valid_to",
                "DATE",
                required=False,
                description="results day of the first release under the next presentation; empty = current",
            ),
            Column("segment", "VARCHAR", allowed=SEGMENTS, description="segment key"),
            Column("segment_name", "VARCHAR", description="the segment's name as printed in the release"),
            Column("sotp_group", "VARCHAR", allowed=SOTP_GROUPS, description=" | ".join(SOTP_GROUPS)),
            Column(
                "reports_revenue",
                "BOOLEAN",
                description="true if the segment has a revenue line (false: unallocated costs)",
            ),
            *_provenance(with_kind=True),
        ),
        primary_key=("company_id", "presentation", "segment"),
        date_column="valid_from",
        checks=(RowCheck("valid_to_after_valid_from", "valid_to is null or valid_to > valid_from", "valid_to"),),
    ),
    RawTable(
        name="segments_quarterly",
        family="segments",
        description="Segment revenue and profit per company, quarter (or full fiscal year), segment and metric.",
        columns=(
            *_quarter_keys(full_year_allowed=True),
            Column(
                "presentation",
                "VARCHAR",
                allowed=PRESENTATIONS,
                description="segment structure the figure was published under (a restatement is a second row)",
            ),
            Column("segment", "VARCHAR", allowed=SEGMENTS, description="segment key, as in raw.segment_mapping"),
            Column(
                "metric",
                "VARCHAR",
                allowed=("revenue_m", "adjusted_ebita_m", "operating_income_m"),
                description="which figure; _m = millions",
            ),
            Column("value", "DOUBLE", description="millions of `currency`"),
            Column("currency", "VARCHAR", allowed=CURRENCIES, description="currency of value"),
            *_provenance(with_kind=True),
        ),
        primary_key=("company_id", "fiscal_year", "fiscal_quarter", "presentation", "segment", "metric"),
        date_column="period_end",
        checks=(_announced_after_end,),
    ),
    RawTable(
        name="balance_sheet",
        family="balance_sheet",
        description="Balance-sheet items at quarter end (cash, investments, debt), in millions.",
        columns=(
            Column("company_id", "VARCHAR", description=COMPANY),
            Column("period_end", "DATE", description="balance-sheet date (end of the fiscal quarter)"),
            Column("announced_on", "DATE", description="date the balance sheet was made public"),
            Column("item", "VARCHAR", allowed=BALANCE_SHEET_ITEMS, description="balance-sheet line; _m = millions"),
            Column("value", "DOUBLE", description="millions of `currency`"),
            Column("currency", "VARCHAR", allowed=CURRENCIES, description="currency of value"),
            *_provenance(with_kind=True),
        ),
        primary_key=("company_id", "period_end", "item"),
        date_column="period_end",
        checks=(_announced_after_end, RowCheck("value_not_negative", "value >= 0", "value")),
    ),
    RawTable(
        name="capex_quarterly",
        family="capex",
        description="Quarterly capital expenditure, with the definition the figure follows.",
        columns=(
            *_quarter_keys(),
            Column("definition", "VARCHAR", allowed=CAPEX_DEFINITIONS, description="which capex line the figure is"),
            Column("value", "DOUBLE", description="millions of `currency`"),
            Column("currency", "VARCHAR", allowed=CURRENCIES, description="currency of value"),
            *_provenance(with_kind=True),
        ),
        primary_key=("company_id", "fiscal_year", "fiscal_quarter", "definition"),
        date_column="period_end",
        checks=(_announced_after_end, _positive_value),
    ),
    RawTable(
        name="guidance",
        family="guidance",
        description="Announced capital-expenditure guidance (low/high, millions).",
        columns=(
            Column("company_id", "VARCHAR", description=COMPANY),
            Column("period_label", "VARCHAR", description="e.g. CY2025, FY2026, FY2026-FY2028"),
            Column("period_start", "DATE", description="first day of the period guided"),
            Column("period_end", "DATE", description="last day of the period guided"),
            Column("announced_on", "DATE", description="date of the statement"),
            Column("low", "DOUBLE", description="millions of `currency`"),
            Column("high", "DOUBLE", required=False, description="null when a single figure"),
            Column("currency", "VARCHAR", allowed=CURRENCIES, description="currency of low and high"),
            Column(
                "definition",
                "VARCHAR",
                allowed=CAPEX_DEFINITIONS + ("company_reported",),
                description="capex line guided; company_reported = as the company states it",
            ),
            Column(
                "guidance_kind",
                "VARCHAR",
                allowed=(
                    "formal_outlook",
                    "executive_statement",
                    "investment_statement",
                    "run_rate",
                    "multi_year_plan",
                ),
                description="what the statement is: a formal outlook for the period, an executive's statement, a "
                "statement of investment plans, a quarter's spending offered as a run-rate, or a multi-year total",
            ),
            *_provenance(with_kind=True),
        ),
        primary_key=("company_id", "period_label", "announced_on"),
        date_column="announced_on",
        checks=(
            RowCheck("low_positive", "low > 0", "low"),
            RowCheck("high_not_below_low", "high is null or high >= low", "high"),
            RowCheck("period_end_after_start", "period_end > period_start", "period_end"),
        ),
    ),
    RawTable(
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
            *_provenance(),
        ),
        primary_key=("event_id",),
        date_column="event_date",
    ),
)

BY_NAME = {t.name: t for t in TABLES}
