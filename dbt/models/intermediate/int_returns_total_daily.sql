-- Daily price and total returns per listing, fund and index, between consecutive real trading days of the
-- listing (vendor placeholder rows of Hong Kong shares and funds, volume 0, are not trading days here), and
-- a cumulative total-return index to measure any span from one base date. Total return adds back the cash
-- and special dividends going ex on the day (declared amounts from corporate_actions, in the listing's
-- currency at the ex-date rate, per unit of the listing; every dividend counts here, whether or not the
-- vendor's adjusted series included it). return_basis says which: 'total_return' for listings with at
-- least one dividend recorded, 'price' for the others (indices are price indices; companies and funds with
-- no dividend in corporate_actions).
with listings as (
    {{ listings_with_ads_ratio() }}
),

{% set recorded = var('dividends_recorded_through') %}
prices as (
    select p.symbol, p.date, p.currency, p.traded_close, p.price_basis_source,
        case p.symbol
            {% for sym, d in recorded.items() if sym != 'default' %}
            when '{{ sym }}' then cast('{{ d }}' as date)
            {% endfor %}
            else cast('{{ recorded['default'] }}' as date)
        end as dividends_recorded_through,
        l.instrument_type
    from {{ ref('int_prices_traded_daily') }} as p
    inner join listings as l
        on l.symbol = p.symbol
    where p.traded_close is not null
      and not (l.market = 'HK' and l.instrument_type <> 'index' and coalesce(p.volume, 1) = 0)
),

fx as (
    select date, quote_currency, usd_rate from {{ ref('int_fx_rates_daily_filled') }}
),

splits_after as (
    -- splits after each dividend: amounts declared per pre-split share are restated to the price basis
    select d.symbol, d.ex_date, exp(sum(ln(s.split_ratio))) as split_factor
    from {{ ref('stg_corporate_actions__corporate_actions') }} as d
    inner join {{ ref('stg_corporate_actions__corporate_actions') }} as s
        on s.symbol = d.symbol and s.action_type = 'split' and s.ex_date > d.ex_date
    where d.action_type in ('cash_dividend', 'special_dividend')
    group by d.symbol, d.ex_date
),

dividends as (
    select
        a.symbol,
        a.ex_date,
        sum(
            a.amount
            * {{ listing_units_per_amount_basis('a.amount_per', 'l') }}
            / fx_div.usd_rate * fx_list.usd_rate
            / coalesce(sp.split_factor, 1)
        ) as dividend_per_unit,
        -- a dividend that cannot be converted poisons the day's total return (null), never silently zero
        sum(case when fx_div.usd_rate is null or fx_list.usd_rate is null then 1 else 0 end) as unconverted
    from {{ ref('stg_corporate_actions__corporate_actions') }} as a
    inner join listings as l
        on l.symbol = a.symbol
    inner join (select distinct symbol, currency from prices) as c
        on c.symbol = a.symbol
    left join fx as fx_div
        on fx_div.quote_currency = a.currency and fx_div.date = a.ex_date
    left join fx as fx_list
        on fx_list.quote_currency = c.currency and fx_list.date = a.ex_date
    left join splits_after as sp
        on sp.symbol = a.symbol and sp.ex_date = a.ex_date
    where a.action_type in ('cash_dividend', 'special_dividend')
    group by a.symbol, a.ex_date
),

dividend_symbols as (
    select distinct symbol from dividends
),

series_end as (
    select symbol, max(date) as last_price_date from prices group by symbol
),

sequenced as (
    select
        p.symbol,
        p.price_basis_source,
        p.dividends_recorded_through,
        p.instrument_type,
        p.date,
        p.currency,
        p.traded_close,
        lag(p.date) over (partition by p.symbol order by p.date) as previous_date,
        lag(p.traded_close) over (partition by p.symbol order by p.date) as previous_close,
        row_number() over (partition by p.symbol order by p.date) as day_index
    from prices as p
),

daily as (
    select
        s.symbol,
        s.date,
        s.day_index,
        s.currency,
        s.traded_close,
        s.previous_date,
        s.previous_close,
        -- an ex-date on a day the listing did not trade goes to its next trading day
        d.dividend_per_unit,
        d.unconverted,
        s.traded_close / s.previous_close - 1 as price_return_1d,
        case
            when d.unconverted > 0 then null
            else (s.traded_close + coalesce(d.dividend_per_unit, 0)) / s.previous_close - 1
        end as total_return_1d,
        case when ds.symbol is not null then 'total_return' else 'price' end as return_basis,
        case
            when s.instrument_type = 'index' then 'complete'
            when s.price_basis_source = 'dividend_adjusted' and se.last_price_date > s.dividends_recorded_through
                then 'traded_close_may_miss_later_dividends'
            when s.date > s.dividends_recorded_through then 'total_return_may_miss_dividends'
            else 'complete'
        end as dividend_record_status
    from sequenced as s
    inner join series_end as se
        on se.symbol = s.symbol
    left join (
        select s2.symbol, s2.date, sum(dv.dividend_per_unit) as dividend_per_unit, sum(dv.unconverted) as unconverted
        from sequenced as s2
        inner join dividends as dv
            on dv.symbol = s2.symbol and dv.ex_date > s2.previous_date and dv.ex_date <= s2.date
        group by s2.symbol, s2.date
    ) as d
        on d.symbol = s.symbol and d.date = s.date
    left join dividend_symbols as ds
        on ds.symbol = s.symbol
)

select
    symbol,
    date,
    day_index,
    currency,
    traded_close,
    previous_date,
    previous_close,
    dividend_per_unit,
    price_return_1d,
    case when return_basis = 'total_return' then total_return_1d else price_return_1d end as return_1d,
    return_basis,
    dividend_record_status,
    -- cumulative return index (1 on the first day): the return between two dates of the listing is
    -- index(end) / index(base) - 1; null from the first day a return is unknown
    exp(sum(ln(1 + coalesce(case when return_basis = 'total_return' then total_return_1d else price_return_1d end, 0)))
        over (partition by symbol order by date rows between unbounded preceding and current row))
        as return_index,
    sum(case when day_index > 1 and (case when return_basis = 'total_return' then total_return_1d else price_return_1d end) is null then 1 else 0 end)
        over (partition by symbol order by date rows between unbounded preceding and current row) as unknown_returns_to_date
from daily
