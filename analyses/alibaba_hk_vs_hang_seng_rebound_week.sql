-- Claim checked: in the week of the rebound (late January / February 2025, after DeepSeek-R1 and Alibaba's
-- Qwen 2.5-Max release of 2025-01-29), Alibaba's Hong Kong shares (9988.HK) beat the Hang Seng Index.
-- Shows 9988.HK's weekly return, the Hang Seng's (its benchmark) and the excess return for each week from
-- mid-January to mid-March 2025 (weeks keyed on Friday; each market's own last trading day of the week), and
-- ranks the weeks by excess return: the top-ranked week is "the week of the rebound" in our data.
select
    w.symbol,
    w.week_ending,
    w.last_trading_date,
    w.weekly_return,
    w.benchmark_symbol,
    w.benchmark_return,
    w.excess_return,
    rank() over (order by w.excess_return desc) as excess_return_rank
from {{ ref('fct_weekly_performance') }} as w
where w.symbol = '9988.HK'
  and w.week_ending between cast('2025-01-17' as date) and cast('2025-03-14' as date)
order by w.week_ending
