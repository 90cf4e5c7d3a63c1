"""The shape of the package: no import cycles, GitHub's Markdown reader below everything else,
no reaching into another module's private names, modules of a readable size."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "awesome_lint"
# What markdown/ may import from the package: itself and the plain values below it.
MARKDOWN_MAY_IMPORT = ("awesome_lint.markdown", "awesome_lint.model", "awesome_lint.document")
MAX_LINES = 500


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(module imported, names imported from it) for every import in the file, also those
    inside functions and under TYPE_CHECKING: a cycle through them is still a cycle."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, ()
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base, tuple(alias.name for alias in node.names)


def _graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports (`from pkg import module` counts as the
    module). A package's implicit import of its own __init__ is not an edge: a package
    whose __init__ re-exports its modules would otherwise always be a cycle."""
    graph: dict[str, set[str]] = {name: set() for name in MODULES}
    for name, path in MODULES.items():
        for module, names in _imports(name, path):
            if module not in MODULES:
                continue
            targets = {f"{module}.{n}" for n in names if f"{module}.{n}" in MODULES}
            if len(targets) < len(names) or not names:
                targets.add(module)
            graph[name] |= targets - {name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)) is not None:
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)) is not None:
            return found
    return None


def test_the_modules_were_found() -> None:
    assert {"awesome_lint.cli", "awesome_lint.markdown.blocks", "awesome_lint.rules"} <= set(
        MODULES
    )
    assert "awesome_lint.model" in _graph()["awesome_lint.markdown.tables"]


def test_no_import_cycle() -> None:
    cycle = _cycle(_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or ())


def test_the_cycle_check_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_markdown_imports_nothing_above_the_model() -> None:
    for name, targets in _graph().items():
        if name.startswith("awesome_lint.markdown"):
            above = sorted(t for t in targets if not t.startswith(MARKDOWN_MAY_IMPORT))
            assert not above, f"{name} imports {above}"


def test_no_module_imports_private_names_of_another() -> None:
    for name, path in MODULES.items():
        for module, names in _imports(name, path):
            if module.startswith("awesome_lint") and module != name:
                private = [n for n in names if n.startswith("_") and n != "__version__"]
                assert not private, f"{name} imports {private} from {module}"


def test_modules_stay_readable() -> None:
    for name, path in MODULES.items():
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > MAX_LINES:
            docstring = ast.get_docstring(ast.parse(text)) or ""
            assert "mirrors one cmark-gfm file" in docstring, f"{name}: over {MAX_LINES} lines"


def test_pyproject_lists_every_package() -> None:
    import re

    text = (SRC.parent / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^packages = \[(.*?)\]", text, re.DOTALL | re.MULTILINE)
    assert block is not None
    listed = set(re.findall(r'"([\w.]+)"', block.group(1)))
    packages = {name for name, path in MODULES.items() if path.name == "__init__.py"}
    assert listed == packages | {"awesome_lint.schema"}


def test_the_schemas_ship_without_a_symlink() -> None:
    from awesome_lint.config import SCHEMA_DIR

    assert not (PACKAGE / "schema").is_symlink()
    assert (SCHEMA_DIR / "config.schema.json").is_file()
    assert (SCHEMA_DIR / "default.json").is_file()


def test_the_online_rule_ids_are_the_online_rules() -> None:
    """`rules.ONLINE_IDS` (what offline runs accept in configs and --select) names exactly
    the online rule modules."""
    from awesome_lint.online.rules import INFOS
    from awesome_lint.rules import ONLINE_IDS

    assert set(INFOS) == ONLINE_IDS
