"""HTML to an A4 PDF with Qt's text engine (run it in the worker thread, never on the GUI thread)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument


def html_to_pdf(html: str, target: Path, title: str) -> Path:
    """Write `html` as an A4 PDF (fonts embedded) to `target` atomically, mode 0600."""
    tmp = target.with_name(target.name + ".tmp")
    writer = QPdfWriter(str(tmp))
    writer.setTitle(title)
    writer.setCreator("Tafelapp")
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    del writer
    os.chmod(tmp, 0o600)
    os.replace(tmp, target)
    return target
