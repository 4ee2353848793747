"""The docxtpl contender as a whole process: ``python docxtpl_build.py TEMPLATE IN.yaml OUT.docx``.

What a docxtpl user's script does, and nothing else: load the YAML, render the
Word template (made beforehand by ``docxtpl_template.make_template``), save.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docxtpl_template import build_with_docxtpl  # noqa: E402

if __name__ == "__main__":
    build_with_docxtpl(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
