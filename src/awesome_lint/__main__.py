from __future__ import annotations

import sys

from awesome_lint.cli import main

sys.exit(main())
