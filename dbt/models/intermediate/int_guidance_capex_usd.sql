-- Capex guidance per company, period and announcement, in local currency and USD. The USD figure uses
-- the rate in force on announced_on (int_fx_rates_daily_filled: reported rate of that day or the last
-- one within var fx_max_fill_days, never a later one). Midpoint = (low + high) / 2, or the single
-- figure when only one is given. `is_latest` marks the most recent guidance per company and period.
with guidance as (
    select
        company_id,
        period_label,
        period_start,
        period_end,
        announced_on,
        capex_definition,
        currency,
        low_local_m,
        high_local_m,
        (low_local_m + coalesce(high_local_m, low_local_m)) / 2 as midpoint_local_m,
        basis
    from {{ ref('stg_guidance__guidance') }}
),

fx as (
    select date, quote_currency, usd_rate
    from {{ ref('int_fx_rates_daily_filled') }}
)

select
    g.company_id,
    g.period_label,
    g.period_start,
    g.period_end,
    g.announced_on,
    g.capex_definition,
    g.currency,
    g.low_local_m,
    g.high_local_m,
    g.midpoint_local_m,
    case when g.currency = 'USD' then 1.0 else fx.usd_rate end as fx_rate_announced_on,
    g.low_local_m * 1000000 / case when g.currency = 'USD' then 1.0 else fx.usd_rate end as low_usd,
    g.high_local_m * 1000000 / case when g.currency = 'USD' then 1.0 else fx.usd_rate end as high_usd,
    g.midpoint_local_m * 1000000 / case when g.currency = 'USD' then 1.0 else fx.usd_rate end as midpoint_usd,
    row_number() over (
        partition by g.company_id, g.period_label order by g.announced_on desc
    ) = 1 as is_latest,
    g.basis
from guidance as g
left join fx
    on fx.date = g.announced_on
    and fx.quote_currency = g.currency
