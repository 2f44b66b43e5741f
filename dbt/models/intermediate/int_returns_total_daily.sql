-- Daily price and total returns per listing, fund and index, between consecutive real trading days of the
-- listing (vendor placeholder rows of Hong Kong shares and funds, volume 0, are not trading days here), and
-- a cumulative total-return index to measure any span from one base date. Total return adds back the cash
-- and special dividends going ex on the day (declared amounts from corporate_actions, in the listing's
-- currency at the ex-date rate, per unit of the listing; every dividend counts here, whether or not the
-- vendor's adjusted series included it). return_basis says which: 'total_return' for listings with at
-- least one dividend recorded, 'price' for the others (indices are price indices; companies and funds with
-- no dividend in corporate_actions).
-- Incremental (macros/incremental_marts.sql): symbols whose traded closes, dividend status or dividends
-- changed are deleted first (pre-hook); then each symbol's rows after the last date held are written,
-- continuing day_index, the return index and the unknown-return count from the last row held.
{{ config(
    pre_hook="{{ incremental_invalidate(returns_total_invalid()) }}",
    post_hook="{{ incremental_save_state(returns_total_dividend_items()) }}",
) }}
with prices as (
    {{ returns_total_prices() }}
),

{% if is_incremental() %}
last_held as (
    -- the last row held per symbol: the seed of lag, day_index and the running sums
    select t.symbol, t.date, t.day_index, t.return_index, t.unknown_returns_to_date
    from {{ this }} as t
    inner join ({{ incremental_watermarks() }}) as w
        on w.symbol = t.symbol and t.date = w.watermark
),
{% endif %}

dividends as (
    {{ returns_total_dividends() }}
),

dividend_symbols as (
    select distinct symbol from dividends
),

series_end as (
    select symbol, max(date) as last_price_date from prices group by symbol
),

sequenced as (
    select
        p.symbol,
        p.price_basis_source,
        p.dividends_recorded_through,
        p.instrument_type,
        p.date,
        p.currency,
        p.traded_close,
        lag(p.date) over (partition by p.symbol order by p.date) as previous_date,
        lag(p.traded_close) over (partition by p.symbol order by p.date) as previous_close,
        {%- if is_incremental() %}
        coalesce(h.day_index - 1, 0) + row_number() over (partition by p.symbol order by p.date) as day_index,
        h.date is not null and p.date = h.date as is_held
        {%- else %}
        row_number() over (partition by p.symbol order by p.date) as day_index,
        false as is_held
        {%- endif %}
    from prices as p
    {%- if is_incremental() %}
    left join last_held as h
        on h.symbol = p.symbol
    where h.date is null or p.date >= h.date
    {%- endif %}
),

daily as (
    select
        s.symbol,
        s.date,
        s.day_index,
        s.is_held,
        s.currency,
        s.traded_close,
        s.previous_date,
        s.previous_close,
        -- an ex-date on a day the listing did not trade goes to its next trading day
        d.dividend_per_unit,
        d.unconverted,
        s.traded_close / s.previous_close - 1 as price_return_1d,
        case
            when d.unconverted > 0 then null
            else (s.traded_close + coalesce(d.dividend_per_unit, 0)) / s.previous_close - 1
        end as total_return_1d,
        case when ds.symbol is not null then 'total_return' else 'price' end as return_basis,
        {{ returns_total_record_status('s', 'se.last_price_date') }} as dividend_record_status
    from sequenced as s
    inner join series_end as se
        on se.symbol = s.symbol
    left join (
        select s2.symbol, s2.date, sum(dv.dividend_per_unit) as dividend_per_unit, sum(dv.unconverted) as unconverted
        from sequenced as s2
        inner join dividends as dv
            on dv.symbol = s2.symbol and dv.ex_date > s2.previous_date and dv.ex_date <= s2.date
        group by s2.symbol, s2.date
    ) as d
        on d.symbol = s.symbol and d.date = s.date
    left join dividend_symbols as ds
        on ds.symbol = s.symbol
)

select
    d.symbol,
    d.date,
    d.day_index,
    d.currency,
    d.traded_close,
    d.previous_date,
    d.previous_close,
    d.dividend_per_unit,
    d.price_return_1d,
    case when d.return_basis = 'total_return' then d.total_return_1d else d.price_return_1d end as return_1d,
    d.return_basis,
    d.dividend_record_status,
    -- cumulative return index (1 on the first day): the return between two dates of the listing is
    -- index(end) / index(base) - 1; null from the first day a return is unknown. An incremental run
    -- multiplies the last index held by the new days' product (equal to a full rebuild within float rounding).
    {%- if is_incremental() %}
    coalesce(h.return_index, 1) *
    {%- endif %}
    exp(sum(case when d.is_held then 0 else ln(1 + coalesce(case when d.return_basis = 'total_return' then d.total_return_1d else d.price_return_1d end, 0)) end)
        over (partition by d.symbol order by d.date rows between unbounded preceding and current row))
        as return_index,
    {%- if is_incremental() %}
    coalesce(h.unknown_returns_to_date, 0) +
    {%- endif %}
    sum(case when d.day_index > 1 and not d.is_held and (case when d.return_basis = 'total_return' then d.total_return_1d else d.price_return_1d end) is null then 1 else 0 end)
        over (partition by d.symbol order by d.date rows between unbounded preceding and current row) as unknown_returns_to_date
from daily as d
{%- if is_incremental() %}
left join last_held as h
    on h.symbol = d.symbol
where not d.is_held
{%- endif %}
