"""`tafelapp-regional serve`: run the reference regional server (loopback by default)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from regional.limits import Limits
from regional.server import Config, RegionalServer
from regional.store import open_store


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the options and serve until interrupted."""
    parser = argparse.ArgumentParser(prog="tafelapp-regional")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serveer de Documenten API (deel dat Tafelapp gebruikt)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1", help="standaard alleen loopback")
    serve.add_argument("--db", default="regional.sqlite3",
                       help="SQLite-bestand, of postgresql://… voor PostgreSQL")
    serve.add_argument("--client", action="append", default=[], metavar="ID:SECRET",
                       help="toegestane client (meerdere mogelijk)")
    serve.add_argument("--informatieobjecttype", action="append", default=[], metavar="URL")
    serve.add_argument("--public-url", default="")
    serve.add_argument("--tls-cert", help="PEM-certificaat (met keten) voor HTTPS")
    serve.add_argument("--tls-key", help="PEM-sleutel voor HTTPS")
    machine = Limits.for_machine()
    serve.add_argument("--verify-workers", type=int, default=machine.verify_workers,
                       help="processen die handtekeningen controleren (standaard: één per kern)")
    serve.add_argument("--uploads", type=int, default=machine.uploads,
                       help="uploads die tegelijk worden gelezen en gecontroleerd")
    serve.add_argument("--connections", type=int, default=machine.connections,
                       help="verbindingen die tegelijk worden bediend")
    args = parser.parse_args(argv)
    clients = dict(c.split(":", 1) for c in args.client)
    if not clients or not args.informatieobjecttype:
        print("geef minstens één --client ID:SECRET en één --informatieobjecttype URL",
              file=sys.stderr)
        return 2
    tls = None
    if args.tls_cert:
        import ssl
        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls.load_cert_chain(args.tls_cert, args.tls_key)
    if min(args.verify_workers + 1, args.uploads, args.connections) < 1:
        print("--verify-workers moet 0 of meer zijn, --uploads en --connections 1 of meer",
              file=sys.stderr)
        return 2
    limits = Limits(verify_workers=args.verify_workers, uploads=args.uploads,
                    connections=args.connections)
    server = RegionalServer(open_store(args.db), Config(clients, set(args.informatieobjecttype),
                                                        args.public_url, limits=limits),
                            args.host, args.port, tls)
    print(f"Regionale referentieserver op {server.url}/api/v1 (opslag: {args.db})", flush=True)
    try:
        server.httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.httpd.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
