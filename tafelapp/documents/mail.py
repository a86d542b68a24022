"""E-mail drafts (.eml) with the signed PDF attached, for the organisation's secure-mail client."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate, make_msgid


def eml_draft(to_name: str, to_address: str, subject: str, body: str,
              attachments: list[tuple[str, bytes]]) -> bytes:
    """An unsent message (X-Unsent: 1 opens it as a draft in Outlook and Thunderbird)."""
    message = EmailMessage()
    message["To"] = f"{to_name} <{to_address}>" if to_name != to_address else to_address
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="tafelapp.invalid")
    message["X-Unsent"] = "1"
    message.set_content(body)
    for filename, data in attachments:
        message.add_attachment(data, maintype="application", subtype="pdf", filename=filename)
    return message.as_bytes()
