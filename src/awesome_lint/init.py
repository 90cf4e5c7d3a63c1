"""`awesome-lint init`: a config that writes itself from the conventions a list already follows.

`infer_config(text)` records what holds in the tables, read with the rules' own helpers, so
that linting right after `init` reports defects, not conventions:
- a table schema per header (its set of folded column names), matched by those columns,
  wider first; columns named as written with their built-in role (venue, code; a built-in
  key column keeps one name across the file, other spellings become aliases); `ordered`
  and `additional_columns: false` when all those tables agree; per column `required` (no
  empty cell), the placeholders in use, `links: "required"` (a link in every other cell),
  and for code columns `hosts`: `@repository` and the hosts linked there, but papers;
- `unique`: the built-in keys (Title by text, Paper by url) whenever their columns exist,
  even if the file repeats an entry: a repeat is a defect to report. A table without them
  gets its first column as a key if it is never empty and no value repeats in the file;
- `venues.style` when every table's majority style agrees; `venues.known`: unknown names
  used twice or more (not near misses of a venue the list also writes), and aliases that
  are the list's only name for a venue (`Nat Med`, never `Nature Medicine`);
- `"style"`: the layout (aligned, compact, tight) that `table-format` reads in at least
  `SHARE` (90 %) of the tables, else `"auto"` (each table keeps its own), and `"auto"` too
  when some of those tables go without outer pipes (a named style writes them);
- rule options for the link conventions the list keeps in at least `SHARE` of `MIN_USES` (5)
  or more links: `arxiv-link.form` (`"pdf"` or `"abs"`), `pdf-link.form: "pdf"` when the
  publisher links it would report are PDFs on purpose (at least `SHARE` of the links to those
  hosts),
  `link-syntax.allow_relative` for relative links used twice or more;
- `duplicate-entry.across_sections: "off"` when the list lists entries again under other
  headings on purpose (as many as the rule's `auto` asks for, `CONVENTION`); fewer repeats
  stay reported;
- a code column's `hosts` holds the hosts it links more than once: a one-off host is a
  finding to look at, not a convention.

A convention is what the list does at least 90 % of the time: enough to call the rest
deviations, few enough that a list with a handful of slips still has its convention learned.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from awesome_lint import urls
from awesome_lint.config import default_config
from awesome_lint.markdown.tables import parse
from awesome_lint.model import Cell, Table
from awesome_lint.render import table_pipes, table_style
from awesome_lint.rules._links import body_links, links
from awesome_lint.rules._schema import GENERIC_LABELS, fold_text, is_blank, is_placeholder
from awesome_lint.rules._schema import looks_placeholder as placeholder_like
from awesome_lint.rules._venues import table_venues
from awesome_lint.rules.base import Context
from awesome_lint.rules.duplicate_entry import CONVENTION
from awesome_lint.tableschema import ColumnSpec, bind, fold_header
from awesome_lint.tableschema import fold_placeholder as fold
from awesome_lint.venues import Mention

SCHEMA_URL = (
    "https://raw.githubusercontent.com/awesome-lint/awesome-lint/main/schema/config.schema.json"
)
REPEATED = 2  # uses that make a habit rather than an accident
SHARE = 0.9  # of its cases a list follows a convention in (see above)
MIN_USES = 5  # fewer cases say nothing about a convention
MIN_KEY_VALUES = 3  # fewer distinct values say nothing about a column being a key
SIMILARITY = 0.6  # a renamed column or two still leaves a table its schema
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST = re.compile(rf"{_LABEL}(?:\.{_LABEL})*")  # what the config schema and link-host take
_SECOND_LEVEL = frozenset({"ac", "co", "com", "edu", "gov", "net", "org"})
_REPOSITORY = urls.HostPatterns(urls.REPOSITORY_HOSTS)

Json = dict[str, Any]


def infer_config(text: str) -> str:
    """The `.awesome-lint.json` for the Markdown `text`: pretty-printed, ending in a newline."""
    return json.dumps(infer(text), indent=2, ensure_ascii=False) + "\n"


def infer(text: str) -> Json:
    tables = parse(text).tables
    defaults = default_config()
    ctx = Context(defaults, tuple(bind(table, defaults.tables) for table in tables))
    config: Json = {
        "$schema": SCHEMA_URL,
        "style": _style(tables),
        "rules": _rules(text, tables),
        "venues": _venues(ctx),
        "tables": _table_schemas(tables),
    }
    return {key: value for key, value in config.items() if value}


def _style(tables: Sequence[Table]) -> str | None:
    if not tables:
        return None
    styles = Counter(table_style(table) for table in tables)
    style, count = styles.most_common(1)[0]
    if count < SHARE * len(tables):
        return "auto"
    # A named style writes outer pipes: tables that go without them keep "auto".
    if not all(table_pipes(table, style) for table in tables if table_style(table) == style):
        return "auto"
    return style


def _rules(text: str, tables: Sequence[Table]) -> Json:
    rules: Json = {}
    if _relative_links(tables) >= REPEATED:
        rules["link-syntax"] = {"allow_relative": True}
    found = [link.url for table in tables for _, link in body_links(table)]
    arxiv = [url for url in found if "arxiv" in url.lower() and urls.arxiv_id(url) is not None]
    pdfs = sum("/pdf/" in urlsplit(url).path.lower() for url in arxiv)
    if len(arxiv) >= MIN_USES and max(pdfs, len(arxiv) - pdfs) >= SHARE * len(arxiv):
        rules["arxiv-link"] = {"form": "pdf" if 2 * pdfs > len(arxiv) else "abs"}
    if _pdfs_on_purpose(found):
        rules["pdf-link"] = {"form": "pdf"}
    if _repeats_across_sections(text) >= CONVENTION:
        rules["duplicate-entry"] = {"across_sections": "off"}
    return rules


def _pdfs_on_purpose(found: Sequence[str]) -> bool:
    """Whether the publisher PDFs `pdf-link` reports are the list's habit: at least `SHARE`
    of the links to the hosts of those PDFs, `MIN_USES` or more of them."""
    pdf_hosts = Counter(urls.bare_host(url) for url in found if urls.abstract_url(url))
    pdf_hosts.pop(None, None)
    if sum(pdf_hosts.values()) < MIN_USES:
        return False
    to_those = sum(urls.bare_host(url) in pdf_hosts for url in found)
    return sum(pdf_hosts.values()) >= SHARE * to_those


def _repeats_across_sections(text: str) -> int:
    """Entries `duplicate-entry` finds again under another heading."""
    from awesome_lint.api import Selection, lint_text
    from awesome_lint.config import config_from_text

    def found(across: str) -> int:
        setting = {"rules": {"duplicate-entry": {"across_sections": across}}}
        config = config_from_text(json.dumps(setting), "init")
        return len(lint_text(text, config, Selection(frozenset({"duplicate-entry"}))))

    return found("warning") - found("off")


def _relative_links(tables: Sequence[Table]) -> int:
    """Links that `link-syntax` reads as relative (`#anchors` are fine anyway)."""
    found = (link.url for table in tables for _, link in body_links(table))
    return sum(bool(url.strip()) and url[0] != "#" and urls.is_relative(url) for url in found)


def _venues(ctx: Context) -> Json:
    found = [table_venues(bound, ctx) for bound in ctx.tables]
    styles = {venues.style for venues in found if venues.style is not None}
    venues: Json = {
        "style": styles.pop() if len(styles) == 1 else None,
        "known": _known_venues(ctx, [f.mention for venues in found for f in venues.found]),
    }
    return {key: value for key, value in venues.items() if value}


def _known_venues(ctx: Context, mentions: Sequence[Mention]) -> list[Json]:
    uses = Counter(m.name for m in mentions)
    names: dict[str, set[str]] = defaultdict(set)  # canonical -> names written for it
    for m in mentions:
        if m.canonical is not None:
            names[m.canonical].add(m.name)
    known: dict[str, Json] = {}
    for m in mentions:
        if uses[m.name] < REPEATED or placeholder_like(m.name):
            continue
        if m.canonical is None and ctx.vocabulary.suggest(m.name) not in names:
            known[m.name] = {"name": m.name}
        elif m.is_alias and not m.is_variant and names[m.canonical or ""] == {m.name}:
            venue = ctx.vocabulary.get(m.name)
            known[m.name] = {"name": m.name, "kind": venue.kind if venue else "conference"}
    return sorted(known.values(), key=lambda v: str(v["name"]).casefold())


def _folds(table: Table) -> list[str]:
    return [fold_header(cell.text) for cell in table.header.cells]


def _table_schemas(tables: Sequence[Table]) -> list[Json]:
    groups: dict[frozenset[str], list[Table]] = {}
    for table in tables:
        key = frozenset(_folds(table)) - {""}
        if key:
            groups.setdefault(key, []).append(table)
    ordered = [group for _, group in sorted(groups.items(), key=lambda item: -len(item[0]))]
    keyed: dict[str, str] = {}
    schemas = [_table_schema(group, keyed) for group in ordered]
    _first_column_keys(schemas, ordered)
    return schemas


def _table_schema(group: list[Table], keyed: dict[str, str]) -> Json:
    """The schema of the tables of one header. `keyed` holds the name of each built-in key
    column so far: `duplicate-entry` compares keys by column name, across tables."""
    first = group[0]
    builtin_keys = dict(default_config().tables[0].unique)
    # What each header cell is by name, whatever the built-in schemas' match says.
    anywhere = [replace(s, match_any=(), match_all=()) for s in default_config().tables]
    columns: list[Json] = []
    keys: list[Json] = []
    seen: dict[str, str] = {}  # folded -> as written: what the schema matches
    for header, role in zip(first.header.cells, bind(first, anywhere).columns):
        folded, written = fold_header(header.text), header.text.strip()
        if not folded or folded in seen:
            continue
        seen[folded] = name = written
        if role is not None and role.name in builtin_keys:
            name = keyed.setdefault(role.name, written)
            name = written if fold_header(name) in _folds(first) else name
            keys.append({"column": name, "by": builtin_keys[role.name]})
        columns.append(_column(name, written, role, _cells(group, folded)))
    match: Json = {"columns": list(seen.values()), "similarity": SIMILARITY}
    schema: Json = {"match": match, "columns": columns}
    orders = {tuple(dict.fromkeys(f for f in _folds(t) if f)) for t in group}
    if len(orders) == 1 and len(columns) > 1:
        schema["ordered"] = True
    if all("" not in _folds(t) and len(set(_folds(t))) == len(_folds(t)) for t in group):
        schema["additional_columns"] = False
    if keys:
        schema["unique"] = keys
    return schema


def _cells(group: Iterable[Table], folded: str) -> list[Cell | None]:
    """The column's cells in every non-empty body row (None where a short row lacks it)."""
    at = [(table, _folds(table).index(folded)) for table in group]
    return [
        row.cells[i] if i < len(row.cells) else None
        for table, i in at
        for row in table.rows
        if not row.is_empty
    ]


def _column(name: str, written: str, role: ColumnSpec | None, cells: list[Cell | None]) -> Json:
    column: Json = {"name": name, "aliases": [written]} if written != name else {"name": name}
    present = [cell for cell in cells if cell is not None and not is_blank(cell)]
    if present and len(present) == len(cells):
        column["required"] = True
    placeholders: dict[str, str] = {}
    for cell in present:
        if is_placeholder(role, cell):
            placeholders.setdefault(fold(cell.text), cell.text.strip())
    if placeholders:
        column["placeholders"] = list(placeholders.values())
    # As link-syntax reads "links": "required": a non-bare link in each cell but placeholders.
    linked = [
        links(c) for c in cells if c and c.raw and (c.links or fold(c.text) not in placeholders)
    ]
    if linked and all(found and all(x.kind != "bare" for x in found) for found in linked):
        column["links"] = "required"
    if role is not None and role.hosts:
        column["hosts"] = _hosts(present)
    if role is not None and role.venue:
        column["venue"] = role.venue
    return column


def _hosts(cells: Iterable[Cell]) -> list[str]:
    """`@repository` and the other hosts the column links more than once (a one-off host
    stays reported), papers left out."""
    uses = Counter(
        name
        for link in (link for cell in cells for link in links(cell))
        if (name := urls.bare_host(link.url)) and _HOST.fullmatch(name)
        if not _REPOSITORY.match_host(name) and urls.abstract_url(link.url) is None
        if not urls.canonical_key(link.url).startswith(("arxiv:", "doi:"))  # papers
    )
    return ["@repository", *_host_patterns(uses)]


def _host_patterns(uses: Counter[str]) -> list[str]:
    """The hosts used more than once, and two or more subdomains of one domain used more
    than once together as `*.domain` (`*.github.io`)."""
    parents: dict[str, set[str]] = defaultdict(set)
    for name in uses:
        labels = name.split(".")
        size = 3 if len(labels) > 2 and labels[-2] in _SECOND_LEVEL else 2
        if len(labels) > size:
            parents[".".join(labels[-size:])].add(name)
    out = {name for name, count in uses.items() if count >= REPEATED}
    for parent, children in parents.items():
        if len(children) >= REPEATED:
            out = (out - children) | {"*." + parent}
    return sorted(out, key=lambda h: (h.removeprefix("*."), h))


def _first_column_keys(schemas: list[Json], groups: list[list[Table]]) -> None:
    """Tables without a built-in key: the first column, if no value repeats in the file as
    `duplicate-entry` reads it (across the tables whose key has that column name)."""
    keyless = [(s, g) for s, g in zip(schemas, groups) if "unique" not in s]
    values: dict[str, Counter[str]] = defaultdict(Counter)
    for schema, group in keyless:
        name = schema["columns"][0]["name"]
        values[name].update(_text_key(c) for c in _cells(group, fold_header(name)) if c)
    for schema, _ in keyless:
        first = schema["columns"][0]
        counts = values[first["name"]]
        counts.pop("", None)
        if first.get("required") and len(counts) >= MIN_KEY_VALUES and max(counts.values()) == 1:
            schema["unique"] = [{"column": first["name"], "by": "text"}]


def _text_key(cell: Cell) -> str:
    folded = "" if is_blank(cell) or is_placeholder(None, cell) else fold_text(cell.text)
    return "" if folded in GENERIC_LABELS or folded.isdigit() else folded
