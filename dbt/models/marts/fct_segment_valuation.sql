-- Sum of the parts for the valued company (var sotp_company_id, Alibaba), per trading day of its
-- primary listing: what the market implicitly pays for cloud and AI once e-commerce is valued at a
-- stated multiple of its trailing adjusted EBITA and net cash and investments are taken out.
--   implied_cloud_ai_value_usd = market_cap_usd - ecommerce_value_usd - net_cash_usd - investments_usd
-- All USD at the FX rate in force on the date (see int_segments_valuation_inputs_daily).
select
    date,
    company_id,
    market_cap_usd,
    balance_sheet_period_end,
    balance_sheet_fx_rate,
    net_cash_usd,
    net_cash_items_missing,
    investments_usd,
    sotp_investment_items_missing as investment_items_missing,
    ecommerce_ttm_period_label,
    ecommerce_ttm_adjusted_ebita_usd,
    cast({{ var('ecommerce_ebita_multiple') }} as {{ type_double() }}) as ecommerce_multiple,
    ecommerce_ttm_adjusted_ebita_usd * {{ var('ecommerce_ebita_multiple') }} as ecommerce_value_usd,
    market_cap_usd
        - ecommerce_ttm_adjusted_ebita_usd * {{ var('ecommerce_ebita_multiple') }}
        - net_cash_usd
        - investments_usd as implied_cloud_ai_value_usd,
    cloud_ttm_period_label,
    cloud_ttm_revenue_usd,
    case
        when market_cap_usd
            - ecommerce_ttm_adjusted_ebita_usd * {{ var('ecommerce_ebita_multiple') }}
            - net_cash_usd
            - investments_usd > 0
        then {{ safe_divide(
            'market_cap_usd - ecommerce_ttm_adjusted_ebita_usd * ' ~ var('ecommerce_ebita_multiple') ~ ' - net_cash_usd - investments_usd',
            'cloud_ttm_revenue_usd') }}
    end as implied_cloud_ev_to_revenue
from {{ ref('int_segments_valuation_inputs_daily') }}
