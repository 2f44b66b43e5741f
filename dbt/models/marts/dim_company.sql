select
    company_id,
    company_name,
    country,
    basket,
    reporting_currency,
    fiscal_year_end_month,
    sector,
    source
from {{ ref('stg_reference__companies') }}
