"""Controllers: signal wiring and service calls for screens that the main window hosts."""
