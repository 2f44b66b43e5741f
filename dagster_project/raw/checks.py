"""Rules that need more than one row: neighbours in a series, other metrics of the same quarter,
or another raw table (listings, companies).

Each rule is a SQL query over the table being loaded (`{t}`: every declared column plus `_row`, a row
identity that follows file then line order in a full load, `filename` and `_line`) that returns the
offending rows as `(_row, _reason)`. The loader runs them inside the load's transaction, after the per-row rules, so
an error still names the file, the line and the column and leaves `raw.<table>` untouched.

Rules over a series (prices per symbol, FX per pair) look at most one row back or ahead (`lag`/`lead`
without an offset): when a load only appends later rows to a series, the loader re-checks the new rows
with the last CONTEXT_ROWS rows already loaded (raw/append.py), which is then exact.

Severity decides what happens to an offending row:
- `error`: the load fails (SeedValidationError) and nothing changes;
- `quarantine`: the row is moved to `raw_rejects.<table>` with the rule and the reason, and the load
  goes on without it. Used only where the row is provably redundant (an exact repeat of a line) or an
  isolated bad tick that the rest of the series contradicts.

Rules that read another raw table name it in `requires`; the loader loads the reference tables first
(TABLES order) and Dagster declares them as dependencies of the raw asset.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..settings import dbt_var
from .schemas import BY_NAME

# A close this many times (or this fraction of) its neighbour is not a market move: the widest daily
# move in the shipped price seeds is 1.4x (PDD, 2024-09). Cents vs units, a missed split or a bad tick.
PRICE_JUMP_FACTOR = 10.0
# An FX rate that moves this much in a day is an inverted quote or another pair (widest in the seeds: 2.2%).
FX_JUMP_FACTOR = 1.2
# Longest run of calendar days without a rate, per pair: the dbt var `fx_max_fill_days` (the marts forward-fill
# over at most that many days), so a longer gap would leave valuations without a rate. Widest in the seeds: 5.
FX_MAX_GAP_DAYS = int(dbt_var("fx_max_fill_days"))
# Diluted EPS x diluted shares must give net income within this share of net income, or within half a
# cent of EPS rounding times the share count (whichever is larger). Widest in the seeds: 4.5% (Alibaba
# FY24Q4 adjusted, whose share count is itself derived from the GAAP figures).
EPS_TOLERANCE = 0.05
EPS_ROUNDING = 0.005
# Rows of a series already loaded that an append is re-checked with (the last one gains a neighbour).
CONTEXT_ROWS = 2


@dataclass(frozen=True)
class CrossCheck:
    name: str
    table: str
    column: str  # the column to blame in the error message
    sql: str  # select _row, _reason from ... {t} ...
    severity: str = "error"  # or "quarantine"
    requires: tuple[str, ...] = ()  # other raw tables read by the rule
    description: str = ""


def _exact_duplicate(table: str, columns: tuple[str, ...], blame: str) -> CrossCheck:
    cols = ", ".join(f'"{c}"' for c in columns)
    return CrossCheck(
        name="exact_duplicate_row",
        table=table,
        column=blame,
        severity="quarantine",
        description="the same line twice (vendor re-export): the repeat is quarantined, the first kept",
        sql=f"""
            select _row, 'exact duplicate of line ' || first_line || ' of ' || first_file as _reason
            from (
                select _row,
                       first_value(_line) over w as first_line,
                       first_value(filename) over w as first_file,
                       row_number() over w as n
                from {{t}}
                window w as (partition by {cols} order by _row)
            )
            where n > 1
        """,
    )


def _company_known(table: str) -> CrossCheck:
    return CrossCheck(
        name="company_known",
        table=table,
        column="company_id",
        requires=("companies",),
        description="company_id is declared in seeds/reference/companies.csv",
        sql="""
            select _row, 'unknown company_id ''' || company_id || ''' (not in raw.companies)' as _reason
            from {t}
            where company_id is not null and company_id not in (select company_id from raw.companies)
        """,
    )


def _reporting_currency(table: str, where: str = "true") -> CrossCheck:
    return CrossCheck(
        name="currency_is_reporting_currency",
        table=table,
        column="currency",
        requires=("companies",),
        description="money amounts are in the company's reporting currency (raw.companies)",
        sql=f"""
            select _row, 'currency ' || s.currency || ' is not the reporting currency of '
                         || s.company_id || ' (' || c.reporting_currency || ')' as _reason
            from {{t}} s join raw.companies c using (company_id)
            where s.currency is not null and s.currency <> c.reporting_currency and ({where})
        """,
    )


def _symbol_listed(table: str) -> CrossCheck:
    return CrossCheck(
        name="symbol_listed",
        table=table,
        column="symbol",
        requires=("listings",),
        description="symbol is declared in seeds/reference/listings.csv",
        sql="""
            select _row, 'unknown symbol ''' || symbol || ''' (not in raw.listings)' as _reason
            from {t} where symbol not in (select symbol from raw.listings)
        """,
    )


CROSS_CHECKS: tuple[CrossCheck, ...] = (
    # --- prices_daily -----------------------------------------------------------------------------
    _exact_duplicate("prices_daily", BY_NAME["prices_daily"].column_names, "date"),
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
    _symbol_listed("prices_daily"),
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
    _exact_duplicate("fx_daily", BY_NAME["fx_daily"].column_names, "date"),
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
    _symbol_listed("corporate_actions"),
    # --- filings ----------------------------------------------------------------------------------
    _company_known("fundamentals_quarterly"),
    _reporting_currency("fundamentals_quarterly", "s.metric not in ('diluted_shares_m', 'shares_outstanding_m')"),
    CrossCheck(
        name="eps_matches_net_income",
        table="fundamentals_quarterly",
        column="value",
        description=f"diluted EPS x diluted shares = net income within {EPS_TOLERANCE:.0%} (or EPS rounding)",
        sql=f"""
            with q as (
                select company_id, fiscal_year, fiscal_quarter,
                       max(value) filter (where metric = 'diluted_shares_m') as shares,
                       max(value) filter (where metric = 'net_income_gaap_m') as ni_gaap,
                       max(value) filter (where metric = 'net_income_adjusted_m') as ni_adjusted
                from {{t}} group by all
            )
            select e._row,
                   e.metric || ' ' || e.value || ' x diluted_shares_m ' || q.shares || ' = '
                   || round(e.value * q.shares) || ' but ' || n.metric || ' is ' || n.value || ' ('
                   || round(100 * abs(e.value * q.shares - n.value) / greatest(abs(n.value), 1e-9)) || '% off; '
                   || 'per-ADS EPS, or net income in another unit?)' as _reason
            from {{t}} e
            join q using (company_id, fiscal_year, fiscal_quarter)
            join {{t}} n on n.company_id = e.company_id and n.fiscal_year = e.fiscal_year
                 and n.fiscal_quarter = e.fiscal_quarter
                 and n.metric = case e.metric when 'eps_diluted_gaap' then 'net_income_gaap_m'
                                              else 'net_income_adjusted_m' end
            where e.metric in ('eps_diluted_gaap', 'eps_diluted_adjusted') and q.shares > 0
              and abs(e.value * q.shares - n.value)
                  > greatest({EPS_TOLERANCE} * abs(n.value), {EPS_ROUNDING} * q.shares)
        """,
    ),
    _company_known("segment_mapping"),
    CrossCheck(
        name="one_presentation_at_a_time",
        table="segment_mapping",
        column="valid_from",
        description="a company's presentations do not overlap in time (one structure in force on each date)",
        sql="""
            with p as (
                select company_id, presentation, min(valid_from) as valid_from, max(valid_to) as valid_to,
                       count(distinct valid_from) as n_from, count(distinct coalesce(valid_to, date '9999-12-31')) as n_to
                from {t} group by company_id, presentation
            )
            select t._row, 'presentation ' || t.presentation || ' overlaps ' || o.presentation
                   || ' or its segments disagree on valid_from / valid_to' as _reason
            from {t} t
            join p on p.company_id = t.company_id and p.presentation = t.presentation
            left join p o on o.company_id = t.company_id and o.presentation <> t.presentation
                 and o.valid_from < coalesce(p.valid_to, date '9999-12-31')
                 and p.valid_from < coalesce(o.valid_to, date '9999-12-31')
            where o.presentation is not null or p.n_from > 1 or p.n_to > 1
        """,
    ),
    _company_known("segments_quarterly"),
    _reporting_currency("segments_quarterly"),
    CrossCheck(
        name="segment_in_its_presentation",
        table="segments_quarterly",
        column="segment",
        requires=("segment_mapping",),
        description=(
            "for a company with dated segment structures (raw.segment_mapping), each row's segment belongs to "
            "its presentation, and the figure was published while that presentation was in force"
        ),
        sql="""
            select t._row,
                   case when m.segment is null
                        then 'segment ' || t.segment || ' is not part of presentation ' || t.presentation
                             || ' of ' || t.company_id || ' in raw.segment_mapping'
                        else 'announced_on ' || t.announced_on || ' is outside presentation ' || t.presentation
                             || ' [' || m.valid_from || ', ' || coalesce(cast(m.valid_to as varchar), 'open') || ')'
                   end as _reason
            from {t} t
            left join raw.segment_mapping m
              on m.company_id = t.company_id and m.presentation = t.presentation and m.segment = t.segment
            where t.company_id in (select company_id from raw.segment_mapping)
              and (m.segment is null or t.announced_on < m.valid_from
                   or (m.valid_to is not null and t.announced_on >= m.valid_to))
        """,
    ),
    _company_known("balance_sheet"),
    _reporting_currency("balance_sheet"),
    _company_known("capex_quarterly"),
    _reporting_currency("capex_quarterly"),
    _company_known("guidance"),
    _reporting_currency("guidance"),
    # --- reference and events ---------------------------------------------------------------------
    _company_known("listings"),
    CrossCheck(
        name="benchmark_listed",
        table="listings",
        column="benchmark_symbol",
        description="a listing's benchmark is itself a listing in the same table",
        sql="""
            select _row, 'benchmark_symbol ''' || benchmark_symbol || ''' is not a listed symbol' as _reason
            from {t} where benchmark_symbol is not null and benchmark_symbol not in (select symbol from {t})
        """,
    ),
    _company_known("events"),
)


def checks_for(table: str) -> tuple[CrossCheck, ...]:
    return tuple(c for c in CROSS_CHECKS if c.table == table)


def required_tables(table: str) -> tuple[str, ...]:
    """Raw tables that must be loaded before `table` (for Dagster deps and the load order)."""
    return tuple(dict.fromkeys(r for c in checks_for(table) for r in c.requires))
