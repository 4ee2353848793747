"""draft against docxtpl and the zip floor, in one run: ``python benchmarks/run.py``.

Builds speeches of 59, 581, 5,801 and 58,001 paragraphs (the seed scaled, through
the real pack) three ways, taking turns so that load on the machine falls on all
three alike, and prints medians and ratios as a Markdown table:

- draft: load, validate, render, write the .docx (a new ``Builder`` per build, so
  the pack is loaded each time, as a single ``draft build`` does); and the same
  with the pack already loaded (batch, ``draft watch``);
- docxtpl 0.20: load the YAML, render the equivalent Word template, save;
- floor: draft's finished document.xml and other parts written straight into a zip.

Then the peak memory of the largest build. Whole processes (what a writer waits
for: start, import, build) are ``processes.py``. Needs the ``bench`` extra (docxtpl).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from docxtpl_template import build_with_docxtpl, make_template  # noqa: E402
from inputs import SEED_YAML, SIZES, write_inputs  # noqa: E402

from drafting.workflow.build import Builder, render_docx  # noqa: E402
from drafting.writers.safe_write import write_atomic  # noqa: E402

# Repetitions per size: enough for a stable median without taking all day.
REPEATS = {59: 41, 581: 21, 5801: 9, 58001: 5}


def draft_build(source: Path, target: Path, builder: Builder | None = None) -> None:
    builder = builder or Builder()
    write_atomic(target, render_docx(builder.draft(source)))


def yaml_floor(source: Path) -> None:
    """Only reading the input: libyaml's C parser over the file, building nothing.
    Any tool that takes this YAML pays at least this; the zip floor ignores it."""
    text = source.read_bytes().decode("utf-8")
    for _ in yaml.parse(text, Loader=yaml.CSafeLoader):
        pass


def zip_floor(parts: dict[str, bytes], target: Path) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            package.writestr(name, content)


def read_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def take_turns(contenders: dict, repeats: int) -> dict[str, float]:
    """Median seconds of each contender, run in turn after one warm-up each."""
    for run in contenders.values():
        run()
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(repeats):
        for name, run in contenders.items():
            times[name].append(timed(run))
    return {name: statistics.median(values) for name, values in times.items()}


def paragraph_count(path: Path) -> int:
    xml = read_parts(path)["word/document.xml"]
    return xml.count(b"<w:p>") + xml.count(b"<w:p ")


def in_process(folder: Path, sizes, scale: float) -> list[dict]:
    inputs = write_inputs(folder, sizes)
    template = make_template(SEED_YAML, folder / "docxtpl-template.docx")
    shared = Builder()
    rows = []
    for n, source in inputs.items():
        out = {name: folder / f"{name}-{n}.docx" for name in ("draft", "cached", "docxtpl", "floor")}
        draft_build(source, out["draft"])
        parts = read_parts(out["draft"])
        contenders = {
            "draft": lambda: draft_build(source, out["draft"]),
            "cached": lambda: draft_build(source, out["cached"], shared),
            "docxtpl": lambda: build_with_docxtpl(template, source, out["docxtpl"]),
            "floor": lambda: zip_floor(parts, out["floor"]),
            "yaml": lambda: yaml_floor(source),
        }
        medians = take_turns(contenders, max(3, round(REPEATS.get(n, 5) * scale)))
        counts = {name: paragraph_count(path) for name, path in out.items() if name != "yaml"}
        if len(set(counts.values())) != 1:
            raise SystemExit(f"the contenders wrote different documents at {n}: {counts}")
        rows.append({"paragraphs": n, "document_xml": len(parts["word/document.xml"]), **medians})
        print(f"  {n} paragraphs done", file=sys.stderr)
    return rows


def peak_memory(source: Path, target: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(HERE / "memory.py"), str(source), str(target)],
        env=env, check=True, capture_output=True, text=True,
    )
    return json.loads(done.stdout)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds >= 0.1 else f"{seconds * 1000:.1f} ms"


def report(rows: list[dict], memory: dict | None) -> str:
    lines = [
        "| 段落数 | draft | draft（模板包已载入） | docxtpl 0.20 | zip 下限 | YAML 解析下限 "
        "| draft ÷ docxtpl | draft ÷ zip 下限 | draft ÷ (YAML + zip 下限) | 每段耗时 |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        n = row["paragraphs"]
        lines.append(
            f"| {n:,} | {ms(row['draft'])} | {ms(row['cached'])} | {ms(row['docxtpl'])} | {ms(row['floor'])} "
            f"| {ms(row['yaml'])} | {row['draft'] / row['docxtpl']:.2f} | {row['draft'] / row['floor']:.2f} "
            f"| {row['draft'] / (row['yaml'] + row['floor']):.2f} | {row['draft'] / n * 1e6:,.0f} µs |"
        )
    by_size = {row["paragraphs"]: row for row in rows}
    if 5801 in by_size and 58001 in by_size:
        per = [by_size[n]["draft"] / n for n in (5801, 58001)]
        lines.append(f"\n线性：58,001 段的每段耗时是 5,801 段的 {per[1] / per[0]:.2f} 倍。")
    if memory:
        mib = 1024 * 1024
        lines.append(
            f"\n内存：{58001 if 58001 in by_size else ''} 段的生成进程峰值 {memory['peak'] / mib:.0f} MiB"
            f"（导入后 {memory['baseline'] / mib:.0f} MiB），document.xml {memory['document_xml'] / mib:.1f} MiB，"
            f"峰值为其 {memory['peak'] / memory['document_xml']:.1f} 倍。"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="paragraph counts")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the repetitions (0.2 for a quick look)")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-memory build")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="draft-bench-") as temp:
        folder = Path(temp)
        # draft's cache folder (styled package, compiled template) for this run only;
        # each contender's warm-up run fills it, as a writer's first build does
        os.environ["DRAFT_CACHE_DIR"] = str(folder / "cache")
        rows = in_process(folder, args.sizes, args.scale)
        memory = None
        if not args.no_memory:
            largest = max(args.sizes)
            memory = peak_memory(folder / f"speech-{largest}.yaml", folder / "memory.docx")
    print(report(rows, memory))
    if args.json:
        args.json.write_text(json.dumps({"in_process": rows, "memory": memory}, indent=2))


if __name__ == "__main__":
    main()
