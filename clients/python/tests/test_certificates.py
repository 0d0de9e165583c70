"""Registration certificates checked by an implementation that did not sign them: Python's `cryptography` (Ed25519)
and the OpenSSL command docs/REGISTRATION.md gives, against the platform's published public key. Anonymous, as
anyone verifying a certificate would be."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess

import httpx
import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from conftest import API_URL, BUS_SWIPES


@pytest.fixture(scope="module")
def public_key() -> tuple[Ed25519PublicKey, bytes]:
    response = httpx.get(f"{API_URL}/api/v1/certificates/public-key", timeout=30)
    assert response.status_code == 200
    key = serialization.load_pem_public_key(response.content)
    assert isinstance(key, Ed25519PublicKey)
    return key, response.content


@pytest.fixture(scope="module")
def verification() -> dict:
    page = httpx.get(f"{API_URL}/api/v1/datasets", params={"q": BUS_SWIPES, "size": 5}, timeout=30).json()
    code = next(item["certificateNo"] for item in page["items"] if item["nameZh"] == BUS_SWIPES)
    response = httpx.get(f"{API_URL}/api/v1/certificates/{code}", timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


def test_theSignature_verifiesWithThePublishedKey_andFailsOnAnyChange(public_key, verification):
    key, pem = public_key
    signature = base64.b64decode(verification["signature"])
    signed = verification["canonical"].encode("utf-8")
    key.verify(signature, signed)  # raises InvalidSignature otherwise
    der = key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    assert verification["keyId"] == hashlib.sha256(der).hexdigest()[:16]
    assert verification["algorithm"] == "Ed25519" and verification["status"] == "VALID"
    with pytest.raises(InvalidSignature):
        key.verify(signature, signed.replace(b'"grade":"GENERAL"', b'"grade":"CORE"'))


def test_theCanonicalForm_isRebuiltFromTheFacts(verification):
    facts = verification["certificate"]
    assert facts["code"] == verification["code"] and facts["nameZh"] == BUS_SWIPES
    rebuilt = json.dumps(facts, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert rebuilt == verification["canonical"]


@pytest.mark.skipif(shutil.which("openssl") is None, reason="no openssl on this machine")
def test_theDocumentedOpenSslCommand_verifiesOffline(tmp_path, public_key, verification):
    (tmp_path / "pdx-certificates.pem").write_bytes(public_key[1])
    (tmp_path / "certificate.json").write_bytes(verification["canonical"].encode("utf-8"))
    (tmp_path / "certificate.sig").write_bytes(base64.b64decode(verification["signature"]))
    command = ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "pdx-certificates.pem", "-rawin",
               "-in", "certificate.json", "-sigfile", "certificate.sig"]
    good = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert good.returncode == 0 and "Signature Verified Successfully" in good.stdout, good.stdout + good.stderr
    (tmp_path / "certificate.json").write_bytes(verification["canonical"].replace("VALID", "").encode("utf-8") + b" ")
    bad = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert bad.returncode != 0


def test_anUnknownCode_isA404Problem():
    response = httpx.get(f"{API_URL}/api/v1/certificates/PDX-350100-1999-000000", timeout=30)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == "certificate-not-found"
