"""A test PKI for archive-grade signatures, made with certomancer and served on loopback: a root CA
with an OCSP responder and a CRL, a timestamp authority, and signers that stay valid, expire soon,
are revoked before they sign or are revoked later."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

CHAIR, SECRETARY = "Mr. A. de Voorzitter (fictief)", "B. Secretaris (fictief)"
SIGNERS = {"chair": CHAIR, "secretary": SECRETARY, "short": CHAIR, "revoked": CHAIR,
           "later": CHAIR}
"""Certificate label → holder: the chair has a good one, one that expires in 10 days, one revoked
an hour before the test starts and one revoked two days after it."""

_SIGNER = """
      {label}:
        subject: {subject}
        subject-key: {label}
        issuer: root
        validity: {{valid-from: "{start}", valid-to: "{end}"}}
        extensions:
          - id: key_usage
            critical: true
            smart-value: {{schema: key-usage, params: [digital_signature, non_repudiation]}}
          - id: authority_information_access
            smart-value: {{schema: aia-urls, params: {{ocsp-responder-names: [root]}}}}
{revocation}"""

_CONFIG = """
external-url-prefix: "{url}"
keysets:
  ltv:
    path-prefix: "{keys}"
    keys:
{keys_list}
pki-architectures:
  ltv:
    keyset: ltv
    entity-defaults: {{country-name: NL, organization-name: "Test-CA Tafelapp (niet echt)"}}
    entities:
      root: {{common-name: "Test Stamcertificaat LTV"}}
      tsa: {{common-name: "Test Tijdstempeldienst LTV"}}
      ocsp: {{common-name: "Test OCSP-dienst"}}
{entities}
    certs:
      root:
        subject: root
        issuer: root
        validity: {{valid-from: "{start}", valid-to: "{root_end}"}}
        profiles:
          - id: simple-ca
            params: {{crl-repo: root}}
      ocsp:
        issuer: root
        validity: {{valid-from: "{start}", valid-to: "{root_end}"}}
        profiles: [ocsp-responder]
      tsa:
        issuer: root
        validity: {{valid-from: "{start}", valid-to: "{tsa_end}"}}
        extensions:
          - id: key_usage
            critical: true
            smart-value: {{schema: key-usage, params: [digital_signature]}}
          - {{id: extended_key_usage, critical: true, value: [time_stamping]}}
          - id: crl_distribution_points
            smart-value: {{schema: crl-dist-url, params: {{crl-repo-names: [root]}}}}
{signers}
    services:
      ocsp:
        root: {{for-issuer: root, responder-cert: ocsp, signing-key: ocsp}}
      crl-repo:
        root: {{for-issuer: root, signing-key: root, simulated-update-schedule: "P30D"}}
      time-stamping:
        tsa: {{signing-key: tsa, signing-cert: tsa}}
"""


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S+0000")


@dataclass
class LtvPki:
    """The PKI's certificates and keys, its URLs, and a switch that takes it off the network."""

    root_der: bytes
    tsa_der: bytes
    certs: dict[str, bytes]
    keys: dict[str, bytes]
    url: str
    tsa_url: str
    animator: Any
    started: dt.datetime
    online: bool = True

    def at(self, moment: dt.datetime | None) -> None:
        """Let the OCSP responder, the CRL and the TSA answer as at `moment` (None: now)."""
        self.animator.fixed_time = moment

    def pkcs12(self, label: str, pin: str) -> bytes:
        """The certificate and key of `label` as a CA hands them out (PKCS#12 under `pin`)."""
        from cryptography import x509
        from cryptography.hazmat.primitives.serialization import (
            BestAvailableEncryption,
            load_der_private_key,
            pkcs12,
        )

        key = load_der_private_key(self.keys[label], None)
        assert isinstance(key, rsa.RSAPrivateKey)  # the test PKI's keys (any cryptography version)
        cert = x509.load_der_x509_certificate(self.certs[label])
        return pkcs12.serialize_key_and_certificates(
            label.encode(), key, cert, [x509.load_der_x509_certificate(self.root_der)],
            BestAvailableEncryption(pin.encode()))


def _key(path: Path) -> bytes:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                       serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    return key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def make_ltv_pki(folder: Path) -> Generator[LtvPki, None, None]:
    """The PKI, served on 127.0.0.1 until the generator ends; `pki.online = False` makes every
    request fail (503) as an unreachable responder would."""
    from certomancer.integrations.animator import Animator, AnimatorArchStore
    from certomancer.registry import ArchLabel, CertLabel, CertomancerConfig
    from werkzeug.serving import make_server

    keys = folder / "keys"
    keys.mkdir()
    labels = ["root", "tsa", "ocsp", *SIGNERS]
    key_der = {name: _key(keys / f"{name}.key.pem") for name in labels}
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    holder: dict[str, Any] = {}

    def app(environ: Any, start_response: Any) -> Any:
        if not holder["pki"].online:
            start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
            return [b"offline"]
        return holder["animator"](environ, start_response)

    server = make_server("127.0.0.1", 0, app, threaded=True)  # aiohttp keeps connections
    url = f"http://127.0.0.1:{server.server_port}"
    start = now - dt.timedelta(days=1)
    signers = []
    for label in SIGNERS:
        end = now + dt.timedelta(days=10 if label == "short" else 365)
        since = {"revoked": now - dt.timedelta(hours=1),
                 "later": now + dt.timedelta(days=2)}.get(label)
        revocation = (f"        revocation: {{revoked-since: \"{_iso(since)}\", "
                      f"reason: key_compromise}}\n") if since else ""
        signers.append(_SIGNER.format(label=label, start=_iso(start), end=_iso(end),
                                      subject="chair" if SIGNERS[label] == CHAIR else label,
                                      revocation=revocation))
    config = CertomancerConfig.from_yaml(_CONFIG.format(
        url=url, keys=keys,
        keys_list="\n".join(f"      {n}: {{path: {n}.key.pem}}" for n in labels),
        entities=f"      chair: {{common-name: \"{CHAIR}\"}}\n"
                 f"      secretary: {{common-name: \"{SECRETARY}\"}}",
        signers="".join(signers), start=_iso(start),
        root_end=_iso(now + dt.timedelta(days=3650)),
        tsa_end=_iso(now + dt.timedelta(days=730))), key_search_dir=str(keys))
    arch = config.get_pki_arch(ArchLabel("ltv"))
    animator = Animator(AnimatorArchStore({arch.arch_label: arch}), with_web_ui=False)
    pki = LtvPki(root_der=arch.get_cert(CertLabel("root")).dump(),
                 tsa_der=arch.get_cert(CertLabel("tsa")).dump(),
                 certs={n: arch.get_cert(CertLabel(n)).dump() for n in SIGNERS},
                 keys={n: key_der[n] for n in SIGNERS}, url=url,
                 tsa_url=f"{url}/ltv/tsa/tsa", animator=animator, started=now)
    holder.update(pki=pki, animator=animator)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield pki
    finally:
        server.shutdown()
