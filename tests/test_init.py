"""`awesome-lint init`: each inference on small handmade lists, the golden configs under
tests/init/, the command line, and the corpus promise: linting with the inferred config
finds no more than the default does, and only real defects stay.

`python tests/test_init.py` prints the per-file counts (default vs after init) for the corpus.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from awesome_lint.api import lint_text
from awesome_lint.cli import main
from awesome_lint.config import config_from_text, config_schema, default_config, load_config
from awesome_lint.init import SCHEMA_URL, infer, infer_config

GOLDEN = Path(__file__).parent / "init"
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = [*sorted((SHARED / "corpus").glob("*.md")), SHARED / "seed-README.md"]
# Rules about real defects: a config inferred from the file must not quiet them.
DEFECTS = (
    "ragged-row",
    "empty-row",
    "tracking-params",
    "pdf-link",
    "arxiv-link",
    "insecure-link",
    "duplicate-entry",
)


def table(header: str, *rows: str) -> str:
    cells = header.split("|")
    return "\n".join([f"| {header} |", "|" + " --- |" * len(cells), *(f"| {r} |" for r in rows)])


def doc(*tables: str) -> str:
    return "# List\n\n" + "\n\n".join(tables) + "\n"


def only_schema(text: str) -> dict[str, Any]:
    tables = infer(text)["tables"]
    assert len(tables) == 1
    return dict(tables[0])


def column(text: str, name: str) -> dict[str, Any]:
    return next(c for c in only_schema(text)["columns"] if c["name"] == name)


def counts(text: str, config: str | None = None) -> Counter[str]:
    cfg = config_from_text(config, "init.json") if config else default_config()
    return Counter(p.rule for p in lint_text(text, cfg))


# -- the file itself --------------------------------------------------------------------------


def test_output_is_a_valid_pretty_config_with_schema_first() -> None:
    text = (GOLDEN / "seed" / "input.md").read_text(encoding="utf-8")
    out = infer_config(text)
    data = json.loads(out)
    assert next(iter(data)) == "$schema" and data["$schema"] == SCHEMA_URL
    assert out == json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    assert not list(Draft202012Validator(config_schema()).iter_errors(data))
    assert infer_config(text) == out


@pytest.mark.parametrize("case", sorted(p.name for p in GOLDEN.iterdir() if p.is_dir()))
def test_golden_configs(case: str) -> None:
    folder = GOLDEN / case
    out = infer_config((folder / "input.md").read_text(encoding="utf-8"))
    assert out == (folder / "expected.json").read_text(encoding="utf-8")


def test_a_renamed_column_and_an_emptied_cell_stay_reported_after_init() -> None:
    text = (GOLDEN / "seed" / "input.md").read_text(encoding="utf-8")
    config = config_from_text(infer_config(text), "init")
    lines = text.splitlines(keepends=True)
    lines[3] = lines[3].replace("| Modalities ", "| Modality   ", 1)
    row = lines[7].split("|")
    row[2] = "  "  # the Title of SAMv2
    lines[7] = "|".join(row)
    problems = lint_text("".join(lines), config)
    found = {(p.line, p.rule) for p in problems}
    assert (4, "header-mismatch") in found and (8, "empty-cell") in found
    renamed = next(p for p in problems if p.rule == "header-mismatch")
    assert "`Modality` is `Modalities`" in renamed.message
    assert not {(p.line, p.rule) for p in lint_text(text, config)} & {
        (4, "header-mismatch"),
        (8, "empty-cell"),
    }


@pytest.mark.parametrize(
    ("header", "bound"),
    [
        ("Name|Title|Modality|Paper|Code", True),  # a singular for a plural
        ("Name|Tittle|Modalities|Paper|Code", True),  # a typo
        ("Name|Title|Paper", True),  # 3 of 5 columns
        ("Name|Year", False),  # 1 of 5 columns
        ("Model|Size|Date", False),  # another table
    ],
)
def test_init_schemas_describe_similar_tables(header: str, bound: bool) -> None:
    learned = doc(table("Name|Title|Modalities|Paper|Code", "A|B|C|D|E", "F|G|H|I|J"))
    config = config_from_text(infer_config(learned), "init")
    from awesome_lint.markdown.tables import parse
    from awesome_lint.tableschema import bind

    found = bind(parse(doc(table(header, "x|" * header.count("|") + "y"))).tables[0], config.tables)
    assert (found.schema is not None and found.schema.origin != "built-in") == bound


def test_no_tables_gives_only_the_schema() -> None:
    assert infer("# Nothing here\n\ntext\n") == {"$schema": SCHEMA_URL}


# -- tables and columns -------------------------------------------------------------------------


def test_columns_keep_their_names_and_built_in_roles() -> None:
    text = doc(table("Paper Title|Conference|Repo", "A|CVPR'23|-", "B|ICCV'23|-"))
    schema = only_schema(text)
    assert schema["match"] == {
        "columns": ["Paper Title", "Conference", "Repo"],
        "similarity": 0.6,
    }
    assert [c["name"] for c in schema["columns"]] == ["Paper Title", "Conference", "Repo"]
    assert schema["columns"][1]["venue"] is True
    assert schema["columns"][2]["hosts"] == ["@repository"]
    assert schema["unique"] == [{"column": "Paper Title", "by": "text"}]


def test_ordered_and_closed_when_every_table_agrees() -> None:
    same = doc(table("Name|Code", "a|b"), table("Name|Code", "c|d"))
    assert only_schema(same)["ordered"] is True
    assert only_schema(same)["additional_columns"] is False
    swapped = doc(table("Name|Code", "a|b"), table("Code|Name", "c|d"))
    assert "ordered" not in only_schema(swapped)
    assert only_schema(swapped)["additional_columns"] is False
    twice = doc(table("Name|Code|code", "a|b|c"))
    assert "additional_columns" not in only_schema(twice)


def test_each_header_gets_its_own_schema_wider_first() -> None:
    text = doc(table("Name|Code", "a|b"), table("Name|Code|Stars", "a|b|1"))
    names = [t["match"]["columns"] for t in infer(text)["tables"]]
    assert names == [["Name", "Code", "Stars"], ["Name", "Code"]]
    assert not counts(text, infer_config(text))["header-mismatch"]


def test_required_when_no_cell_is_empty() -> None:
    text = doc(table("Name|Note|Code", "a|x|N/A", "b||-", "c|y"))
    assert column(text, "Name")["required"] is True
    assert "required" not in column(text, "Note")
    assert "required" not in column(text, "Code")  # the short row has no Code cell


def test_placeholders_in_use() -> None:
    text = doc(table("Title|Code", "a|N/A", "b|-", "c|n/a", "d|TBD", "e|Private", "f|none yet"))
    code = column(text, "Code")
    assert code["placeholders"] == ["N/A", "-", "TBD", "Private"]
    assert code["required"] is True
    assert not counts(text, infer_config(text))["empty-cell"]


def test_links_required_when_every_other_cell_links() -> None:
    linked = table("Title|Paper", "a|[x](https://a.org/1)", "b|N/A", "c|[y](https://a.org/2)")
    assert column(doc(linked), "Paper")["links"] == "required"
    text = table("Title|Paper", "a|[x](https://a.org/1)", "b|soon to come")
    assert "links" not in column(doc(text), "Paper")
    bare = table("Title|Paper", "a|[x](https://a.org/1)", "b|https://a.org/2")
    assert "links" not in column(doc(bare), "Paper")


def test_code_hosts_are_those_in_use_but_papers() -> None:
    text = doc(
        table(
            "Title|Code",
            "a|[x](https://github.com/a/b)",
            "b|[x](https://alice.github.io/b)",
            "c|[x](https://bob.github.io/c)",
            "d|[x](https://lab.example.org/d)",
            "e|[x](https://my_lab.example.com/e)",
            "e|[x](https://arxiv.org/abs/2301.00001)",
        )
    )
    assert column(text, "Code")["hosts"] == ["@repository", "*.github.io"]
    after = lint_text(text, config_from_text(infer_config(text), "init.json"))
    assert [p.message.split(";")[0] for p in after if p.rule == "link-host"] == [
        "link to lab.example.org in the Code column",  # used once: no convention
        "link to my_lab.example.com in the Code column",  # no host the config can name
        "link to arxiv.org in the Code column",
    ]


def test_built_in_keys_stay_even_when_the_file_repeats_an_entry() -> None:
    text = doc(table("Title|Paper", "Same|[x](https://a.org/1)", "same.|[y](https://a.org/2)"))
    schema = only_schema(text)
    assert schema["unique"] == [
        {"column": "Title", "by": "text"},
        {"column": "Paper", "by": "url"},
    ]
    assert counts(text, infer_config(text))["duplicate-entry"] == 1


def test_a_key_column_keeps_one_name_across_spellings() -> None:
    text = doc(
        table("Title|Paper", "Same|[x](https://a.org/1)", "B|[y](https://a.org/2)"),
        table("Paper Title|Paper|Code", "same.|[z](https://a.org/3)|-"),
    )
    wide, narrow = infer(text)["tables"]
    assert wide["match"] == {"columns": ["Paper Title", "Paper", "Code"], "similarity": 0.6}
    assert wide["columns"][0] == {"name": "Paper Title", "required": True}
    assert narrow["columns"][0] == {"name": "Paper Title", "aliases": ["Title"], "required": True}
    assert (
        counts(text, infer_config(text))["duplicate-entry"] == 1 == counts(text)["duplicate-entry"]
    )


def test_first_column_is_a_key_only_when_it_holds() -> None:
    unique = doc(table("Tool|Kind", "a|x", "b|x", "c|y"))
    assert only_schema(unique)["unique"] == [{"column": "Tool", "by": "text"}]
    repeated = doc(table("Tool|Kind", "a|x", "b|x", "c|y"), table("Tool|Kind|Stars", "a|z|1"))
    assert all("unique" not in t for t in infer(repeated)["tables"])
    few = doc(table("Tool|Kind", "a|x", "b|x"))
    assert "unique" not in only_schema(few)


# -- venues, layout, links -----------------------------------------------------------------------


def test_venue_style_when_every_table_agrees() -> None:
    one = table("Title|Venue", "a|CVPR'23", "b|ICCV'23", "c|ECCV 2022")
    other = table("Title|Venue", "d|ICLR'24", "e|NeurIPS'23")
    assert infer(doc(one, other))["venues"]["style"] == "VENUE'YY"
    apart = table("Title|Venue", "d|ICLR 2024", "e|NeurIPS 2023")
    assert "venues" not in infer(doc(one, apart))


def test_unknown_venues_used_repeatedly_become_known() -> None:
    rows = ["a|ICPADS 2020", "b|ICPADS 2021", "c|FOOCONF 2020", "d|WACW 2023", "e|WACW 2022"]
    text = doc(table("Title|Venue", *rows, "f|WACV 2023"))
    assert infer(text)["venues"]["known"] == [{"name": "ICPADS"}]
    after = counts(text, infer_config(text))
    assert after["venue-unknown"] == counts(text)["venue-unknown"] - 2


def test_an_alias_that_is_the_only_name_used_becomes_known() -> None:
    text = doc(table("Title|Journal", "a|MIA", "b|MIA", "c|NIPS'17", "d|NeurIPS'19"))
    assert infer(text)["venues"]["known"] == [{"name": "MIA", "kind": "journal"}]
    after = lint_text(text, config_from_text(infer_config(text), "init.json"))
    assert [p.message.split(";")[0] for p in after if p.rule == "venue-alias"] == [
        "venue `NIPS` is an alias of `NeurIPS`"
    ]


def test_style_is_the_layout_nine_in_ten_tables_share() -> None:
    compact = "| Name | Code |\n| --- | --- |\n| alpha | b |\n"
    aligned = "| Name  | Code |\n| ----- | ---- |\n| alpha | b    |\n"
    tight = "|Name|Code|\n|---|---|\n|alpha|b|\n"
    assert infer(doc(compact, compact))["style"] == "compact"
    assert infer(doc(aligned))["style"] == "aligned"
    assert infer(doc(*[tight] * 9, compact))["style"] == "tight"
    assert infer(doc(*[tight] * 8, compact, aligned))["style"] == "auto"
    assert "style" not in infer("# No tables\n")


def test_tables_without_outer_pipes_keep_the_auto_style() -> None:
    pipeless = "Name | Code\n--- | ---\nalpha | b\n"
    # "compact" would give them outer pipes; "auto" keeps them as they are.
    assert infer(doc(pipeless, pipeless))["style"] == "auto"
    unsafe = "Name | Code\n--- | ---\nalpha |\n"  # an empty last cell needs the pipes
    assert infer(doc(unsafe, unsafe))["style"] == "compact"


def test_arxiv_form_is_learned_from_nine_in_ten_links() -> None:
    def papers(*forms: str) -> str:
        rows = [f"P{i}|[x](https://arxiv.org/{f}/2301.{i:05})" for i, f in enumerate(forms)]
        return doc(table("Title|Paper", *rows))

    assert infer(papers(*["pdf"] * 9, "abs"))["rules"] == {"arxiv-link": {"form": "pdf"}}
    assert infer(papers(*["abs"] * 5))["rules"] == {"arxiv-link": {"form": "abs"}}
    assert "rules" not in infer(papers(*["pdf", "abs"] * 3))
    assert "rules" not in infer(papers(*["pdf"] * 4))  # too few to tell


def test_publisher_pdfs_on_purpose_turn_pdf_link_off() -> None:
    cvf = "https://openaccess.thecvf.com/content/ICCV2023/papers/A{}_ICCV_2023_paper.pdf"
    rows = [f"P{i}|[pdf]({cvf.format(i)})" for i in range(5)]
    assert infer(doc(table("Title|Paper", *rows)))["rules"] == {"pdf-link": {"form": "pdf"}}
    html = cvf.replace("/papers/", "/html/").replace(".pdf", ".html").format(9)
    assert "rules" not in infer(doc(table("Title|Paper", *rows[:4], f"Q|[a]({html})")))


def test_repeats_across_sections_off_when_the_list_repeats_on_purpose() -> None:
    rows = [f"{t}|[a](https://arxiv.org/abs/2301.0000{i})" for i, t in enumerate("ABCDE")]
    first = "## One\n\n" + table("Title|Paper", *rows)
    again = "## Two\n\n" + table("Title|Paper", *rows)
    once = "## Two\n\n" + table("Title|Paper", *rows[:4])
    learned = infer(doc(first, again))["rules"]
    assert learned["duplicate-entry"] == {"across_sections": "off"}
    assert "duplicate-entry" not in infer(doc(first, once))["rules"]


def test_relative_links_allowed_when_the_list_uses_them() -> None:
    twice = doc(table("Dataset|Info", "[a](./a.md)|x", "[b](./b.md)|y"))
    assert infer(twice)["rules"] == {"link-syntax": {"allow_relative": True}}
    once = doc(table("Dataset|Info", "[a](./a.md)|x", "[b](#b)|y"))
    assert "rules" not in infer(once)


# -- the command line ---------------------------------------------------------------------------


def test_init_writes_next_to_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "list").mkdir()
    readme = tmp_path / "list" / "README.md"
    readme.write_text(doc(table("Title|Code", "a|N/A")), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["init", "list/README.md"]) == 0
    written = tmp_path / "list" / ".awesome-lint.json"
    assert json.loads(written.read_text(encoding="utf-8"))["$schema"] == SCHEMA_URL
    assert load_config(written).tables[0].columns[0].name == "Title"


def test_init_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(doc(table("Title|Code", "a|N/A")), encoding="utf-8")
    target = tmp_path / "out.json"
    target.write_text("{}", encoding="utf-8")
    assert main(["init", str(readme), "-o", str(target)]) == 2
    assert "--force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "{}"
    assert main(["init", str(readme), "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8") == infer_config(readme.read_text(encoding="utf-8"))


def test_init_input_and_output_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path / "nope.md"), "-o", str(tmp_path / "c.json")]) == 2
    assert not (tmp_path / "c.json").exists()
    readme = tmp_path / "README.md"
    readme.write_text(doc(table("Title|Code", "a|N/A")), encoding="utf-8")
    assert main(["init", str(readme), "-o", str(tmp_path / "no" / "c.json")]) == 2
    assert "cannot write the config: No such file or directory" in capsys.readouterr().err


# -- the corpus ---------------------------------------------------------------------------------


def compare(path: Path, folder: Path) -> tuple[Counter[str], Counter[str]]:
    """Default findings and findings after `init`, both through the command line."""
    source = folder / path.name
    source.write_bytes(path.read_bytes())
    config = folder / f"{path.name}.json"
    assert main(["init", str(source), "-o", str(config)]) == 0
    assert main(["--config", str(config), "-q", str(source)]) in (0, 1)
    text = source.read_text(encoding="utf-8-sig")
    return counts(text), Counter(p.rule for p in lint_text(text, load_config(config)))


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="needs ../shared/corpus")
@pytest.mark.parametrize("path", CORPUS, ids=[p.name[:40] for p in CORPUS])
def test_init_on_the_corpus_quiets_conventions_only(path: Path, tmp_path: Path) -> None:
    before, after = compare(path, tmp_path)
    assert all(after[rule] <= before[rule] for rule in after), (before, after)
    # Defects stay, but where the list's own convention says otherwise (the rule's options).
    learned = json.loads((tmp_path / f"{path.name}.json").read_text(encoding="utf-8"))
    defects = set(DEFECTS) - set(learned.get("rules", {}))
    assert {r: before[r] for r in defects} == {r: after[r] for r in defects}


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="needs ../shared/corpus")
@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("DmitryRyumin__ICCV-2023-Papers__sections__2023__main__3d-from", "link-host"),
        ("PLM2233__Awesome-Medical-Foundation-Models__README.md", "venue-alias"),
    ],
)
def test_init_on_the_corpus_drops_conventions(name: str, rule: str, tmp_path: Path) -> None:
    path = next(p for p in CORPUS if p.name.startswith(name))
    before, after = compare(path, tmp_path)
    assert after[rule] < before[rule]


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="needs ../shared/corpus")
def test_the_default_already_learns_relative_links(tmp_path: Path) -> None:
    path = next(p for p in CORPUS if p.name.startswith("openmedlab__Awesome-Medical-Dataset"))
    before, after = compare(path, tmp_path)
    assert before["link-syntax"] == after["link-syntax"] == 0


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="needs ../shared/corpus")
@pytest.mark.parametrize(
    ("name", "rule", "options"),
    [
        (
            "DmitryRyumin__ICCV-2023-Papers__sections__2023__main__3d-from",
            "pdf-link",
            {"form": "pdf"},
        ),
        ("ChenHsing__Awesome-Video-Diffusion-Models__README.md", "arxiv-link", {"form": "abs"}),
        (
            "ChenHsing__Awesome-Video-Diffusion-Models__README.md",
            "duplicate-entry",
            {"across_sections": "off"},
        ),
    ],
)
def test_init_pins_the_corpus_conventions(name: str, rule: str, options: dict[str, str]) -> None:
    path = next(p for p in CORPUS if p.name.startswith(name))
    learned = infer(path.read_text(encoding="utf-8-sig"))
    assert learned["rules"][rule] == options


def report(folder: Path) -> str:
    """Per corpus file: the number of findings with the default and after `init`, per rule."""
    import contextlib
    import io

    results = []
    for path in CORPUS:
        with contextlib.redirect_stdout(io.StringIO()):
            results.append((path.name, *compare(path, folder)))
    lines = ["file | default -> init | per rule: default(->init when it differs)"]
    for name, before, after in results:
        per = ", ".join(
            f"{r} {before[r]}" + (f"->{after[r]}" if after[r] != before[r] else "")
            for r in sorted(set(before) | set(after))
        )
        lines.append(f"{name[:48]} | {before.total()} -> {after.total()} | {per}")
    total = [sum(c.total() for c in counted) for counted in zip(*(r[1:] for r in results))]
    lines.append(f"total | {total[0]} -> {total[1]} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        sys.stdout.write(report(Path(tmp)))
