{#- Issue 11.3: the sum of the parts never goes silently dark. On every trading day (any market) from
    var sotp_ttm_coverage_from to the last price date, int_segments_ttm must give the valued company
    (var sotp_company_id) an e-commerce TTM adjusted EBITA and a cloud TTM revenue (ttm_basis four_quarters
    or fiscal_year, with a value). Fails when either covers less than var sotp_ttm_min_coverage of those days,
    or misses any day of var sotp_ttm_full_coverage_window. Returns one row per failure. -#}
{{ config(meta={'dagster': {'ref': {'name': 'int_segments_ttm'}}}) }}
{%- set window = var('sotp_ttm_full_coverage_window') -%}
with trading_days as (
    select distinct date
    from {{ ref('int_trading_calendar') }}
    where date >= cast('{{ var("sotp_ttm_coverage_from") }}' as date)
),

required as (
    select 'ecommerce' as sotp_group, 'adjusted_ebita_m' as metric
    union all
    select 'cloud_ai' as sotp_group, 'revenue_m' as metric
),

daily as (
    select
        d.date,
        r.sotp_group,
        r.metric,
        max(case when t.ttm_basis <> 'missing' and t.group_ttm_value_local_m is not null then 1 else 0 end) as has_ttm
    from trading_days as d
    cross join required as r
    left join {{ ref('int_segments_ttm') }} as t
        on t.company_id = '{{ var("sotp_company_id") }}'
        and t.sotp_group = r.sotp_group
        and t.metric = r.metric
        and t.valid_from <= d.date
        and (t.valid_to is null or d.date < t.valid_to)
    group by d.date, r.sotp_group, r.metric
),

share as (
    select sotp_group, metric, count(*) as trading_days, sum(has_ttm) as days_with_ttm
    from daily
    group by sotp_group, metric
)

select
    sotp_group,
    metric,
    cast(null as date) as date,
    concat(
        'TTM on ', cast(days_with_ttm as {{ dbt.type_string() }}), ' of ',
        cast(trading_days as {{ dbt.type_string() }}), ' trading days, below {{ var("sotp_ttm_min_coverage") }}'
    ) as failure
from share
where days_with_ttm < {{ var('sotp_ttm_min_coverage') }} * trading_days
union all
select sotp_group, metric, date, 'no TTM on a day of the required window' as failure
from daily
where has_ttm = 0
  and date between cast('{{ window[0] }}' as date) and cast('{{ window[1] }}' as date)
union all
select
    'any' as sotp_group, 'any' as metric, cast(null as date) as date,
    'no trading day after sotp_ttm_coverage_from: coverage cannot be measured' as failure
from (select count(*) as n from trading_days) as c
where c.n = 0
