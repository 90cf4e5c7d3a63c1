"""Write expected.txt and expected.md of a fixture case from the tool's current behaviour.

    python tests/make_fixture.py tests/fixtures/<rule-id>/<case>

Read the result by eye before committing it: a fixture pins behaviour someone checked.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from fixture_cases import Case, run


def main(folders: list[str]) -> None:
    for folder in folders:
        case = Case(Path(folder).resolve())
        report, result = run(case)
        (case.folder / "expected.txt").write_text(report, encoding="utf-8")
        fixed = case.folder / "expected.md"
        if result.text != case.input:
            fixed.write_bytes(result.text.encode("utf-8"))
        elif fixed.exists():
            fixed.unlink()
        print(f"{case.id}:\n{report}")


if __name__ == "__main__":
    main(sys.argv[1:])
