"""What a user installs: the wheel's contents, an install from a checkout without symbolic
links (Git for Windows' default), the licence, the project's URLs and the hooks' names.

The wheel is built for real (`pip wheel`, build isolation and all): slow-ish, once a module.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from clitools import git

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "awesome-medical-pretraining.md"


def _build_wheel(source: Path, into: Path) -> Path:
    # The test extra brings the setuptools pyproject.toml asks for: no isolated build
    # environment to create each time, unless it is missing.
    isolation = ["--no-build-isolation"] if _has_build_backend() else []
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", *isolation]
    done = subprocess.run(
        [*command, "-w", str(into), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = into.glob("awesome_lint-*.whl")
    return wheel


def _has_build_backend() -> bool:
    try:
        from importlib.metadata import version

        return int(version("setuptools").split(".")[0]) >= 77
    except Exception:
        return False


def _tracked_files() -> list[str]:
    """The files of this checkout that git knows (uncommitted changes included), or every
    file under the project's folders when this is not a git checkout."""
    done = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
    )
    if done.returncode != 0:
        pytest.skip("not a git checkout")
    return [n for n in done.stdout.decode().split("\0") if n and os.path.lexists(ROOT / n)]


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This checkout as it is now (uncommitted changes included), committed to a repository
    of its own: builds happen there, never in the checkout."""
    if shutil.which("git") is None:
        pytest.skip("needs git")
    origin = tmp_path_factory.mktemp("snapshot")
    for name in _tracked_files():
        target = origin / name
        target.parent.mkdir(parents=True, exist_ok=True)
        source = ROOT / name
        if source.is_symlink():
            os.symlink(os.readlink(source), target)
        else:
            shutil.copyfile(source, target)
    git(origin, "init", "-q")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "snapshot")
    return origin


@pytest.fixture(scope="module")
def wheel(snapshot: Path, tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    source = tmp_path_factory.mktemp("checkout") / "repo"
    git(source.parent, "clone", "-q", str(snapshot), str(source))
    return zipfile.ZipFile(_build_wheel(source, tmp_path_factory.mktemp("wheel")))


def test_the_wheel_holds_the_code_the_data_and_the_licence(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    package = ROOT / "src" / "awesome_lint"
    modules = {
        f"awesome_lint/{p.relative_to(package).as_posix()}"
        for p in package.rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert modules and modules <= names, sorted(modules - names)
    assert "awesome_lint/py.typed" in names
    # The built-in schema and the config schema, byte for byte what schema/ holds.
    for name in ("default.json", "config.schema.json"):
        packed = wheel.read(f"awesome_lint/schema/{name}")
        assert packed == (ROOT / "schema" / name).read_bytes(), name
    # Every data file the package reads: nothing in the package folder is left out.
    data = {
        f"awesome_lint/{p.relative_to(package).as_posix()}"
        for p in package.rglob("*")
        if p.is_file() and p.suffix in (".json", ".tsv")
    }
    assert data <= names, sorted(data - names)
    # No symbolic link inside: a zip entry with the link bit would install as a text file.
    for info in wheel.infolist():
        assert (info.external_attr >> 16) & 0o170000 != 0o120000, info.filename
    (licence,) = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
    assert wheel.read(licence) == (ROOT / "LICENSE").read_bytes()
    (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
    meta = wheel.read(metadata).decode("utf-8").splitlines()
    urls = {
        line.split(": ", 1)[1].split(", ")[0] for line in meta if line.startswith("Project-URL")
    }
    assert {"Homepage", "Repository", "Issues", "Documentation"} <= urls
    assert "License-Expression: MIT" in meta


def test_a_checkout_without_symlinks_installs_and_works(snapshot: Path, tmp_path: Path) -> None:
    # Cloned the way Git for Windows clones by default: symbolic links become text files.
    clone = tmp_path / "clone"
    git(tmp_path, "-c", "core.symlinks=false", "clone", "-q", str(snapshot), str(clone))
    assert not any(p.is_symlink() for p in clone.rglob("*"))
    wheel = _build_wheel(clone, tmp_path / "dist")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)  # what pip does with a pure-Python wheel
    (tmp_path / "work").mkdir()
    shutil.copyfile(SEED, tmp_path / "work" / "README.md")
    env = {**os.environ, "PYTHONPATH": str(site), "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "awesome_lint", "README.md"],
        cwd=tmp_path / "work",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "internal error" not in done.stderr, done.stderr
    assert done.returncode == 1, done.stderr
    assert "README.md:4:1: table-format table is not formatted" in done.stdout
    # It ran the installed copy, not this checkout.
    where = subprocess.run(
        [sys.executable, "-c", "import awesome_lint; print(awesome_lint.__file__)"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert where.stdout.startswith(str(site))


def test_the_licence_is_mit_for_the_contributors() -> None:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License\n")
    assert "Copyright (c) 2026 awesome-lint contributors" in licence
    assert 'license = "MIT"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_each_hook_is_named_for_what_it_runs() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [hook["id"] for hook in hooks] == ["awesome-lint", "awesome-lint-fix"]
    for hook in hooks:
        assert hook["name"] == hook["entry"], hook["id"]
