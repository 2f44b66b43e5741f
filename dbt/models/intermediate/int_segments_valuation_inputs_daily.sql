{#- Inputs of the sum-of-the-parts valuation per trading day of the valued company
    (var sotp_company_id): market value (basic and diluted shares), the balance sheet in force (net cash
    without restricted cash, investments, minority interests), point-in-time TTM segment figures by SOTP
    group (var sotp_segments), and the traded prices of its listings.
    TTM basis per group and date (`*_ttm_basis`) as int_segments_ttm decides it for the presentation in force:
    four_quarters, fiscal_year (the latest complete fiscal year, when four quarters are missing) or missing.
    Other operating segments are valued each at its stated multiple (var sotp_segments); the group value is
    null unless every segment of the group has its figure and a multiple.
    Currency choice: every local-currency figure (balance sheet stocks and TTM flows, CNY for Alibaba) is
    converted at the rate in force on the valuation date (int_fx_rates_daily_filled, as-of, bounded fill), the
    same FX that turns the traded price into the USD market value. -#}
{%- set company = var('sotp_company_id') -%}
{%- set segments = var('sotp_segments') -%}
{%- set tax = var('sotp_tax_rate') -%}

with market_value as (
    select
        date, company_id, market_cap_usd, listing_symbol, local_currency, traded_close,
        ordinary_shares_per_unit, shares_used_m, usd_rate
    from {{ ref('int_company_market_value_daily') }}
    where company_id = '{{ company }}'
),

fx as (
    select date, quote_currency, usd_rate
    from {{ ref('int_fx_rates_daily_filled') }}
),

-- diluted weighted-average shares of the latest announced quarter (for per-share values)
diluted as (
    select valid_from, valid_to, diluted_shares_m, diluted_shares_period_end
    from {{ ref('int_fundamentals_ttm_point_in_time') }}
    where company_id = '{{ company }}'
),

balance_sheet as (
    select *
    from {{ ref('int_balance_sheet_net_cash') }}
    where company_id = '{{ company }}'
),

segment_config as (
    {%- for seg, cfg in segments.items() %}
    select
        cast('{{ seg }}' as {{ dbt.type_string() }}) as segment,
        cast('{{ cfg.group }}' as {{ dbt.type_string() }}) as sotp_group,
        cast('{{ cfg.get("basis", "ev_to_ebita" if cfg.group in ("ecommerce", "corporate") else "ev_to_revenue") }}' as {{ dbt.type_string() }}) as valuation_basis,
        cast({{ cfg.get("multiple", "null") }} as {{ type_double() }}) as segment_multiple
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

-- TTM rows in force on each date (int_segments_ttm: segment grain, SOTP group of the presentation in force, one
-- ttm_basis per group - four_quarters, fiscal_year fallback or missing - decided there)
ttm_on_date as (
    select
        mv.date,
        t.sotp_group,
        t.segment,
        t.metric,
        t.ttm_basis,
        t.ttm_period_label,
        t.ttm_value_local_m,
        t.group_ttm_value_local_m,
        t.currency,
        c.valuation_basis,
        c.segment_multiple,
        case
            when t.sotp_group = 'cloud_ai' then 'revenue_m'
            when t.sotp_group = 'other_operating' and c.valuation_basis = 'ev_to_revenue' then 'revenue_m'
            else 'adjusted_ebita_m'
        end as valued_metric
    from market_value as mv
    inner join {{ ref('int_segments_ttm') }} as t
        on t.company_id = '{{ company }}'
        and t.valid_from <= mv.date
        and (t.valid_to is null or mv.date < t.valid_to)
    left join segment_config as c
        on c.segment = t.segment
),

-- per group: e-commerce and corporate on adjusted EBITA, cloud on revenue (its EBITA shown beside), other
-- operating segments each on the basis of its own stated multiple (var sotp_segments)
group_values as (
    select
        date,
        sotp_group,
        max(case when metric = valued_metric then ttm_basis end) as ttm_basis,
        max(case when metric = valued_metric then ttm_period_label end) as period_label,
        max(currency) as currency,
        max(case when metric = valued_metric then group_ttm_value_local_m end) as value_local_m,
        max(case when sotp_group = 'cloud_ai' and metric = 'adjusted_ebita_m' then group_ttm_value_local_m end)
            as ebita_shown_local_m,
        -- other operating segments at their own multiples; null unless every one has its figure and a multiple
        case
            when count(case when metric = valued_metric then 1 end)
                = count(case when metric = valued_metric and ttm_value_local_m is not null and segment_multiple is not null then 1 end)
            then sum(case
                when metric = valued_metric and valuation_basis = 'ev_to_revenue' then segment_multiple * ttm_value_local_m
                when metric = valued_metric and valuation_basis = 'ev_to_ebita'
                    then segment_multiple * ttm_value_local_m * (1 - {{ tax }})
            end)
        end as valued_local_m,
        count(distinct case when metric = valued_metric then segment end) as segments
    from ttm_on_date
    where sotp_group in ('ecommerce', 'cloud_ai', 'other_operating', 'corporate')
    group by date, sotp_group
),

pivoted as (
    select
        date,
        {{ sotp_group_columns('ecommerce', 'ttm_adjusted_ebita') }},
        {{ sotp_group_columns('cloud_ai', 'ttm_revenue') }},
        {{ sotp_group_columns('other_operating', 'ttm_metric') }},
        {{ sotp_group_columns('corporate', 'ttm_adjusted_ebita') }}
    from group_values
    group by date
)

select
    mv.date,
    mv.company_id,
    mv.market_cap_usd,
    mv.shares_used_m,
    d.diluted_shares_m,
    d.diluted_shares_period_end,
    mv.traded_close / mv.ordinary_shares_per_unit / mv.usd_rate as price_per_share_usd,
    mv.traded_close / mv.ordinary_shares_per_unit / mv.usd_rate * d.diluted_shares_m * 1000000
        as market_cap_diluted_usd,
    fx_r.usd_rate as reporting_fx_rate,
    bs.period_end as balance_sheet_period_end,
    bs.currency as balance_sheet_currency,
    fx_bs.usd_rate as balance_sheet_fx_rate,
    bs.net_cash_local_m,
    bs.net_cash_items_missing,
    bs.restricted_cash_local_m,
    bs.sotp_investments_local_m,
    bs.sotp_investment_items_missing,
    bs.equity_securities_listed_local_m,
    bs.equity_securities_unlisted_local_m,
    bs.equity_method_investments_local_m,
    bs.ant_group_carrying_value_local_m,
    bs.minority_interests_local_m,
    bs.minority_items_missing,
    bs.net_cash_local_m * 1000000 / fx_bs.usd_rate as net_cash_usd,
    bs.restricted_cash_local_m * 1000000 / fx_bs.usd_rate as restricted_cash_usd,
    bs.sotp_investments_local_m * 1000000 / fx_bs.usd_rate as investments_usd,
    bs.ant_group_carrying_value_local_m * 1000000 / fx_bs.usd_rate as ant_group_carrying_value_usd,
    bs.minority_interests_local_m * 1000000 / fx_bs.usd_rate as minority_interests_usd,
    coalesce(p.ecommerce_ttm_basis_raw, 'missing') as ecommerce_ttm_basis,
    p.ecommerce_ttm_period_label,
    p.ecommerce_ttm_adjusted_ebita_local_m,
    p.ecommerce_ttm_adjusted_ebita_local_m * 1000000 / fx_r.usd_rate as ecommerce_ttm_adjusted_ebita_usd,
    coalesce(p.cloud_ai_ttm_basis_raw, 'missing') as cloud_ttm_basis,
    p.cloud_ai_ttm_period_label as cloud_ttm_period_label,
    p.cloud_ai_ttm_revenue_local_m as cloud_ttm_revenue_local_m,
    p.cloud_ai_ttm_revenue_local_m * 1000000 / fx_r.usd_rate as cloud_ttm_revenue_usd,
    p.cloud_ai_ebita_shown_local_m * 1000000 / fx_r.usd_rate as cloud_ttm_adjusted_ebita_usd,
    coalesce(p.other_operating_ttm_basis_raw, 'missing') as other_operating_ttm_basis,
    p.other_operating_ttm_period_label,
    coalesce(p.other_operating_segments, 0) as other_operating_segments,
    p.other_operating_valued_local_m * 1000000 / fx_r.usd_rate as other_operating_value_usd,
    coalesce(p.corporate_ttm_basis_raw, 'missing') as corporate_ttm_basis,
    p.corporate_ttm_period_label,
    p.corporate_ttm_adjusted_ebita_local_m * 1000000 / fx_r.usd_rate as corporate_ttm_adjusted_ebita_usd,
    mv.listing_symbol,
    mv.local_currency as listing_currency,
    mv.traded_close as listing_traded_close,
    mv.ordinary_shares_per_unit
from market_value as mv
left join diluted as d
    on d.valid_from <= mv.date and mv.date < d.valid_to
left join balance_sheet as bs
    on bs.valid_from <= mv.date
    and (bs.valid_to is null or mv.date < bs.valid_to)
left join fx as fx_bs
    on fx_bs.date = mv.date and fx_bs.quote_currency = bs.currency
left join pivoted as p
    on p.date = mv.date
left join fx as fx_r
    on fx_r.date = mv.date
    and fx_r.quote_currency = coalesce(p.ecommerce_currency, p.cloud_ai_currency, bs.currency)
