"""`--online` from the command line: each file with its own config's online settings, and the
online fixes in `--fix-only` (pre-commit's fix hook)."""

from __future__ import annotations

import json
from pathlib import Path

from online_servers import Server
from test_online import FAST_CONFIG, awesome, hosts, table

__all__ = ["hosts"]  # the fixture, shared with test_online


def test_each_file_uses_its_own_configs_online_settings(
    folder: Path, hosts: tuple[Server, Server]
) -> None:
    a, b = hosts
    skipping, plain = folder / "skipping", folder / "plain"
    skipping.mkdir()
    plain.mkdir()
    (skipping / "README.md").write_text(table(a.url("/gone410"), b.url("/missing")))
    (plain / "README.md").write_text(table(a.url("/gone"), b.url("/missing")))
    (skipping / ".awesome-lint.json").write_text(
        json.dumps({"online": {**FAST_CONFIG, "skip": [a.address]}})
    )
    (plain / ".awesome-lint.json").write_text(
        json.dumps({"online": FAST_CONFIG, "rules": {"dead-link": "warning"}})
    )
    done = awesome(
        "--online", "--select", "dead-link", "--output-format", "json",
        "skipping/README.md", "plain/README.md", cwd=folder,
    )  # fmt: skip
    found = sorted(
        (i["path"].split("/")[0], i["data"]["url"], i["severity"]) for i in json.loads(done.stdout)
    )
    assert found == [
        ("plain", a.url("/gone"), "warning"),
        ("plain", b.url("/missing"), "warning"),
        ("skipping", b.url("/missing"), "error"),
    ], done.stderr
    # The skipping folder's link to host a was never asked; the plain folder's was.
    assert {h.path for h in a.hits} == {"/gone"}
    assert {h.path for h in b.hits} == {"/missing"}


def test_fix_only_applies_the_online_unsafe_fixes(
    folder: Path, hosts: tuple[Server, Server]
) -> None:
    a, _ = hosts
    (folder / ".awesome-lint.json").write_text(json.dumps({"online": FAST_CONFIG}))
    readme = folder / "README.md"
    readme.write_text(table(a.url("/r301"), a.url("/gone")))
    done = awesome("--online", "--fix-only", "--unsafe-fixes", "README.md", cwd=folder)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "README.md: fixed 1 problem\n"
    text = readme.read_text()
    assert f"[link]({a.url('/ok')})" in text and a.url("/gone") in text


def test_fix_only_without_unsafe_fixes_asks_nothing(
    folder: Path, hosts: tuple[Server, Server]
) -> None:
    a, _ = hosts
    readme = folder / "README.md"
    readme.write_text(table(a.url("/r301")))
    done = awesome("--online", "--fix-only", "README.md", cwd=folder)
    assert (done.returncode, done.stdout) == (0, "")
    assert a.hits == [] and a.url("/r301") in readme.read_text()
