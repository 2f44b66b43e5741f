"""The story's charts as PNG files, drawn from the published warehouse by the chart registry (no BI tool
needed). Each chart reads its mart's columns through one read-only connection; what to draw and where is in
chart_registry.py, which the Superset dashboard (bi/) follows too."""

from __future__ import annotations

from pathlib import Path

import duckdb
import matplotlib

matplotlib.use("Agg")  # files only, no display
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from ..database import connect_published  # noqa: E402
from .chart_registry import Chart, png_files  # noqa: E402

DPI = 110


def frame(conn: duckdb.DuckDBPyConnection, chart: Chart) -> pd.DataFrame:
    """The chart's columns, each series scaled and left empty where its flags do not hold."""
    selected = [chart.x, *chart.columns] + ([chart.group_by] if chart.group_by else [])
    for i, s in enumerate(chart.series):
        value = f"{s.column} / {s.scale!r}" if s.scale != 1 else s.column
        when = " and ".join(s.only_when)
        selected.append(f"case when {when} then {value} end as _s{i}" if when else f"{value} as _s{i}")
    where = " and ".join(f.sql() for f in chart.filters) or "true"
    sql = f"select {', '.join(selected)} from marts.{chart.table} where {where} order by {chart.x}"
    return conn.execute(sql).df()


def _series(chart: Chart, df: pd.DataFrame) -> list[tuple[str, pd.Series, dict]]:
    """(label, values indexed by x, style) for every series, split by group_by when the chart has one."""
    out = []
    for i, s in enumerate(chart.series):
        style = {"color": s.color, "ls": s.style}
        if chart.group_by:
            wide = df.pivot_table(index=chart.x, columns=chart.group_by, values=f"_s{i}", aggfunc="sum", dropna=False)
            for group in wide.columns:
                label = f"{group}" if len(chart.series) == 1 else f"{group}: {s.label}"
                out.append((label, wide[group], {"ls": s.style}))
        else:
            out.append((s.label, df.set_index(chart.x)[f"_s{i}"], style))
    return out


def _line(ax, chart: Chart, df: pd.DataFrame) -> None:
    for label, values, style in _series(chart, df):
        ax.plot(values.index, values.values, label=label, **{k: v for k, v in style.items() if v})
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))


def _bar(ax, chart: Chart, df: pd.DataFrame, stacked: bool = False) -> None:
    series = _series(chart, df)
    xs = list(dict.fromkeys(df[chart.x]))
    dates = pd.api.types.is_datetime64_any_dtype(df[chart.x])
    step = pd.Timedelta(days=6) if dates else 0.8
    width = step if stacked else step / max(len(series), 1)
    bottom = pd.Series(0.0, index=xs)
    for k, (label, values, style) in enumerate(series):
        values = values.reindex(xs).astype(float)
        base = list(range(len(xs))) if not dates else xs
        offset = 0 if stacked else (k - (len(series) - 1) / 2) * width
        positions = [b + offset for b in base]
        ax.bar(
            positions,
            values.fillna(0).values,
            width=width,
            label=label,
            color=style.get("color"),
            bottom=bottom.values if stacked else None,
        )
        if stacked:
            bottom = bottom + values.fillna(0)
    if not dates:
        ax.set_xticks(range(len(xs)), [str(x) for x in xs], rotation=60, fontsize=7)
    ax.axhline(0, color="black", lw=0.6)


def _waterfall(ax, chart: Chart, df: pd.DataFrame) -> None:
    running = 0.0
    for step, value in zip(df[chart.x], df["_s0"].fillna(0).astype(float), strict=True):
        ax.bar(
            step, value, bottom=running if value >= 0 else running + value, color="#1f77b4" if value >= 0 else "#d62728"
        )
        ax.text(step, running + value / 2, f"{value:,.0f}", ha="center", va="center", color="white", fontsize=8)
        running += value
    ax.bar("Implied cloud\n& AI", running, color="#2ca02c")
    ax.text("Implied cloud\n& AI", running / 2, f"{running:,.0f}", ha="center", va="center", color="white")
    ax.tick_params(axis="x", labelsize=8)


def _events(ax, chart: Chart, df: pd.DataFrame) -> None:
    """Catalysts as dated marks over the panel before them."""
    top = ax.get_ylim()[1]
    for _, event in df.iterrows():
        ax.axvline(event[chart.x], color="#2ca02c", alpha=0.35, lw=1)
        label = str(event[chart.columns[-1]])[:38]
        ax.text(event[chart.x], top, " " + label, fontsize=6, rotation=90, va="top", color="#2ca02c")


def draw(conn: duckdb.DuckDBPyConnection, charts: list[Chart], path: Path) -> Path:
    panels = [c for c in charts if c.kind != "events"]
    fig, axes = plt.subplots(1, len(panels), figsize=(10 if len(panels) == 1 else 12, 4.8), squeeze=False)
    ax = None
    for chart, ax in zip(panels, axes[0], strict=True):
        df = frame(conn, chart)
        if df.empty:
            ax.text(0.5, 0.5, "no data", ha="center", transform=ax.transAxes)
        elif chart.kind == "line":
            _line(ax, chart, df)
        elif chart.kind in ("bar", "stacked_bar"):
            _bar(ax, chart, df, stacked=chart.kind == "stacked_bar")
        elif chart.kind == "waterfall":
            _waterfall(ax, chart, df)
        ax.set_title(chart.name, fontsize=10)
        ax.set_ylabel(chart.y_label)
        ax.grid(alpha=0.3)
        if len(ax.get_legend_handles_labels()[0]):
            ax.legend(loc="upper left", fontsize=7)
    for chart in (c for c in charts if c.kind == "events"):
        _events(ax, chart, frame(conn, chart))
    fig.tight_layout()
    tmp = path.with_suffix(".tmp.png")
    fig.savefig(tmp, dpi=DPI)
    plt.close(fig)
    tmp.replace(path)
    return path


def render_all(published: Path, out_dir: Path) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    with connect_published(locked=False, path=published) as conn:
        return {name: draw(conn, charts, out_dir / name) for name, charts in png_files().items()}
