"""`--online` for repositories on GitLab (the API mocked at AWESOME_LINT_GITLAB_API on
loopback), and look-ups inside the run's time budget."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from online_servers import Server, gitlab_api, serving
from test_online import FAST, check, table

from awesome_lint.online.check import OnlineOptions
from awesome_lint.online.outcomes import HttpOptions
from awesome_lint.online.repos import moved_url, repository


@pytest.fixture
def gitlab(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    api = Server("127.0.0.6")
    projects = {"new-group/foonet": False, "group/old": True, "group/sub/fine": False}
    gitlab_api(api, projects, {"old-group/foonet": "new-group/foonet"}, frozenset({"group/sub"}))
    with serving(api):
        monkeypatch.setenv("AWESOME_LINT_GITLAB_API", api.base)
        monkeypatch.delenv("GITLAB_TOKEN", raising=False)
        yield api


PROJECTS = table(
    "https://gitlab.com/old-group/foonet/-/tree/main/src",
    "https://gitlab.com/group/old",
    "https://gitlab.com/group/gone.git",
    "https://gitlab.com/group/sub/fine/-/blob/main/README.md",
    "https://gitlab.com/group/sub",
)


def test_gitlab_projects_moved_archived_and_missing(gitlab: Server) -> None:
    report = check(PROJECTS)
    assert [(p.rule, p.message) for p in report.problems[0]] == [
        (
            "repo-moved",
            "Entry 0: Paper repository gitlab.com/old-group/foonet moved to"
            " gitlab.com/new-group/foonet",
        ),
        ("repo-archived", "Entry 1: Paper repository gitlab.com/group/old is archived"),
        ("repo-missing", "Entry 2: Paper repository gitlab.com/group/gone not found (404)"),
    ]
    moved = report.problems[0][0]
    assert moved.suggestion == "Replace with https://gitlab.com/new-group/foonet/-/tree/main/src"
    # One request a project (the project path URL-encoded), and a group asked only after a 404.
    paths = sorted(h.path for h in gitlab.hits)
    assert "/api/v4/projects/group%2Fsub%2Ffine" in paths
    assert [p for p in paths if p.startswith("/api/v4/groups/")] == [
        "/api/v4/groups/group%2Fgone",
        "/api/v4/groups/group%2Fsub",
    ]
    assert report.notes == [] and report.requests == 0


def test_gitlab_token_is_sent_as_private_token(
    gitlab: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    original = gitlab.answer

    def answer(method: str, path: str, headers: dict[str, str], body: bytes) -> object:
        seen.append(headers.get("private-token", ""))
        return original(method, path, headers, body)

    monkeypatch.setattr(gitlab, "answer", answer)
    monkeypatch.setenv("GITLAB_TOKEN", "glpat-secret")
    check(table("https://gitlab.com/group/old"))
    assert seen == ["glpat-secret"]


def test_gitlab_can_be_turned_off(gitlab: Server) -> None:
    # Then a project link is an ordinary link (not asked here: only the repo rules run).
    opts = OnlineOptions(http=FAST, cache=None, gitlab=False)
    report = check(table("https://gitlab.com/group/gone"), opts, active=_repo_rules)
    assert report.problems == [[]] and gitlab.hits == [] and report.requests == 0


def _repo_rules(rule: str) -> bool:
    return rule.startswith("repo-")


def test_gitlab_links_that_are_not_projects() -> None:
    assert repository("https://gitlab.com/explore/projects") is None
    assert repository("https://gitlab.com/just-a-user") is None
    assert repository("https://gitlab.com/g/p/blob/master/x.md") == "gitlab.com/g/p"
    assert repository("https://gitlab.com/g/s/p/-/issues/3") == "gitlab.com/g/s/p"
    old, new = "gitlab.com/g/p", "gitlab.com/h/p"
    assert moved_url("https://gitlab.com/g/p.git", old, new) == "https://gitlab.com/h/p.git"


def test_lookups_end_with_the_time_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    api = Server("127.0.0.6")
    gitlab_api(api, {"group/slow": True}, {}, delay=1.5)
    opts = OnlineOptions(http=HttpOptions(timeout=5, retries=0, budget=0.4), cache=None)
    with serving(api):
        monkeypatch.setenv("AWESOME_LINT_GITLAB_API", api.base)
        started = time.monotonic()
        report = check(table("https://gitlab.com/group/slow"), opts)
        took = time.monotonic() - started
    assert took < 1.4
    assert report.problems == [[]]
    assert report.notes == ["time budget of 0.4 s spent; 1 repository not checked"]


def test_github_lookups_end_with_the_time_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    api = Server("127.0.0.5")

    def slow(
        s: Server, m: str, p: str, h: dict[str, str], b: bytes
    ) -> tuple[int, dict[str, str], bytes]:
        time.sleep(1.5)
        return 200, {"Content-Type": "application/json"}, b'{"full_name": "a/b"}'

    api.routes["/repos/a/b"] = slow
    opts = OnlineOptions(http=HttpOptions(timeout=5, retries=0, budget=0.4), cache=None)
    with serving(api):
        monkeypatch.setenv("AWESOME_LINT_GITHUB_API", api.base)
        started = time.monotonic()
        report = check(table("https://github.com/a/b"), opts)
        took = time.monotonic() - started
    assert took < 1.4 and report.problems == [[]]
    assert report.notes[-1] == "time budget of 0.4 s spent; 1 repository not checked"
