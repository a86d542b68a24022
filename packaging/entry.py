"""Entry point of the packaged desktop app (PyInstaller)."""

from ui.app import main

raise SystemExit(main())
