"""`python -m badgr_fuzz`: see badgr_fuzz.cli."""

from __future__ import annotations

import sys

from badgr_fuzz.cli import main

sys.exit(main())
