"""The .docx zip, written the same way every time.

Fixed entry times and order make the same input give byte-identical output, so
writers can keep speeches in version control and see only real changes.
``SOURCE_DATE_EPOCH`` sets the time when given.
"""

from __future__ import annotations

import io
import os
import time
import zipfile

_DEFAULT_EPOCH = 315532800  # 1980-01-01, the earliest time a zip entry can hold


def zip_time() -> tuple[int, int, int, int, int, int]:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", _DEFAULT_EPOCH))
    return time.gmtime(max(epoch, _DEFAULT_EPOCH))[:6]


def finish_package(blob: bytes) -> bytes:
    stamp = zip_time()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
