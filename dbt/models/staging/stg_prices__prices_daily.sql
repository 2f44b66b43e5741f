-- One row per listing and trading day. Hong Kong vendor placeholder rows (volume 0, O=H=L=C on
-- half-days and some holidays) are not trades and are dropped here.
select
    symbol,
    date,
    currency,
    open,
    high,
    low,
    close,
    adj_close,
    volume,
    price_basis,
    source,
    basis
from {{ source('prices', 'prices_daily') }}
where not ({{ is_vendor_placeholder_row() }})
