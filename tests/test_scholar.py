"""The online venue rules and `add URL` against mock sources on loopback (tests/scholar_server.py);
no test reaches the internet."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from scholar_server import ENV, Scholar, closed_port_url, serve

from awesome_lint.cli import main
from awesome_lint.scholar.cache import PaperCache, look_up
from awesome_lint.scholar.check import apply_fixes, check_venues, online_look
from awesome_lint.scholar.client import USER_AGENT, Client, retry_after
from awesome_lint.scholar.papers import paper_id
from awesome_lint.scholar.sources import BY_NAME

LIST = """\
# Papers

| Title                        | Paper                                                |
| ---------------------------- | ---------------------------------------------------- |
| Foo: A Test                  | [arXiv'23](https://arxiv.org/abs/2301.00001)         |
| Still a Preprint             | [arXiv'23](https://arxiv.org/pdf/2302.00002.pdf)     |
| A Workshop Paper             | [CVPR'23](https://arxiv.org/abs/2303.00003)          |
| Conference Version           | [ICCV'21](https://arxiv.org/abs/2104.00004)          |
| Listed Under the Wrong Venue | [ICCV'23](https://arxiv.org/abs/2305.00005)          |
| A Retracted Paper            | [arXiv'22](https://doi.org/10.5555/retracted.1)      |
| An Accepted Paper            | [arXiv'23](https://openreview.net/forum?id=AccEpted01) |
| A Withdrawn Submission       | [arXiv'23](https://openreview.net/forum?id=WithDrawn1) |
| Published in a Journal       | [arXiv'23](https://doi.org/10.5555/journal.7)        |
"""


@pytest.fixture
def scholar(monkeypatch: pytest.MonkeyPatch) -> Iterator[Scholar]:
    mock = Scholar()
    with serve(mock) as base:
        for env in ENV.values():
            monkeypatch.setenv(env, base)
        yield mock


def _fast_client() -> Client:
    # The sources' pace is real time; the mock server does not need it.
    return Client(paced=False, timeout=5.0, attempts=3, max_wait=5.0)


def test_paper_ids() -> None:
    assert paper_id("https://arxiv.org/pdf/2401.00001v2.pdf") == "arxiv:2401.00001"
    assert paper_id("https://doi.org/10.48550/arXiv.2401.00001") == "arxiv:2401.00001"
    assert paper_id("https://doi.org/10.1109/CVPR.2024.1") == "doi:10.1109/cvpr.2024.1"
    assert paper_id("https://openreview.net/forum?id=XZGklkaOsL") == "openreview:XZGklkaOsL"
    assert paper_id("https://aclanthology.org/2023.acl-long.1.pdf") == "acl:2023.acl-long.1"
    assert paper_id("https://aclanthology.org/P19-1001/") == "acl:P19-1001"
    assert paper_id("https://github.com/a/b") is None


def test_venue_rules_on_every_case(scholar: Scholar) -> None:
    report = check_venues(LIST, online_look(_fast_client()))
    found = {(p.line, p.rule): p for p in report.problems}
    # A preprint now published (Semantic Scholar; the year from the DBLP key, not the preprint's).
    outdated = found.pop((5, "venue-outdated"))
    assert "CVPR 2024, says Semantic Scholar" in outdated.message
    assert outdated.suggestion == "Replace with `CVPR'24`"
    # Accepted on OpenReview; published in a journal (Crossref).
    assert "ICLR 2024, says OpenReview" in found.pop((11, "venue-outdated")).message
    assert "TMI 2024, says Crossref" in found.pop((13, "venue-outdated")).message
    # Another conference at the same time: a mismatch, a warning.
    mismatch = found.pop((9, "venue-mismatch"))
    assert mismatch.severity == "warning" and "CVPR 2023" in mismatch.message
    # Not published (6), a workshop version (7), a journal extension (8), retracted (10),
    # withdrawn (12): nothing.
    assert found == {}
    assert report.unknown == 0
    # Batched: one request per source for the whole list.
    assert scholar.requests == {"semanticscholar": 1, "crossref": 1, "openreview": 1}
    assert set(scholar.agents) == {USER_AGENT}


def test_unsafe_fix_writes_the_venue_in_the_tables_style(scholar: Scholar) -> None:
    report = check_venues(LIST, online_look(_fast_client()))
    fixed = apply_fixes(LIST, report.fixes).splitlines()
    assert (
        fixed[4]
        == "| Foo: A Test                  | [CVPR'24](https://arxiv.org/abs/2301.00001)          |"
    )
    assert fixed[10].startswith(
        "| An Accepted Paper            | [ICLR'24](https://openreview.net/"
    )
    assert "[TMI'24](https://doi.org/10.5555/journal.7)" in fixed[12]
    unchanged = [i for i in range(len(fixed)) if i not in (4, 10, 12)]
    assert [fixed[i] for i in unchanged] == [LIST.splitlines()[i] for i in unchanged]


def test_empty_venue_column_gets_the_venue() -> None:
    text = (
        "| Title | Venue | Paper |\n| --- | --- | --- |\n"
        "| Foo | | [arXiv](https://arxiv.org/abs/2301.00001) |\n"
        "| Bar | NeurIPS 2023 | [arXiv](https://arxiv.org/abs/2302.00002) |\n"
    )
    from awesome_lint.scholar.cache import Lookup
    from awesome_lint.scholar.papers import Paper

    paper = Paper(
        "Semantic Scholar", "arxiv:2301.00001", venue="CVPR", kind="conference", year=2024
    )
    report = check_venues(text, lambda keys: Lookup({"arxiv:2301.00001": [paper]}))
    assert [p.rule for p in report.problems] == ["venue-outdated"]
    assert apply_fixes(text, report.fixes).splitlines()[2].startswith("| Foo | CVPR 2024 |")


def test_429_then_success_honours_retry_after(scholar: Scholar) -> None:
    scholar.throttle["semanticscholar"] = 1
    scholar.retry_after = "1"
    started = time.monotonic()
    report = check_venues(LIST, online_look(_fast_client()))
    assert time.monotonic() - started >= 1.0
    assert scholar.requests["semanticscholar"] == 2
    assert any(p.line == 5 and p.rule == "venue-outdated" for p in report.problems)


def test_retry_after_too_long_is_unknown(scholar: Scholar) -> None:
    scholar.throttle["semanticscholar"] = 5
    scholar.retry_after = "3600"
    report = check_venues(LIST, online_look(_fast_client()))
    assert scholar.requests["semanticscholar"] == 1
    assert "429" in report.lookup.errors["semanticscholar"]
    assert not any(p.line == 5 for p in report.problems)


def test_a_source_that_is_down_is_unknown_not_unpublished(
    scholar: Scholar, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV["semanticscholar"], closed_port_url())
    started = time.monotonic()
    report = check_venues(LIST, online_look(Client(paced=False, attempts=2, max_wait=1.0)))
    assert time.monotonic() - started < 10
    assert "semanticscholar" in report.lookup.errors
    # The arXiv-only rows cannot be judged: no problem, counted as unknown.
    assert {p.line for p in report.problems} == {11, 13}
    assert report.unknown == 5


def test_cache_answers_the_second_run(scholar: Scholar, tmp_path: Path) -> None:
    cache = PaperCache(tmp_path)
    check_venues(LIST, online_look(_fast_client(), cache))
    cache.save()
    first = sum(scholar.requests.values())
    again = PaperCache(tmp_path)
    report = check_venues(LIST, online_look(_fast_client(), again))
    assert sum(scholar.requests.values()) == first
    assert report.lookup.requests == 0
    assert any(p.line == 5 and p.rule == "venue-outdated" for p in report.problems)
    (tmp_path / "papers.json").write_text("{not json")
    assert PaperCache(tmp_path).answers == {}


def test_batches_follow_each_sources_limit(scholar: Scholar) -> None:
    keys = [f"arxiv:2401.{n:05d}" for n in range(1, 1201)]
    lookup = look_up(keys, [BY_NAME["semanticscholar"]], _fast_client())
    assert scholar.requests["semanticscholar"] == 3
    assert lookup.requests == 3


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("7", 7.0), (None, 2.0), ("soon", 2.0), ("Thu, 01 Jan 1970 00:00:00 GMT", 0.0)],
)
def test_retry_after_values(value: str | None, seconds: float) -> None:
    assert retry_after(value, 2.0) == seconds


SEED = Path(__file__).parent / "fixtures" / "add" / "seed" / "before.md"


def test_cli_add_url_fills_the_row_from_the_sources(
    scholar: Scholar, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    readme = tmp_path / "README.md"
    readme.write_bytes(SEED.read_bytes())
    url = "https://arxiv.org/abs/2301.00001"
    assert main(["add", "README.md", url, "--table", "1", "--set", "Modalities=CT"]) == 0
    row = readme.read_text(encoding="utf-8").splitlines()[16]
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells == [
        "Foo",
        "Foo: A Test",
        "CT",
        "[CVPR'24](https://arxiv.org/abs/2301.00001)",
        "[Link](https://github.com/foo/foo-test)",
    ]
    err = capsys.readouterr().err
    assert "Title: Foo: A Test  (from arXiv)" in err
    assert "(from Semantic Scholar)" in err
    assert (tmp_path / ".awesome-lint-cache" / "papers.json").is_file()


def test_cli_add_set_wins_and_online_reads_the_paper_value(
    scholar: Scholar, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    readme = tmp_path / "README.md"
    readme.write_bytes(SEED.read_bytes())
    paper = "Paper=https://arxiv.org/pdf/2302.00002.pdf"
    assert main(["add", "README.md", "--online", "--table", "1", "--set", paper,
                 "--set", "Name=Mine"]) == 0  # fmt: skip
    row = readme.read_text(encoding="utf-8").splitlines()[16]
    assert row.startswith("| Mine    | Still a Preprint ")
    assert "[arXiv'23](https://arxiv.org/abs/2302.00002)" in row


def test_cli_add_url_with_the_sources_down(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    down = closed_port_url()
    for env in ENV.values():
        monkeypatch.setenv(env, down)
    readme = tmp_path / "README.md"
    readme.write_bytes(SEED.read_bytes())
    before = readme.read_bytes()
    code = main(["add", "README.md", "https://arxiv.org/abs/2301.00001", "--table", "1"])
    err = capsys.readouterr().err
    assert code == 2 and "could not be reached" in err
    assert readme.read_bytes() == before


@pytest.fixture
def listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """LIST as list.md in the current folder."""
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "list.md"
    target.write_text(LIST, encoding="utf-8")
    return target


def test_cli_venues_reports_fixes_and_caches(
    scholar: Scholar, listed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = listed
    assert main(["venues", "list.md"]) == 1
    out, err = capsys.readouterr()
    assert "list.md:5:34: venue-outdated" in out
    assert "venue-mismatch" in out
    assert "9 rows with a paper id looked up, 0 unknown; 3 requests" in err
    assert target.read_text(encoding="utf-8") == LIST
    # What remains is the mismatch, a warning.
    assert main(["venues", "--fix", "--unsafe-fixes", "list.md"]) == 0
    out, err = capsys.readouterr()
    assert "0 requests" in err
    assert "[CVPR'24](https://arxiv.org/abs/2301.00001)" in target.read_text(encoding="utf-8")
    assert "venue-outdated" not in out
    assert main(["venues", "--strict", "list.md"]) == 1
    assert "venue-mismatch" in capsys.readouterr().out
    assert main(["venues", "missing.md"]) == 2
    assert "missing.md: no such file" in capsys.readouterr().err


def test_online_flag_runs_the_venue_rules_with_the_link_checks(
    scholar: Scholar, listed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = listed
    select = ["--select", "venue-outdated,venue-mismatch"]
    assert main(["--online", *select, "list.md"]) == 1
    out, err = capsys.readouterr()
    assert "list.md:5:34: venue-outdated" in out and "list.md:9:34: venue-mismatch" in out
    assert "venues: 3 requests, 0 rows unknown" in err
    assert (listed.parent / ".awesome-lint-cache" / "papers.json").is_file()
    assert main(["--online", "--fix", "--unsafe-fixes", *select, "list.md"]) == 0
    out, err = capsys.readouterr()
    text = target.read_text(encoding="utf-8")
    assert "[CVPR'24](https://arxiv.org/abs/2301.00001)" in text
    assert "[ICLR'24](https://openreview.net/forum?id=AccEpted01)" in text
    assert "venues: 0 requests" in err
