select
    symbol,
    action_type,
    ex_date,
    announced_on,
    payable_on,
    amount,
    currency,
    amount_per,
    split_ratio,
    in_vendor_adjustment,
    vendor_amount,
    source,
    basis,
    note
from {{ source('corporate_actions', 'corporate_actions') }}
