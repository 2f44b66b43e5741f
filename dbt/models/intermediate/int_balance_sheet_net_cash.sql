{#- Net cash, investments and minority interests per company and balance-sheet date, point in time.
    Net cash = cash and equivalents + short-term investments + other treasury investments - bank
    borrowings (current and non-current) - unsecured senior notes (current and non-current) - convertible
    senior notes. Items in var net_cash_excluded_items (restricted cash and escrow receivables) are shown
    but left out of net cash.
    Items in var net_cash_required_items make net cash null when not reported; any other item that
    is not reported counts as zero and is named in net_cash_items_missing (so a reader sees it).
    Investments (var sotp_investment_items) and minority interests (var sotp_minority_items) the same way:
    null when none is reported, missing ones named. -#}
{%- set excluded = var('net_cash_excluded_items') -%}
{%- set all_cash_items = ['cash_and_equivalents_m', 'short_term_investments_m', 'restricted_cash_m', 'other_treasury_investments_m'] -%}
{%- set cash_items = all_cash_items | reject('in', excluded) | list -%}
{%- set debt_items = ['bank_borrowings_current_m', 'bank_borrowings_noncurrent_m', 'unsecured_senior_notes_current_m', 'unsecured_senior_notes_noncurrent_m', 'convertible_senior_notes_m'] -%}
{%- set investment_items = ['equity_securities_listed_m', 'equity_securities_unlisted_m', 'equity_method_investments_m', 'ant_group_carrying_value_m'] -%}
{%- set minority_items = ['noncontrolling_interests_m', 'mezzanine_equity_m'] -%}
{%- set required = var('net_cash_required_items') -%}

with pivoted as (
    select
        company_id,
        period_end,
        max(announced_on) as announced_on,
        count(distinct currency) as currencies,
        max(currency) as currency,
        {%- for item in all_cash_items + debt_items + investment_items + minority_items %}
        max(case when item = '{{ item }}' then value end) as {{ item[:-2] }}_local_m{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ ref('stg_balance_sheet__balance_sheet') }}
    group by company_id, period_end
),

computed as (
    select
        *,
        case
            when currencies > 1 {% for item in required %} or {{ item[:-2] }}_local_m is null{% endfor %} then null
            else
                {% for item in cash_items %}coalesce({{ item[:-2] }}_local_m, 0){{ ' + ' if not loop.last }}{% endfor %}
                - ({% for item in debt_items %}coalesce({{ item[:-2] }}_local_m, 0){{ ' + ' if not loop.last }}{% endfor %})
        end as net_cash_local_m,
        {% for item in cash_items + debt_items -%}
        coalesce(case when {{ item[:-2] }}_local_m is null then '{{ item }};' end, ''){{ ' || ' if not loop.last }}
        {%- endfor %} as net_cash_items_missing_raw
    from pivoted
)

select
    company_id,
    period_end,
    announced_on,
    {{ add_days('announced_on', 1) }} as valid_from,
    lead({{ add_days('announced_on', 1) }}) over (partition by company_id order by announced_on, period_end) as valid_to,
    currency,
    {%- for item in all_cash_items + debt_items + investment_items + minority_items %}
    {{ item[:-2] }}_local_m,
    {%- endfor %}
    net_cash_local_m,
    nullif(net_cash_items_missing_raw, '') as net_cash_items_missing,
    equity_securities_listed_local_m as listed_investments_local_m,
    case
        when equity_securities_unlisted_local_m is null and equity_method_investments_local_m is null then null
        else coalesce(equity_securities_unlisted_local_m, 0) + coalesce(equity_method_investments_local_m, 0)
    end as unlisted_and_equity_method_investments_local_m,
    case
        when {% for item in var('sotp_investment_items') -%}{{ item[:-2] }}_local_m is null{{ ' and ' if not loop.last }}{%- endfor %} then null
        else {% for item in var('sotp_investment_items') -%}
        coalesce({{ item[:-2] }}_local_m, 0){{ ' + ' if not loop.last }}
        {%- endfor %}
    end as sotp_investments_local_m,
    nullif(
        {% for item in var('sotp_investment_items') -%}
        coalesce(case when {{ item[:-2] }}_local_m is null then '{{ item }};' end, ''){{ ' || ' if not loop.last }}
        {%- endfor %},
        ''
    ) as sotp_investment_items_missing,
    case
        when {% for item in var('sotp_minority_items') -%}{{ item[:-2] }}_local_m is null{{ ' and ' if not loop.last }}{%- endfor %} then null
        else {% for item in var('sotp_minority_items') -%}
        coalesce({{ item[:-2] }}_local_m, 0){{ ' + ' if not loop.last }}
        {%- endfor %}
    end as minority_interests_local_m,
    nullif(
        {% for item in var('sotp_minority_items') -%}
        coalesce(case when {{ item[:-2] }}_local_m is null then '{{ item }};' end, ''){{ ' || ' if not loop.last }}
        {%- endfor %},
        ''
    ) as minority_items_missing
from computed
