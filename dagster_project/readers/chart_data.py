"""What a registry chart draws on a given warehouse, decided once for the PNG files (charts.py), the report
(report.py) and the Superset dashboard (bi/): its title with the assumptions filled in from mart columns, and
the series that have data, with their legend labels (a series that ends before the others says so).

A series with no value under its flags is left out, so no legend entry is empty. Standard library only
(bi/ imports it); the caller passes a function that runs SQL on the published warehouse.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass

from .chart_registry import Chart, Series

Query = Callable[[str], list[tuple]]
DATED_AXES = ("date", "week_ending")


def frame_sql(chart: Chart) -> str:
    """The chart's rows: x, listed columns, group, then every series as _s<i> (scaled, empty where a flag fails)."""
    selected = [chart.x, *chart.columns] + ([chart.group_by] if chart.group_by else [])
    for i, s in enumerate(chart.series):
        value = f"{s.column} / {s.scale!r}" if s.scale != 1 else s.column
        when = " and ".join(s.only_when)
        selected.append(f"case when {when} then {value} end as _s{i}" if when else f"{value} as _s{i}")
    where = " and ".join(f.sql() for f in chart.filters) or "true"
    return f"select {', '.join(selected)} from marts.{chart.table} where {where}"


@dataclass(frozen=True)
class DrawnSeries:
    index: int  # position in chart.series: the frame's column _s<index>
    series: Series
    label: str  # the legend label
    ends_at: str | None = None  # the last x with data, when it is before the chart's last x (a dated axis)
    group: str | None = None  # the value of chart.group_by this entry draws (grouped charts)

    def condition(self, chart: Chart) -> tuple[str, ...]:
        """SQL conditions that select this entry's rows beyond the series' own flags (its group)."""
        if self.group is None:
            return ()
        return (f"{chart.group_by} = '{self.group.replace(chr(39), chr(39) * 2)}'",)


@dataclass(frozen=True)
class Drawn:
    chart: Chart
    title: str
    series: tuple[DrawnSeries, ...]
    last_x: str | None  # the last x at which any series has data

    @property
    def has_data(self) -> bool:
        return bool(self.series) or (self.chart.kind == "events" and self.last_x is not None)


def title(chart: Chart, query: Query) -> str:
    """The chart's name with its {column} fields filled from the mart (one value each under the filters)."""
    fields = chart.title_columns()
    if not fields:
        return chart.name
    where = " and ".join(f.sql() for f in chart.filters) or "true"
    rows = query(f"select distinct {', '.join(fields)} from marts.{chart.table} where {where}")
    if len(rows) != 1 or any(v is None for v in rows[0]):
        return _unknown(chart)
    return chart.name.format(**dict(zip(fields, rows[0], strict=True)))


def _unknown(chart: Chart) -> str:
    """The title when an assumption is not one value: the field says so instead of a number."""
    text = chart.name
    for _, name, spec, _ in string.Formatter().parse(chart.name):
        if name:
            text = text.replace("{" + name + (":" + spec if spec else "") + "}", "(varies)")
    return text


def resolve(chart: Chart, query: Query) -> Drawn:
    """The chart as drawn on this warehouse: its title and one legend entry per series (and group) with at
    least one value; an entry whose data ends before the chart's last x on a dated axis says where."""
    frame, n = frame_sql(chart), len(chart.series)
    group = chart.group_by or "cast(null as varchar)"
    parts = [f"count(_s{i}), cast(max(case when _s{i} is not null then {chart.x} end) as varchar)" for i in range(n)]
    any_value = " or ".join(f"_s{i} is not null" for i in range(n)) or "true"
    parts.append(f"cast(max(case when {any_value} then {chart.x} end) as varchar)")
    rows = query(f"select cast({group} as varchar) as g, {', '.join(parts)} from ({frame}) as f group by 1 order by 1")
    last_x = max((r[-1] for r in rows if r[-1] is not None), default=None)
    drawn = []
    for i, s in enumerate(chart.series):
        for row in rows:
            count, ends = row[1 + 2 * i], row[2 + 2 * i]
            if not count:
                continue  # no value anywhere: no line or bar, so no legend entry
            early = chart.x in DATED_AXES and ends is not None and last_x is not None and ends < last_x
            label = s.label if row[0] is None else (row[0] if n == 1 else f"{row[0]}: {s.label}")
            label = f"{label} (data end {ends[:10]})" if early else label
            drawn.append(DrawnSeries(i, s, label, ends[:10] if early else None, row[0]))
    return Drawn(chart, title(chart, query), tuple(drawn), last_x)
