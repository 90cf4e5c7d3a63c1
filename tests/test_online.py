"""`--online`: link outcomes from loopback servers started here (never the internet), the
GitHub API mocked at AWESOME_LINT_GITHUB_API, the cache, and the command line's hooks."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from online_servers import (
    Server,
    browsers_only,
    first_then,
    github_api,
    no_head,
    redirect,
    serving,
    silent_server,
    status,
)

from awesome_lint.config import config_from_text
from awesome_lint.online.check import Job, OnlineOptions, Report, options, run
from awesome_lint.online.http import HttpOptions

FAST = HttpOptions(timeout=0.4, retries=2, backoff=0.02, budget=20.0, max_retry_after=3.0)


def table(*links: str) -> str:
    rows = "".join(f"| Entry {i} | [link]({url}) |\n" for i, url in enumerate(links))
    return "| Name | Paper |\n| --- | --- |\n" + rows


def check(text: str, opts: OnlineOptions | None = None, **kwargs: Any) -> Report:
    config = config_from_text('{"online": true}', "cfg.json")
    opts = opts or OnlineOptions(http=FAST, cache=None)
    return run([Job("README.md", text, config)], opts, **kwargs)


def by_entry(report: Report) -> dict[str, tuple[str, str]]:
    """Entry name -> (rule, message) of each problem."""
    return {p.message.split(":", 1)[0]: (p.rule, p.message) for p in report.problems[0]}


@pytest.fixture
def hosts() -> Iterator[tuple[Server, Server]]:
    a, b = Server("127.0.0.2"), Server("127.0.0.3")
    a.routes.update(
        {
            "/ok": status(200),
            "/r301": redirect(301, "/ok"),
            "/r302": redirect(302, "/ok"),
            "/r307": redirect(307, "/ok"),
            "/r308": redirect(308, "/ok"),
            "/chain": redirect(302, "/chain2"),
            "/chain2": redirect(301, "/ok"),
            "/loop": redirect(301, "/loop2"),
            "/loop2": redirect(301, "/loop"),
            "/gone": status(404),
            "/gone410": status(410),
            "/moved-then-gone": redirect(301, "/gone"),
            "/flaky": first_then((503, {}, b""), (200, {}, b"")),
            "/down": status(500),
            "/nohead": no_head,
            "/bots": browsers_only,
            "/to-login": redirect(301, "/login?next=/x"),
            "/login": status(200),
            "/to-home": redirect(301, "/"),
            "/": status(200),
        }
    )
    b.routes["/new"] = status(200)
    with serving(a, b):
        a.routes["/elsewhere"] = redirect(301, b.url("/new"))
        yield a, b


def test_each_answer_gets_its_rule_and_words(hosts: tuple[Server, Server]) -> None:
    a, b = hosts
    paths = [
        "/ok", "/r301", "/r302", "/r307", "/r308", "/chain", "/loop", "/gone", "/gone410",
        "/moved-then-gone", "/flaky", "/down", "/nohead", "/bots", "/to-login", "/to-home",
        "/elsewhere",
    ]  # fmt: skip
    found = by_entry(check(table(*(a.url(p) for p in paths))))
    name = {p: f"Entry {i}" for i, p in enumerate(paths)}
    assert found[name["/gone"]] == ("dead-link", "Entry 7: Paper link is dead: 404")
    assert found[name["/gone410"]][1].endswith("is dead: 410")
    assert found[name["/moved-then-gone"]][1].endswith("is dead: 301 -> 404")
    assert found[name["/loop"]][1].endswith("is dead: redirect loop")
    assert found[name["/down"]][1].endswith("is dead: 500 3 times")
    for permanent in ("/r301", "/r308", "/chain"):
        rule, message = found[name[permanent]]
        assert rule == "redirected-link"
        assert message.endswith(f"to {a.url('/ok')}")
    assert found[name["/elsewhere"]][1].endswith(f"to {b.url('/new')}")
    assert found[name["/bots"]] == (
        "unverifiable",
        "Entry 13: Paper link cannot be verified: 403 to a program"
        " (check it in a browser, or skip the host)",
    )
    quiet = ["/ok", "/r302", "/r307", "/flaky", "/nohead", "/to-login", "/to-home"]
    assert not {name[p] for p in quiet} & found.keys()
    # Every request named the tool; a HEAD refused was asked again with GET.
    assert all(hit.agent.startswith("awesome-lint/") for hit in a.hits)
    assert [h.method for h in a.hits if h.path == "/nohead"] == ["HEAD", "GET"]


def test_problems_carry_status_and_fix(hosts: tuple[Server, Server]) -> None:
    a, _ = hosts
    report = check(table(a.url("/gone"), a.url("/r301")))
    dead, moved = report.problems[0]
    assert dict(dead.data) == {"url": a.url("/gone"), "status": 404, "error": "404"}
    assert (moved.fix, moved.suggestion) == ("unsafe", f"Replace with {a.url('/ok')}")
    assert dict(moved.data)["final"] == a.url("/ok")


def test_retry_after_is_honoured_per_host() -> None:
    server = Server("127.0.0.4")
    server.routes["/limited"] = first_then((429, {"Retry-After": "1"}, b""), (200, {}, b""))
    server.routes["/other"] = status(200)
    # One request at a time: the second waits for the first's answer, then for its Retry-After.
    one_at_a_time = OnlineOptions(http=HttpOptions(**{**FAST.__dict__, "per_host": 1}), cache=None)
    with serving(server):
        started = time.monotonic()
        report = check(table(server.url("/limited"), server.url("/other")), one_at_a_time)
    assert report.problems == [[]]
    limited = [h.at for h in server.hits if h.path == "/limited"]
    assert len(limited) == 2 and limited[1] - limited[0] >= 1.0
    # No request at all reached the host before its Retry-After had passed.
    after = [h.at for h in server.hits if limited[0] < h.at < limited[0] + 1.0]
    assert after == []
    assert time.monotonic() - started < 5


def test_a_retry_after_too_long_gives_up_without_waiting() -> None:
    server = Server("127.0.0.4")
    server.routes["/slow"] = status(429, **{"Retry-After": "3600"})
    with serving(server):
        started = time.monotonic()
        report = check(table(server.url("/slow")))
    assert time.monotonic() - started < 3
    assert [p.message for p in report.problems[0]] == [
        "Entry 0: Paper link is dead: 429, Retry-After 3600 s"
    ]
    assert len(server.hits) == 1


def test_a_server_that_never_answers_times_out() -> None:
    with silent_server() as base:
        started = time.monotonic()
        report = check(table(base + "/x"))
    assert [p.message for p in report.problems[0]] == [
        "Entry 0: Paper link is dead: timed out 3 times"
    ]
    assert time.monotonic() - started < 5


def test_a_name_that_does_not_resolve_is_dead_at_once() -> None:
    report = check(table("http://no-such-host.invalid/paper"))
    assert [p.message for p in report.problems[0]] == [
        "Entry 0: Paper link is dead: DNS: no such host"
    ]
    assert report.requests == 1


def test_the_time_budget_ends_the_run() -> None:
    with silent_server() as base:
        opts = OnlineOptions(http=HttpOptions(timeout=5, retries=0, budget=0.3), cache=None)
        started = time.monotonic()
        report = check(table(base + "/a"), opts)
    assert time.monotonic() - started < 3
    assert report.problems == [[]]
    assert report.notes == ["time budget of 0.3 s spent; 1 link not checked"]


def test_skipped_hosts_are_never_asked() -> None:
    server = Server("127.0.0.4")
    with serving(server):
        opts = OnlineOptions(http=FAST, cache=None, skip=("127.0.0.4",))
        report = check(table(server.url("/gone")), opts)
    assert report.problems == [[]] and server.hits == []


# -- GitHub ----------------------------------------------------------------------------------


@pytest.fixture
def github(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    api = Server("127.0.0.5")
    repos = {
        "new-org/foonet": {"full_name": "new-org/FooNet", "archived": False},
        "org/old": {"full_name": "org/old", "archived": True},
        "org/fine": {"full_name": "org/fine", "archived": False},
    }
    github_api(api, repos, {"old-org/foonet": "new-org/foonet"}, rest_limit=4)
    with serving(api):
        monkeypatch.setenv("AWESOME_LINT_GITHUB_API", api.base)
        yield api


REPOS = table(
    "https://github.com/old-org/foonet/tree/main/src",
    "https://github.com/org/old",
    "https://github.com/org/gone",
    "https://github.com/org/fine",
)


def _repo_findings(report: Report) -> list[tuple[str, str]]:
    return [(p.rule, p.message) for p in report.problems[0]]


EXPECTED_REPOS = [
    ("repo-moved", "Entry 0: Paper repository old-org/foonet moved to new-org/FooNet"),
    ("repo-archived", "Entry 1: Paper repository org/old is archived"),
    ("repo-missing", "Entry 2: Paper repository org/gone not found (404)"),
]


def test_github_graphql_batches_with_a_token(github: Server) -> None:
    report = check(REPOS, token="t0ken")
    assert _repo_findings(report) == EXPECTED_REPOS
    assert [h.path for h in github.hits] == ["/graphql"]
    moved = report.problems[0][0]
    assert moved.suggestion == "Replace with https://github.com/new-org/FooNet/tree/main/src"
    assert report.notes == []


def test_github_rest_without_a_token_says_so_once(github: Server) -> None:
    report = check(REPOS)
    assert _repo_findings(report) == EXPECTED_REPOS
    assert len(report.notes) == 1 and report.notes[0].startswith("no GITHUB_TOKEN: checking 4")


def test_github_rest_rate_limit_leaves_the_rest_unchecked(github: Server) -> None:
    report = check(REPOS + "| Five | [x](https://github.com/org/five) |\n")
    assert len([h for h in github.hits if h.path.startswith("/repos/")]) == 5
    assert (
        "rate limit reached (403; it resets at 00:00 UTC); 1 repository not checked"
        in (report.notes[1])
    )


def test_a_refused_token_falls_back_to_rest(github: Server) -> None:
    github.routes["/graphql"] = status(401)
    report = check(REPOS, token="bad")
    assert _repo_findings(report) == EXPECTED_REPOS
    assert "the token was refused (401)" in report.notes[0]


# -- cache -----------------------------------------------------------------------------------


def cached(folder: Path, **kwargs: Any) -> OnlineOptions:
    return OnlineOptions(http=FAST, cache=folder, **kwargs)


def test_a_second_run_asks_nothing_fresh(tmp_path: Path, hosts: tuple[Server, Server]) -> None:
    a, _ = hosts
    text = table(a.url("/ok"), a.url("/r301"), a.url("/bots"))
    first = check(text, cached(tmp_path))
    asked = len(a.hits)
    second = check(text, cached(tmp_path))
    assert asked > 0 and len(a.hits) == asked and second.requests == 0
    assert second.problems == first.problems
    data = json.loads((tmp_path / "links.json").read_text())
    assert data["format"] == "awesome-lint-cache" and data["links"][a.url("/ok")]["kind"] == "ok"


def test_entries_expire(tmp_path: Path, hosts: tuple[Server, Server]) -> None:
    a, _ = hosts
    text = table(a.url("/ok"), a.url("/gone"))
    check(text, cached(tmp_path))
    # Dead links are asked again at every run; live ones only once they expire.
    again = check(text, cached(tmp_path))
    assert again.requests == 1  # GET alone for /gone, dead at the last run
    later = check(text, cached(tmp_path), now=time.time() + 300 * 3600)
    assert later.requests == 2


def test_transient_failures_must_last(tmp_path: Path, hosts: tuple[Server, Server]) -> None:
    a, _ = hosts
    text = table(a.url("/down"))
    opts = cached(tmp_path, persist_hours=6)
    assert check(text, opts).problems == [[]]
    assert check(text, opts, now=time.time() + 3600).problems == [[]]
    late = check(text, opts, now=time.time() + 7 * 3600)
    assert [p.rule for p in late.problems[0]] == ["dead-link"]
    assert dict(late.problems[0][0].data)["failing_since"] is not None


def test_a_corrupt_cache_is_rebuilt(tmp_path: Path, hosts: tuple[Server, Server]) -> None:
    a, _ = hosts
    (tmp_path / "links.json").write_text('{"format": "awesome-lint-cache", "version": 1, "li')
    report = check(table(a.url("/gone")), cached(tmp_path))
    assert [p.rule for p in report.problems[0]] == ["dead-link"]
    assert len(report.notes) == 1 and "cache ignored and rebuilt" in report.notes[0]
    assert json.loads((tmp_path / "links.json").read_text())["version"] == 1


# -- the command line ------------------------------------------------------------------------


def awesome(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Any:
    import os

    return subprocess.run(
        [sys.executable, "-m", "awesome_lint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1", "GITHUB_TOKEN": "", **(env or {})},
    )


FAST_CONFIG = {"cache": False, "timeout": 0.4, "retries": 1, "backoff": 0.02}


def test_cli_online_json_and_fix(folder: Path, hosts: tuple[Server, Server]) -> None:
    a, _ = hosts
    (folder / ".awesome-lint.json").write_text(json.dumps({"online": FAST_CONFIG}))
    readme = folder / "README.md"
    readme.write_text(table(a.url("/gone"), a.url("/r301")))
    done = awesome("--output-format", "json", "--select", "dead-link,redirected-link", cwd=folder)
    assert done.returncode == 1, done.stderr
    items = json.loads(done.stdout)
    assert [(i["rule"], i["data"]["status"]) for i in items] == [
        ("dead-link", 404),
        ("redirected-link", 301),
    ]
    sarif = json.loads(
        awesome("--output-format", "sarif", "--ignore", "table-format", cwd=folder).stdout
    )
    results = sarif["runs"][0]["results"]
    assert {r["ruleId"]: r["properties"].get("status") for r in results} == {
        "dead-link": 404,
        "redirected-link": 301,
    }
    fixed = awesome("--fix", "--unsafe-fixes", "--select", "redirected-link", cwd=folder)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert f"[link]({a.url('/ok')})" in readme.read_text()


def test_cli_online_is_off_by_default_and_config_can_turn_it_on(
    folder: Path, hosts: tuple[Server, Server]
) -> None:
    a, _ = hosts
    (folder / "README.md").write_text(table(a.url("/gone")))
    assert awesome("--select", "dead-link", cwd=folder).returncode == 0
    assert a.hits == []
    assert awesome("--online", "--select", "dead-link", cwd=folder).returncode == 1
    assert a.hits != []
    (folder / ".awesome-lint.json").write_text(json.dumps({"online": FAST_CONFIG}))
    assert awesome("--select", "dead-link", cwd=folder).returncode == 1


def test_changed_since_checks_only_changed_rows(folder: Path, hosts: tuple[Server, Server]) -> None:
    a, _ = hosts
    (folder / ".git").rmdir()
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True)
    readme = folder / "README.md"
    readme.write_text(table(a.url("/gone")))
    subprocess.run([*git, "add", "."], cwd=folder, check=True)
    subprocess.run([*git, "commit", "-qm", "one"], cwd=folder, check=True)
    readme.write_text(readme.read_text() + "| New | [link](" + a.url("/gone410") + ") |\n")
    done = awesome(
        "--changed-since", "HEAD", "--select", "dead-link", "--output-format", "json", cwd=folder
    )
    assert [i["message"] for i in json.loads(done.stdout)] == ["New: Paper link is dead: 410"]
    assert {h.path for h in a.hits} == {"/gone410"}
    bad = awesome("--changed-since", "no-such-ref", cwd=folder)
    assert bad.returncode == 2 and "'no-such-ref' is not a commit" in bad.stderr


def test_offline_runs_never_import_the_online_code(folder: Path) -> None:
    (folder / "README.md").write_text(table("https://example.org/x"))
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "awesome_lint", "README.md"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
    )
    imported = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()]
    assert "awesome_lint.cli" in imported
    assert not [m for m in imported if m.startswith(("awesome_lint.online", "aiohttp", "asyncio"))]
    # Nor the paper commands (add, venues) and their look-ups.
    assert not [
        m for m in imported if m.startswith(("awesome_lint.cli_add", "awesome_lint.scholar"))
    ]


def test_online_config_is_validated() -> None:
    from awesome_lint.config import ConfigError

    with pytest.raises(ConfigError, match="/online"):
        config_from_text('{"online": {"retries": "many"}}', "cfg.json")
    opts = options(config_from_text('{"online": {"cache": false, "per_host": 2}}', "c.json"))
    assert (opts.cache, opts.http.per_host) == (None, 2)


def test_a_redirect_keeps_the_fragment(hosts: tuple[Server, Server]) -> None:
    a, _ = hosts
    (moved,) = check(table(a.url("/r301#results"))).problems[0]
    assert dict(moved.data)["final"] == a.url("/ok#results")


def test_progress_goes_to_the_stream_given(hosts: tuple[Server, Server]) -> None:
    import io

    a, _ = hosts
    stream = io.StringIO()
    check(table(a.url("/ok"), a.url("/gone")), progress=stream)
    last = stream.getvalue().rsplit("\r", 1)[1]
    assert re.fullmatch(r"links 2/2, \d+/s, 1 failing so far\n", last), last


def test_the_online_rules_are_documented(folder: Path) -> None:
    doc = awesome("rules", "repo-moved", cwd=folder)
    assert doc.returncode == 0 and "## Fix" in doc.stdout
