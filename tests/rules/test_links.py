from __future__ import annotations

from dataclasses import replace

from awesome_lint.binding import bind
from awesome_lint.parser import parse
from awesome_lint.rules._links import links, rewrite_table


def _upper(url: str) -> str | None:
    return url.upper() if url.startswith("https://") else None


def _bound(text: str):  # type: ignore[no-untyped-def]
    return bind(parse(text).tables[0], ())


def test_rewrites_destinations_only_and_keeps_links_current() -> None:
    bound = _bound("| a |\n| - |\n| [https://x](https://x) and [y](<https://y>) |\n")
    cell = rewrite_table(bound, bound.table, _upper).rows[0].cells[0]
    assert cell.raw == "[https://x](HTTPS://X) and [y](<HTTPS://Y>)"
    assert [(link.url, cell.raw[slice(*link.url_span)]) for link in cell.links] == [  # type: ignore[misc]
        ("HTTPS://X", "HTTPS://X"),
        ("HTTPS://Y", "HTTPS://Y"),
    ]


def test_changed_cells_are_read_again() -> None:
    bound = _bound("| a |\n| - |\n| [x](https://x/a) |\n")
    cell = bound.table.rows[0].cells[0]
    # Another fix changed the cell (and left its links stale).
    moved = replace(cell, raw="[text \\| more](https://x/a)")
    table = replace(bound.table, rows=(replace(bound.table.rows[0], cells=(moved,)),))
    assert rewrite_table(bound, table, _upper).rows[0].cells[0].raw == (
        "[text \\| more](HTTPS://X/A)"
    )


def test_refuses_cells_whose_links_read_differently_without_references() -> None:
    text = "| a |\n| - |\n| [x][r](https://y/) |\n\n[r]: https://r/\n"
    bound = _bound(text)
    cell = bound.table.rows[0].cells[0]
    changed = replace(cell, raw=cell.raw + " ")
    table = replace(bound.table, rows=(replace(bound.table.rows[0], cells=(changed,)),))
    # Without the definition of [r], "[r](https://y/)" would read as a link: left alone.
    assert rewrite_table(bound, table, _upper).rows[0].cells[0] is changed


def test_footnote_references_are_not_links() -> None:
    bound = _bound("| a |\n| - |\n| x[^1] |\n\n[^1]: note\n")
    assert links(bound.table.rows[0].cells[0]) == ()


def test_unchanged_destinations_keep_their_escapes() -> None:
    bound = _bound("| a |\n| - |\n| [x](https://x/a) [y](http://y/?q=1\\|2) |\n")
    cell = rewrite_table(bound, bound.table, _upper).rows[0].cells[0]
    assert cell.raw == "[x](HTTPS://X/A) [y](http://y/?q=1\\|2)"


def test_chained_rewrites_trust_links_kept_in_step() -> None:
    bound = _bound("| a |\n| - |\n| [x \\| y](http://x/a) and [z](http://z/) |\n")

    def secure(url: str) -> str | None:
        return "https://" + url[7:] if url.startswith("http://") else None

    table = rewrite_table(bound, bound.table, secure)
    table = rewrite_table(bound, table, _upper)
    cell = table.rows[0].cells[0]
    assert cell.raw == "[x \\| y](HTTPS://X/A) and [z](HTTPS://Z/)"
    assert [cell.raw[slice(*link.url_span)] for link in cell.links] == [  # type: ignore[misc]
        "HTTPS://X/A",
        "HTTPS://Z/",
    ]
