-- Capex per company, calendar quarter and capex definition (definitions never mixed: a company
-- reporting two definitions has two rows), in local currency and in USD at the quarter-average rate
-- (capex_usd = capex_local_m * 1e6 / fx_rate_quarter_avg), with year-on-year growth on the same
-- definition, capex intensity, and the cloud segment's revenue where the company discloses one.
-- Each row says whether it is the company's headline (is_preferred_definition) and whether it carries the
-- common definition (is_common_definition); every row also shows the company-quarter's common-definition
-- figure (capex_usd_common_definition) next to its own. Cloud segments are named for what they are
-- (var cloud_segment_labels: Microsoft's Intelligent Cloud is wider than Azure).
with capex as (
    select *
    from {{ ref('int_capex_calendarized') }}
),

cloud as (
    select company_id, calendar_quarter_index, segment, currency, value_local_m
    from {{ ref('int_segments_calendarized') }}
    where period_type = 'quarter'
      and is_latest_presentation  -- one version per quarter: the latest-known restatement
      and metric = 'revenue_m'
      and segment in ({{ sql_string_list(var('cloud_segments')) }})
),

fx as (
    select currency, calendar_quarter_index, fx_rate_quarter_avg
    from {{ ref('int_capex_fx_rates_quarterly') }}
),

common as (
    select company_id, calendar_quarter_index, common_capex_usd, headline_capex_usd
    from {{ ref('int_capex_common_definition') }}
),

segment_labels as (
    {%- for segment, label in var('cloud_segment_labels').items() %}
    select
        cast('{{ segment }}' as {{ dbt.type_string() }}) as segment,
        cast('{{ label.name }}' as {{ dbt.type_string() }}) as segment_name,
        cast('{{ label.scope }}' as {{ dbt.type_string() }}) as segment_scope
    {%- if not loop.last %}
    union all{% endif %}
    {%- endfor %}
)

select
    c.company_id,
    c.calendar_quarter,
    c.capex_definition,
    c.fiscal_year,
    c.fiscal_quarter,
    c.fiscal_quarter_label,
    c.period_end,
    c.announced_on,
    c.currency,
    c.capex_local_m,
    c.fx_rate_quarter_avg,
    c.capex_usd,
    c.is_preferred_definition,
    c.is_common_definition,
    cm.common_capex_usd as capex_usd_common_definition,
    cm.common_capex_usd - cm.headline_capex_usd as headline_to_common_adjustment_usd,
    py.capex_usd as capex_usd_prior_year,
    {{ growth_rate('c.capex_local_m', 'py.capex_local_m') }} as capex_yoy_growth,
    c.revenue_local_m,
    {{ safe_divide('c.capex_local_m', 'c.revenue_local_m') }} as capex_to_revenue,
    cl.segment as cloud_segment,
    sl.segment_name as cloud_segment_name,
    sl.segment_scope as cloud_segment_scope,
    cl.value_local_m as cloud_segment_revenue_local_m,
    cl.value_local_m * 1000000 / case when cl.currency = 'USD' then 1.0 else fx.fx_rate_quarter_avg end as cloud_segment_revenue_usd,
    {{ growth_rate('cl.value_local_m', 'cl_py.value_local_m') }} as cloud_segment_revenue_yoy_growth,
    c.basis as capex_basis
from capex as c
left join capex as py
    on py.company_id = c.company_id
    and py.capex_definition = c.capex_definition
    and py.calendar_quarter_index = c.calendar_quarter_index - 4
left join cloud as cl
    on cl.company_id = c.company_id
    and cl.calendar_quarter_index = c.calendar_quarter_index
left join cloud as cl_py
    on cl_py.company_id = cl.company_id
    and cl_py.segment = cl.segment
    and cl_py.calendar_quarter_index = cl.calendar_quarter_index - 4
    and cl_py.currency = cl.currency
left join fx
    on fx.currency = cl.currency
    and fx.calendar_quarter_index = c.calendar_quarter_index
left join segment_labels as sl
    on sl.segment = cl.segment
left join common as cm
    on cm.company_id = c.company_id
    and cm.calendar_quarter_index = c.calendar_quarter_index
