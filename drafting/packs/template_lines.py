"""Which line of which template printed a given line of the output.

The markup reader sees only the output, but a pack author knows the template:
a stray text on template line 14 must be reported at template line 14, not at
a line of output the author never sees. Finding it costs a second render, so
it is done only for an output that is already known to be wrong.

Jinja's compiled code records, for each of its lines, the template line it came
from; while the output is generated, the innermost template generator's current
line says where a piece of output was printed. A piece of the template's own
text (not a ``{{ value }}``) is then found in the template's source, so a line
inside a long stretch of literal text is exact. The output of a macro (printed
whole at the call) is reported where the macro's file holds the offending text,
when it does so once, else at the line that called it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterator

import jinja2

from drafting.errors import Location, MarkupError, TemplateError
from drafting.packs.render import Renderer
from drafting.packs.sandbox import check_length, output_limit
from drafting.source.yaml_loader import SpeechData


@dataclass(frozen=True, slots=True)
class _Piece:
    start: int  # offset of its first character in the whole output
    template: jinja2.Template
    line: int  # the template line Jinja records for the code that printed it


def at_template_line(error: MarkupError, renderer: Renderer, speech: SpeechData) -> TemplateError:
    """``error`` at the template file and line that printed the offending output."""
    if error.output_line is None:
        return TemplateError(error.message, error.location)
    try:
        pieces, output = _pieces(renderer, speech, error.output_line)
    except Exception:  # a second render that fails differently: keep what is known
        return TemplateError(error.message, error.location)
    offset = _offset(output, error.output_line, error.output_column, error.output_text)
    index = bisect.bisect_right([p.start for p in pieces], offset) - 1
    if index < 0:
        return TemplateError(error.message, error.location)
    piece = pieces[index]
    end = pieces[index + 1].start if index + 1 < len(pieces) else len(output)
    file, line = _source_line(piece, output[piece.start:end], offset - piece.start, error.output_text)
    return TemplateError(error.message, Location(file, line))


def _pieces(renderer: Renderer, speech: SpeechData, last_line: int) -> tuple[list[_Piece], str]:
    """The output up to the piece after ``last_line`` (no further: the rest may be
    long, or the template may run away), and where each piece was printed."""
    context, _ = renderer.context(speech)
    generator = renderer.template().generate(context)
    limit = output_limit(len(speech.source.text))
    pieces: list[_Piece] = []
    chunks: list[str] = []
    length = lines = 0
    try:
        for chunk in generator:
            frame = _template_frame(generator)
            if frame is not None and chunk:
                template = frame.f_globals["__jinja_template__"]
                pieces.append(_Piece(length, template, template.get_corresponding_lineno(frame.f_lineno)))
            chunks.append(chunk)
            length += len(chunk)
            check_length(length, limit)
            lines += chunk.count("\n")
            if lines >= last_line:  # the piece holding the line and the start of the next are in
                break
    finally:
        generator.close()
    return pieces, "".join(chunks)


def _template_frame(generator: Iterator[str]):
    """The frame of the innermost template code that is suspended at a ``yield``."""
    found = None
    current = generator
    while current is not None and getattr(current, "gi_frame", None) is not None:
        if "__jinja_template__" in current.gi_frame.f_globals:
            found = current.gi_frame
        current = current.gi_yieldfrom
    return found


def _offset(output: str, line: int, column: int | None, text: str | None) -> int:
    """The output offset of a line and column (1-based), or of ``text`` on that line."""
    start = 0
    for _ in range(line - 1):
        found = output.find("\n", start)
        if found < 0:
            break
        start = found + 1
    end = output.find("\n", start)
    end = len(output) if end < 0 else end
    if column is not None:
        return min(start + column - 1, max(end - 1, start))
    at = output.find(text, start, end) if text else -1
    if at < 0:
        stripped = output[start:end]
        at = start + len(stripped) - len(stripped.lstrip())
    return at


def _source_line(piece: _Piece, chunk: str, within: int, text: str | None) -> tuple[str, int]:
    """The file and line of output offset ``within`` of ``chunk``: inside the
    template's own text when the chunk is that text; for a chunk a macro of the
    same file printed, the one place in the file with the offending ``text``;
    else the line that printed it."""
    file = piece.template.filename or piece.template.name
    try:
        source = piece.template.environment.loader.get_source(piece.template.environment, piece.template.name)[0]
    except (jinja2.TemplateNotFound, OSError, AttributeError):
        return file, piece.line
    line_start = 0
    for _ in range(piece.line - 1):
        line_start = source.find("\n", line_start) + 1
    at = source.find(chunk, line_start)
    if at >= 0:
        return file, source.count("\n", 0, at + within) + 1
    if text and source.count(text) == 1:
        return file, source.count("\n", 0, source.index(text)) + 1
    return file, piece.line
