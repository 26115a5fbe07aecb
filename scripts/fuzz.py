"""`make fuzz`: the checkout's entry to the fuzz kit (the badgr_fuzz package; see its --help)."""

from __future__ import annotations

import sys

from badgr_fuzz import main

if __name__ == "__main__":
    sys.exit(main())
