"""Market data: daily prices, daily exchange rates and the corporate actions that adjust prices."""

from __future__ import annotations

from .model import CURRENCIES, Column, RawTable, RowCheck, provenance

PRICES_DAILY = RawTable(
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
        Column("date", "DATE", description="day of the rate"),
        Column("base_currency", "VARCHAR", allowed=("USD",), description="the currency one unit of is priced"),
        Column("quote_currency", "VARCHAR", allowed=("CNY", "HKD"), description="the currency the rate is in"),
        Column("rate", "DOUBLE", description="units of quote_currency per one base_currency"),
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
