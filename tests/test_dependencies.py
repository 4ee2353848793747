"""Declared dependencies are the imported ones: a package draft imports itself
must be in pyproject.toml (not only pulled in by another), and nothing declared
goes unused."""

import ast
import re
import sys
import tomllib

from .conftest import ROOT

# import name → distribution name, where they differ
DISTRIBUTIONS = {"docx": "python-docx", "yaml": "PyYAML", "jsonschema_rs": "jsonschema-rs", "ruamel": "ruamel.yaml"}


def imported_packages() -> set[str]:
    names = set()
    for path in (ROOT / "drafting").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n != "drafting" and n not in sys.stdlib_module_names}


def test_declared_dependencies_are_the_imported_ones():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {re.match(r"[A-Za-z0-9_.-]+", d).group().lower() for d in project["dependencies"]}
    imported = {DISTRIBUTIONS.get(n, n).lower() for n in imported_packages()}
    assert imported == declared
