"""`python -m tafelapp.cli`."""

from tafelapp.cli.app import main

raise SystemExit(main())
