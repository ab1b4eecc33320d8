"""XML-DSig of CAP documents: what we publish is signed, what a signing partner sends is
checked against the certificate configured for that partner.

The signature is enveloped (a `<Signature>` as the last child of `<alert>`, which CAP 1.2's
schema allows there) and covers the whole document (reference URI ""), with RSA-SHA256 or
ECDSA-SHA256 depending on the key, through `signxml`.

Trust comes only from configuration: the key and certificate we sign with are read from
the files `CAP_SIGNING_KEY_FILE` and `CAP_SIGNING_CERT_FILE`; a partner's document is
verified against the certificate stored on its import token. A certificate carried inside
a document is never trusted by itself (signxml is given the configured certificate, and
the embedded one is only a hint for readers). After verification only what the signature
covers is read: the caller parses the signed bytes this module returns, never the original
document (which could wrap unsigned content around a signed part).
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import load_pem_private_key
from django.conf import settings
from lxml import etree
from signxml import DigestAlgorithm, SignatureMethod, XMLSigner, XMLVerifier, methods
from signxml.exceptions import InvalidCertificate, InvalidDigest, InvalidInput, InvalidSignature
from signxml.verifier import SignatureConfiguration

from alerts.cap_import import CapImportError, ParsedCap, check_safe_document, parse_cap
from alerts.cap_vocab import CAP_NAMESPACE

_SIGNATURE_METHODS = frozenset({SignatureMethod.RSA_SHA256, SignatureMethod.ECDSA_SHA256})
_EXPECT = SignatureConfiguration(
    require_x509=True,
    location="./",  # a child of <alert>: enveloped, not hidden deeper in the document
    expect_references=1,
    signature_methods=_SIGNATURE_METHODS,
    digest_algorithms=frozenset({DigestAlgorithm.SHA256}),
)


class CapSignatureError(CapImportError):
    """A document from a signing partner whose signature is missing, broken or not theirs."""


@dataclass(frozen=True)
class SigningMaterial:
    key: bytes
    cert: bytes
    method: SignatureMethod


@cache
def _material(key_file: str, cert_file: str) -> SigningMaterial:
    key_pem = Path(key_file).read_bytes()
    cert_pem = Path(cert_file).read_bytes()
    key = load_pem_private_key(key_pem, password=None)
    if isinstance(key, rsa.RSAPrivateKey):
        method = SignatureMethod.RSA_SHA256
    elif isinstance(key, ec.EllipticCurvePrivateKey):
        method = SignatureMethod.ECDSA_SHA256
    else:
        raise ValueError(f"{key_file}: CAP signing needs an RSA or EC private key.")
    certificate = x509.load_pem_x509_certificate(cert_pem)
    if certificate.public_key().public_numbers() != key.public_key().public_numbers():
        raise ValueError(f"{cert_file} is not the certificate of the key in {key_file}.")
    return SigningMaterial(key=key_pem, cert=cert_pem, method=method)


def signing_material() -> SigningMaterial | None:
    """Our key and certificate, or None when publishing unsigned (both settings empty)."""
    key_file = getattr(settings, "CAP_SIGNING_KEY_FILE", "")
    cert_file = getattr(settings, "CAP_SIGNING_CERT_FILE", "")
    if not key_file and not cert_file:
        return None
    return _material(str(key_file), str(cert_file))


def sign_document(document: bytes) -> bytes:
    """`document` (a CAP alert, as serialised) with our enveloped signature; unchanged when
    no signing key is configured. The layout is kept as it is: after signing, not one
    character of the signed content may change (pretty-printing included)."""
    material = signing_material()
    if material is None:
        return document
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    root = etree.fromstring(document, parser)
    signer = XMLSigner(
        method=methods.enveloped,
        signature_algorithm=material.method,
        digest_algorithm=DigestAlgorithm.SHA256,
    )
    signed = signer.sign(root, key=material.key, cert=material.cert)
    return etree.tostring(signed, xml_declaration=True, encoding="UTF-8")


def has_signature(document: bytes) -> bool:
    return b"http://www.w3.org/2000/09/xmldsig#" in document


def verify_document(document: bytes, *, certificate_pem: str) -> bytes:
    """The part of `document` its signature covers, serialised, once the signature is
    checked against `certificate_pem` (the partner's, from our configuration); else
    CapSignatureError with the reason.

    The caller has already refused unsafe XML (entities, external references, depth) and
    oversized documents: signxml's own parser is hardened too, but it is not the first to
    read what a partner sent."""
    if not has_signature(document):
        raise CapSignatureError(
            "This partner signs its documents: this one carries no XML signature (ds:Signature)."
        )
    try:
        result = XMLVerifier().verify(document, x509_cert=certificate_pem, expect_config=_EXPECT)
    except InvalidDigest:
        raise CapSignatureError(
            "The XML signature does not match the document: it was changed after signing."
        ) from None
    except InvalidCertificate as error:
        raise CapSignatureError(
            f"The partner's configured certificate is not usable: {error}."
        ) from None
    except InvalidSignature as error:
        raise CapSignatureError(
            "The XML signature was not made with the certificate configured for this partner "
            f"({error})."
        ) from None
    except InvalidInput as error:
        raise CapSignatureError(f"The XML signature cannot be checked: {error}.") from None
    signed = result.signed_xml
    if signed is None or signed.tag != f"{{{CAP_NAMESPACE}}}alert":
        raise CapSignatureError("The XML signature does not cover the whole CAP <alert>.")
    return etree.tostring(signed, xml_declaration=True, encoding="UTF-8")


def parse_signed_cap(data: bytes, *, certificate_pem: str) -> ParsedCap:
    """A signing partner's document: refused unless safe, signed with the configured
    certificate's key, and a valid CAP alert in what the signature covers."""
    check_safe_document(data)
    return parse_cap(verify_document(data, certificate_pem=certificate_pem))
