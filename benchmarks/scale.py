"""Scale benchmark (issue 18): a full build of a large generated market, stage by stage, out of core.

    python benchmarks/scale.py --seeds benchmarks/data/scale/seeds [--query-runs 30] [--out FILE]

(`make bench-scale` generates 50,000 listings x 10 years first: ~22 GB of CSV and ~55-70 GB for the warehouse at its
peak, tens of minutes; not part of CI.) On a fresh warehouse next to the seeds (<seeds>/../work/scale), each stage
runs as its own `python -m dagster_project.cli.build --select <stage>` process: raw, dbt, publish. For each: wall
time, peak resident memory of its process tree (polled from /proc), peak and final disk used by the warehouse folder
(DuckDB's spill folder included). Then the dashboard queries' p95 on the published file, and one appended trading
day built the same way (then the seed files are truncated back). Results:
benchmarks/results/scale_<listings>x<years>.json, with the cost per million price rows.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run as bench  # noqa: E402  (the default-scale harness: machine, versions, queries, next-day append)

STAGES = ("raw", "dbt", "publish")


def disk_used(folder: Path) -> int:
    """Bytes on disk under `folder` (allocated blocks: sparse files count what they hold)."""
    total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_blocks * 512
            except OSError:
                pass
    return total


def run_stage(stage: str, seeds: Path, warehouse: Path, env: dict[str, str], poll: float = 0.2) -> dict:
    cmd = [bench.PY, "-m", "dagster_project.cli.build", "--select", stage, "--seeds-dir", str(seeds)]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=bench.ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out: dict[str, str] = {}
    readers = [
        threading.Thread(target=lambda n=n, s=s: out.__setitem__(n, s.read()))
        for n, s in (("stdout", proc.stdout), ("stderr", proc.stderr))
    ]
    for t in readers:
        t.start()
    peak_rss = peak_disk = 0
    while proc.poll() is None:
        peak_rss = max(peak_rss, bench._tree_rss(proc.pid))
        peak_disk = max(peak_disk, disk_used(warehouse))
        time.sleep(poll)
    for t in readers:
        t.join()
    result = {
        "wall_s": round(time.perf_counter() - started, 2),
        "peak_rss_gib": round(peak_rss / 2**30, 3),
        "peak_disk_gib": round(max(peak_disk, disk_used(warehouse)) / 2**30, 3),
        "disk_after_gib": round(disk_used(warehouse) / 2**30, 3),
        "ok": proc.returncode == 0,
        "raw_loads": [m.group(0) for m in bench.RAW_MODE_RE.finditer(out.get("stderr", ""))],
    }
    if proc.returncode != 0:
        result["error"] = out.get("stderr", "")[-3000:]
    return result


def build(seeds: Path, warehouse: Path, env: dict[str, str], label: str) -> dict:
    stages = {}
    for stage in STAGES:
        bench.log(f"{label}: {stage}")
        stages[stage] = run_stage(stage, seeds, warehouse, env)
        if not stages[stage]["ok"]:
            bench.log(f"{label} failed in {stage}: {stages[stage]['error'][-600:]}")
            break
    done = [s for s in stages.values() if s["ok"]]
    return {
        "ok": len(done) == len(STAGES),
        "wall_s": round(sum(s["wall_s"] for s in stages.values()), 2),
        "peak_rss_gib": max((s["peak_rss_gib"] for s in stages.values()), default=None),
        "peak_disk_gib": max((s["peak_disk_gib"] for s in stages.values()), default=None),
        "stages": stages,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=Path, default=bench.DATA / "scale" / "seeds")
    parser.add_argument("--query-runs", type=int, default=30)
    parser.add_argument("--out", type=Path, default=None, help="default results/scale_<listings>x<years>.json")
    parser.add_argument("--keep", action="store_true", help="keep the warehouse afterwards")
    args = parser.parse_args(argv)
    seeds = args.seeds.resolve()
    manifest = json.loads((seeds.parent / "manifest.json").read_text())
    rows = manifest["rows"]["prices"]
    out = args.out or HERE / "results" / f"scale_{manifest['n_listings']}x{manifest['years']}.json"
    bench.WORK = seeds.parent / "work"
    warehouse = bench.WORK / "scale"
    shutil.rmtree(warehouse, ignore_errors=True)
    warehouse.mkdir(parents=True)
    env = bench.build_env(warehouse)
    input_bytes = sum(p.stat().st_size for p in seeds.rglob("*.csv"))
    res: dict = {
        "started_at_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": bench.machine(),
        "versions": bench.versions(),
        "scale": manifest,
        "input_csv_gib": round(input_bytes / 2**30, 3),
        "duckdb_memory_limit": env.get("DUCKDB_MEMORY_LIMIT") or "default (share of the machine's memory)",
        "free_disk_before_gib": round(shutil.disk_usage(warehouse).free / 2**30, 1),
    }

    def save() -> None:
        res.setdefault("load_average", []).append(os.getloadavg())
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(res, indent=2, default=str) + "\n")

    res["full_build"] = full = build(seeds, warehouse, env, "full build")
    save()
    if full["ok"]:
        bench.log("dashboard queries")
        res["queries"] = bench.bench_queries(warehouse / "warehouse.duckdb", args.query_runs)
        save()
        if (seeds.parent / "next_day").exists():
            sizes = bench.append_next_day(seeds)
            try:
                res["one_day_append"] = day = build(seeds, warehouse, env, "one-day append")
            finally:
                bench.restore_sizes(sizes)
            day["ratio_to_full"] = round(day["wall_s"] / full["wall_s"], 3)
        per_m = rows / 1e6
        res["per_million_price_rows"] = {
            "full_build_s": round(full["wall_s"] / per_m, 2),
            **{f"{s}_s": round(full["stages"][s]["wall_s"] / per_m, 2) for s in STAGES},
            "peak_disk_gib": round(full["peak_disk_gib"] / per_m, 4),
            "final_disk_gib": round(full["stages"]["publish"]["disk_after_gib"] / per_m, 4),
        }
        res["disk_to_input_ratio"] = {
            "peak": round(full["peak_disk_gib"] / (input_bytes / 2**30), 3),
            **{f"{s}_after": round(full["stages"][s]["disk_after_gib"] / (input_bytes / 2**30), 3) for s in STAGES},
        }
    save()
    if not args.keep:
        shutil.rmtree(warehouse, ignore_errors=True)
    print(json.dumps({k: res.get(k) for k in ("full_build", "one_day_append", "per_million_price_rows")}, indent=1))
    print(f"written: {out}")
    return 0 if full["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
