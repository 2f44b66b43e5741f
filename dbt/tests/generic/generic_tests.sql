{# Generic data tests written here because the dbt package hub (dbt_utils) is out of reach. #}

{# Every row satisfies a SQL expression, e.g. `close_usd > 0`. #}
{% test expression_is_true(model, expression, where=None) %}
select * from {{ model }}
where not ({{ expression }})
{% if where %} and ({{ where }}){% endif %}
{% endtest %}

{# A column stays within bounds (nulls pass; use not_null for those). #}
{% test accepted_range(model, column_name, min_value=None, max_value=None, inclusive=True, where=None) %}
select * from {{ model }}
where {{ column_name }} is not null
  and (
    1 = 0
    {% if min_value is not none %} or {{ column_name }} {{ '<' if inclusive else '<=' }} {{ min_value }}{% endif %}
    {% if max_value is not none %} or {{ column_name }} {{ '>' if inclusive else '>=' }} {{ max_value }}{% endif %}
  )
  {% if where %} and ({{ where }}){% endif %}
{% endtest %}

{# A combination of columns identifies a row: the grain of a mart. #}
{% test unique_combination_of_columns(model, combination_of_columns) %}
select {{ combination_of_columns | join(', ') }}, count(*) as n
from {{ model }}
group by {{ combination_of_columns | join(', ') }}
having count(*) > 1
{% endtest %}

{# Two expressions agree within a relative tolerance, e.g. market cap = price x shares. #}
{% test values_agree(model, left, right, tolerance=0.005, where=None) %}
select * from {{ model }}
where {{ left }} is not null and {{ right }} is not null
  and abs(({{ left }}) - ({{ right }})) > {{ tolerance }} * greatest(abs({{ right }}), 1e-9)
  {% if where %} and ({{ where }}){% endif %}
{% endtest %}

{# Coverage as a check: at least min_share of the rows (after `where`) have value_column not null. Returns one
   row (the shortfall) when the share is lower, so the test fails. #}
{% test share_of_rows_not_null(model, value_column, min_share, where=None) %}
select rows_total, rows_with_value, cast(rows_with_value as {{ type_double() }}) / rows_total as share
from (
    select count(*) as rows_total, count({{ value_column }}) as rows_with_value
    from {{ model }}
    {% if where %}where {{ where }}{% endif %}
) as counted
where rows_total = 0 or cast(rows_with_value as {{ type_double() }}) / rows_total < {{ min_share }}
{% endtest %}
