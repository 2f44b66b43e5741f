-- Claim checked: Alibaba's shares have rebounded strongly from their recent (52-week) low.
-- Part 1: the rebound window from fct_rerating_decomposition ('52w_low_to_latest'): start (52-week low) and end
-- dates and closes, price return, and how much of it came from earnings growth vs the change in P/E.
-- Part 2: on the latest date of each Alibaba listing (9988.HK, BABA), how far the close stands above its
-- 52-week low and below its 52-week high.
select
    'rerating_decomposition' as view_name,
    d.symbol,
    d.start_date,
    d.end_date,
    d.start_close,
    d.end_close,
    d.price_return_local,
    d.eps_growth,
    d.pe_change,
    cast(null as {{ type_double() }}) as pct_above_52w_low,
    cast(null as {{ type_double() }}) as pct_below_52w_high
from {{ ref('fct_rerating_decomposition') }} as d
where d.company_id = 'alibaba'
  and d.window_type = '52w_low_to_latest'

union all

select
    'latest_listing_close' as view_name,
    v.symbol,
    cast(null as date) as start_date,
    v.date as end_date,
    cast(null as {{ type_double() }}) as start_close,
    v.close as end_close,
    cast(null as {{ type_double() }}) as price_return_local,
    cast(null as {{ type_double() }}) as eps_growth,
    cast(null as {{ type_double() }}) as pe_change,
    v.pct_above_52w_low,
    v.pct_below_52w_high
from {{ ref('fct_listing_valuation_daily') }} as v
inner join (
    select symbol, max(date) as latest_date
    from {{ ref('fct_listing_valuation_daily') }}
    where company_id = 'alibaba'
    group by symbol
) as l
    on l.symbol = v.symbol and l.latest_date = v.date
