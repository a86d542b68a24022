"""`tafelapp archive status|renew`: the archive timestamps of B-LTA notulen (PAdES, EN 319 142)."""

from __future__ import annotations

import argparse
from typing import Any

from tafelapp.services import archive_service
from tafelapp.services.session import Session


def add_parsers(sub: Any) -> None:
    """`archive status` (when last renewed, what is due) and `archive renew` (now)."""
    p = sub.add_parser("archive", help="archieftijdstempels van vastgestelde notulen (B-LTA)")
    actions = p.add_subparsers(dest="action", required=True)
    actions.add_parser("status", help="wanneer laatst vernieuwd, wat is de volgende")
    actions.add_parser("renew", help="vernieuw nu wat binnen de marge verloopt")


def cmd_archive(args: argparse.Namespace, session: Session) -> int:
    """Print the renewal status (after renewing, for `renew`); 1 when a renewal failed."""
    status = (archive_service.renew_due(session) if args.action == "renew"
              else archive_service.renewal_status(session))
    print(status.sentence)
    return 1 if args.action == "renew" and status.problems else 0
