"""The writer's desk: one YAML file, edited as a form, previewed, saved and built.

Everything here goes through the library's own stages (``workflow/build.py``,
``workflow/check.py``, ``writers/``): the preview is the HTML writer over the
document the build makes, problems are the validator's and ``draft check``'s
own, in their words. The form's data is first written into the writer's YAML
text (``source/yaml_roundtrip.py``, as 保存 would write it) and read back with
draft's loader, so every line number shown is the line of the file as saved.
No HTTP here: ``server.py`` answers requests by calling these methods.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from drafting.errors import DraftError, Location, OverwriteRefused, Problem, SchemaError, WriteError, os_reason
from drafting.model.counting import count_characters, summary_line
from drafting.model.copy_names import COPY_SUFFIXES, copy_path
from drafting.packs.finder import DEFAULT_PACK, find_pack
from drafting.source.yaml_loader import parse_speech, read_input
from drafting.source.yaml_roundtrip import decode, edit_yaml, encode_like
from drafting.workflow.build import Builder, copy_of, render_docx, render_pdf
from drafting.writers.html import write_html

COPIES = tuple(COPY_SUFFIXES)  # file, reading, outline


@dataclass(slots=True)
class Outcome:
    """What the page shows after a preview: the speech, or why it cannot be made."""

    html: str = ""
    problems: list[dict[str, Any]] = field(default_factory=list)  # errors: nothing built
    findings: list[dict[str, Any]] = field(default_factory=list)  # draft check's findings
    summary: str = ""
    characters: int = 0
    # set when the data now names another pack: the form is rebuilt from its schema
    pack: str = ""
    schema: dict[str, Any] | None = None


class Desk:
    """One YAML file open for editing; its methods are safe to call from several threads."""

    def __init__(self, path: Path, pack_name: str | None = None, template_dirs: list[Path] | None = None):
        self.path = Path(path)
        self.builder = Builder(list(template_dirs or []))
        self._lock = threading.Lock()
        self.outputs: dict[str, Path] = {}  # files this desk built, by download name
        if self.path.exists():
            self._on_disk: bytes | None = read_input(self.path, "YAML 文件")
            self.text = decode(self._on_disk, str(self.path))
        else:
            self._on_disk = None
            self.text = _starting_text(self.path, pack_name or DEFAULT_PACK, self.builder.template_dirs)
        speech = parse_speech(self.text.encode("utf-8"), str(self.path))
        self.data = speech.values
        self.pack = self.builder.pack_for(speech)

    @property
    def is_new(self) -> bool:
        return self._on_disk is None

    def state(self) -> dict[str, Any]:
        """What the page starts from: the data, the pack's schema, the file's name."""
        return {
            "file": self.path.name,
            "new": self.is_new,
            "pack": self.pack.name,
            "schema": self.pack.schema,
            "data": self.data,
            "copies": list(COPIES),
            "pdf": _pdf_available(),
        }

    def preview(self, data: Any, copy: str = "file") -> Outcome:
        """The speech as it would print from ``data``, or the problems in the way."""
        switched: dict[str, Any] = {}
        try:
            with self._lock:  # one build at a time: the builder's pack cache is shared
                text = edit_yaml(self.text, _mapping(data), str(self.path))
                speech = parse_speech(text.encode("utf-8"), str(self.path))
                switched = self._follow_pack(speech)
                draft = self.builder.draft_from(speech)
        except SchemaError as e:
            return Outcome(problems=[problem_json(p) for p in e.problems], **switched)
        except DraftError as e:
            return Outcome(problems=[error_json(e)], **switched)
        from drafting.workflow.check import check_draft

        report = check_draft(draft)
        document, stylesheet = copy_of(draft, _copy(copy))
        characters = sum(count_characters(block.text) for block in draft.document.blocks)
        return Outcome(
            write_html(document, stylesheet),
            findings=[dict(problem_json(f.problem), kind=f.kind) for f in report.findings],
            summary=summary_line(characters),
            characters=characters,
            **switched,
        )

    def _follow_pack(self, speech) -> dict[str, Any]:
        """When the writer changes ``pack:``, the form must become the new pack's:
        its schema goes to the page with this preview. A name that finds no
        pack raises here, and the page shows it at the pack field."""
        pack = self.builder.pack_for(speech)
        if pack.folder == self.pack.folder:
            return {}
        self.pack = pack
        return {"pack": pack.name, "schema": pack.schema}

    def save(self, data: Any) -> str:
        """Write ``data`` into the YAML file, keeping everything the form did not change.

        Refuses when the file changed on disk since it was loaded (or last saved
        here): the other program's edits would be lost without a word."""
        with self._lock:
            text = edit_yaml(self.text, _mapping(data), str(self.path))
            content = encode_like(self._on_disk, text)
            self._refuse_if_changed()
            from drafting.writers.safe_write import write_atomic, write_new

            if self._on_disk is None:
                write_new(self.path, content)
                from drafting.source.editor import write_editor_schema

                write_editor_schema(self.pack, self.path.parent)
            else:
                write_atomic(self.path, content)
            self._on_disk, self.text, self.data = content, text, _mapping(data)
            return f"已保存 {self.path.name}"

    def reload(self) -> None:
        """Drop the form's state and read the file as it is on disk now."""
        with self._lock:
            self._on_disk = read_input(self.path, "YAML 文件")
            self.text = decode(self._on_disk, str(self.path))
            self.data = parse_speech(self.text.encode("utf-8"), str(self.path)).values

    def build(self, copy: str = "file", fmt: str = "docx", force: bool = False) -> tuple[list[str], list[str]]:
        """Build the saved file as ``draft build`` does, beside it; the names
        written and the messages (backups kept). Unsaved edits are not built."""
        from drafting.writers.safe_write import refuse_input_as_output, write_outputs

        with self._lock:
            if self._on_disk is None:
                raise WriteError("请先保存，再生成", Location(str(self.path)))
            self._refuse_if_changed()
            copy = _copy(copy)
            target = copy_path(self.path.with_suffix(f".{'pdf' if fmt == 'pdf' else 'docx'}"), copy)
            refuse_input_as_output(target, self.path)
            draft = self.builder.draft(self.path)
            content = render_pdf(draft, None, copy) if fmt == "pdf" else render_docx(draft, None, copy)
            backups = write_outputs({target: content}, force=force)  # a PDF is protected like a .docx
            messages = [f"原文件已备份为 {b.name}" for b in backups]
            self.outputs[target.name] = target
            return [target.name], messages + [f"已生成 {target.name}"]

    def output(self, name: str) -> tuple[Path, bytes]:
        """A file this desk built (and nothing else), for download."""
        target = self.outputs.get(name)
        if target is None:
            raise WriteError(f"没有生成过 {name}", Location(name))
        return target, read_input(target, "生成的文件")

    def _refuse_if_changed(self) -> None:
        try:
            now = self.path.read_bytes()
        except FileNotFoundError:
            now = None
        except OSError as e:
            raise WriteError(f"无法读取 {self.path.name}：{os_reason(e)}", Location(str(self.path))) from None
        if now != self._on_disk:
            happened = "已被删除或改名" if now is None else "在载入后被其他程序修改过"
            if self._on_disk is None:
                happened = "在此期间已由其他程序创建"
            raise WriteError(
                f"{self.path.name} {happened}，为免覆盖其中的内容，未写入。"
                "请点“重新载入”读入磁盘上的版本后再改（表单中未保存的改动会丢失，可先复制出来）",
                Location(str(self.path)),
            )


def _starting_text(path: Path, pack_name: str, template_dirs: list[Path]) -> str:
    """A new file starts as ``draft init`` would write it: the pack's example."""
    from drafting.packs.scaffold import repoint_pack_key
    from drafting.source.editor import modeline

    pack = find_pack(pack_name, template_dirs)
    example = pack.example_file.read_text(encoding="utf-8")
    return modeline(pack) + "\n" + repoint_pack_key(example, pack, path)


def problem_json(problem: Problem) -> dict[str, Any]:
    """A problem for the page: its field path, line, and the CLI's own line of text
    (with the file's name only: the page is about that one file)."""
    where = problem.location
    short = replace(where, file=Path(where.file).name) if where.file else where
    return {"field": where.field or "", "line": where.line, "column": where.column,
            "message": problem.message, "text": str(Problem(short, problem.message))}


def error_json(error: DraftError) -> dict[str, Any]:
    message = error.message + _remedy(error)
    if error.location is None:
        return {"field": "", "line": None, "column": None, "message": message, "text": message}
    return problem_json(Problem(error.location, message))


def _remedy(error: DraftError) -> str:
    """How to get past a refused overwrite, in the page's terms (its 仍要覆盖 link)."""
    if not isinstance(error, OverwriteRefused):
        return ""
    first = "请先在 Word 或 WPS 中保存并关闭它再生成；" if error.in_use else ""
    return f"。{first}如确认要覆盖，点“仍要覆盖”（会先把原文件备份为 {error.backup}）"


def _mapping(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise WriteError("表单数据应为键值对")
    return data


def _copy(copy: str) -> str:
    return copy if copy in COPIES else "file"


def _pdf_available() -> bool:
    from drafting.writers.pdf import find_soffice

    try:
        find_soffice()
    except DraftError:
        return False
    return True
