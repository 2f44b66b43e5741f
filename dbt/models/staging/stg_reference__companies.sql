select
    company_id,
    name as company_name,
    country,
    basket,
    reporting_currency,
    fiscal_year_end_month,
    sector,
    source,
    basis
from {{ source('reference', 'companies') }}
