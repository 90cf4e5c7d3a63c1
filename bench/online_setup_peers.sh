#!/usr/bin/env bash
# Install the peers of the online benchmark into bench/peers/online/ (git-ignored):
#   npm:  markdown-link-check  -> bench/peers/online/node_modules/.bin/markdown-link-check
#   PyPI: linkchecker          -> bench/peers/online/venv/bin/linkchecker
# Override a version with e.g. MARKDOWN_LINK_CHECK=markdown-link-check@3.12.2.
# Usage: bash bench/online_setup_peers.sh
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
peers="$here/peers/online"
python=${PYTHON:-python3}
MARKDOWN_LINK_CHECK=${MARKDOWN_LINK_CHECK:-markdown-link-check@3}
LINKCHECKER=${LINKCHECKER:-linkchecker}

mkdir -p "$peers"
if command -v npm >/dev/null 2>&1; then
    [ -f "$peers/package.json" ] || printf '{"name": "online-bench-peers", "private": true}\n' >"$peers/package.json"
    npm install --prefix "$peers" --no-audit --no-fund --loglevel=error "$MARKDOWN_LINK_CHECK"
else
    echo "!! npm not found: skipping markdown-link-check" >&2
fi
[ -x "$peers/venv/bin/python" ] || "$python" -m venv "$peers/venv"
"$peers/venv/bin/python" -m pip install -qq --upgrade "$LINKCHECKER"
echo "== installed into $peers"
