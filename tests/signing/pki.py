"""A test PKI made with certomancer (root CA, a chair's certificate, a timestamp authority served
on loopback) and a SoftHSM2 token holding the chair's key and certificate."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import threading
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

SOFTHSM_MODULES = ["/usr/lib/softhsm/libsofthsm2.so",
                   "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                   "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"]
CHAIR_NAME = "Mr. A. de Voorzitter (fictief)"
TOKEN_LABEL, KEY_LABEL, TOKEN_PIN = "Tafelkaart", "voorzitter", "246810"

_CONFIG = """
external-url-prefix: "{url}"
keysets:
  tafel:
    path-prefix: "{keys}"
    keys:
      root: {{path: root.key.pem}}
      tsa: {{path: tsa.key.pem}}
      chair: {{path: chair.key.pem}}
pki-architectures:
  tafel:
    keyset: tafel
    entity-defaults: {{country-name: NL, organization-name: "Test-CA Tafelapp (niet echt)"}}
    entities:
      root: {{common-name: "Test Stamcertificaat"}}
      tsa: {{common-name: "Test Tijdstempeldienst"}}
      chair: {{common-name: "{chair}"}}
    certs:
      root:
        subject: root
        issuer: root
        validity: {{valid-from: "{start}", valid-to: "{end}"}}
        extensions:
          - {{id: basic_constraints, critical: true, value: {{ca: true}}}}
          - id: key_usage
            critical: true
            smart-value: {{schema: key-usage, params: [digital_signature, key_cert_sign, crl_sign]}}
      tsa:
        issuer: root
        validity: {{valid-from: "{start}", valid-to: "{end}"}}
        extensions:
          - id: key_usage
            critical: true
            smart-value: {{schema: key-usage, params: [digital_signature]}}
          - {{id: extended_key_usage, critical: true, value: [time_stamping]}}
      chair:
        issuer: root
        validity: {{valid-from: "{start}", valid-to: "{end}"}}
        extensions:
          - id: key_usage
            critical: true
            smart-value: {{schema: key-usage, params: [digital_signature, non_repudiation]}}
    services:
      time-stamping:
        tsa:
          signing-key: tsa
          signing-cert: tsa
"""


@dataclass(frozen=True)
class PkiFixture:
    """What the tests need of the PKI."""

    root_der: bytes
    chair_der: bytes
    chair_key_pem: Path
    tsa_url: str


def _key(path: Path) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                       serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))


def make_pki(folder: Path) -> Generator[PkiFixture, None, None]:
    """The PKI, with its timestamp authority listening on 127.0.0.1 until the generator ends."""
    from certomancer.integrations.animator import Animator, AnimatorArchStore
    from certomancer.registry import ArchLabel, CertLabel, CertomancerConfig
    from werkzeug.serving import make_server

    keys = folder / "keys"
    keys.mkdir()
    for name in ("root", "tsa", "chair"):
        _key(keys / f"{name}.key.pem")
    now = dt.datetime.now(dt.UTC)
    server = make_server("127.0.0.1", 0, lambda e, s: app(e, s))  # app is bound just below
    url = f"http://127.0.0.1:{server.server_port}"
    config = CertomancerConfig.from_yaml(_CONFIG.format(
        url=url, keys=keys, chair=CHAIR_NAME,
        start=(now - dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S+0000"),
        end=(now + dt.timedelta(days=365)).strftime("%Y-%m-%dT%H:%M:%S+0000")),
        key_search_dir=str(keys))
    arch = config.get_pki_arch(ArchLabel("tafel"))
    app = Animator(AnimatorArchStore({arch.arch_label: arch}), with_web_ui=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield PkiFixture(root_der=arch.get_cert(CertLabel("root")).dump(),
                      chair_der=arch.get_cert(CertLabel("chair")).dump(),
                      chair_key_pem=keys / "chair.key.pem", tsa_url=f"{url}/tafel/tsa/tsa")
    finally:
        server.shutdown()


def softhsm_module() -> str | None:
    """The SoftHSM2 PKCS#11 module, when the package is installed."""
    return next((m for m in SOFTHSM_MODULES if Path(m).exists()), None)


def softhsm_token(folder: Path, pki: PkiFixture) -> str:
    """A SoftHSM2 token with the chair's key and certificate; returns the module's path.

    SOFTHSM2_CONF points the library at a token folder of this test run (set before it loads).
    """
    import pkcs11
    from pkcs11 import Attribute, CertificateType, ObjectClass

    module = softhsm_module()
    assert module, "softhsm2 is installed by scripts/dev.py test"
    tokens = folder / "tokens"
    tokens.mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\n"
                    "log.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    util = shutil.which("softhsm2-util")
    assert util
    subprocess.run([util, "--init-token", "--free", "--label", TOKEN_LABEL, "--so-pin",
                    "13572468", "--pin", TOKEN_PIN], check=True, capture_output=True)
    subprocess.run([util, "--import", str(pki.chair_key_pem), "--token", TOKEN_LABEL, "--label",
                    KEY_LABEL, "--id", "01", "--pin", TOKEN_PIN], check=True,
                   capture_output=True)
    from asn1crypto import x509 as asn1_x509

    cert = asn1_x509.Certificate.load(pki.chair_der)
    token = next(t for t in pkcs11.lib(module).get_tokens() if t.label.strip() == TOKEN_LABEL)
    with token.open(rw=True, user_pin=TOKEN_PIN) as session:
        session.create_object({
            Attribute.CLASS: ObjectClass.CERTIFICATE,
            Attribute.CERTIFICATE_TYPE: CertificateType.X_509, Attribute.TOKEN: True,
            Attribute.LABEL: KEY_LABEL, Attribute.ID: b"\x01", Attribute.VALUE: pki.chair_der,
            Attribute.SUBJECT: cert.subject.dump(), Attribute.ISSUER: cert.issuer.dump(),
            Attribute.SERIAL_NUMBER: cert["tbs_certificate"]["serial_number"].dump()})
    return module
