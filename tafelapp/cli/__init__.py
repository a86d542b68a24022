"""The `tafelapp` command, a module per command group; `main` is the entry point."""

from tafelapp.cli.app import main

__all__ = ["main"]
