-- Quarterly capex per company, fiscal quarter and definition, placed on the calendar quarter that
-- contains the midpoint of the fiscal quarter, converted to USD at the quarter's average rate
-- (int_capex_fx_rates_quarterly): capex_usd = capex_local_m * 1e6 / fx_rate_quarter_avg.
-- Definitions are never mixed: one row per definition. Revenue of the same fiscal quarter (from
-- fundamentals, same currency only) is attached for capex intensity. Two flags per row:
-- is_preferred_definition (the company's headline, var capex_preferred_definition) and
-- is_common_definition (the row carries the common definition, var capex_common_definition_source).
with capex as (
    select
        company_id,
        fiscal_year,
        fiscal_quarter,
        fiscal_quarter_label,
        period_end,
        announced_on,
        {{ calendar_quarter_of_fiscal_period('period_end') }} as calendar_quarter,
        {{ calendar_quarter_index_of_fiscal_period('period_end') }} as calendar_quarter_index,
        capex_definition,
        currency,
        capex_local_m,
        basis
    from {{ ref('stg_capex__capex_quarterly') }}
),

revenue as (
    select company_id, fiscal_year, fiscal_quarter, currency, value as revenue_local_m
    from {{ ref('stg_fundamentals__fundamentals_quarterly') }}
    where metric = 'revenue_m'
)

select
    c.company_id,
    c.fiscal_year,
    c.fiscal_quarter,
    c.fiscal_quarter_label,
    c.period_end,
    c.announced_on,
    c.calendar_quarter,
    c.calendar_quarter_index,
    c.capex_definition,
    c.currency,
    c.capex_local_m,
    case when c.currency = 'USD' then 1.0 else fx.fx_rate_quarter_avg end as fx_rate_quarter_avg,
    c.capex_local_m * 1000000 / case when c.currency = 'USD' then 1.0 else fx.fx_rate_quarter_avg end as capex_usd,
    r.revenue_local_m,
    c.basis,
    c.capex_definition = {{ capex_definition_for('c.company_id', var('capex_preferred_definition')) }} as is_preferred_definition,
    c.capex_definition = {{ capex_definition_for('c.company_id', var('capex_common_definition_source')) }} as is_common_definition
from capex as c
left join {{ ref('int_capex_fx_rates_quarterly') }} as fx
    on c.currency = fx.currency
    and c.calendar_quarter_index = fx.calendar_quarter_index
left join revenue as r
    on c.company_id = r.company_id
    and c.fiscal_year = r.fiscal_year
    and c.fiscal_quarter = r.fiscal_quarter
    and c.currency = r.currency
