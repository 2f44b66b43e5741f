-- Every Hong Kong traded close sits on the HKEX spread table (issue 17, item 1). A vendor close that was
-- dividend-adjusted and not (or wrongly) un-adjusted lands between ticks: 9988.HK before the fix was 1.5-5%
-- above the true close and off the grid on almost every day. Tick sizes (HKEX Part A spread table):
-- 0.01-0.25: 0.001, 0.25-0.50: 0.005, 0.50-10: 0.01, 10-20: 0.02, 20-100: 0.05, 100-200: 0.10,
-- 200-500: 0.20, 500-1,000: 0.50, 1,000-2,000: 1, 2,000-5,000: 2, 5,000-9,995: 5; from
-- var('hkex_spread_phase1_from') (HKEX reduction of minimum spreads, phase 1) 10-20: 0.01 and 20-50: 0.02.
-- Tolerance: 0.002 (vendor prices carry ~7 significant digits). Not checked: vendor placeholder rows
-- (volume 0: half-days and holidays, not trades) and the (symbol, date) pairs in var('tick_grid_exceptions'),
-- each with its reason there.
-- Severity var('market_data_checks_severity') (error): tests/test_incremental.py builds deliberately
-- vendor-inconsistent synthetic data (a fake dividend, a re-issued history) and sets it to warn.
{{ config(
    severity=var('market_data_checks_severity', 'error'),
    meta={'dagster': {'ref': {'name': 'int_prices_traded_daily'}}}
) }}

with hk as (
    select p.symbol, p.date, p.traded_close, p.volume
    from {{ ref('int_prices_traded_daily') }} as p
    inner join {{ ref('stg_reference__listings') }} as l
        on l.symbol = p.symbol
    where l.market = 'HK'
      and l.instrument_type = 'ordinary_share'
      and p.traded_close is not null
      and coalesce(p.volume, 1) <> 0
),

ticked as (
    select
        symbol,
        date,
        traded_close,
        case
            when traded_close < 0.25 then 0.001
            when traded_close < 0.5 then 0.005
            when traded_close < 10 then 0.01
            when traded_close < 20 and date >= cast('{{ var("hkex_spread_phase1_from") }}' as date) then 0.01
            when traded_close < 20 then 0.02
            when traded_close < 50 and date >= cast('{{ var("hkex_spread_phase1_from") }}' as date) then 0.02
            when traded_close < 100 then 0.05
            when traded_close < 200 then 0.1
            when traded_close < 500 then 0.2
            when traded_close < 1000 then 0.5
            when traded_close < 2000 then 1
            when traded_close < 5000 then 2
            else 5
        end as tick
    from hk
)

select symbol, date, traded_close, tick, round(traded_close / tick) * tick as nearest_tick
from ticked
where abs(traded_close - round(traded_close / tick) * tick) > 0.002
{% for e in var('tick_grid_exceptions', []) %}
  and not (symbol = '{{ e[0] }}' and date = cast('{{ e[1] }}' as date))
{% endfor %}
