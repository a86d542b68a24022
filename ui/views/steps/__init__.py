"""Meeting-mode step pages, one module per step."""
