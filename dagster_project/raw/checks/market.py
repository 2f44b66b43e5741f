"""Cross-row rules of the market data: prices per symbol and FX per pair (neighbours in a series), and the
listings a price or corporate action must name."""

from __future__ import annotations

from ...settings import dbt_var
from ..schemas import BY_NAME
from .rule import CrossCheck, exact_duplicate, symbol_listed

# A close this many times (or this fraction of) its neighbour is not a market move: the widest daily
# move in the shipped price seeds is 1.4x (PDD, 2024-09). Cents vs units, a missed split or a bad tick.
PRICE_JUMP_FACTOR = 10.0
# An FX rate that moves this much in a day is an inverted quote or another pair (widest in the seeds: 2.2%).
FX_JUMP_FACTOR = 1.2
# Longest run of calendar days without a rate, per pair: the dbt var `fx_max_fill_days` (the marts forward-fill
# over at most that many days), so a longer gap would leave valuations without a rate. Widest in the seeds: 5.
FX_MAX_GAP_DAYS = int(dbt_var("fx_max_fill_days"))

CHECKS: tuple[CrossCheck, ...] = (
    # --- prices_daily -----------------------------------------------------------------------------
    exact_duplicate("prices_daily", BY_NAME["prices_daily"].column_names, "date"),
    CrossCheck(
        name="price_spike",
        table="prices_daily",
        column="close",
        severity="quarantine",
        description=f"a close >= {PRICE_JUMP_FACTOR:g}x off BOTH neighbouring closes (isolated bad tick)",
        sql=f"""
            select _row, 'close ' || close || ' is ' || round(greatest(close / prev, prev / close), 1)
                         || 'x off the previous close ' || prev || ' and '
                         || round(greatest(close / next, next / close), 1)
                         || 'x off the next close ' || next || ' (isolated bad tick)' as _reason
            from (
                select _row, close,
                       lag(close) over w as prev, lead(close) over w as next
                from {{t}} where close > 0
                window w as (partition by symbol order by date, _row)
            )
            where prev > 0 and next > 0
              and greatest(close / prev, prev / close) >= {PRICE_JUMP_FACTOR}
              and greatest(close / next, next / close) >= {PRICE_JUMP_FACTOR}
              and (close > prev) = (close > next)
        """,
    ),
    symbol_listed("prices_daily"),
    CrossCheck(
        name="currency_matches_listing",
        table="prices_daily",
        column="currency",
        requires=("listings",),
        description="a price is quoted in its listing's trading currency (raw.listings)",
        sql="""
            select _row, 'currency ' || p.currency || ' does not match the listing of ' || p.symbol
                         || ' (' || l.currency || ')' as _reason
            from {t} p join raw.listings l using (symbol)
            where p.currency <> l.currency
        """,
    ),
    CrossCheck(
        name="price_level_shift",
        table="prices_daily",
        column="close",
        description=f"a close >= {PRICE_JUMP_FACTOR:g}x off the previous close that the series keeps "
        "(units changed, or a split the vendor did not adjust)",
        sql=f"""
            select _row, 'close ' || close || ' on ' || date || ' is ' || round(greatest(close / prev, prev / close), 1)
                         || 'x the previous close ' || prev || ' on ' || prev_date
                         || ' (units changed, or a split the vendor did not adjust)' as _reason
            from (
                select _row, date, close, lag(close) over w as prev, lag(date) over w as prev_date
                from {{t}} where close > 0
                window w as (partition by symbol order by date, _row)
            )
            where prev > 0 and greatest(close / prev, prev / close) >= {PRICE_JUMP_FACTOR}
        """,
    ),
    # --- fx_daily ---------------------------------------------------------------------------------
    exact_duplicate("fx_daily", BY_NAME["fx_daily"].column_names, "date"),
    CrossCheck(
        name="fx_gap",
        table="fx_daily",
        column="date",
        description=f"no pair goes more than {FX_MAX_GAP_DAYS} calendar days without a rate",
        sql=f"""
            select _row, 'no ' || base_currency || '/' || quote_currency || ' rate for ' || (date - prev_date - 1)
                         || ' days between ' || prev_date || ' and ' || date
                         || ' (at most {FX_MAX_GAP_DAYS - 1} allowed: '
                         || 'the marts forward-fill at most {FX_MAX_GAP_DAYS} days)'
                         as _reason
            from (
                select _row, date, base_currency, quote_currency,
                       lag(date) over w as prev_date
                from {{t}}
                window w as (partition by base_currency, quote_currency order by date, _row)
            )
            where date - prev_date > {FX_MAX_GAP_DAYS}
        """,
    ),
    CrossCheck(
        name="fx_jump",
        table="fx_daily",
        column="rate",
        description=f"a rate moves less than {FX_JUMP_FACTOR:g}x day over day (inverted quote, wrong pair)",
        sql=f"""
            select _row, base_currency || '/' || quote_currency || ' rate ' || rate || ' on ' || date || ' is '
                         || round(greatest(rate / prev, prev / rate), 2) || 'x the previous rate ' || prev
                         || ' (inverted quote or another pair?)' as _reason
            from (
                select _row, date, base_currency, quote_currency, rate,
                       lag(rate) over w as prev
                from {{t}} where rate > 0
                window w as (partition by base_currency, quote_currency order by date, _row)
            )
            where prev > 0 and greatest(rate / prev, prev / rate) >= {FX_JUMP_FACTOR}
        """,
    ),
    # --- corporate_actions ------------------------------------------------------------------------
    symbol_listed("corporate_actions"),
)
