#!/usr/bin/env bash
# Install the peer tools that bench/run.py compares awesome-lint with, into bench/peers/:
#   npm:    prettier, markdownlint-cli2, markdown-table-formatter, awesome-lint (sindresorhus)
#           -> bench/peers/node_modules/.bin/
#   Python: mdformat + mdformat-tables -> bench/peers/venv/ (kept apart from the project's .venv)
# Re-running it is safe and cheap. Override a version with e.g. PRETTIER=prettier@3.3.3.
# Usage: bash bench/setup_peers.sh
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
peers="$here/peers"
python=${PYTHON:-python3}

PRETTIER=${PRETTIER:-prettier@3}
MARKDOWNLINT=${MARKDOWNLINT:-markdownlint-cli2@0}
TABLE_FORMATTER=${TABLE_FORMATTER:-markdown-table-formatter@1}
AWESOME_LINT_JS=${AWESOME_LINT_JS:-awesome-lint@2}
MDFORMAT=${MDFORMAT:-mdformat}
MDFORMAT_TABLES=${MDFORMAT_TABLES:-mdformat-tables}

mkdir -p "$peers"

if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
    if [ ! -f "$peers/package.json" ]; then
        printf '{\n  "name": "awesome-lint-bench-peers",\n  "private": true\n}\n' >"$peers/package.json"
    fi
    echo "== npm packages -> $peers/node_modules (node $(node --version), npm $(npm --version))"
    npm install --prefix "$peers" --no-audit --no-fund --loglevel=error \
        "$PRETTIER" "$MARKDOWNLINT" "$TABLE_FORMATTER" "$AWESOME_LINT_JS"
else
    echo "!! node/npm not found: skipping the npm peers" >&2
fi

echo "== Python packages -> $peers/venv"
if [ ! -x "$peers/venv/bin/python" ]; then
    "$python" -m venv "$peers/venv"
fi
"$peers/venv/bin/python" -m pip install -qq --upgrade "$MDFORMAT" "$MDFORMAT_TABLES"

echo "== installed"
for pkg in prettier markdownlint-cli2 markdown-table-formatter awesome-lint; do
    manifest="$peers/node_modules/$pkg/package.json"
    if [ -f "$manifest" ]; then
        version=$(node -p "require(process.argv[1]).version" "$manifest")
        label=$pkg
        [ "$pkg" = awesome-lint ] && label="awesome-lint (js, sindresorhus; 'awesome-lint-js' in run.py)"
        echo "  $label $version"
    fi
done
"$peers/venv/bin/python" - <<'PY'
from importlib.metadata import version
import platform
for name in ("mdformat", "mdformat-tables"):
    print(f"  {name} {version(name)} (Python {platform.python_version()})")
PY
