{#- The sum-of-the-parts building blocks shared by fct_segment_valuation and its scenario grid (one basis):
    CTEs base -> inputs -> parts -> residual over int_segments_valuation_inputs_daily. `residual` carries
    ecommerce_ttm_post_tax_ebita_usd, ecommerce_value_usd (var ecommerce_ebita_multiple), corporate_value_usd,
    investments_after_discount_usd, minority interests, sotp_parts_missing and other_parts_value_usd (every part
    but e-commerce and cloud). Portable SQL only. -#}
{% macro sotp_parts_ctes() -%}
{%- set m_e = var('ecommerce_ebita_multiple') -%}
{%- set m_c = var('sotp_corporate_cost_multiple') -%}
{%- set m_cloud = var('sotp_cloud_revenue_multiple') -%}
{%- set tax = var('sotp_tax_rate') -%}
{%- set disc = var('sotp_holdco_discount') -%}
base as (
    select
        *,
        cast({{ var('sotp_ant_group_last_transaction_valuation_cny_m') }} as {{ type_double() }})
            * {{ var('sotp_ant_group_stake') }} * 1000000 / reporting_fx_rate as ant_group_transaction_value_usd
    from {{ ref('int_segments_valuation_inputs_daily') }}
),

inputs as (
    select
        *,
        ecommerce_ttm_adjusted_ebita_usd * (1 - {{ tax }}) as ecommerce_ttm_post_tax_ebita_usd,
        corporate_ttm_adjusted_ebita_usd * (1 - {{ tax }}) * {{ m_c }} as corporate_value_usd_raw,
        -- Ant Group at its last transaction instead of book, where its book value is known
        investments_usd
            + coalesce(ant_group_transaction_value_usd - ant_group_carrying_value_usd, 0) as investments_marked_usd
    from base
),

parts as (
    select
        *,
        investments_marked_usd * (1 - {{ disc }}) as investments_after_discount_usd,
        ecommerce_ttm_post_tax_ebita_usd * {{ m_e }} as ecommerce_value_usd,
        cloud_ttm_revenue_usd * {{ m_cloud }} as cloud_value_at_stated_multiple_usd,
        coalesce(other_operating_value_usd, 0) as other_operating_value_counted_usd,
        coalesce(corporate_value_usd_raw, 0) as corporate_value_usd,
        coalesce(minority_interests_usd, 0) as minority_interests_counted_usd,
        nullif(
            case when other_operating_value_usd is null then 'other_operating;' else '' end
            || case when corporate_value_usd_raw is null then 'corporate;' else '' end
            || case when minority_interests_usd is null then 'minority_interests;' else '' end,
            ''
        ) as sotp_parts_missing
    from inputs
),

residual as (
    select
        *,
        -- everything but e-commerce and cloud: other segments, corporate, net cash, investments, minorities
        other_operating_value_counted_usd + corporate_value_usd + net_cash_usd + investments_after_discount_usd
            - minority_interests_counted_usd as other_parts_value_usd
    from parts
)
{%- endmacro %}

{# One SOTP group's columns pivoted out of int_segments_valuation_inputs_daily's group_values. #}
{% macro sotp_group_columns(g, value_name) -%}
        max(case when sotp_group = '{{ g }}' then ttm_basis end) as {{ g }}_ttm_basis_raw,
        max(case when sotp_group = '{{ g }}' then period_label end) as {{ g }}_ttm_period_label,
        max(case when sotp_group = '{{ g }}' then currency end) as {{ g }}_currency,
        max(case when sotp_group = '{{ g }}' then value_local_m end) as {{ g }}_{{ value_name }}_local_m,
        max(case when sotp_group = '{{ g }}' then ebita_shown_local_m end) as {{ g }}_ebita_shown_local_m,
        max(case when sotp_group = '{{ g }}' then valued_local_m end) as {{ g }}_valued_local_m,
        max(case when sotp_group = '{{ g }}' then segments end) as {{ g }}_segments
{%- endmacro %}
