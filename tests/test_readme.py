import os
import re
import shutil
import subprocess
import sys

import docx
import pytest

from . import outside
from .conftest import ROOT, SEED_YAML, seed_speech_text

CI = ROOT / ".ci" / "run"


def readme_commands() -> list[str]:
    block = re.search(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    return [line.split("  #")[0].strip() for line in block.group(1).splitlines() if line.strip()]


def test_readme_opens_with_install_build_and_test_commands():
    install, test = readme_commands()[:2]
    assert install.startswith("pip install") and "draft build" in install
    assert "pytest" in test


def test_ci_runs_the_readme_test_command():
    ci = CI.read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()


def test_ci_installs_every_package_a_skip_names():
    ci = CI.read_text(encoding="utf-8")
    missing = {package for package in outside.debian_packages() if not re.search(rf"\b{package}\b", ci)}
    assert not missing, f".ci/run does not install {missing}"


def test_ci_turns_skips_for_missing_programs_into_failures():
    assert f"export {outside.REQUIRE_ALL}=1" in CI.read_text(encoding="utf-8").splitlines()


def test_readme_says_how_to_get_every_optional_program_on_debian():
    """The README's apt line brings every package a skip names (FandolFang: see .ci/run)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    apt = set(re.search(r"`sudo apt install ([^`]*)`", readme).group(1).split())
    assert outside.debian_packages() - {"texlive-lang-chinese"} <= apt


# What pip prints when it cannot reach the package index at all.
_NO_INDEX = re.compile(
    r"NewConnectionError|Failed to establish a new connection|Temporary failure in name resolution"
    r"|Name or service not known|Network is unreachable|getaddrinfo failed|ConnectTimeoutError|ProxyError"
)
_LEFTOVERS = shutil.ignore_patterns(
    ".git", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis", ".venv", "out"
)


def test_the_wheel_lists_every_package_of_the_checkout():
    """``pip install .`` (the README's first command) ships only the packages pyproject.toml
    names: a new subpackage left out installs fine and fails on first import (``draft extract``
    lacked drafting.extraction in a wheel while the editable installs of the tests had it)."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "drafting").rglob("__init__.py")}
    assert found - listed == set()


@pytest.mark.network
def test_readme_first_command_in_a_fresh_virtual_environment(tmp_path):
    """As a new user runs it: a fresh virtual environment, the README's first
    command verbatim in a copy of the checkout (``pip install .`` builds a wheel
    from it and takes the dependencies from the package index, or pip's cache)."""
    checkout = tmp_path / "draft"
    shutil.copytree(ROOT, checkout, ignore=_LEFTOVERS)
    written = checkout / SEED_YAML.relative_to(ROOT).with_suffix(".docx")
    written.unlink(missing_ok=True)  # a build left in the checkout
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PIP_REQUIRE_VIRTUALENV")}
    env.update(PATH=str(scripts) + os.pathsep + env.get("PATH", ""), VIRTUAL_ENV=str(venv))

    done = subprocess.run(
        readme_commands()[0], shell=True, cwd=checkout, env=env, capture_output=True, timeout=900
    )
    output = (done.stdout + done.stderr).decode("utf-8", "replace")
    if done.returncode and _NO_INDEX.search(output):
        outside.unavailable("无法连接 Python 软件包索引（pip install 需要下载依赖）")
    assert done.returncode == 0, output

    installed = subprocess.run(
        [str(scripts / "python"), "-c", "import drafting; print(drafting.__file__)"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    ).stdout
    assert str(venv) in installed and str(ROOT) not in installed  # the wheel, not this checkout
    paragraphs = [p.text.replace("\n", "") for p in docx.Document(written).paragraphs if p.text.strip()]
    assert paragraphs == seed_speech_text().splitlines()
