"""TLS: a server certificate from a region's own CA is accepted only with that CA bundle."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from regional.server import Config, RegionalServer
from regional.store import SqliteStore
from tafelapp.jobs.outbox_job import drain_once
from tafelapp.services import outbox_service
from tafelapp.services.session import Session
from tests.sync.conftest import CLIENT, IOT, SECRET, configure_region, signed_documents


def _tls_files(folder: Path) -> tuple[Path, Path, Path]:
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Regio Test-CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=9))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
            .issuer_name(ca_name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=9))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    ca_path, cert_path, key_path = folder / "ca.pem", folder / "server.pem", folder / "key.pem"
    ca_path.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return ca_path, cert_path, key_path


def test_certificates_are_verified_and_a_ca_bundle_is_configurable(
        session: Session, demo: dict[str, str], tmp_path: Path) -> None:
    ca, cert, key = _tls_files(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    srv = RegionalServer(SqliteStore(str(tmp_path / "r.sqlite3")),
                         Config({CLIENT: SECRET}, {IOT}), tls=context).start()
    try:
        assert srv.url.startswith("https://")
        configure_region(session, srv.url)  # no CA bundle: the region's CA is not trusted
        signed_documents(session, demo, 1)
        [outcome] = drain_once(session)
        assert outcome.kind == "rejected"  # a certificate problem: not retried forever …
        assert (outcome.message or "").startswith("Certificaatprobleem: het certificaat")
        assert drain_once(session) == [] and srv.httpd.store.count() == 0
        outbox_service.update_region(session, ca_bundle=str(ca))  # … until the settings change
        [outcome] = drain_once(session)
        assert outcome.kind == "delivered" and (outcome.url or "").startswith("https://")
        assert srv.httpd.store.count() == 1
    finally:
        srv.stop()
