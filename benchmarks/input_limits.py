"""Time and memory of draft's input bounds, run by hand (never in the tests):

    python benchmarks/input_limits.py

Prints one line a case: wall time and peak traced Python memory. The bounds in
drafting/source/yaml_loader.py and drafting/packs/sandbox.py are meant to keep every hostile case
well under a second and a few megabytes, and a file at the size limit under
about a gigabyte.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafting.workflow.build import Builder, render_docx  # noqa: E402
from drafting.source.yaml_loader import MAX_INPUT_BYTES, parse_speech  # noqa: E402
from drafting.errors import DraftError  # noqa: E402


def measure(name: str, action) -> None:
    tracemalloc.start()
    start = time.perf_counter()
    try:
        action()
        outcome = "ok"
    except DraftError as e:
        outcome = "refused: " + e.message[:40]
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"{name:<34} {seconds * 1000:9.1f} ms {peak / 2**20:9.1f} MiB  {outcome}")


def largest_plain_file() -> bytes:
    """A speech just under the size limit: many paragraphs of Chinese text."""
    line = "          - 全区上下坚持稳中求进工作总基调，统筹推进疫情防控和经济社会发展。\n"
    head = "meeting:\n  name: 会议\n  year: 2025\nparts:\n  - heading: 一\n    points:\n      - lead: 要\n        body:\n"
    count = (MAX_INPUT_BYTES - 1000) // len(line.encode())
    return (head + line * count).encode()


def main() -> None:
    laughs = (ROOT / "tests/cases/billion-laughs/speech.yaml").read_bytes()
    measure("billion laughs", lambda: parse_speech(laughs, "laughs.yaml"))
    measure("100 000 nested brackets", lambda: parse_speech(b"a: " + b"[" * 100_000, "deep.yaml"))
    big = largest_plain_file()
    measure(f"plain file of {len(big) / 2**20:.1f} MiB", lambda: parse_speech(big, "big.yaml"))
    seed = ROOT / "seeds/seed-speech.yaml"
    measure("seed speech to .docx", lambda: render_docx(Builder().draft(seed)))


if __name__ == "__main__":
    main()
