"""Run by hand: python benchmarks/bench_packs_and_tables.py

Targets (not asserted in tests): checking a pack's template against its schema
under 50 ms per pack; a 2000-row table from YAML to .docx under 2 s.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from drafting.workflow.build import Builder, render_docx  # noqa: E402
from drafting.packs.check import check_pack  # noqa: E402
from drafting.packs.finder import SCHEMA_FILE, list_packs  # noqa: E402
from drafting.packs.render import Renderer  # noqa: E402


def bench_pack_checks(rounds: int = 20) -> None:
    for pack in list_packs():
        start = time.perf_counter()
        for _ in range(rounds):
            renderer = Renderer(pack.template_dirs(), pack.template_file.name)
            check_pack(renderer.env, renderer.template_name, pack.schema, pack.folder / SCHEMA_FILE)
        print(f"pack check {pack.name}: {(time.perf_counter() - start) / rounds * 1000:.1f} ms")


def bench_big_table(rows: int = 2000) -> None:
    lines = "\n".join(f"            - [指标{i}, 亿元, {i}.5, -{i % 7}.1]" for i in range(rows))
    text = (
        "pack: half-year-speech\nmeeting: {name: 测试会议, year: 2025}\nparts:\n  - heading: 一\n"
        "    intro:\n      - table:\n          caption: 大表\n          header: [指标, 单位, 完成值, 同比]\n"
        f"          rows:\n{lines}\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.yaml"
        path.write_text(text, encoding="utf-8")
        builder = Builder()
        builder.draft(path)  # load the pack once, as a batch or watch would
        start = time.perf_counter()
        draft = builder.draft(path)
        middle = time.perf_counter()
        size = len(render_docx(draft))
        end = time.perf_counter()
    print(f"{rows}-row table: YAML → model {(middle - start) * 1000:.0f} ms, "
          f"→ .docx {(end - middle) * 1000:.0f} ms ({size} bytes)")


if __name__ == "__main__":
    bench_pack_checks()
    bench_big_table()
