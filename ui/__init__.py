"""The PySide6 desktop app: views, models and the worker that owns the vault connection."""
