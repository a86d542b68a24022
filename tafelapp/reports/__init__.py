"""Documents built from records as HTML (the desktop app turns them into PDF pages)."""
