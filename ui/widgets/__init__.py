"""Small reusable widgets (autosave binding, score chart, problem list)."""
