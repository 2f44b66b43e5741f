"""The code follows the data: seeds -> raw -> dbt -> serving -> readers. No module imports a later stage, the
command lines are imported by no stage, the package has no import cycle, and no product file grows past ~300
lines (the pipeline package and the BI scripts; benchmarks/, scripts/ and tests/ are tools, not product)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "dagster_project"
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
# bi/ reads the published marts through the chart registry: it stands with the readers.
BI_STAGE = STAGES["readers"]
PRODUCT_DIRS = (PACKAGE, ROOT / "bi")
MAX_LINES = 300


def _python_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _modules() -> dict[str, Path]:
    """Every module of dagster_project by dotted name below it (a package by its own name)."""
    found = {}
    for p in _python_files(PACKAGE):
        parts = p.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts) or "__init__"] = p
    return found


def _imported(name: str, path: Path, source: str | None = None) -> set[str]:
    """Dotted names below dagster_project that module `name` imports (absolute or relative): the module
    itself, or for `from package import x` the submodule x where it is one."""
    is_package = path.name == "__init__.py"
    package = name.split(".") if is_package else name.split(".")[:-1]
    modules = _modules()
    found = set()
    for node in ast.walk(ast.parse(source if source is not None else path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                parts = base + (node.module.split(".") if node.module else [])
            elif node.module and node.module.split(".")[0] == "dagster_project":
                parts = node.module.split(".")[1:]
            else:
                continue
            target = ".".join(parts)
            subs = {f"{target}.{a.name}" if target else a.name for a in node.names}
            known = {s for s in subs if s in modules}
            found |= known if known else {target}
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".", 1)[1] for a in node.names if a.name.startswith("dagster_project.")}
    return {f for f in found if f}


def _stage(dotted: str) -> str:
    return dotted.split(".")[0]


def test_every_module_has_a_stage():
    assert {_stage(name) for name in _modules()} - {"__init__"} <= set(STAGES)


def test_the_import_scan_sees_imports():
    """The scan below must see each form of import, or the stage test could never fail."""
    source = "from ...serving import publish\nfrom ...cli.run import main\nimport dagster_project.readers.charts\n"
    seen = {_stage(t) for t in _imported("raw.checks.market", PACKAGE / "raw/checks/market.py", source)}
    assert seen == {"serving", "cli", "readers"}
    assert "raw.schemas" in _imported("raw.checks.market", PACKAGE / "raw/checks/market.py")


def test_no_module_imports_a_later_stage_or_a_command_line():
    wrong = []
    for name, path in _modules().items():
        own = _stage(name)
        if own == "__init__":
            continue
        for target in _imported(name, path):
            if _stage(target) in STAGES and STAGES[_stage(target)] > STAGES[own]:
                wrong.append(f"{name} imports {target}")
    assert not wrong, wrong


def test_bi_imports_no_later_stage():
    wrong = []
    for path in _python_files(ROOT / "bi"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            for n in names:
                if n.startswith("dagster_project.") and STAGES.get(n.split(".")[1], 99) > BI_STAGE:
                    wrong.append(f"bi/{path.name} imports {n}")
    assert not wrong, wrong


def test_no_import_cycles():
    graph = {name: _imported(name, path) & set(_modules()) for name, path in _modules().items()}
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(path[path.index(nxt) :] + [nxt]))
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert not cycles, cycles


def test_product_files_stay_small():
    long = {
        str(p.relative_to(ROOT)): n
        for folder in PRODUCT_DIRS
        for p in _python_files(folder)
        if (n := len(p.read_text().splitlines())) > MAX_LINES
    }
    assert not long, long
