"""`python -m badgr_fuzz`: see badgr_fuzz.cli."""

from __future__ import annotations

import sys

from badgr_fuzz import main

sys.exit(main())
