import sys

from badgr_fuzz.proxy import main

sys.exit(main())
