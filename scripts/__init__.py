"""Developer scripts: set-up, screenshots, examples, schema."""
