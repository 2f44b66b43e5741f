"""What `make run` shows while the job runs: one line per stage, counted from the run's own Dagster events.

A Dagster logger (`StageBoard.logger_def`) receives every event of the run; the board counts raw tables
loaded, dbt models built, dbt tests passed (failures and warnings by their check names), the published
warehouse and the charts, and draws them with rich: live progress bars on a terminal, plain lines otherwise
(no colour codes when the output is a file or a pipe). Everything else the run prints (Dagster's DEBUG log,
dbt's own output) goes to the run's log file instead (`capture_output`).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import dagster as dg
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

# The attribute Dagster's log manager sets on each record of a run event (dagster._core.log_manager).
_EVENT_ATTR = "dagster_event"


@contextmanager
def capture_output(log_path: Path) -> Iterator[IO[str]]:
    """Send this process's stdout and stderr (and its children's: dbt) to `log_path`; yield a text stream to
    the original stdout for what the user should see."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    sys.stdout.flush()
    sys.stderr.flush()
    saved_out, saved_err = os.dup(1), os.dup(2)
    terminal = os.fdopen(os.dup(saved_out), "w", buffering=1)
    with open(log_path, "a", buffering=1) as log:
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        try:
            yield terminal
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved_out, 1)
            os.dup2(saved_err, 2)
            os.close(saved_out)
            os.close(saved_err)
            terminal.flush()


def make_console(stream: IO[str]) -> Console:
    """Colour and live bars only on a terminal (rich also honours NO_COLOR); lines never wrapped in a file."""
    terminal = stream.isatty()
    return Console(file=stream, highlight=False, width=None if terminal else 200, force_terminal=terminal)


@dataclass
class Stage:
    label: str
    total: int
    done: int = 0
    failed: list[str] = field(default_factory=list)
    warned: list[str] = field(default_factory=list)
    task: int | None = None


class StageBoard:
    """Counts the job's events per stage; `lines()` is the final one-line-per-stage report."""

    def __init__(self, job: dg.JobDefinition, dbt_check_keys: set[dg.AssetCheckKey], console: Console):
        self.console = console
        keys = set(job.asset_layer.executable_asset_keys)
        self.raw_keys = {k for k in keys if k.path[0] == "raw"}
        self.dbt_keys = {k for k in keys if k.path[0] in ("staging", "intermediate", "marts")}
        self.check_keys = set(dbt_check_keys)
        self.stages = {
            "raw": Stage("raw tables loaded", len(self.raw_keys)),
            "models": Stage("dbt models built", len(self.dbt_keys)),
            "tests": Stage("dbt tests run", len(self.check_keys)),
            "published": Stage("warehouse published", 1),
            "charts": Stage("charts rendered", 1),
        }
        self.step_failures: list[tuple[str, str]] = []
        self.progress = Progress(
            TextColumn("{task.description:<22}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,
            # Dagster's and dbt's prints go to the log file (capture_output), not above the bars
            redirect_stdout=False,
            redirect_stderr=False,
        )
        for stage in self.stages.values():
            stage.task = self.progress.add_task(stage.label, total=stage.total)

    def _advance(self, name: str, note: str | None = None, failed: bool = False, warned: bool = False) -> None:
        stage = self.stages[name]
        if failed:
            stage.failed.append(note or "?")
        else:
            stage.done += 1
            if warned:
                stage.warned.append(note or "?")
        self.progress.update(stage.task, completed=stage.done)

    def handle(self, event: dg.DagsterEvent) -> None:
        kind = event.event_type
        if kind == dg.DagsterEventType.ASSET_MATERIALIZATION:
            key = event.asset_key
            if key in self.raw_keys:
                self._advance("raw")
            elif key in self.dbt_keys:
                self._advance("models")
            elif key and key.path == ["warehouse", "published"]:
                self._advance("published")
            elif key and key.path == ["warehouse", "charts"]:
                materialization = event.event_specific_data.materialization
                charts = [k for k, v in materialization.metadata.items() if isinstance(v, dg.PathMetadataValue)]
                self.stages["charts"].total = max(len(charts), 1)
                self.progress.update(self.stages["charts"].task, total=self.stages["charts"].total)
                for _ in charts:
                    self._advance("charts")
        elif kind == dg.DagsterEventType.ASSET_CHECK_EVALUATION:
            evaluation = event.event_specific_data
            if evaluation.asset_check_key not in self.check_keys:
                return
            name = f"{evaluation.check_name} on {evaluation.asset_key.to_user_string()}"
            warn = evaluation.severity == dg.AssetCheckSeverity.WARN
            self._advance(
                "tests", name, failed=not evaluation.passed and not warn, warned=not evaluation.passed and warn
            )
        elif kind == dg.DagsterEventType.STEP_FAILURE:
            error = event.step_failure_data.error if event.step_failure_data else None
            message = (error.message if error else "").strip().splitlines()
            self.step_failures.append((event.step_key or "?", message[0] if message else ""))

    def logger_def(self) -> dg.LoggerDefinition:
        board = self

        class _Handler(logging.Handler):
            def emit(self, record: logging.LogRecord) -> None:
                event = getattr(record, _EVENT_ATTR, None)
                if event is not None:
                    board.handle(event)

        @dg.logger(description="Counts the run's events for the one-line-per-stage progress of `make run`.")
        def stage_progress(_init_context) -> logging.Logger:
            log = logging.Logger("stage_progress", level=logging.DEBUG)
            log.addHandler(_Handler())
            return log

        return stage_progress

    def lines(self) -> list[str]:
        out = []
        for stage in self.stages.values():
            mark = "FAILED" if stage.failed else ("ok" if stage.done >= stage.total else "--")
            text = f"{stage.label:<22} {stage.done:>4}/{stage.total:<4} {mark}"
            if stage.warned:
                text += f", {len(stage.warned)} warned (severity warn: they do not block publishing):"
            out.append(text)
            out.extend(f"  warned: {name}" for name in stage.warned[:3])
            for name in stage.failed[:5]:
                out.append(f"  failed: {name}")
            if len(stage.failed) > 5:
                out.append(f"  ... and {len(stage.failed) - 5} more failed")
        return out
