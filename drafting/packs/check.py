"""Check, when a pack loads, that its template and its schema agree.

The schema is the pack's contract with the writer: whatever the template reads
must be something the writer can write, and whatever the writer writes must
reach the page. Both are checked statically on the Jinja syntax tree of the
template and of every template it extends, imports or includes (so the shared
layout counts for the pack that extends it, minus the blocks the pack replaces):

- every top-level name the templates read is a property of the schema, or is
  set by one of the templates themselves;
- every property of the schema is read somewhere; ``pack`` is read by the
  engine itself;
- an attribute read on a schema object (``meeting.year``) or on a loop variable
  over a schema list (``{% for part in parts %}…{{ part.heading }}``), nested
  loops included, must be a property of that object or list item when the
  schema closes it (``additionalProperties: false``);
- values passed to the pack's own macros (defined in its templates, called by
  name, ``from … import`` or ``import … as alias``, the shared blocks.xml.j2
  included) are followed into the macro body, bound to its parameters;
- the required properties of such an object or item are all read, unless the
  value is handed on whole (to a filter, a variable, a comparison such as
  ``"table" in p``), after which its fields are not followed.

Not covered: dynamic access such as ``x[name]``, macros reached through a
variable or ``caller()``, and the different schemas a recursive loop
(``loop(section.sections)``) descends into (its first level is checked).

The findings are warnings: the analysis is static and a pack in development
should still build; a name that really is undefined still fails at render time.
"""

from __future__ import annotations

import json

from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from jinja2 import meta, nodes

from drafting.errors import Location, Problem
from drafting.source.schema import line_in_json, resolve_ref

ENGINE_KEYS = frozenset({"pack", "pronunciations", "statistics"})  # read by draft itself (pack lookup, reading copy), not by templates
_JINJA_NAMES = frozenset({"loop", "super", "self", "caller", "varargs", "kwargs"})
# filters and tests that look at a value without reading its fields
_NON_READING = frozenset({"length", "count", "defined", "undefined", "none", "string", "mapping",
                          "number", "sequence", "iterable"})


@dataclass(slots=True)
class _Source:
    """A template of the pack parsed once, for every check that walks it."""

    name: str
    filename: str
    ast: nodes.Template


@dataclass(slots=True)
class _Binding:
    """What a template variable stands for in the data, so its reads can be checked."""

    schema: dict
    label: str  # data path with [] for list items: parts[].points[]


@dataclass(slots=True)
class _Use:
    """How a template uses one part of the data: the keys it reads, or all of it."""

    schema: dict
    read: set[str] = field(default_factory=set)
    whole: bool = False
    where: Location | None = None


def check_pack(env: jinja2.Environment, template_name: str, schema: dict, schema_file: Path) -> list[Problem]:
    """Warnings where the template and the schema disagree (empty when they agree)."""
    try:
        sources, chain = _load(env, template_name)
    except (jinja2.TemplateSyntaxError, jinja2.TemplateNotFound):
        return []  # rendering reports these with file and line
    _drop_replaced_blocks(chain)
    properties = schema.get("properties", {})
    problems: list[Problem] = []

    read = set().union(*(meta.find_undeclared_variables(s.ast) for s in sources))
    declared = set().union(*(_assigned_names(s.ast) for s in sources))
    for name in sorted(read - declared - _JINJA_NAMES - set(env.globals) - set(properties)):
        problems.append(Problem(
            _first_use(sources, name),
            f"模板用到了变量“{name}”，但 schema.json 没有定义它：写稿人无法填写，生成时会出错",
        ))
    required = set(schema.get("required", ()))
    for name in properties:
        if name not in read and name not in ENGINE_KEYS:
            kind = "必填项" if name in required else "可选项"
            problems.append(Problem(
                _key_location(schema_file, name),
                f"schema.json 的{kind}“{name}”在模板中从未用到：写稿人填写的内容不会出现在文稿中",
            ))

    walker = _Walker(schema, properties, problems, _Macros(sources))
    for source in sources:
        walker.walk_template(source)
    problems.extend(walker.unread_required())
    return list(dict.fromkeys(problems))


# ---------------------------------------------------------------- templates


def _load(env: jinja2.Environment, name: str) -> tuple[list[_Source], list[_Source]]:
    """Every template reachable from ``name``, and its ``extends`` chain (child first)."""
    found: dict[str, _Source] = {}
    pending = [name]
    while pending:
        current = pending.pop()
        if current in found:
            continue
        text, filename, _ = env.loader.get_source(env, current)
        source = _Source(current, filename or current, env.parse(text, current, filename))
        found[current] = source
        pending.extend(n for n in meta.find_referenced_templates(source.ast) if n)
    chain = [found[name]]
    while (parent := _parent(chain[-1].ast)) in found and found[parent] not in chain:
        chain.append(found[parent])
    return list(found.values()), chain


def _parent(ast: nodes.Template) -> str | None:
    for node in ast.find_all(nodes.Extends):
        if isinstance(node.template, nodes.Const):
            return node.template.value
    return None


def _drop_replaced_blocks(chain: list[_Source]) -> None:
    """A parent's block that a child replaces (without super()) is never rendered."""
    replaced: set[str] = set()
    for source in chain:
        for block in source.ast.find_all(nodes.Block):
            if block.name in replaced:
                block.body = []
        for block in source.ast.find_all(nodes.Block):
            calls_super = any(
                isinstance(c.node, nodes.Name) and c.node.name == "super" for c in block.find_all(nodes.Call)
            )
            if block.body and not calls_super:
                replaced.add(block.name)


def _assigned_names(ast: nodes.Template) -> set[str]:
    """Names a template sets anywhere (set, macro, import): a name set only in one
    branch of an if is not reported as coming from the data."""
    names: set[str] = set()
    for node in ast.find_all((nodes.Assign, nodes.AssignBlock, nodes.Macro, nodes.Import, nodes.FromImport)):
        if isinstance(node, (nodes.Assign, nodes.AssignBlock)):
            names.update(_target_names(node.target))
        elif isinstance(node, nodes.Macro):
            names.add(node.name)
        elif isinstance(node, nodes.Import):
            names.add(node.target)
        else:
            names.update(n[1] if isinstance(n, tuple) else n for n in node.names)
    return names


def _target_names(target: nodes.Node) -> list[str]:
    if isinstance(target, nodes.Name):
        return [target.name]
    return [n.name for n in target.find_all(nodes.Name)]


def _first_use(sources: list[_Source], name: str) -> Location:
    for source in sources:
        for node in source.ast.find_all(nodes.Name):
            if node.name == name and node.ctx == "load":
                return Location(source.filename, node.lineno)
    return Location(sources[0].filename)


def _key_location(schema_file: Path, key: str) -> Location:
    """Where the key is first written after the first "properties" of
    schema.json: its top-level entry when properties come before $defs, as usual."""
    return Location(str(schema_file), line_in_json(schema_file, ("properties", key)), None, key)


# ---------------------------------------------------------------- schema


def _branches(schema: dict, root: dict) -> list[dict]:
    schema = resolve_ref(schema, root)
    alternatives = schema.get("anyOf") or schema.get("oneOf")
    if not alternatives:
        return [schema]
    return [b for alt in alternatives for b in _branches(alt, root)]


def _properties(schema: dict, root: dict) -> dict:
    props: dict = {}
    for branch in _branches(schema, root):
        props.update(branch.get("properties", {}))
    return props


def _closed(schema: dict, root: dict) -> bool:
    objects = [b for b in _branches(schema, root) if "properties" in b or b.get("type") == "object"]
    return bool(objects) and all(b.get("additionalProperties") is False for b in objects)


def _items(schema: dict, root: dict) -> dict | None:
    for branch in _branches(schema, root):
        if isinstance(branch.get("items"), dict):
            return resolve_ref(branch["items"], root)
    return None


def _shape(schema: dict) -> str:
    """A schema's content as a key: the same definition reached again through a $ref is
    an equal dict, not always the same object."""
    return json.dumps(schema, sort_keys=True, ensure_ascii=False, default=str)


# ---------------------------------------------------------------- the walk


class _Macros:
    """The macros of the pack's templates, by the names a template calls them by:
    ``name`` (its own or ``from … import name``) or ``alias.name`` (``import … as alias``)."""

    def __init__(self, sources: list[_Source]):
        self.by_name: dict[str, _Source] = {s.name: s for s in sources}
        self.defined: dict[tuple[str, str], nodes.Macro] = {}
        self.aliases: dict[tuple[str, str], str] = {}
        self.imported: dict[tuple[str, str], tuple[str, str]] = {}
        for source in sources:
            for node in source.ast.body:
                if isinstance(node, nodes.Macro):
                    self.defined[(source.name, node.name)] = node
            for node in source.ast.find_all((nodes.Import, nodes.FromImport)):
                if not isinstance(node.template, nodes.Const):
                    continue
                if isinstance(node, nodes.Import):
                    self.aliases[(source.name, node.target)] = node.template.value
                else:
                    for name in node.names:
                        original, local = name if isinstance(name, tuple) else (name, name)
                        self.imported[(source.name, local)] = (node.template.value, original)

    def find(self, source: str, callee: nodes.Node) -> tuple[nodes.Macro, _Source] | None:
        if isinstance(callee, nodes.Name):
            where, name = self.imported.get((source, callee.name), (source, callee.name))
        elif isinstance(callee, nodes.Getattr) and isinstance(callee.node, nodes.Name):
            where, name = self.aliases.get((source, callee.node.name)), callee.attr
        else:
            return None
        macro = self.defined.get((where, name))
        return (macro, self.by_name[where]) if macro is not None else None


class _Walker:
    """Follows schema objects and loop variables through the syntax tree, and into
    the pack's own macros with the values passed to them."""

    def __init__(self, root: dict, properties: dict, problems: list[Problem], macros: _Macros):
        self.root = root
        self.properties = properties
        self.problems = problems
        self.macros = macros
        self.uses: dict[str, _Use] = {}
        self.scopes: list[dict[str, _Binding | None]] = []
        self.filename = ""
        self.source = ""
        self.followed: set[tuple] = set()
        self.active: set[tuple] = set()  # (macro, schemas of its arguments) being followed now

    def walk_template(self, source: _Source) -> None:
        self.filename, self.source = source.filename, source.name
        self.scopes = [{}]
        self.walk(source.ast)

    # --- bindings

    def _lookup(self, name: str) -> _Binding | None:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        if name in self.properties:
            return self._bind(self.properties[name], name, None)
        return None

    def _bind(self, schema: dict, label: str, node: nodes.Node | None) -> _Binding:
        schema = resolve_ref(schema, self.root)
        use = self.uses.get(label)
        if use is None:
            where = Location(self.filename, node.lineno) if node is not None else None
            self.uses[label] = _Use(schema, where=where)
        elif use.where is None and node is not None:
            use.where = Location(self.filename, node.lineno)
        return _Binding(schema, label)

    def _member(self, base: _Binding | None, attr: str, node: nodes.Node) -> _Binding | None:
        if base is None:
            return None
        self.uses[base.label].read.add(attr)
        props = _properties(base.schema, self.root)
        if attr in props:
            return self._bind(props[attr], f"{base.label}.{attr}", node)
        if _closed(base.schema, self.root):
            known = "、".join(props) or "（无）"
            self.problems.append(Problem(
                Location(self.filename, node.lineno),
                f"模板读取了 {base.label}.{attr}，但 schema.json 中 {base.label} 没有“{attr}”"
                f"（可用的有：{known}）：生成时会出错",
            ))
        return None

    def _chain(self, node: nodes.Node) -> _Binding | None:
        """The binding of a name / attribute / item chain, without counting it as read whole."""
        if isinstance(node, nodes.Name):
            return self._lookup(node.name) if node.ctx == "load" else None
        if isinstance(node, nodes.Getattr):
            return self._member(self._chain(node.node), node.attr, node)
        if isinstance(node, nodes.Getitem):
            base = self._chain(node.node)
            arg = node.arg
            if isinstance(arg, nodes.Const) and isinstance(arg.value, str):
                return self._member(base, arg.value, node)
            self.walk(arg)
            if isinstance(arg, nodes.Slice):
                return base
            if isinstance(arg, nodes.Const) and isinstance(arg.value, int) and base is not None:
                items = _items(base.schema, self.root)
                return self._bind(items, base.label + "[]", node) if items is not None else None
            self._read_whole(base)
            return None
        self.walk(node)
        return None

    def _read_whole(self, binding: _Binding | None) -> None:
        if binding is not None:
            self.uses[binding.label].whole = True

    # --- nodes

    def walk(self, node: nodes.Node) -> None:
        if isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem)):
            self._read_whole(self._chain(node))
        elif isinstance(node, (nodes.Filter, nodes.Test)) and node.name in _NON_READING and node.node is not None:
            self._chain(node.node)
            self._walk_children(node, skip=node.node)
        elif isinstance(node, nodes.For):
            self._for(node)
        elif isinstance(node, nodes.Call):
            self._call(node)
        elif isinstance(node, (nodes.Macro, nodes.CallBlock)):
            params = {a.name: None for a in getattr(node, "args", [])}
            params.update(caller=None, varargs=None, kwargs=None)
            for default in getattr(node, "defaults", []):
                self.walk(default)
            if isinstance(node, nodes.CallBlock):
                self.walk(node.call)
            self._scoped(params, node.body)
        elif isinstance(node, nodes.Assign):
            binding = self._chain(node.node)
            for name in _target_names(node.target):
                self.scopes[-1][name] = binding if isinstance(node.target, nodes.Name) else None
        elif isinstance(node, nodes.Block):
            self._scoped({}, node.body)
        else:
            self._walk_children(node)

    def _walk_children(self, node: nodes.Node, skip: nodes.Node | None = None) -> None:
        for child in node.iter_child_nodes():
            if child is not skip:
                self.walk(child)

    def _call(self, node: nodes.Call) -> None:
        """A call of one of the pack's macros: its parameters take the bindings of the
        arguments, and the body is followed once per distinct set of bindings."""
        shadowed = isinstance(node.node, nodes.Name) and any(node.node.name in s for s in self.scopes)
        found = None if shadowed else self.macros.find(self.source, node.node)
        if found is None:
            self._walk_children(node)
            return
        macro, source = found
        scope: dict[str, _Binding | None] = {a.name: None for a in macro.args}
        names = list(scope)
        for i, arg in enumerate(node.args):
            binding = self._chain(arg)
            if i < len(names):
                scope[names[i]] = binding
            else:
                self._read_whole(binding)
        for keyword in node.kwargs:
            binding = self._chain(keyword.value)
            if keyword.key in scope:
                scope[keyword.key] = binding
            else:
                self._read_whole(binding)
        for extra in (node.dyn_args, node.dyn_kwargs):
            if extra is not None:
                self.walk(extra)
        key = (id(macro), tuple(b.label if b else None for b in scope.values()))
        # a macro calling itself again with values of the same schema (a paragraph that lists
        # items whose bodies are paragraphs) reads nothing new: followed once, not forever
        shapes = (id(macro), tuple(_shape(b.schema) if b else None for b in scope.values()))
        if key in self.followed or shapes in self.active:
            return
        self.followed.add(key)
        self.active.add(shapes)
        saved = self.scopes, self.filename, self.source
        self.scopes = [dict(scope, caller=None, varargs=None, kwargs=None)]
        self.filename, self.source = source.filename, source.name
        try:
            for default in macro.defaults:
                self.walk(default)
            for child in macro.body:
                self.walk(child)
        finally:
            self.scopes, self.filename, self.source = saved
            self.active.discard(shapes)

    def _for(self, node: nodes.For) -> None:
        binding = self._chain(node.iter)
        items = _items(binding.schema, self.root) if binding is not None else None
        scope: dict[str, _Binding | None] = {"loop": None}
        scope.update((name, None) for name in _target_names(node.target))
        if isinstance(node.target, nodes.Name) and items is not None:
            scope[node.target.name] = self._bind(items, binding.label + "[]", node)
        body = list(node.body) + ([node.test] if node.test is not None else [])
        self._scoped(scope, body)
        for child in node.else_:
            self.walk(child)

    def _scoped(self, scope: dict, body: list[nodes.Node]) -> None:
        self.scopes.append(dict(scope))
        try:
            for child in body:
                self.walk(child)
        finally:
            self.scopes.pop()

    def unread_required(self) -> list[Problem]:
        problems = []
        for label, use in self.uses.items():
            if use.whole or "properties" not in use.schema:
                continue
            for name in use.schema.get("required", ()):
                if name not in use.read:
                    problems.append(Problem(
                        use.where or Location(),
                        f"schema.json 中 {label} 的必填项“{name}”在模板中从未用到："
                        "写稿人填写的内容不会出现在文稿中",
                    ))
        return problems
