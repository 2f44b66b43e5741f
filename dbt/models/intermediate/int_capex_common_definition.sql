-- One row per company and calendar quarter with any capex: the company's HEADLINE figure (var
-- capex_preferred_definition) next to the COMMON definition used for every regional total and comparison
-- (var capex_common_definition; the seed definition that carries it per company: var
-- capex_common_definition_source), both in local currency and USD at the quarter-average rate, and the
-- bridge between them: headline_to_common_adjustment_usd = common - headline (e.g. Meta: minus its
-- finance-lease principal payments; Tencent: cash payments instead of accrual additions). A quarter
-- without a row of the common definition has common_capex_* null: a headline figure never stands in.
with capex as (
    select *
    from {{ ref('int_capex_calendarized') }}
),

keys as (
    select distinct company_id, calendar_quarter_index
    from capex
),

headline as (
    select *
    from capex
    where is_preferred_definition
),

common as (
    select *
    from capex
    where is_common_definition
)

select
    k.company_id,
    k.calendar_quarter_index,
    {{ calendar_quarter_label_from_index('k.calendar_quarter_index') }} as calendar_quarter,
    h.capex_definition as headline_definition,
    h.currency as headline_currency,
    h.capex_local_m as headline_capex_local_m,
    h.capex_usd as headline_capex_usd,
    h.announced_on as headline_announced_on,
    cast('{{ var("capex_common_definition") }}' as {{ dbt.type_string() }}) as common_definition,
    {{ capex_definition_for('k.company_id', var('capex_common_definition_source')) }} as common_source_definition,
    c.fiscal_quarter_label as common_fiscal_quarter_label,
    c.period_end as common_period_end,
    c.announced_on as common_announced_on,
    c.currency as common_currency,
    c.capex_local_m as common_capex_local_m,
    c.fx_rate_quarter_avg as common_fx_rate_quarter_avg,
    c.capex_usd as common_capex_usd,
    c.basis as common_basis,
    c.capex_usd - h.capex_usd as headline_to_common_adjustment_usd,
    h.capex_definition = c.capex_definition as headline_is_common
from keys as k
left join headline as h
    on h.company_id = k.company_id
    and h.calendar_quarter_index = k.calendar_quarter_index
left join common as c
    on c.company_id = k.company_id
    and c.calendar_quarter_index = k.calendar_quarter_index
