{# Pieces of int_returns_total_daily shared by the model and its incremental verification
   (macros/incremental_marts.sql): the listings, the trading-day prices and the dividends it adds back. #}

{% macro returns_total_listings() -%}
    {{ listings_with_ads_ratio() }}
{%- endmacro %}

{# Real trading days (Hong Kong vendor placeholder rows, volume 0, are not), with the date through which the
   listing's dividends are recorded (var dividends_recorded_through). #}
{% macro returns_total_prices() -%}
    {%- set recorded = var('dividends_recorded_through') -%}
    select p.symbol, p.date, p.currency, p.traded_close, p.price_basis_source,
        case p.symbol
            {% for sym, d in recorded.items() if sym != 'default' %}
            when '{{ sym }}' then cast('{{ d }}' as date)
            {% endfor %}
            else cast('{{ recorded['default'] }}' as date)
        end as dividends_recorded_through,
        l.instrument_type
    from {{ ref('int_prices_traded_daily') }} as p
    inner join ({{ returns_total_listings() }}) as l
        on l.symbol = p.symbol
    where p.traded_close is not null
      and not (l.market = 'HK' and l.instrument_type <> 'index' and coalesce(p.volume, 1) = 0)
{%- endmacro %}

{# dividend_record_status of a row of returns_total_prices(), given the listing's last price date. #}
{% macro returns_total_record_status(p, last_price_date) -%}
    case
        when {{ p }}.instrument_type = 'index' then 'complete'
        when {{ p }}.price_basis_source = 'dividend_adjusted' and {{ last_price_date }} > {{ p }}.dividends_recorded_through
            then 'traded_close_may_miss_later_dividends'
        when {{ p }}.date > {{ p }}.dividends_recorded_through then 'total_return_may_miss_dividends'
        else 'complete'
    end
{%- endmacro %}

{# Cash and special dividends per listing and ex-date, per unit of the listing in its currency at the ex-date
   rate (splits after the dividend restate it to the price basis); `unconverted` counts those without a rate. #}
{% macro returns_total_dividends() -%}
    select
        a.symbol,
        a.ex_date,
        sum(
            a.amount
            * {{ listing_units_per_amount_basis('a.amount_per', 'l') }}
            / fx_div.usd_rate * fx_list.usd_rate
            / coalesce(sp.split_factor, 1)
        ) as dividend_per_unit,
        -- a dividend that cannot be converted poisons the day's total return (null), never silently zero
        sum(case when fx_div.usd_rate is null or fx_list.usd_rate is null then 1 else 0 end) as unconverted
    from {{ ref('stg_corporate_actions__corporate_actions') }} as a
    inner join ({{ returns_total_listings() }}) as l
        on l.symbol = a.symbol
    inner join (
        select distinct p.symbol, p.currency from {{ ref('int_prices_traded_daily') }} as p where p.traded_close is not null
    ) as c
        on c.symbol = a.symbol
    left join {{ ref('int_fx_rates_daily_filled') }} as fx_div
        on fx_div.quote_currency = a.currency and fx_div.date = a.ex_date
    left join {{ ref('int_fx_rates_daily_filled') }} as fx_list
        on fx_list.quote_currency = c.currency and fx_list.date = a.ex_date
    left join (
        -- splits after each dividend: amounts declared per pre-split share are restated to the price basis
        select d.symbol, d.ex_date, exp(sum(ln(s.split_ratio))) as split_factor
        from {{ ref('stg_corporate_actions__corporate_actions') }} as d
        inner join {{ ref('stg_corporate_actions__corporate_actions') }} as s
            on s.symbol = d.symbol and s.action_type = 'split' and s.ex_date > d.ex_date
        where d.action_type in ('cash_dividend', 'special_dividend')
        group by d.symbol, d.ex_date
    ) as sp
        on sp.symbol = a.symbol and sp.ex_date = a.ex_date
    where a.action_type in ('cash_dividend', 'special_dividend')
    group by a.symbol, a.ex_date
{%- endmacro %}

{# ------------------------------------------------------------------ incremental verification #}

{# Per symbol, what the model reads but does not store: its dividends (a new, corrected or newly converted
   one changes the total returns from its ex-date and the return basis) and its market and instrument type. #}
{% macro returns_total_dividend_items() -%}
    select symbol as item, {{ incremental_fingerprint(['x.part', 'x.fingerprint']) }} as fingerprint
    from (
        select symbol, 'dividends' as part, {{ incremental_fingerprint(['ex_date', 'dividend_per_unit', 'unconverted']) }} as fingerprint
        from ({{ returns_total_dividends() }}) as d
        group by symbol
        union all
        select symbol, 'listing' as part, {{ incremental_fingerprint(['instrument_type', 'market']) }} as fingerprint
        from ({{ returns_total_listings() }}) as l
        group by symbol
    ) as x
    group by symbol
{%- endmacro %}

{# Whole symbols whose trading days, traded closes or dividend record status changed over the dates held, or
   whose dividends or listing changed; and every symbol from the start of a forced date range. #}
{% macro returns_total_invalid() -%}
    select symbol, cast('0001-01-01' as date) as from_date
    from (
        {{ incremental_changed_symbols(
            "select p.symbol, p.date, p.currency, p.traded_close, "
            ~ returns_total_record_status('p', 'se.last_price_date') ~ " as dividend_record_status"
            ~ " from (" ~ returns_total_prices() ~ ") as p inner join (select symbol, max(date) as last_price_date from ("
            ~ returns_total_prices() ~ ") as q group by symbol) as se on se.symbol = p.symbol",
            "select symbol, date, currency, traded_close, dividend_record_status from " ~ this,
            ['currency', 'traded_close', 'dividend_record_status']) }}
        union all
        {{ incremental_changed_state_items(returns_total_dividend_items()) }}
    ) as changed
    {{ incremental_forced_invalid() }}
{%- endmacro %}
