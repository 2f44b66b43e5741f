-- Capex guidance per company, period and announcement, in local currency and USD, point in time.
-- * USD at the rate in force on announced_on (int_fx_rates_daily_filled: reported rate of that day or the
--   last one within var fx_max_fill_days, never a later one). Midpoint = (low + high) / 2, or the single figure.
-- * valid_from = announced_on; valid_to = the day before the company's next statement for the same period
--   (null while it is the latest in the data): the guidance in force on date D is the row with
--   valid_from <= D <= coalesce(valid_to, D). is_latest marks the most recent statement per company and period.
-- * guidance_kind says what the statement is (formal_outlook, executive_statement, investment_statement,
--   run_rate, multi_year_plan); is_run_rate and is_multi_year_plan flag the two that are not an annual outlook.
-- * period_years = months in the period / 12; annualised_* = amount / period_years (Alibaba's RMB 380bn over
--   FY2026-FY2028 = 126.7bn a year), equal to the amount for a one-year period.
with guidance as (
    select
        company_id,
        period_label,
        period_start,
        period_end,
        announced_on,
        capex_definition,
        guidance_kind,
        currency,
        low_local_m,
        high_local_m,
        (low_local_m + coalesce(high_local_m, low_local_m)) / 2 as midpoint_local_m,
        ({{ dbt.datediff('period_start', 'period_end', 'month') }} + 1) / 12.0 as period_years,
        lead(announced_on) over (partition by company_id, period_label order by announced_on) as next_announced_on,
        basis
    from {{ ref('stg_guidance__guidance') }}
),

fx as (
    select date, quote_currency, usd_rate
    from {{ ref('int_fx_rates_daily_filled') }}
),

priced as (
    select
        g.*,
        case when g.currency = 'USD' then 1.0 else fx.usd_rate end as fx_rate_announced_on
    from guidance as g
    left join fx
        on fx.date = g.announced_on
        and fx.quote_currency = g.currency
)

select
    company_id,
    period_label,
    period_start,
    period_end,
    announced_on,
    announced_on as valid_from,
    {{ add_days('next_announced_on', -1) }} as valid_to,
    capex_definition,
    guidance_kind,
    guidance_kind = 'run_rate' as is_run_rate,
    guidance_kind = 'multi_year_plan' as is_multi_year_plan,
    currency,
    low_local_m,
    high_local_m,
    midpoint_local_m,
    fx_rate_announced_on,
    low_local_m * 1000000 / fx_rate_announced_on as low_usd,
    high_local_m * 1000000 / fx_rate_announced_on as high_usd,
    midpoint_local_m * 1000000 / fx_rate_announced_on as midpoint_usd,
    period_years,
    midpoint_local_m / period_years as annualised_midpoint_local_m,
    midpoint_local_m * 1000000 / fx_rate_announced_on / period_years as annualised_midpoint_usd,
    next_announced_on is null as is_latest,
    basis
from priced
