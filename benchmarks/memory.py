"""Peak memory of one build, run in a process of its own: ``python memory.py IN.yaml OUT.docx``.

Prints JSON: resident set size after the imports, its peak over the build, and
the size of the document.xml written. Resident memory counts every allocation
(libxml2's too, which tracemalloc misses). Linux's VmHWM is read rather than
``ru_maxrss``, which a process started from a larger one inherits from it.
"""

from __future__ import annotations

import json
import resource
import sys
import zipfile
from pathlib import Path

_STATUS = Path("/proc/self/status")


def peak_rss() -> int:
    """Bytes: the high-water mark of this process's resident memory."""
    if _STATUS.exists():
        for line in _STATUS.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def main(source: str, target: str) -> None:
    from drafting.workflow.build import Builder, render_docx
    from drafting.writers.safe_write import write_atomic
    import drafting.writers.docx  # noqa: F401 - count imports as baseline, not as the build

    baseline = peak_rss()
    write_atomic(target, render_docx(Builder().draft(source)))
    peak = peak_rss()
    with zipfile.ZipFile(target) as package:
        xml_size = package.getinfo("word/document.xml").file_size
    print(json.dumps({"baseline": baseline, "peak": peak, "document_xml": xml_size}))


if __name__ == "__main__":
    main(*sys.argv[1:3])
