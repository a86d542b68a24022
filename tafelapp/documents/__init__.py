"""Documents as files: HTML rendered to PDF/A (WeasyPrint), e-mail drafts and calendar files."""
