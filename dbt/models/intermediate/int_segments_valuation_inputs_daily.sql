{#- Inputs of the sum-of-the-parts valuation per trading day of the valued company
    (var sotp_company_id): market value (basic and diluted shares), the balance sheet in force (net cash
    without restricted cash, investments, minority interests), point-in-time TTM segment figures by SOTP
    group (var sotp_segments), and the traded prices of its listings.
    TTM basis per group and date (`*_ttm_basis`):
      * four_quarters: every segment of the group reported in the latest quarter the company had announced
        before the date has a TTM ending at that quarter (int_segments_ttm, four consecutive quarters or the
        fiscal year that ends there);
      * fiscal_year: otherwise, the latest complete fiscal year announced before the date (every segment of
        the group reported in that year), the fallback the mart says it used;
      * missing: neither.
    Segments "reported" in a period are those with any figure for it, so a renamed presentation never mixes
    with an older one and a segment missing only one metric makes the group fall back instead of shrinking.
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

-- the metric each group needs: e-commerce and corporate on adjusted EBITA, cloud on revenue (its EBITA is
-- shown too), other segments on the basis of their own multiple
segment_metrics as (
    select segment, sotp_group, valuation_basis, segment_multiple,
        case when valuation_basis = 'ev_to_revenue' then 'revenue_m' else 'adjusted_ebita_m' end as metric
    from segment_config
    union all
    select segment, sotp_group, 'shown' as valuation_basis, cast(null as {{ type_double() }}), 'adjusted_ebita_m'
    from segment_config
    where sotp_group = 'cloud_ai'
),

periods as (
    select c.period_type, c.fiscal_period_label, c.period_end, c.announced_on, c.segment, c.metric,
        c.value_local_m, c.currency
    from {{ ref('int_segments_calendarized') }} as c
    inner join segment_config as s
        on s.segment = c.segment
    where c.company_id = '{{ company }}'
),

-- Latest fiscal period the company had announced before each date (any segment or fundamentals figure)
announced_periods as (
    select period_end, announced_on
    from {{ ref('int_segments_calendarized') }}
    where company_id = '{{ company }}' and period_type = 'quarter'
    union all
    select period_end, announced_on
    from {{ ref('stg_filings__fundamentals_quarterly') }}
    where company_id = '{{ company }}'
),

latest_announced as (
    select mv.date, max(a.period_end) as latest_quarter_end
    from market_value as mv
    inner join announced_periods as a
        on a.announced_on < mv.date
    group by mv.date
),

latest_year as (
    select mv.date, max(p.period_end) as latest_year_end
    from market_value as mv
    inner join periods as p
        on p.announced_on < mv.date and p.period_type = 'fiscal_year'
    group by mv.date
),

-- segments reported (any figure, of the quarter or of a fiscal year ending with it) in the latest announced
-- quarter / fiscal year
reported_quarter as (
    select distinct la.date, p.segment
    from latest_announced as la
    inner join periods as p
        on p.period_end = la.latest_quarter_end and p.announced_on < la.date
),

reported_year as (
    select distinct ly.date, p.segment
    from latest_year as ly
    inner join periods as p
        on p.period_type = 'fiscal_year' and p.period_end = ly.latest_year_end and p.announced_on < ly.date
),

-- four-quarter basis: the TTM in force, only when it ends at the latest announced quarter
quarter_values as (
    select
        r.date,
        m.sotp_group,
        m.segment,
        m.metric,
        m.valuation_basis,
        m.segment_multiple,
        t.ttm_period_label as period_label,
        t.currency,
        case when t.ttm_period_end >= la.latest_quarter_end then t.ttm_value_local_m end as value_local_m
    from reported_quarter as r
    inner join latest_announced as la
        on la.date = r.date
    inner join segment_metrics as m
        on m.segment = r.segment
    left join {{ ref('int_segments_ttm') }} as t
        on t.company_id = '{{ company }}'
        and t.segment = m.segment
        and t.metric = m.metric
        and t.valid_from <= r.date
        and (t.valid_to is null or r.date < t.valid_to)
),

-- fiscal-year basis: the latest announced fiscal year
year_values as (
    select
        r.date,
        m.sotp_group,
        m.segment,
        m.metric,
        m.valuation_basis,
        m.segment_multiple,
        p.fiscal_period_label as period_label,
        p.currency,
        p.value_local_m
    from reported_year as r
    inner join latest_year as ly
        on ly.date = r.date
    inner join segment_metrics as m
        on m.segment = r.segment
    left join periods as p
        on p.segment = m.segment and p.metric = m.metric and p.period_type = 'fiscal_year'
        and p.period_end = ly.latest_year_end
),

{%- set group_sql %}
        date,
        sotp_group,
        count(case when valuation_basis <> 'shown' then 1 end) as segments,
        count(case when valuation_basis <> 'shown' and value_local_m is not null then 1 end) as segments_with_value,
        count(distinct currency) as currencies,
        max(currency) as currency,
        min(case when valuation_basis <> 'shown' then period_label end) as period_label,
        sum(case when valuation_basis <> 'shown' then value_local_m end) as value_local_m,
        -- cloud EBITA (shown beside its revenue)
        case
            when count(case when valuation_basis = 'shown' then 1 end)
                = count(case when valuation_basis = 'shown' and value_local_m is not null then 1 end)
                then sum(case when valuation_basis = 'shown' then value_local_m end)
        end as ebita_shown_local_m,
        -- other operating segments at their own multiples: EV/revenue x revenue, EV/EBITA x post-tax EBITA
        sum(case
            when valuation_basis = 'ev_to_revenue' then segment_multiple * value_local_m
            when valuation_basis = 'ev_to_ebita' then segment_multiple * value_local_m * (1 - {{ tax }})
        end) as valued_local_m
{% endset -%}

quarter_groups as (
    select {{ group_sql }}
    from quarter_values
    group by date, sotp_group
),

year_groups as (
    select {{ group_sql }}
    from year_values
    group by date, sotp_group
),

groups as (
    select
        coalesce(q.date, y.date) as date,
        coalesce(q.sotp_group, y.sotp_group) as sotp_group,
        case
            when q.segments > 0 and q.segments_with_value = q.segments and q.currencies = 1 then 'four_quarters'
            when y.segments > 0 and y.segments_with_value = y.segments and y.currencies = 1 then 'fiscal_year'
            else 'missing'
        end as ttm_basis,
        q.period_label as q_label, q.currency as q_currency, q.value_local_m as q_value,
        q.ebita_shown_local_m as q_ebita, q.valued_local_m as q_valued, q.segments as q_segments,
        y.period_label as y_label, y.currency as y_currency, y.value_local_m as y_value,
        y.ebita_shown_local_m as y_ebita, y.valued_local_m as y_valued, y.segments as y_segments
    from quarter_groups as q
    full outer join year_groups as y
        on y.date = q.date and y.sotp_group = q.sotp_group
),

group_values as (
    select
        date,
        sotp_group,
        ttm_basis,
        case ttm_basis when 'four_quarters' then q_label when 'fiscal_year' then y_label end as period_label,
        case ttm_basis when 'four_quarters' then q_currency when 'fiscal_year' then y_currency end as currency,
        case ttm_basis when 'four_quarters' then q_value when 'fiscal_year' then y_value end as value_local_m,
        case ttm_basis when 'four_quarters' then q_ebita when 'fiscal_year' then y_ebita end as ebita_shown_local_m,
        case ttm_basis when 'four_quarters' then q_valued when 'fiscal_year' then y_valued end as valued_local_m,
        case ttm_basis when 'four_quarters' then q_segments when 'fiscal_year' then y_segments else 0 end as segments
    from groups
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
