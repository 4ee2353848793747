"""Whole processes, side by side in one run: ``python benchmarks/processes.py``.

What a writer waits for is a whole ``draft build``: starting Python, importing,
loading the pack, building, writing. Each contender here is a process of its
own, run in turn with the others (load on the machine falls on all alike), and
the medians are printed as Markdown tables:

- draft: the installed ``draft`` script's ``from drafting.cli import main`` with
  ``build SPEECH.yaml -o OUT.docx``, draft's cache folder filled (every build
  after a writer's first) and, for the seed, empty;
- docxtpl 0.20: a script that loads the same YAML, renders the equivalent Word
  template (``docxtpl_template.py``) and saves;
- mdstyledocx (on the seed): the same speech as Markdown, converted with its
  ``official-doc-cn`` preset;
- floors: ``python -c pass`` and ``import docx, jinja2, yaml``.

Sizes: the seed and the seed scaled to 264, 2,604 and 26,004 paragraphs. Needs
the ``bench`` extra (docxtpl, mdstyledocx).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from docxtpl_template import make_template  # noqa: E402
from inputs import SEED_YAML, write_inputs  # noqa: E402

SIZES = (264, 2604, 26004)
REPEATS = {"seed": 15, 264: 11, 2604: 7, 26004: 3}
PYTHON = sys.executable
DRAFT = [PYTHON, "-c", "import sys; from drafting.cli import main; sys.exit(main())"]
DOCXTPL = [PYTHON, str(HERE / "docxtpl_build.py")]
MDSTYLEDOCX = [PYTHON, "-c", "import sys; from mdstyledocx.cli import main; sys.exit(main())"]
IMPORT_FLOOR = "`import docx, jinja2, yaml`"
DRAFT_SEED, DOCXTPL_SEED, MDSTYLEDOCX_SEED = "`draft build` 种子讲话", "docxtpl 脚本 种子讲话", "mdstyledocx 种子讲话"


def seed_markdown(target: Path) -> Path:
    """The seed speech as Markdown in mdstyledocx's conventions (# title,
    ## / ### / #### headings, a paragraph a block, run-in leads in bold)."""
    from drafting.model.document import BlockRole, InlineRole
    from drafting.workflow.build import Builder

    lines = []
    for block in Builder().draft(SEED_YAML).document.blocks:
        text = "".join(
            f"**{i.text}**" if i.role is InlineRole.LEAD else ("" if i.role.value.endswith("break") else i.text)
            for i in block.inlines
        )
        if block.role is BlockRole.TITLE:
            lines.append(f"# {text}")
        elif block.role is BlockRole.HEADING:
            lines.append(f"{'#' * min(block.level + 1, 4)} {text}")
        elif text:
            lines.append(text)
    target.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return target


def take_turns(commands: dict[str, tuple[list[str], dict]], repeats: int, cwd: Path) -> dict[str, float]:
    """Median seconds of each command, run in turn after one warm-up each."""
    def run(argv, env):
        start = time.perf_counter()
        subprocess.run(argv, cwd=cwd, env=env, check=True, capture_output=True)
        return time.perf_counter() - start

    for argv, env in commands.values():
        run(argv, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, (argv, env) in commands.items():
            times[name].append(run(argv, env))
    return {name: statistics.median(values) for name, values in times.items()}


def measure(folder: Path, sizes, scale: float) -> dict:
    # bytecode for draft's modules, as ``pip install`` compiles it
    compileall.compile_dir(str(ROOT / "drafting"), quiet=1)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DRAFT_CACHE_DIR": str(folder / "cache")}
    no_cache = {**env, "DRAFT_CACHE_DIR": ""}
    template = make_template(SEED_YAML, folder / "docxtpl-template.docx")
    markdown = seed_markdown(folder / "seed.md")
    inputs = {"seed": SEED_YAML, **write_inputs(folder, sizes)}

    def contenders(name, source):
        return {
            "draft": (DRAFT + ["build", str(source), "-o", str(folder / f"draft-{name}.docx")], env),
            "docxtpl": (DOCXTPL + [str(template), str(source), str(folder / f"docxtpl-{name}.docx")], env),
        }

    seed = {
        "`python -c pass`": ([PYTHON, "-c", "pass"], env),
        IMPORT_FLOOR: ([PYTHON, "-c", IMPORT_FLOOR.strip("`")], env),
        "`draft --help`": (DRAFT + ["--help"], env),
        "`draft templates`": (DRAFT + ["templates"], env),
        DRAFT_SEED: contenders("seed", SEED_YAML)["draft"],
        DOCXTPL_SEED: contenders("seed", SEED_YAML)["docxtpl"],
        "`draft build` 种子讲话（缓存文件夹为空）": (
            DRAFT + ["build", str(SEED_YAML), "-o", str(folder / "nc.docx")], no_cache
        ),
        MDSTYLEDOCX_SEED: (
            MDSTYLEDOCX + [str(markdown), "-o", str(folder / "md.docx"), "--preset", "official-doc-cn"], env
        ),
    }
    results = {"seed": take_turns(seed, max(3, round(REPEATS["seed"] * scale)), folder), "sizes": {}}
    print("  seed done", file=sys.stderr)
    for n in sizes:
        results["sizes"][n] = take_turns(contenders(n, inputs[n]), max(2, round(REPEATS.get(n, 3) * scale)), folder)
        print(f"  {n} paragraphs done", file=sys.stderr)
    return results


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def report(results: dict) -> str:
    seed = results["seed"]
    lines = ["| 段落数 | draft build | docxtpl 脚本 | draft ÷ docxtpl |", "|---:|---:|---:|---:|"]
    rows = [("种子讲话", seed[DRAFT_SEED], seed[DOCXTPL_SEED])]
    rows += [(f"{n:,}", r["draft"], r["docxtpl"]) for n, r in results["sizes"].items()]
    for label, draft, docxtpl in rows:
        lines.append(f"| {label} | {ms(draft)} | {ms(docxtpl)} | {draft / docxtpl:.2f} |")
    base, floor = seed["`python -c pass`"], seed[IMPORT_FLOOR]
    lines += ["", "| 整个进程（种子讲话） | 中位数 | 对比 |", "|---|---:|---:|"]
    for name, seconds in seed.items():
        if name in ("`draft --help`", "`draft templates`"):
            ratio = f"{seconds / base:.2f} × python -c pass"
        elif name in ("`python -c pass`", IMPORT_FLOOR):
            ratio = ""
        else:
            ratio = f"{seconds / floor:.2f} × {IMPORT_FLOOR.strip('`')}"
        lines.append(f"| {name} | {ms(seconds)} | {ratio} |")
    lines.append(f"\n`draft build` ÷ mdstyledocx（种子讲话）：{seed[DRAFT_SEED] / seed[MDSTYLEDOCX_SEED]:.2f}。")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES), help="paragraph counts")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the repetitions (0.3 for a quick look)")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="draft-processes-") as temp:
        results = measure(Path(temp), args.sizes, args.scale)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
