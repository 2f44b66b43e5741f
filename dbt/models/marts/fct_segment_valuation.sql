-- Sum of the parts for the valued company (var sotp_company_id, Alibaba), per trading day of its primary
-- listing, on diluted shares, in both directions:
--   parts = other operating segments (each on its stated multiple) + corporate costs capitalised (negative)
--         + net cash (restricted cash and escrow excluded) + investments x (1 - holding-company discount)
--         - minority interests
--   implied_cloud_ai_value_usd = market_cap_diluted_usd - ecommerce_value_usd - parts
--       (e-commerce at var ecommerce_ebita_multiple x post-tax TTM adjusted EBITA)
--   implied_ecommerce_multiple = (market_cap_diluted_usd - cloud_value_usd - parts) / post-tax e-commerce EBITA
--       (cloud and AI at var sotp_cloud_revenue_multiple x TTM revenue)
-- A part that is not reported on the date (other operating, corporate, minority interests) counts as zero
-- and is named in sotp_parts_missing; e-commerce, net cash and investments are required.
-- All USD at the FX rate in force on the date (see int_segments_valuation_inputs_daily).
{%- set m_e = var('ecommerce_ebita_multiple') -%}
{%- set m_c = var('sotp_corporate_cost_multiple') -%}
{%- set m_cloud = var('sotp_cloud_revenue_multiple') -%}
{%- set tax = var('sotp_tax_rate') -%}
{%- set disc = var('sotp_holdco_discount') %}
-- depends_on: {{ ref('int_segments_valuation_inputs_daily') }}

with
{{ sotp_parts_ctes() }}

select
    date,
    company_id,
    market_cap_usd,
    diluted_shares_m,
    market_cap_diluted_usd,
    balance_sheet_period_end,
    balance_sheet_fx_rate,
    net_cash_usd,
    net_cash_items_missing,
    restricted_cash_usd as restricted_cash_excluded_usd,
    investments_usd,
    investments_marked_usd,
    sotp_investment_items_missing as investment_items_missing,
    cast({{ disc }} as {{ type_double() }}) as holdco_discount,
    investments_after_discount_usd,
    ant_group_transaction_value_usd,
    case
        when ant_group_carrying_value_usd is null then 'book_within_equity_method'
        else 'last_transaction'
    end as ant_group_value_basis,
    minority_interests_usd,
    minority_items_missing,
    ecommerce_ttm_basis,
    ecommerce_ttm_period_label,
    ecommerce_ttm_adjusted_ebita_usd,
    cast({{ tax }} as {{ type_double() }}) as tax_rate,
    cast({{ m_e }} as {{ type_double() }}) as ecommerce_multiple,
    ecommerce_value_usd,
    other_operating_ttm_basis,
    other_operating_value_usd,
    corporate_ttm_basis,
    corporate_ttm_adjusted_ebita_usd,
    cast({{ m_c }} as {{ type_double() }}) as corporate_cost_multiple,
    corporate_value_usd,
    sotp_parts_missing,
    other_parts_value_usd,
    market_cap_diluted_usd - ecommerce_value_usd - other_parts_value_usd as implied_cloud_ai_value_usd,
    cloud_ttm_basis,
    cloud_ttm_period_label,
    cloud_ttm_revenue_usd,
    cloud_ttm_adjusted_ebita_usd,
    case
        when market_cap_diluted_usd - ecommerce_value_usd - other_parts_value_usd > 0
        then {{ safe_divide('market_cap_diluted_usd - ecommerce_value_usd - other_parts_value_usd', 'cloud_ttm_revenue_usd') }}
    end as implied_cloud_ev_to_revenue,
    cast({{ m_cloud }} as {{ type_double() }}) as cloud_revenue_multiple,
    cloud_value_at_stated_multiple_usd,
    market_cap_diluted_usd - cloud_value_at_stated_multiple_usd - other_parts_value_usd
        as implied_ecommerce_value_usd,
    case
        when ecommerce_ttm_post_tax_ebita_usd > 0
        then (market_cap_diluted_usd - cloud_value_at_stated_multiple_usd - other_parts_value_usd)
            / ecommerce_ttm_post_tax_ebita_usd
    end as implied_ecommerce_multiple
from residual
