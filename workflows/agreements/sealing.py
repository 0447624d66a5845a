"""The programme's PAdES seal on a final agreement PDF, and its verification (pyHanko).

The seal proves integrity and origin: the PDF came out of careerSTEPS and no byte changed since.
It is one organisation certificate for every agreement (the participants' signatures are the
typed-name events printed on the certificate of completion, see the stack notes §5).

Production configures ``AGREEMENTS_SEAL_CERT`` and ``AGREEMENTS_SEAL_KEY`` (PEM paths; optional
``AGREEMENTS_SEAL_KEY_PASSPHRASE``). Without them (development, tests, the demo) a self-signed
certificate and key are created once under ``var/agreements-seal/``, never in the repository.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import threading
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

SEAL_FIELD = "careerSTEPS-seal"
#: Room for the CMS signature: skips pyHanko's dummy-signature size estimate (half the time).
BYTES_RESERVED = 8192
_lock = threading.Lock()
_signers: dict[tuple, object] = {}


@dataclass(frozen=True)
class Credentials:
    cert: Path
    key: Path
    passphrase: bytes | None = None


def dev_directory() -> Path:
    return Path(settings.VAR_DIR) / "agreements-seal"


def credentials() -> Credentials:
    """The configured certificate and key, or the development pair (created when missing)."""
    cert = getattr(settings, "AGREEMENTS_SEAL_CERT", "")
    key = getattr(settings, "AGREEMENTS_SEAL_KEY", "")
    if cert and key:
        passphrase = getattr(settings, "AGREEMENTS_SEAL_KEY_PASSPHRASE", "") or None
        return Credentials(Path(cert), Path(key), passphrase.encode() if passphrase else None)
    return ensure_dev_credentials(dev_directory())


def ensure_dev_credentials(directory: Path) -> Credentials:
    """A self-signed EC P-256 certificate for "careerSTEPS (development seal)", made once."""
    cert_path, key_path = directory / "seal-cert.pem", directory / "seal-key.pem"
    with _lock:
        if cert_path.exists() and key_path.exists():
            return Credentials(cert_path, key_path)
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID

        directory.mkdir(parents=True, exist_ok=True)
        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name(
            [
                x509.NameAttribute(NameOID.COMMON_NAME, "careerSTEPS (development seal)"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, "careerSTEPS"),
            ]
        )
        now = dt.datetime.now(dt.UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=True,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=True,
                    crl_sign=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .sign(key, hashes.SHA256())
        )
        key_path.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        key_path.chmod(0o600)
        cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        return Credentials(cert_path, key_path)


def _signer(creds: Credentials):
    """pyHanko's signer for ``creds``, loaded once per process (and per file change)."""
    key = (str(creds.cert), str(creds.key), creds.cert.stat().st_mtime_ns)
    if key not in _signers:
        _signers[key] = _cached_key_signer_class().load(
            str(creds.key), str(creds.cert), key_passphrase=creds.passphrase
        )
    return _signers[key]


def _cached_key_signer_class():
    """A SimpleSigner that parses its private key once instead of on every signature.

    pyHanko re-parses the key per signature; for RSA, ``cryptography`` checks the key on each
    parse, which alone took ~80 ms per seal here.
    """
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ec import ECDSA, EllipticCurvePrivateKey
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko.sign.signers.pdf_cms import get_pyca_cryptography_hash

    class CachedKeySigner(SimpleSigner):
        _pyca_key = None

        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            if self._pyca_key is None:
                self._pyca_key = serialization.load_der_private_key(
                    self.signing_key.dump(), password=None
                )
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
            hash_algo = get_pyca_cryptography_hash(digest_algorithm)
            if mechanism == "rsassa_pkcs1v15" and isinstance(self._pyca_key, RSAPrivateKey):
                return self._pyca_key.sign(data, PKCS1v15(), hash_algo)
            if mechanism == "ecdsa" and isinstance(self._pyca_key, EllipticCurvePrivateKey):
                return self._pyca_key.sign(data, ECDSA(hash_algo))
            return super().sign_raw(data, digest_algorithm)

    return CachedKeySigner


def seal(pdf: bytes, *, reason: str = "careerSTEPS mentoring agreement") -> bytes:
    """``pdf`` with the programme's PAdES seal appended as an incremental update.

    The original bytes are a prefix of the result, so the signed document is exactly the one
    whose hash the certificate of completion names.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    signer = _signer(credentials())
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    meta = signers.PdfSignatureMetadata(
        field_name=SEAL_FIELD,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason,
        name="careerSTEPS",
    )
    pdf_signer = signers.PdfSigner(meta, signer=signer)
    output = _run(
        pdf_signer.async_sign_pdf(writer, bytes_reserved=BYTES_RESERVED, existing_fields_only=False)
    )
    return output.getvalue()


def _run(coroutine):
    """Run pyHanko's coroutine, also from a thread that already has an event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    result: list = []
    thread = threading.Thread(target=lambda: result.append(asyncio.run(coroutine)))
    thread.start()
    thread.join()
    return result[0]


def _padding_untouched(embedded) -> bool:
    """The signature's ``/Contents`` is the CMS object then zero padding; the signature covers
    neither, so a changed padding byte would pass pyHanko. We require the padding to be zeros."""
    from asn1crypto import cms

    try:
        raw = bytes(embedded.sig_object["/Contents"])
        length = len(cms.ContentInfo.load(raw, strict=False).dump())
    except Exception:
        return False
    return not raw[length:].strip(b"\x00")


@dataclass(frozen=True)
class SealCheck:
    """What verification found. ``ok`` is the only answer to act on."""

    ok: bool
    intact: bool = False
    trusted: bool = False
    covers_whole_file: bool = False
    signed_at: dt.datetime | None = None
    problem: str = ""


def verify(pdf: bytes) -> SealCheck:
    """Whether ``pdf`` carries an intact careerSTEPS seal over the whole file.

    ``bottom_line`` (not ``valid``) is what catches one changed byte (stack notes §5); the seal
    must also cover the entire file, so nothing was appended after sealing.
    """
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext
    from pyhanko_certvalidator.errors import PathBuildingError  # noqa: F401  (import check)

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        seals = [s for s in reader.embedded_signatures if s.field_name == SEAL_FIELD]
    except Exception as error:  # any parse failure: not one of ours
        return SealCheck(False, problem=f"unreadable: {type(error).__name__}")
    if not seals:
        return SealCheck(False, problem="no seal")
    from asn1crypto import pem, x509

    der = credentials().cert.read_bytes()
    if pem.detect(der):
        _type, _headers, der = pem.unarmor(der)
    context = ValidationContext(trust_roots=[x509.Certificate.load(der)], allow_fetching=False)
    try:
        status = validate_pdf_signature(seals[-1], context)
    except Exception as error:
        return SealCheck(False, problem=f"invalid: {type(error).__name__}")
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    padding_clean = _padding_untouched(seals[-1])
    return SealCheck(
        ok=bool(
            status.bottom_line and status.intact and status.trusted and whole and padding_clean
        ),
        intact=bool(status.intact),
        trusted=bool(status.trusted),
        covers_whole_file=whole,
        signed_at=status.signer_reported_dt,
    )
