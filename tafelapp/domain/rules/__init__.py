"""Pure rule functions: each takes records and returns every problem it finds."""
