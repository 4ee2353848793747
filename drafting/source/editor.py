"""Help for the writer's editor: the schema VS Code's YAML extension reads.

``draft init`` and ``draft extract`` put ``<pack>.schema.json`` beside the YAML
and start the YAML with ``# yaml-language-server: $schema=./<pack>.schema.json``.
A relative path to a file beside the YAML works offline, on Windows as on Linux
(no ``file:///C:/…`` URI to get right), and keeps working when the folder is
copied to a colleague's machine or draft is reinstalled elsewhere — an absolute
path into the installed package would break in all three cases. The extension
resolves a relative modeline path against the YAML file's own folder.

The copy is written in draft-07 terms: the YAML extension's validator is
draft-07 at heart and warns about 2020-12 schemas, and the pack's schema uses
nothing draft-07 lacks ($defs are reached by plain JSON pointers).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from drafting.writers.safe_write import write_atomic
from drafting.packs.finder import Pack

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def schema_file_name(pack: Pack) -> str:
    return f"{pack.name}.schema.json"


def modeline(pack: Pack) -> str:
    return f"# yaml-language-server: $schema=./{schema_file_name(pack)}"


def editor_schema(pack: Pack) -> dict:
    schema = copy.deepcopy(pack.schema)
    schema.pop("$id", None)
    schema["$schema"] = DRAFT_07
    schema["$comment"] = (
        f"draft 为编辑器生成的模板包“{pack.name}”的架构副本（供 VS Code 的 YAML 插件离线补全和校验）；"
        "以模板包中的 schema.json 为准，重新运行 draft init 可更新。"
    )
    return {"$schema": schema.pop("$schema"), "$comment": schema.pop("$comment"), **schema}


def write_editor_schema(pack: Pack, folder: Path) -> Path:
    """Write (or refresh) the schema copy beside the YAML; it is draft's file, not the writer's."""
    target = Path(folder) / schema_file_name(pack)
    text = json.dumps(editor_schema(pack), ensure_ascii=False, indent=2) + "\n"
    write_atomic(target, text.encode("utf-8"))
    return target
