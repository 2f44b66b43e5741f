"""What the companies file each quarter: the results calendar, income-statement figures and the balance sheet."""

from __future__ import annotations

from .model import ANNOUNCED_AFTER_END, COMPANY, CURRENCIES, Column, RawTable, RowCheck, provenance, quarter_keys

FUNDAMENTAL_METRICS = (
    "revenue_m",
    "net_income_gaap_m",
    "eps_diluted_gaap",
    "net_income_adjusted_m",
    "eps_diluted_adjusted",
    "diluted_shares_m",
    "shares_outstanding_m",
)

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

EARNINGS_CALENDAR = RawTable(
    name="earnings_calendar",
    family="earnings_calendar",
    description="When each company published each quarter's results: the one date every family's "
    "announced_on must match, and the moment from which a quarter counts (point in time).",
    columns=(
        *quarter_keys(with_announced=False),
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
        *provenance(with_kind=True),
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
)

FUNDAMENTALS_QUARTERLY = RawTable(
    name="fundamentals_quarterly",
    family="fundamentals",
    description="Quarterly income-statement figures, one row per company, quarter and metric.",
    columns=(
        *quarter_keys(),
        Column(
            "metric",
            "VARCHAR",
            allowed=FUNDAMENTAL_METRICS,
            description="*_m in millions; eps per ordinary share; shares in millions",
        ),
        Column("value", "DOUBLE", description="the figure, in the unit metric names"),
        Column("currency", "VARCHAR", required=False, allowed=CURRENCIES, description="null for share counts"),
        *provenance(with_kind=True),
    ),
    primary_key=("company_id", "fiscal_year", "fiscal_quarter", "metric"),
    date_column="period_end",
    checks=(
        ANNOUNCED_AFTER_END,
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
)

BALANCE_SHEET = RawTable(
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
        *provenance(with_kind=True),
    ),
    primary_key=("company_id", "period_end", "item"),
    date_column="period_end",
    checks=(ANNOUNCED_AFTER_END, RowCheck("value_not_negative", "value >= 0", "value")),
)
