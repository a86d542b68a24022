"""Entry point of the packaged desktop app (PyInstaller); `regional …` runs the reference server
(the demo starts it this way, as its own process)."""

import multiprocessing
import sys

multiprocessing.freeze_support()  # the server's signature checkers are spawned from this binary

if sys.argv[1:2] == ["regional"]:
    from regional.cli import main as regional_main

    raise SystemExit(regional_main(sys.argv[2:]))

from ui.app import main  # noqa: E402 (after the spawn check and the server dispatch)

raise SystemExit(main())
