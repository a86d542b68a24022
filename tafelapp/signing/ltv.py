"""Archive-grade signatures (PAdES B-LT / B-LTA, ETSI EN 319 142) with pyHanko: add the validation
data and a document timestamp, name each signature's level, and judge it offline as of signing."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import logging
from dataclasses import dataclass
from typing import Any

ARCHIVE_FIELD = "Archieftijdstempel"
LEVEL_NL = {"B-B": "B-B (alleen de handtekening)",
            "B-T": "B-T (met tijdstempel)",
            "B-LT": "B-LT (met validatiegegevens)",
            "B-LTA": "B-LTA (archiefwaardig: validatiegegevens en archieftijdstempel)"}


class ArchiveProblem(Exception):
    """Why a document cannot (yet) be made archive-grade; `str()` is Dutch, fit for the outbox."""

    retry = True


class ValidationDataUnreachable(ArchiveProblem):
    """The OCSP responder, the CRL or the timestamp authority does not answer: try again later."""


class CertificateRevoked(ArchiveProblem):
    """A signer's certificate is revoked (or its chain is not trusted): no archive version.

    `document` is the candidate with the validation data that proves it, for a verdict."""

    retry = False

    def __init__(self, message: str, document: bytes | None = None, who: str = "") -> None:
        super().__init__(message)
        self.document = document
        self.who = who


NO_PROOF = ("het certificaat van {who} is ingetrokken en die handtekening heeft geen tijdstempel, "
            "dus is niet te bewijzen dat er vóór de intrekking werd ondertekend; de notulen "
            "worden niet verzonden. Laat de notulen opnieuw ondertekenen met een geldig "
            "certificaat: maak een rectificatie van deze notulen en onderteken die")


@dataclass(frozen=True)
class LtvVerdict:
    """One signature judged offline with the data the PDF carries, as of its signing time."""

    field: str
    level: str
    valid: bool | None
    """True: valid at signing time; False: not valid; None: cannot be judged offline (B-B/B-T)."""
    signed_at: dt.datetime | None
    reason: str

    @property
    def sentence(self) -> str:
        """The verdict in Dutch."""
        if self.valid is None:
            return f"niveau {self.level}: {self.reason}"
        word = "geldig op het moment van ondertekenen" if self.valid else "niet geldig"
        return f"niveau {self.level}: {word} ({self.reason})"


def _quiet() -> None:
    for name in ("pyhanko", "pyhanko_certvalidator", "fontTools"):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)


def _certs(ders: list[bytes]) -> list[Any]:
    from asn1crypto import x509 as asn1_x509

    return [asn1_x509.Certificate.load(d) for d in ders]


def _fetching_context(roots: list[bytes], timeout: float) -> tuple[Any, Any]:
    """A validation context that fetches OCSP/CRL (hard fail), and its fetcher to close."""
    from pyhanko_certvalidator import ValidationContext
    from pyhanko_certvalidator.fetchers.aiohttp_fetchers import AIOHttpFetcherBackend

    backend = AIOHttpFetcherBackend(per_request_timeout=timeout)
    return ValidationContext(trust_roots=_certs(roots), allow_fetching=True,
                             revocation_mode="hard-fail", fetcher_backend=backend), backend


def _classify(exc: Exception, who: str) -> ArchiveProblem:
    from pyhanko_certvalidator.errors import PathBuildingError, RevokedError

    if isinstance(exc, RevokedError):
        return CertificateRevoked(
            f"het certificaat van {who} is ingetrokken; er wordt geen archiefversie gemaakt en "
            "de notulen worden niet verzonden. Vraag de certificaatuitgever en de regio wat er "
            "met deze notulen moet gebeuren", who=who)
    if isinstance(exc, PathBuildingError):
        return CertificateRevoked(
            f"het certificaat van {who} leidt niet naar een vertrouwd stamcertificaat; lees het "
            "stamcertificaat van de uitgever in (regiobestand) en probeer het opnieuw")
    return ValidationDataUnreachable(
        f"de intrekkingsgegevens (OCSP/CRL) voor het certificaat van {who} zijn niet op te "
        f"halen ({type(exc).__name__}); de notulen wachten en worden later opnieuw geprobeerd")


def _unreachable_tsa(exc: Exception) -> ValidationDataUnreachable:
    return ValidationDataUnreachable(
        f"de tijdstempeldienst of de intrekkingsgegevens van de tijdstempeldienst zijn niet "
        f"bereikbaar ({type(exc).__name__}); er wordt later opnieuw geprobeerd")


def archive(pdf: bytes, roots: list[bytes], timestamp_url: str, timeout: float = 10.0) -> bytes:
    """`pdf` made B-LTA as an incremental update (the signed bytes stay a byte prefix): the chains
    of every signer and of the timestamp authority with OCSP responses or CRLs in the document
    security store, then a document timestamp, then the data for that timestamp.

    Raises ValidationDataUnreachable (retry later) or CertificateRevoked (no archive version).
    """
    _quiet()
    try:
        archived = asyncio.run(_archive(pdf, roots, timestamp_url, timeout))
    except CertificateRevoked as exc:
        # revoked after signing: the signature timestamp and the embedded data prove the
        # signature valid when it was made (ltv_poe); without a timestamp there is no proof
        verdicts = judge(exc.document, roots) if exc.document is not None else []
        if verdicts and all(v.valid for v in verdicts):
            archived = exc.document  # type: ignore[assignment]
        elif any(v.level == "B-B" for v in verdicts):
            raise CertificateRevoked(NO_PROOF.format(who=exc.who or "een ondertekenaar")) \
                from None
        else:
            raise
    assert archived.startswith(pdf)
    return archived


async def _archive(pdf: bytes, roots: list[bytes], timestamp_url: str, timeout: float) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import signers
    from pyhanko.sign.timestamps.common_utils import TimestampRequestError
    from pyhanko.sign.validation import DocumentSecurityStore
    from pyhanko.sign.validation.dss import collect_validation_info
    from pyhanko_certvalidator.errors import RevokedError

    from tafelapp.signing.tsa import http_timestamper

    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    context, backend = _fetching_context(roots, timeout)
    revoked: ArchiveProblem | None = None
    try:
        paths: list[Any] = []
        for sig in reader.embedded_regular_signatures:
            try:
                paths += await collect_validation_info(sig, context)
            except RevokedError as exc:  # keep the proof of it; judged below
                revoked = revoked or _classify(exc, sig.signer_cert.subject.human_friendly)
            except Exception as exc:
                raise _classify(exc, sig.signer_cert.subject.human_friendly) from None
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        signer_certs = [s.signer_cert for s in reader.embedded_regular_signatures]
        DocumentSecurityStore.supply_dss_in_writer(
            writer, None, certs=signer_certs + list(_certs(roots)), paths=paths,
            ocsps=context.ocsps, crls=context.crls, validation_context=context)
        staged = io.BytesIO()
        writer.write(staged)  # type: ignore[no-untyped-call]
        number = len(reader.embedded_timestamp_signatures) + 1
        stamper = signers.PdfTimeStamper(http_timestamper(timestamp_url, timeout),
                                         field_name=f"{ARCHIVE_FIELD}{number}")
        try:
            result = await stamper.async_timestamp_pdf(
                IncrementalPdfFileWriter(staged, strict=False), "sha256",
                validation_context=context)
        except (TimestampRequestError, OSError) as exc:
            raise _unreachable_tsa(exc) from None
        except ArchiveProblem:
            raise
        except Exception as exc:
            raise _classify(exc, "de tijdstempeldienst") from None
        archived = bytes(result.getvalue())
    finally:
        await backend.close()
    if isinstance(revoked, CertificateRevoked):
        revoked.document = archived
        raise revoked
    return archived


def renew(pdf: bytes, roots: list[bytes], timestamp_url: str, timeout: float = 10.0) -> bytes:
    """A new archive timestamp over everything (pyHanko's archival timestamp chain): the last one's
    validation data goes into the DSS first, so the chain stays provable after its TSA expires."""
    _quiet()
    renewed = asyncio.run(_renew(pdf, roots, timestamp_url, timeout))
    assert renewed.startswith(pdf)
    return renewed


async def _renew(pdf: bytes, roots: list[bytes], timestamp_url: str, timeout: float) -> bytes:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import signers
    from pyhanko.sign.timestamps.common_utils import TimestampRequestError

    from tafelapp.signing.tsa import http_timestamper

    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    number = len(reader.embedded_timestamp_signatures) + 1
    stamper = signers.PdfTimeStamper(http_timestamper(timestamp_url, timeout),
                                     field_name=f"{ARCHIVE_FIELD}{number}")
    context, backend = _fetching_context(roots, timeout)
    try:
        result = await stamper.async_update_archival_timestamp_chain(
            reader, context, in_place=False)
    except (TimestampRequestError, OSError) as exc:
        raise _unreachable_tsa(exc) from None
    except Exception as exc:
        raise _classify(exc, "de tijdstempeldienst") from None
    finally:
        await backend.close()
    return bytes(result.getvalue())


def _dss_data(reader: Any) -> tuple[set[bytes], int]:
    """The certificates in the document security store and how many OCSP responses and CRLs."""
    from pyhanko.sign.validation import DocumentSecurityStore
    from pyhanko.sign.validation.errors import NoDSSFoundError

    try:
        dss = DocumentSecurityStore.read_dss(reader)
    except NoDSSFoundError:
        return set(), 0
    certs = {c.dump() for c in dss.load_certs()}
    return certs, len(dss.ocsps) + len(dss.crls)


def level_of(reader: Any, sig: Any, dss: tuple[set[bytes], int] | None = None,
             stamps: list[Any] | None = None) -> str:
    """B-B, B-T, B-LT or B-LTA for one regular signature (ETSI EN 319 142-1 levels)."""
    from pyhanko.sign.validation.generic_cms import extract_tst_data_iter

    certs, revinfo = dss if dss is not None else _dss_data(reader)
    has_ts = next(extract_tst_data_iter(sig.signer_info, signed=False), None) is not None
    has_ltv = has_ts and revinfo > 0 and sig.signer_cert.dump() in certs
    if not has_ltv:
        return "B-T" if has_ts else "B-B"
    stamps = reader.embedded_timestamp_signatures if stamps is None else stamps
    later = [ts for ts in stamps if ts.signed_revision > sig.signed_revision]
    return "B-LTA" if later else "B-LT"


def newest_archive_timestamp(reader: Any, stamps: list[Any] | None = None
                             ) -> tuple[dt.datetime | None, dt.datetime | None]:
    """When the newest document timestamp was made, and until when its TSA certificate holds."""
    stamps = reader.embedded_timestamp_signatures if stamps is None else stamps
    if not stamps:
        return None, None
    newest = max(stamps, key=lambda ts: ts.signed_revision)
    info = newest.signed_data["encap_content_info"]["content"].parsed
    cert = newest.signer_cert
    return info["gen_time"].native, cert["tbs_certificate"]["validity"]["not_after"].native


def archive_state(pdf: bytes) -> tuple[dt.datetime | None, dt.datetime | None]:
    """(made, TSA certificate valid until) of the newest archive timestamp of `pdf`."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    _quiet()
    return newest_archive_timestamp(PdfFileReader(io.BytesIO(pdf), strict=False))


def judge(pdf: bytes, roots: list[bytes], at: dt.datetime | None = None,
          reader: Any = None) -> list[LtvVerdict]:
    """Every regular signature's level and, for B-LT/B-LTA, whether it was valid when it was made,
    judged offline with the embedded data only (nothing is fetched) at validation time `at`
    (default now): revoked or expired after signing is still valid; revoked before is not."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.ades.report import AdESIndeterminate, AdESStatus
    from pyhanko.sign.validation import ades
    from pyhanko.sign.validation.policy_decl import (
        PdfSignatureValidationSpec,
        RevinfoOnlineFetchingRule,
        RevocationInfoGatheringSpec,
        SignatureValidationSpec,
    )
    from pyhanko_certvalidator import policy_decl as certv
    from pyhanko_certvalidator.context import CertValidationPolicySpec
    from pyhanko_certvalidator.ltv.types import ValidationTimingInfo
    from pyhanko_certvalidator.registry import SimpleTrustManager

    from tafelapp.signing.ltv_poe import judge_at_timestamp, revocation_date

    _quiet()
    reader = reader or PdfFileReader(io.BytesIO(pdf), strict=False)
    dss = _dss_data(reader)
    stamps = list(reader.embedded_timestamp_signatures)
    spec = PdfSignatureValidationSpec(SignatureValidationSpec(
        cert_validation_policy=CertValidationPolicySpec(
            trust_manager=SimpleTrustManager.build(_certs(roots)),
            revinfo_policy=certv.CertRevTrustPolicy(
                revocation_checking_policy=certv.REQUIRE_REVINFO,
                freshness_req_type=certv.FreshnessReqType.MAX_DIFF_REVOCATION_VALIDATION)),
        revinfo_gathering_policy=RevocationInfoGatheringSpec(
            online_fetching_rule=RevinfoOnlineFetchingRule.LOCAL_ONLY)),
        diff_policy=None)  # what changed after a signature is `verify`'s part, done once there
    moment = at or dt.datetime.now(dt.UTC)
    archived_at, archive_until = newest_archive_timestamp(reader, stamps)
    # Offline, the newest archive timestamp is judged at its own time with the data after it;
    # it proves everything before it existed then, so each signature is judged as of signing.
    when = min(moment, archived_at) if archived_at else moment
    timing = ValidationTimingInfo(validation_time=when, best_signature_time=when,
                                  point_in_time_validation=True)
    verdicts = []
    for sig in reader.embedded_regular_signatures:
        level = level_of(reader, sig, dss, stamps)
        if level in ("B-B", "B-T"):
            verdicts.append(LtvVerdict(sig.field_name, level, None, None,
                                       "zonder validatiegegevens in het document; na het "
                                       "verlopen of intrekken van het certificaat niet meer te "
                                       "bewijzen"))
            continue
        if not roots:  # nothing to anchor the chains in: the level only (the regional server)
            verdicts.append(LtvVerdict(sig.field_name, level, None, None,
                                       "niet te beoordelen zonder vertrouwd stamcertificaat"))
            continue
        if level == "B-LTA" and archive_until is not None and moment > archive_until:
            verdicts.append(LtvVerdict(
                sig.field_name, level, False, None,
                f"het archieftijdstempel is verlopen op {archive_until:%d-%m-%Y} en niet op tijd "
                "vernieuwd"))
            continue
        try:
            result = asyncio.run(ades.ades_lta_validation(sig, spec, timing))
        except Exception as exc:
            verdicts.append(LtvVerdict(sig.field_name, level, False, None,
                                       f"niet te controleren ({type(exc).__name__})"))
            continue
        if result.ades_subindic is AdESIndeterminate.REVOKED_NO_POE:
            # revoked since: the signature timestamp may prove it was made before (ltv_poe)
            later = judge_at_timestamp(reader, sig, _certs(roots), revocation_date(result))
            verdicts.append(LtvVerdict(sig.field_name, level, later.valid,
                                       later.stamped_at or result.best_signature_time,
                                       later.reason))
            continue
        status = result.ades_subindic.status
        unknown_root = result.ades_subindic is AdESIndeterminate.NO_CERTIFICATE_CHAIN_FOUND
        verdicts.append(LtvVerdict(sig.field_name, level,
                                   None if unknown_root else status is AdESStatus.PASSED,
                                   result.best_signature_time, _reason(result)))
    return verdicts


def _reason(result: Any) -> str:
    from pyhanko.sign.ades.report import AdESFailure, AdESIndeterminate, AdESPassed

    sub = result.ades_subindic
    when = result.best_signature_time
    stamp = f"{when.astimezone(dt.UTC):%d-%m-%Y %H:%M} UTC" if when else "onbekend"
    if sub is AdESPassed.OK:
        return f"bewezen ondertekend op {stamp}, met de ingesloten gegevens"
    if sub in (AdESFailure.REVOKED, AdESIndeterminate.REVOKED_NO_POE):
        return "het certificaat was al ingetrokken toen er werd ondertekend"
    if sub is AdESIndeterminate.REVOKED_CA_NO_POE:
        return "het certificaat van de uitgever was ingetrokken"
    if sub in (AdESIndeterminate.OUT_OF_BOUNDS_NO_POE, AdESIndeterminate.NO_POE):
        return "het certificaat was niet geldig op het bewezen moment van ondertekenen"
    if sub is AdESIndeterminate.TRY_LATER:
        return "de ingesloten intrekkingsgegevens zijn niet voldoende"
    if sub is AdESIndeterminate.NO_CERTIFICATE_CHAIN_FOUND:
        return ("niet te beoordelen: het certificaat leidt niet naar een vertrouwd "
                "stamcertificaat")
    return f"de controle zegt: {sub.name}"
