-- Traded (unadjusted, split-adjusted) close per listing and trading day. See the YAML for the method.
-- Incremental (macros/incremental.sql): symbols whose prices or corporate actions changed are deleted first
-- (pre-hook); then each symbol's rows after the last date held are written. Un-adjusting needs every later
-- ex-date, so a symbol re-read into its stored history (a forced date range) is read whole.
{{ config(
    pre_hook="{{ incremental_invalidate(prices_traded_daily_invalid()) }}",
    post_hook="{{ incremental_save_state(prices_traded_daily_action_inputs()) }}",
) }}

with all_prices as (
    select symbol, date, currency, close, adj_close, volume, price_basis
    from {{ ref('stg_prices__prices_daily') }}
),

{% if is_incremental() %}
written as (
    {{ incremental_write_from('select symbol, date from all_prices') }}
),

read_from as (
    select
        wr.symbol,
        wr.write_from,
        case when wm.watermark is not null and wr.write_from <= wm.watermark then cast('0001-01-01' as date)
             else wr.write_from end as read_from
    from written as wr
    left join ({{ incremental_watermarks() }}) as wm
        on wm.symbol = wr.symbol
),
{% endif %}

prices as (
    select
        p.symbol,
        p.date,
        p.currency,
        p.close,
        p.adj_close,
        p.volume,
        p.price_basis,
        -- the vendor's dividend-adjusted close: `close` itself on dividend-adjusted series, else `adj_close`
        case
            when p.price_basis = 'dividend_adjusted' then p.close
            when p.price_basis = 'unadjusted' then p.adj_close
        end as vendor_adjusted_close
    from all_prices as p
    {% if is_incremental() %}
    inner join read_from as r
        on r.symbol = p.symbol and p.date >= r.read_from
    {% endif %}
),

price_span as (
    -- over the whole series, also in an incremental run
    select symbol, min(date) as first_price_date, max(date) as last_price_date
    from all_prices
    group by symbol
),

listings as (
    {{ listings_with_ads_ratio() }}
),

fx as (
    select date, quote_currency, usd_rate
    from {{ ref('int_fx_rates_daily_filled') }}
),

splits as (
    select a.symbol, a.ex_date, a.split_ratio
    from {{ ref('stg_corporate_actions__corporate_actions') }} as a
    inner join price_span as s
        on s.symbol = a.symbol
    where a.action_type = 'split'
      and a.ex_date <= s.last_price_date
),

dividends as (
    -- Cash and special dividends the vendor applied: ex-date inside the vendor file (after its first price,
    -- so a previous close exists, and not after its last price date), and not flagged as left out of the
    -- vendor's adjustment (in_vendor_adjustment = false: the ex-date drop is still in the vendor series, so
    -- un-adjusting for it would push every earlier close too high). Where the vendor's factor shows it
    -- applied another figure than the declared one (vendor_amount, per unit in the listing's currency, e.g.
    -- Alibaba's USD dividend taken as HKD), that figure is what is undone.
    select
        a.symbol,
        a.ex_date,
        a.amount,
        a.vendor_amount,
        a.currency as dividend_currency,
        a.amount_per,
        p.currency as listing_currency,
        l.instrument_type,
        l.ordinary_shares_per_unit,
        l.ads_ordinary_shares_per_unit
    from {{ ref('stg_corporate_actions__corporate_actions') }} as a
    inner join price_span as s
        on s.symbol = a.symbol
    inner join (select distinct symbol, currency from prices) as p
        on p.symbol = a.symbol
    left join listings as l
        on l.symbol = a.symbol
    {% if is_incremental() %}
    inner join read_from as r
        on r.symbol = a.symbol and a.ex_date >= r.read_from
    {% endif %}
    where a.action_type in ('cash_dividend', 'special_dividend')
      and coalesce(a.in_vendor_adjustment, true)
      and a.ex_date > s.first_price_date
      and a.ex_date <= s.last_price_date
),

dividends_per_unit as (
    -- Amount per unit of the listing, in the listing's currency, on the vendor's (today's) split basis.
    select
        d.symbol,
        d.ex_date,
        case when d.vendor_amount is not null then d.vendor_amount / coalesce(sp.split_factor, 1) else
        d.amount
        * {{ listing_units_per_amount_basis('d.amount_per', 'd') }}
        / fx_div.usd_rate * fx_list.usd_rate
        / coalesce(sp.split_factor, 1) end as dividend_per_unit_listing_ccy
    from dividends as d
    left join fx as fx_div
        on fx_div.quote_currency = d.dividend_currency and fx_div.date = d.ex_date
    left join fx as fx_list
        on fx_list.quote_currency = d.listing_currency and fx_list.date = d.ex_date
    left join (
        -- splits after the dividend: the vendor series is restated to today's share basis
        select dv.symbol, dv.ex_date, exp(sum(ln(s.split_ratio))) as split_factor
        from (select distinct symbol, ex_date from dividends) as dv
        inner join splits as s
            on s.symbol = dv.symbol and s.ex_date > dv.ex_date
        group by dv.symbol, dv.ex_date
    ) as sp
        on sp.symbol = d.symbol and sp.ex_date = d.ex_date
),

dividends_by_ex_date as (
    -- cash and special dividends on the same ex-date act as one adjustment; a missing conversion poisons the sum
    select
        symbol,
        ex_date,
        sum(dividend_per_unit_listing_ccy) as dividend_per_unit_listing_ccy,
        sum(case when dividend_per_unit_listing_ccy is null then 1 else 0 end) as unconverted_dividends
    from dividends_per_unit
    group by symbol, ex_date
),

dividend_previous_price as (
    -- as-of lookup: the last price date before each ex-date
    {{ market_asof('dividends_by_ex_date', 'symbol', 'ex_date', 'prices', 'symbol', 'date', strict=true) }}
),

dividend_terms as (
    -- Under the vendor's multiplicative method, traded(t) = adjusted(t) x (1 + sum over later ex-dates e
    -- of dividend_e / adjusted close on the day before e). Derivation in the YAML description.
    select
        d.symbol,
        d.ex_date,
        d.dividend_per_unit_listing_ccy,
        d.unconverted_dividends,
        d.asof_date as previous_price_date,
        p.vendor_adjusted_close as previous_adjusted_close,
        d.dividend_per_unit_listing_ccy / p.vendor_adjusted_close as dividend_term
    from dividend_previous_price as d
    left join prices as p
        on p.symbol = d.symbol and p.date = d.asof_date
),

dividends_cumulated as (
    -- running totals over the (few) ex-dates of a symbol, in date order; a price date takes those of the
    -- last ex-date on or before it (below), so the sums never run over the price table
    select
        symbol,
        ex_date,
        sum(coalesce(dividend_term, 0)) over (
            partition by symbol order by ex_date rows between unbounded preceding and current row
        ) as terms_to_date,
        sum(case when dividend_term is null then 1 else 0 end) over (
            partition by symbol order by ex_date rows between unbounded preceding and current row
        ) as missing_to_date,
        sum(1) over (
            partition by symbol order by ex_date rows between unbounded preceding and current row
        ) as dividends_to_date,
        sum(coalesce(dividend_term, 0)) over (partition by symbol) as total_terms,
        sum(case when dividend_term is null then 1 else 0 end) over (partition by symbol) as total_missing,
        sum(1) over (partition by symbol) as dividends_in_file,
        -- the price dates that take this ex-date's running totals: up to the next ex-date
        coalesce(
            lead(ex_date) over (partition by symbol order by ex_date), cast('9999-12-31' as date)
        ) as next_ex_date
    from dividend_terms
),

dividend_totals as (
    -- the symbol's totals, on every price date (also those before its first ex-date)
    select symbol, total_terms, total_missing, dividends_in_file
    from dividends_cumulated
    where dividends_to_date = 1
),

factors as (
    -- factor = traded / vendor-adjusted close on each price date (1 when no later dividend in the file)
    select
        pl.*,
        -- exactly 1 after the last dividend: the difference of two float sums taken in different orders
        -- is not exactly 0 (found by the benchmark: 0.9999999999999998 on thousands of rows)
        case
            when coalesce(t.dividends_in_file, 0) = coalesce(c.dividends_to_date, 0) then 1
            else 1 + (t.total_terms - coalesce(c.terms_to_date, 0))
        end as unadjustment_factor,
        coalesce(t.total_missing, 0) - coalesce(c.missing_to_date, 0) as later_dividends_missing,
        coalesce(t.dividends_in_file, 0) - coalesce(c.dividends_to_date, 0) as later_dividends
    from prices as pl
    -- the last ex-date on or before the price date (an ex-date counts on its own date); a symbol has a few
    -- dozen ex-dates, so this range join stays small
    left join dividends_cumulated as c
        on c.symbol = pl.symbol and pl.date >= c.ex_date and pl.date < c.next_ex_date
    left join dividend_totals as t
        on t.symbol = pl.symbol
)

select
    p.symbol,
    p.date,
    p.currency,
    p.price_basis as price_basis_source,
    p.close as vendor_close,
    p.adj_close as vendor_adj_close,
    case
        when p.price_basis = 'dividend_adjusted' and p.later_dividends_missing > 0 then null
        when p.price_basis = 'dividend_adjusted' then p.close * p.unadjustment_factor
        else p.close
    end as traded_close,
    case when p.price_basis = 'dividend_adjusted' then p.unadjustment_factor else 1 end as unadjustment_factor,
    coalesce(p.price_basis = 'dividend_adjusted' and p.later_dividends > 0, false) as is_dividend_unadjusted,
    -- check column: the same method applied to a vendor adj_close published next to a traded close
    case
        when p.price_basis = 'unadjusted' and p.later_dividends_missing = 0
            then p.adj_close * p.unadjustment_factor
    end as traded_close_rebuilt_from_adj_close,
    p.volume
from factors as p
{% if is_incremental() %}
inner join read_from as r
    on r.symbol = p.symbol and p.date >= r.write_from
{% endif %}
