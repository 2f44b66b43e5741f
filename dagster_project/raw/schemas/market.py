"""Market data: daily prices, daily exchange rates and the corporate actions that adjust prices."""

from __future__ import annotations

from .model import CURRENCIES, Column, RawTable, RowCheck, provenance

PRICES_DAILY = RawTable(
    name="prices_daily",
    family="prices",
    description="Daily OHLCV per listing, index or fund, as the vendor publishes it.",
    columns=(
        Column("symbol", "VARCHAR"),
        Column("date", "DATE"),
        Column("currency", "VARCHAR", allowed=CURRENCIES),
        Column("open", "DOUBLE", required=False),
        Column("high", "DOUBLE", required=False),
        Column("low", "DOUBLE", required=False),
        Column("close", "DOUBLE"),
        Column(
            "adj_close",
            "DOUBLE",
            required=False,
            description="vendor's dividend-adjusted close, where it publishes both",
        ),
        Column("volume", "BIGINT", required=False),
        Column(
            "price_basis",
            "VARCHAR",
            allowed=("unadjusted", "dividend_adjusted", "index_level"),
            description="what `close` is; every vendor series is split-adjusted",
        ),
        *provenance(),
    ),
    primary_key=("symbol", "date"),
    date_column="date",
    append_series=("symbol",),
    checks=(
        RowCheck("close_positive", "close > 0", "close"),
        RowCheck("high_not_below_low", "high is null or low is null or high >= low", "high"),
    ),
)

FX_DAILY = RawTable(
    name="fx_daily",
    family="fx",
    description="Daily exchange rates: units of quote currency per one unit of base currency.",
    columns=(
        Column("date", "DATE"),
        Column("base_currency", "VARCHAR", allowed=("USD",)),
        Column("quote_currency", "VARCHAR", allowed=("CNY", "HKD")),
        Column("rate", "DOUBLE"),
        *provenance(),
    ),
    primary_key=("date", "base_currency", "quote_currency"),
    date_column="date",
    append_series=("base_currency", "quote_currency"),
    checks=(RowCheck("rate_positive", "rate > 0", "rate"),),
)

CORPORATE_ACTIONS = RawTable(
    name="corporate_actions",
    family="corporate_actions",
    description="Cash dividends and share splits per listing, from company announcements.",
    columns=(
        Column("symbol", "VARCHAR"),
        Column("action_type", "VARCHAR", allowed=("cash_dividend", "special_dividend", "split")),
        Column("ex_date", "DATE"),
        Column("announced_on", "DATE", required=False),
        Column("payable_on", "DATE", required=False),
        Column("amount", "DOUBLE", required=False, description="cash per unit of the listing"),
        Column("currency", "VARCHAR", required=False, allowed=CURRENCIES),
        Column("amount_per", "VARCHAR", required=False, allowed=("share", "ads")),
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
        *provenance(),
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
)
