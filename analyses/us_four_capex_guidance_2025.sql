-- Claim checked: the four US hyperscalers (Microsoft, Alphabet, Amazon, Meta) guided to roughly USD 300bn+ of
-- capex for 2025.
-- Each company's latest guidance for its 2025 period (var us_four_2025_guidance_periods; Microsoft's fiscal year
-- ends June 2025) in USD, then the total row of fct_capex_guidance (null unless all four have guidance).
select
    g.row_type,
    g.company_id,
    g.period_label,
    g.announced_on,
    g.capex_definition,
    g.low_usd,
    g.high_usd,
    g.midpoint_usd,
    g.companies_in_total
from {{ ref('fct_capex_guidance') }} as g
where g.is_latest
  and (
    g.row_type = 'us_four_total'
    {%- for company, period in var('us_four_2025_guidance_periods').items() %}
    or (g.company_id = '{{ company }}' and g.period_label = '{{ period }}')
    {%- endfor %}
  )
order by g.row_type, g.company_id
