"""The code follows the data: seeds -> raw -> dbt -> serving -> readers. No module imports a later stage, the
command lines are imported by no stage, and no product file grows past ~300 lines."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "dagster_project"
# Stage of each top-level module or package of dagster_project; a module may import its own or earlier stages.
STAGES = {
    "paths": 0,
    "settings": 0,
    "database": 0,
    "buildlock": 0,
    "seeds": 1,
    "raw": 2,
    "dbt": 3,
    "serving": 4,
    "readers": 5,
    "automation": 6,
    "definitions": 7,
    "cli": 8,
}
# The raw contract and its catalogue of cross-file rules are declarations that grow with every seed family
# (one entry per table or rule): the exceptions.
LONG_FILES_ALLOWED = {"raw/schemas.py", "raw/checks.py"}


def _modules() -> dict[str, Path]:
    return {
        ".".join(p.relative_to(PACKAGE).with_suffix("").parts): p
        for p in PACKAGE.rglob("*.py")
        if "__pycache__" not in p.parts
    }


def _imports(name: str, path: Path) -> set[str]:
    """Top-level dagster_project modules that `name` imports (absolute or relative)."""
    package = name.split(".")[:-1] if path.name != "__init__.py" else name.split(".")
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                parts = base + (node.module.split(".") if node.module else [])
            elif node.module and node.module.startswith("dagster_project"):
                parts = node.module.split(".")[1:]
            else:
                continue
            if parts:
                found.add(parts[0])
            else:  # from . import x
                found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("dagster_project.")}
    return found


def test_every_module_has_a_stage():
    assert {name.split(".")[0] for name in _modules()} - {"__init__"} <= set(STAGES)


def test_no_module_imports_a_later_stage_or_a_command_line():
    wrong = []
    for name, path in _modules().items():
        own = name.split(".")[0]
        if own == "__init__":
            continue
        for target in _imports(name, path):
            if target in STAGES and STAGES[target] > STAGES[own]:
                wrong.append(f"{name} imports {target}")
    assert not wrong, wrong


def test_product_files_stay_small():
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text().splitlines())) > 300 and str(p.relative_to(PACKAGE)) not in LONG_FILES_ALLOWED
    }
    assert not long, long
