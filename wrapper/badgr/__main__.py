"""``python -m badgr``: the ``badgr`` command line."""

import sys

from badgr.cli import main

if __name__ == "__main__":
    sys.exit(main())
