"""The PAdES seal: pyHanko validates it as intact; one changed byte or an appended byte fails."""

from __future__ import annotations

import pytest

from tests.agreements.test_pdf import document
from workflows.agreements import pdf, sealing


@pytest.fixture(scope="module")
def sealed():
    return sealing.seal(pdf.render(document()))


def test_sealed_pdf_validates_as_intact_and_trusted(sealed):
    check = sealing.verify(sealed)
    assert check.ok and check.intact and check.trusted and check.covers_whole_file


def test_original_bytes_are_a_prefix_of_the_sealed_file(sealed):
    assert sealed.startswith(pdf.render(document()))


@pytest.mark.parametrize("where", [0.1, 0.5, 0.9])
def test_one_changed_byte_fails_verification(sealed, where):
    tampered = bytearray(sealed)
    index = int(len(tampered) * where)
    tampered[index] ^= 0x01
    assert not sealing.verify(bytes(tampered)).ok


def test_bytes_appended_after_the_seal_fail_verification(sealed):
    assert not sealing.verify(sealed + b"\n% appended\n").ok


def test_an_unsealed_or_foreign_file_is_not_ok():
    assert not sealing.verify(pdf.render(document())).ok
    assert not sealing.verify(b"not a pdf").ok


def test_the_development_key_lives_under_var_not_in_the_repository(settings):
    creds = sealing.credentials()
    assert str(creds.key).startswith(str(settings.VAR_DIR))


def test_a_changed_byte_in_the_signature_padding_fails_verification(sealed):
    index = sealed.rindex(b"0" * 64) + 10  # inside /Contents' zero padding (hex)
    tampered = bytearray(sealed)
    tampered[index] = ord("1")
    assert not sealing.verify(bytes(tampered)).ok
