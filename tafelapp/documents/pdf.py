"""HTML to PDF/A-2b with WeasyPrint: page numbers and running headers come from the CSS @page rules."""

from __future__ import annotations


def render_pdf(html: str) -> bytes:
    """The document as archival PDF/A-2b bytes (fonts embedded)."""
    import weasyprint  # imported lazily: it is only needed when a document is made

    document = weasyprint.HTML(string=html)
    result: bytes = document.write_pdf(pdf_variant="pdf/a-2b", custom_metadata=True,
                                       presentational_hints=True) or b""
    return result
