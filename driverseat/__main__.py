"""Allow ``python -m driverseat``."""

from driverseat.cli import main

raise SystemExit(main())
