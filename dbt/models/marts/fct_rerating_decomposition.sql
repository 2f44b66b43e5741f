-- Per company (primary listing) and window: price return split into TTM EPS growth and P/E change.
-- Everything in the reporting currency: (1 + price_return) = (1 + eps_growth) x (1 + pe_change) exactly;
-- the listing-currency return and the currency effect are shown next to it:
-- (1 + price_return) = (1 + price_return_local) x (1 + fx_return).
-- Incremental (macros/incremental_marts.sql, keyed by company_id and end_date): a company's windows ending on
-- its latest date held (the 52-week window and the current quarter) are deleted every run, and all of them when
-- its primary-listing rows held changed (pre-hook); then the windows ending after the last date held are
-- written, reading 52 weeks (and at least from that date) of closes.
{{ config(
    pre_hook="{{ incremental_invalidate(rerating_invalid()) }}",
    post_hook="{{ incremental_save_state(rerating_state_items()) }}",
) }}

with all_daily as (
    select
        v.company_id,
        v.symbol,
        v.date,
        v.traded_close,
        v.price_per_share_reporting_ccy,
        v.ttm_eps_diluted_adjusted,
        v.ttm_eps_diluted_gaap,
        {{ calendar_quarter_label('v.date') }} as calendar_quarter
    from {{ ref('int_listing_valuation_daily') }} as v
    where v.is_primary_listing
      and v.company_id is not null
      and v.traded_close is not null
),

{% if is_incremental() %}
held as (
    {{ incremental_watermarks() }}
),

read_from as (
    -- from the last window end held, and at least the 52 weeks the low-to-latest window reads
    select
        a.company_id,
        h.watermark,
        least(
            coalesce(h.watermark, cast('0001-01-01' as date)),
            cast({{ dbt.dateadd('day', -364, 'a.latest') }} as date)
        ) as read_from
    from (select company_id, max(date) as latest from all_daily group by company_id) as a
    left join held as h
        on h.symbol = a.company_id
),
{% endif %}

daily as (
    select d.*
    from all_daily as d
    {%- if is_incremental() %}
    inner join read_from as r
        on r.company_id = d.company_id and d.date >= r.read_from
    {%- endif %}
),

latest as (
    select company_id, max(date) as end_date
    from daily
    group by company_id
),

low_52w as (
    -- the lowest close in the 52 weeks (364 days) up to the latest date; the first such day on ties
    select
        d.company_id,
        d.date as start_date,
        l.end_date,
        row_number() over (partition by d.company_id order by d.traded_close, d.date) as rn
    from daily as d
    inner join latest as l
        on l.company_id = d.company_id
    where d.date >= cast({{ dbt.dateadd('day', -364, 'l.end_date') }} as date)
      and d.date <= l.end_date
),

quarters as (
    select company_id, calendar_quarter, min(date) as first_date, max(date) as end_date
    from daily
    group by company_id, calendar_quarter
),

quarter_windows as (
    -- from the last close before the quarter to the last close in it
    select
        company_id,
        calendar_quarter as window_name,
        'calendar_quarter' as window_type,
        lag(end_date) over (partition by company_id order by calendar_quarter) as start_date,
        end_date
    from quarters
),

windows as (
    select company_id, '52w_low_to_latest' as window_name, '52w_low_to_latest' as window_type, start_date, end_date
    from low_52w
    where rn = 1
    union all
    select company_id, window_name, window_type, start_date, end_date
    from quarter_windows
    where start_date is not null
),

ends as (
    select
        w.company_id,
        w.window_name,
        w.window_type,
        w.start_date,
        w.end_date,
        s.symbol,
        s.traded_close as start_close,
        e.traded_close as end_close,
        s.price_per_share_reporting_ccy as start_price_reporting_ccy,
        e.price_per_share_reporting_ccy as end_price_reporting_ccy,
        case
            when s.ttm_eps_diluted_adjusted > 0 and e.ttm_eps_diluted_adjusted > 0 then 'adjusted'
            when s.ttm_eps_diluted_gaap > 0 and e.ttm_eps_diluted_gaap > 0 then 'gaap'
        end as eps_basis,
        s.ttm_eps_diluted_adjusted as start_eps_adjusted,
        e.ttm_eps_diluted_adjusted as end_eps_adjusted,
        s.ttm_eps_diluted_gaap as start_eps_gaap,
        e.ttm_eps_diluted_gaap as end_eps_gaap
    from windows as w
    inner join daily as s
        on s.company_id = w.company_id and s.date = w.start_date
    inner join daily as e
        on e.company_id = w.company_id and e.date = w.end_date
),

measured as (
    select
        *,
        case eps_basis when 'adjusted' then start_eps_adjusted when 'gaap' then start_eps_gaap end as start_eps_ttm,
        case eps_basis when 'adjusted' then end_eps_adjusted when 'gaap' then end_eps_gaap end as end_eps_ttm
    from ends
)

select
    company_id,
    window_name,
    window_type,
    start_date,
    end_date,
    symbol,
    start_close,
    end_close,
    end_close / start_close - 1 as price_return_local,
    (end_price_reporting_ccy / start_price_reporting_ccy) / (end_close / start_close) - 1 as fx_return,
    end_price_reporting_ccy / start_price_reporting_ccy - 1 as price_return,
    eps_basis,
    coalesce(eps_basis = 'gaap', false) as is_eps_gaap_fallback,
    start_eps_ttm,
    end_eps_ttm,
    end_eps_ttm / start_eps_ttm - 1 as eps_growth,
    start_price_reporting_ccy / start_eps_ttm as start_pe_ttm,
    end_price_reporting_ccy / end_eps_ttm as end_pe_ttm,
    (end_price_reporting_ccy / end_eps_ttm) / (start_price_reporting_ccy / start_eps_ttm) - 1 as pe_change
from measured
{%- if is_incremental() %}
where end_date > coalesce((select r.watermark from read_from as r where r.company_id = measured.company_id), cast('0001-01-01' as date))
{%- endif %}
