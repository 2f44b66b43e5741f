-- The sum-of-the-parts bridge of fct_segment_valuation in long form: per date with every part, the diluted
-- market value less e-commerce (at its multiple), net cash, investments after the holding-company discount, and
-- the other parts (other operating segments, capitalised corporate costs, minority interests: other_parts_value_usd
-- less net cash and investments); the steps of a date add up to the implied value of cloud and AI.
-- is_latest marks the latest such date (what the charts show). The assumptions the implied value rests on (the
-- e-commerce multiple, the holding-company discount) ride along, so a chart states them from the mart.
with valued as (
    select date, company_id, market_cap_diluted_usd, ecommerce_value_usd, net_cash_usd,
        investments_after_discount_usd, other_parts_value_usd, implied_cloud_ai_value_usd,
        ecommerce_multiple, holdco_discount
    from {{ ref('fct_segment_valuation') }}
    where implied_cloud_ai_value_usd is not null
),

latest as (
    select max(date) as latest_date
    from valued
),

steps as (
    select date, company_id, 1 as step_order, '1 Market value (diluted)' as step, market_cap_diluted_usd as value_usd
    from valued
    union all
    select date, company_id, 2 as step_order, '2 E-commerce' as step, -ecommerce_value_usd as value_usd
    from valued
    union all
    select date, company_id, 3 as step_order, '3 Net cash' as step, -net_cash_usd as value_usd
    from valued
    union all
    select date, company_id, 4 as step_order, '4 Investments after discount' as step,
        -investments_after_discount_usd as value_usd
    from valued
    union all
    select date, company_id, 5 as step_order, '5 Other segments, corporate costs, minorities' as step,
        -(other_parts_value_usd - net_cash_usd - investments_after_discount_usd) as value_usd
    from valued
)

select
    s.date,
    s.company_id,
    s.step_order,
    s.step,
    s.value_usd,
    v.implied_cloud_ai_value_usd,
    v.ecommerce_multiple,
    v.holdco_discount,
    s.date = l.latest_date as is_latest
from steps as s
inner join valued as v
    on v.date = s.date and v.company_id = s.company_id
cross join latest as l
