"""The fixer's last check before a write: GitHub's own renderer must show the same page.

The fixer verifies a fix by reading the fixed text again with our own reader, which cannot
catch what that reader misreads. This check shares nothing with it: it renders the original
and the fixed text with cmark-gfm (GitHub's C library, through the `cmarkgfm` package) and
refuses the fix unless the HTML is identical, the all-empty rows a safe fix removes aside.
After unsafe fixes, which change what cells say, the cells' contents are left out of the
comparison, everything else (the tables' shape included) still counts.

Where `cmarkgfm` cannot be imported the check is skipped and the reader's check stands
alone; `awesome-lint --version` says which check runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_EMPTY_ROW = re.compile(r"<tr>\n(?:<t[dh][^>]*></t[dh]>\n)+</tr>\n")
_EMPTY_BODY = re.compile(r"<tbody>\n</tbody>\n")
_CELL = re.compile(r"(<t[dh](?: [^>]*)?>).*?(</t[dh]>)", re.DOTALL)


@lru_cache(maxsize=1)
def _renderer() -> Callable[[str], str] | None:
    try:
        import cmarkgfm
        from cmarkgfm.cmark import Options
    except ImportError:
        return None
    unsafe = Options.CMARK_OPT_UNSAFE

    def render(text: str) -> str:
        html: str = cmarkgfm.github_flavored_markdown_to_html(text, options=unsafe)
        return html

    return render


def check_name() -> str:
    """Which check guards a write, for `--version`."""
    return "cmark-gfm (cmarkgfm)" if _renderer() is not None else "awesome-lint's own reader"


def rendering_difference(before: str, after: str, unsafe_fixes: bool) -> str | None:
    """None when GitHub shows `after` as it shows `before` (or when cmarkgfm is missing),
    else what first differs, in a few words."""
    render = _renderer()
    if render is None:
        return None
    old, new = _comparable(render(before), unsafe_fixes), _comparable(render(after), unsafe_fixes)
    if old == new:
        return None
    old_lines, new_lines = old.splitlines(), new.splitlines()
    for number, (a, b) in enumerate(zip(old_lines, new_lines), 1):
        if a != b:
            return f"HTML line {number}: {a[:60]!r} becomes {b[:60]!r}"
    return f"HTML of {len(old_lines)} lines becomes {len(new_lines)} lines"


def _comparable(html: str, unsafe_fixes: bool) -> str:
    html = _EMPTY_BODY.sub("", _EMPTY_ROW.sub("", html))
    return _CELL.sub(r"\1\2", html) if unsafe_fixes else html
