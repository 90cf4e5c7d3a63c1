"""The fixer's last check: GitHub's renderer (cmark-gfm) must show the fixed text as before.

It shares nothing with our reader, so it catches what the reader's own check cannot: a
misread that the reader makes the same way before and after the fix.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from clitools import run

from awesome_lint import gfm_check
from awesome_lint.fixer import FixError, fix_text
from awesome_lint.markdown import blocks

TASK = "- [x] a | b\n  |--|--|\n  c | d\n"


def _misread_task_items(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader as it was before it knew task items: `[x]` read as cell text."""
    monkeypatch.setattr(blocks, "_TASK_RE", re.compile(r"(?!)"))


def test_a_misread_passes_the_readers_check_but_not_cmark_gfms(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _misread_task_items(monkeypatch)
    with monkeypatch.context() as without:
        without.setattr(gfm_check, "_renderer", lambda: None)
        moved = fix_text(TASK).text  # the reader's check alone lets it through
    assert "| [x] a |" in moved
    with pytest.raises(FixError, match="GitHub's renderer would show the fixed text differently"):
        fix_text(TASK)


def test_the_cli_refuses_the_write_in_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _misread_task_items(monkeypatch)
    path = tmp_path / "list.md"
    path.write_text(TASK, encoding="utf-8")
    code, out, err = run(capsys, "--fix", str(path))
    assert code == 2
    message = [line for line in (out + err).splitlines() if "not fixed" in line]
    assert len(message) == 1 and str(path) in message[0], out + err
    assert "GitHub's renderer would show the fixed text differently" in message[0]
    assert path.read_text(encoding="utf-8") == TASK


def test_fixes_that_keep_the_page_pass() -> None:
    assert (
        fix_text("| a   | b   |\n| --- | --- |\n| c | d |\n").text
        == "| a   | b   |\n| --- | --- |\n| c   | d   |\n"
    )


@pytest.mark.parametrize(
    ("before", "after", "unsafe", "same"),
    [
        ("| a |\n|-|\n| b |\n|  |\n", "| a |\n|-|\n| b |\n", False, True),  # empty row gone
        ("| a |\n|-|\n| b |\n", "| a |\n|-|\n| c |\n", False, False),
        ("| a |\n|-|\n| b |\n", "| a |\n|-|\n| c |\n", True, True),  # unsafe: cells may change
        ("| a |\n|-|\n| b |\n", "| a |\n|-|\n| b |\n| c |\n", True, False),  # not the shape
        ("p\n\n| a |\n|-|\n", "q\n\n| a |\n|-|\n", True, False),  # nor outside the tables
    ],
)
def test_what_counts_as_the_same_page(before: str, after: str, unsafe: bool, same: bool) -> None:
    assert (gfm_check.rendering_difference(before, after, unsafe) is None) is same


def test_version_says_which_check_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and "fix check: cmark-gfm" in out
    monkeypatch.setattr(gfm_check, "_renderer", lambda: None)
    code, out, _ = run(capsys, "--version")
    assert code == 0 and "fix check: awesome-lint's own reader" in out
    assert gfm_check.rendering_difference("a", "b", False) is None  # nothing to check with


def test_only_the_parts_a_fix_changed_are_rendered() -> None:
    render = gfm_check._renderer()
    if render is None:
        pytest.skip("cmarkgfm is not installed")
    rendered: list[str] = []

    def counting(text: str) -> bytes:
        rendered.append(text)
        return render(text)

    # Three parts of a bit more than gfm_check._PART_SIZE each: a table under a heading.
    row = "| " + "x" * 70 + " |\n"
    part = "## Part {}\n\n| a |\n|-|\n" + row * 1000 + "\n"
    before = "".join(part.format(i) for i in range(3))
    changed = before.replace("## Part 1\n\n| a |\n|-|\n| x", "## Part 1\n\n| a |\n|-|\n| y", 1)
    for after, same in ((before, True), (changed, False)):
        rendered.clear()
        rendering = gfm_check.Rendering(
            gfm_check._as_text(before), gfm_check._as_text(after), counting
        )
        assert len(rendering.pairs) == 3
        assert (rendering.difference(unsafe_fixes=False) is None) is same
        # Part 1 before and after, once each; the others never.
        assert all("## Part 1" in text for text in rendered)
        assert len(rendered) == (0 if same else 2)


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every comparison runs in a child process, however small."""
    if gfm_check._renderer() is None or not hasattr(os, "fork"):
        pytest.skip("needs cmarkgfm and fork")
    monkeypatch.setattr(gfm_check, "_fork_pays", lambda: True)
    monkeypatch.setattr(gfm_check, "_FORK_SIZE", 0)


def _rendering(before: str, after: str) -> gfm_check.Rendering:
    render = gfm_check._renderer()
    assert render is not None
    return gfm_check.Rendering(gfm_check._as_text(before), gfm_check._as_text(after), render)


@pytest.mark.usefixtures("forking")
@pytest.mark.parametrize(
    ("after", "unsafe"),
    [("| a |\n|---|\n| b |\n", False), ("| a |\n|---|\n| c |\n", False), ("|a|\n|-|\n|c|\n", True)],
)
def test_a_child_process_answers_as_the_comparison_in_process(after: str, unsafe: bool) -> None:
    before = "|a|\n|-|\n|b|\n"
    expected = _rendering(before, after).difference(unsafe)
    rendering = _rendering(before, after)
    rendering.fork(unsafe)
    assert rendering.child is not None
    pid = rendering.child[0]
    # The answer stands in for the comparison: with it, nothing is rendered in this process.
    rendering.render = lambda text: pytest.fail("rendered in the parent")
    assert rendering.difference(unsafe) == expected
    with pytest.raises(ChildProcessError):  # reaped
        os.waitpid(pid, os.WNOHANG)


@pytest.mark.usefixtures("forking")
def test_a_child_that_fails_leaves_the_comparison_to_the_parent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rendering = _rendering("|a|\n|-|\n|b|\n", "|a|\n|-|\n|c|\n")
    monkeypatch.setattr(gfm_check, "_comparable", lambda html, unsafe: 1 // 0)
    rendering.fork(False)  # the child raises and exits without an answer
    monkeypatch.undo()
    assert rendering.difference(False) is not None


@pytest.mark.usefixtures("forking")
def test_a_fix_given_up_stops_its_child() -> None:
    rendering = _rendering("|a|\n|-|\n|b|\n", "|a|\n|-|\n|c|\n")
    rendering.fork(False)
    assert rendering.child is not None
    pid = rendering.child[0]
    rendering.close()
    assert rendering.child is None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


@pytest.mark.usefixtures("forking")
def test_the_fixer_refuses_on_the_childs_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    _misread_task_items(monkeypatch)
    with pytest.raises(FixError, match="GitHub's renderer"):
        fix_text(TASK)
