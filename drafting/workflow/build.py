"""The library entry: load → validate → render → document model → writer.

Callable without click. A ``Builder`` keeps loaded packs (schema validators,
compiled templates, style sheets) so a batch or ``draft watch`` pays for them once.
"""

from __future__ import annotations

import gc
import json
import re
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable

import jinja2

from drafting import cache
from drafting.source.yaml_loader import SpeechData, load_speech
from drafting.errors import Location, MarkupError, PackError, Problem, SchemaError, TemplateError
from drafting.readers.markup import read_markup
from drafting.model.document import Document, Image
from drafting.packs.finder import DEFAULT_PACK, SCHEMA_FILE, Pack, find_pack, read_pack_files
from drafting.source.pronunciations import read_pronunciations
from drafting.packs.render import Renderer
from drafting.source.schema import IMAGE_PATH_FORMAT, PackSchema, make_validator, validate
from drafting.source.slips import COUNT_PHRASE, doubled_counts, review
from drafting.source.statistics import Statistics, fill_statistics
from drafting.packs.stylesheet import StyleSheet, load_stylesheet

# What writers leave for "not known yet": X (xx, XX: a run is one), ×××, ＊＊,
# 某某, an editor's note in 【】, and 请填写… as the examples and extract write it.
_PLACEHOLDER_START = "[XxＸｘ×＊*某【请]"  # the first character of every form below
PLACEHOLDERS = re.compile(  # the lookahead lets the scan skip most positions at once
    f"(?={_PLACEHOLDER_START})" r"(?:(?<![A-Za-zＡ-Ｚａ-ｚ])[XxＸｘ]{1,4}(?![A-Za-zＡ-Ｚａ-ｚ])|[×＊*]{2,}|某某|【[^】\n]*】|请填写[^，。；、：\s]*)"
)


@dataclass(slots=True)
class Draft:
    """One speech taken through the pipeline as far as the document model."""

    speech: SpeechData
    pack: Pack
    document: Document
    stylesheet: StyleSheet
    warnings: list[Problem] = field(default_factory=list)
    # the writer's readings of names and places: word -> one syllable a character
    pronunciations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # which indicators the statistics sheet filled, from which row; its warnings
    statistics: Statistics = field(default_factory=Statistics)
    # the warnings that are typing slips (source.slips), listed by draft check as such
    slips: list[Problem] = field(default_factory=list)


@dataclass(slots=True)
class _LoadedPack:
    """A pack's checked schema, compiled template and style sheet, kept for every
    file of one run (a batch loads each pack once)."""

    pack: Pack
    validator: PackSchema
    renderer: Renderer
    stylesheet: StyleSheet
    warnings: list[Problem]  # where the pack's template and schema disagree


class Builder:
    def __init__(self, template_dirs: list[Path] | None = None):
        self.template_dirs = template_dirs or []
        self._packs: dict[Path, _LoadedPack] = {}

    def pack_for(self, speech: SpeechData) -> Pack:
        name = speech.values.get("pack", DEFAULT_PACK) if isinstance(speech.values, dict) else DEFAULT_PACK
        if not isinstance(name, str):
            name = DEFAULT_PACK  # the schema reports the wrong type with its line
        try:
            return find_pack(name, self.template_dirs, Path(speech.file).parent)
        except PackError as e:
            if e.location is not None or name == DEFAULT_PACK:
                raise
            raise PackError(e.message, speech.source.locate(("pack",))) from None  # the line that names it

    def load_pack(self, pack: Pack) -> _LoadedPack:
        loaded = self._packs.get(pack.folder)
        if loaded is None:
            renderer = Renderer(pack.template_dirs(), pack.template_file.name)
            loaded = _LoadedPack(
                pack,
                make_validator(pack),
                renderer,
                load_stylesheet(pack.stylesheet_file),
                checked_pack(pack, renderer),
            )
            self._packs[pack.folder] = loaded
        return loaded

    def draft(self, path: str | Path) -> Draft:
        with bulk_allocation():  # loading builds as many objects as the rest
            return self._draft_from(load_speech(path))

    def draft_from(self, speech: SpeechData) -> Draft:
        with bulk_allocation():
            return self._draft_from(speech)

    def _draft_from(self, speech: SpeechData) -> Draft:
        loaded = self.load_pack(self.pack_for(speech))
        try:
            valid = validate(speech, loaded.validator)
        except SchemaError as e:  # a slip that parsed (text after " #" lost) often explains it
            both = e.problems + speech.source.slips
            raise SchemaError(sorted(both, key=lambda p: (p.location.line or 0, p.location.column or 0))) from None
        valid, statistics = fill_statistics(valid, loaded.validator.plan)
        slips = review(valid)  # also reads figures typed with their unit, before they are printed
        template = str(loaded.pack.template_file)
        try:  # read as it is rendered; the warnings come back with the model
            document, missing = loaded.renderer.render(valid, lambda markup: read_markup(markup, template))
        except MarkupError as e:
            from drafting.packs.template_lines import at_template_line

            raise at_template_line(e, loaded.renderer, valid) from None
        check_images(document, valid, loaded)
        # an X the template printed for a figure is said once, as that (also when
        # the writer typed the X, or the figure is both in a sentence and a table)
        printed = {p.location for p in missing}
        typed = [
            p for p in find_placeholders(speech)
            if p.location not in printed and p.location.field not in statistics.filled
        ]
        if COUNT_PHRASE.search(speech.source.text):
            slips += doubled_counts(valid, _plain_text(document))
        warnings = sorted(
            dict.fromkeys(typed + missing + statistics.warnings + slips),
            key=lambda p: (p.location.line or 0, p.location.column or 0),
        )
        pronunciations = read_pronunciations(valid)
        return Draft(
            valid, loaded.pack, document, loaded.stylesheet, loaded.warnings + warnings, pronunciations, statistics,
            slips,
        )


def check_images(document: Document, speech: SpeechData, loaded: _LoadedPack) -> None:
    """A pack's template may insert only the pictures the validated data names:
    an ``<image src>`` of its own choosing would put any file of the writer's
    disk into the document (or read a device without end)."""
    images = [block for block in document.blocks if isinstance(block, Image)]
    if not images:  # most speeches: no need to look through the data for picture paths
        return
    plan = loaded.validator.plan
    named = {c[k] for _, c, k in plan.formatted(IMAGE_PATH_FORMAT, speech.values)} if plan else set()
    for block in images:
        if block.path not in named:
            raise TemplateError(
                f"模板包“{loaded.pack.name}”要插入图片“{block.path}”，而数据中没有写这个图片；"
                "模板只能插入写稿人在数据中写明的图片文件",
                Location(str(loaded.pack.template_file)),
            )


def checked_pack(pack: Pack, renderer: Renderer) -> list[Problem]:
    """``check_pack``'s findings, kept in draft's cache folder (``drafting.cache``).

    Checking a pack takes longer than building a speech, so a new ``draft build``
    reads them; ``pack_check_key`` names everything they depend on.
    """
    key = pack_check_key(pack, renderer)
    stored = cache.read(_CHECKED, key)
    if stored is not None:
        try:
            return [Problem(Location(**p["location"]), p["message"], p["source_line"]) for p in json.loads(stored)]
        except (ValueError, KeyError, TypeError):
            pass  # a damaged entry: check again
    from drafting.packs.check import check_pack

    try:
        problems = check_pack(renderer.env, renderer.template_name, pack.schema, pack.folder / SCHEMA_FILE)
    except RecursionError:  # a hostile pack's template nested thousands deep
        raise TemplateError("模板嵌套层次过深，无法编译", Location(str(pack.template_file))) from None
    cache.write(_CHECKED, key, json.dumps([asdict(p) for p in problems], ensure_ascii=False).encode("utf-8"))
    return problems


def pack_check_key(pack: Pack, renderer: Renderer) -> str:
    """A name for everything ``check_pack`` reads: every file its loader could open
    (any name, not only ``.j2``: a template may include ``note.txt``), the schema
    as the pack gets it (with the shared definitions and draft's own fields merged
    in), the environment's filters, tests and globals, the code of the checker and
    of what it calls, and Jinja's version (its parser)."""
    roots = pack.template_dirs()
    files = sorted(f for folder in roots for f in folder.rglob("*") if f.is_file())
    env = renderer.env
    return cache.digest(
        *(str(f) for f in files),
        *read_pack_files(files, roots, pack.name),  # within bounds, no links out
        cache.source_digest(*_CHECKER, Path(jinja2.__file__)),  # jinja2/__init__.py holds its version
        pack.schema_text,
        str(pack.folder / SCHEMA_FILE),
        renderer.template_name,
        " ".join(sorted(env.filters)), " ".join(sorted(env.tests)), " ".join(sorted(env.globals)),
    )


_CHECKED = "pack-check"
_DRAFTING = Path(__file__).resolve().parents[1]
_CHECKER = tuple(
    _DRAFTING / name
    for name in ("packs/check.py", "packs/render.py", "packs/sandbox.py", "packs/engine_fields.py",
                 "source/schema.py", "errors.py")
)


@contextmanager
def bulk_allocation():
    """Pause the cyclic garbage collector while a stage builds millions of objects.

    The pipeline's objects (nodes, dicts, strings, elements) hold no reference
    cycles, and reference counting frees them; but the collector rescans every
    live object each time allocations pass its threshold, so without this the time
    per paragraph grows with the document (a 58,000-paragraph build took twice as
    long per paragraph as a 5,800 one). Collection resumes when the stage ends.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _plain_text(document: Document) -> str:
    from drafting.writers.text import write_text

    return write_text(document)


# a plain character-class scan rejects most paragraphs several times faster
# than PLACEHOLDERS itself
_MAY_HOLD_PLACEHOLDER = re.compile(_PLACEHOLDER_START)


def find_placeholders(speech: SpeechData) -> Iterable[Problem]:
    """Every placeholder the writer left in the text, by field path and line, in
    ``walk``'s order; a path is made only for a text that holds one."""
    values = speech.values
    if isinstance(values, str):
        yield from _placeholders_in(speech, (), values)
    stack = [((), values)] if isinstance(values, (dict, list)) else []
    while stack:
        path, container = stack.pop()
        for key, value in container.items() if isinstance(container, dict) else enumerate(container):
            if isinstance(value, str):
                if _MAY_HOLD_PLACEHOLDER.search(value):
                    yield from _placeholders_in(speech, path + (key,), value)
            elif isinstance(value, (dict, list)):
                stack.append((path + (key,), value))


def _placeholders_in(speech: SpeechData, path: tuple, value: str) -> Iterable[Problem]:
    if found := PLACEHOLDERS.findall(value):
        forms = "、".join(dict.fromkeys("X" if f in ("X", "Ｘ") else f[:12] for f in found))
        yield Problem(speech.source.locate(path), f"还有 {len(found)} 处占位符 {forms} 待填写")


def copy_of(draft: Draft, copy: str = "file") -> tuple[Document, StyleSheet]:
    """The document and style sheet of one printed copy (see ``copies``)."""
    if copy == "reading":
        from drafting.model.editions import reading_copy
        from drafting.packs.stylesheet import reading_stylesheet

        return reading_copy(draft.document, draft.pronunciations), reading_stylesheet(draft.stylesheet)
    if copy == "outline":
        from drafting.model.editions import outline_copy

        return outline_copy(draft.document), draft.stylesheet
    return draft.document, draft.stylesheet


def render_text(draft: Draft, copy: str = "file") -> str:
    from drafting.writers.text import write_text

    with bulk_allocation():
        return write_text(copy_of(draft, copy)[0])


def render_docx(draft: Draft, reference_doc: Path | None = None, copy: str = "file") -> bytes:
    from drafting.writers.docx import DocxWriter

    with bulk_allocation():
        document, stylesheet = copy_of(draft, copy)
        return DocxWriter(stylesheet, reference_doc).write(document)


def render_pdf(draft: Draft, reference_doc: Path | None = None, copy: str = "file") -> bytes:
    """The very .docx a writer would open, converted by LibreOffice: the page
    and styles set the same lines in every suite, so there is no PDF variant."""
    from drafting.writers.pdf import docx_to_pdf

    return docx_to_pdf(render_docx(draft, reference_doc, copy))
