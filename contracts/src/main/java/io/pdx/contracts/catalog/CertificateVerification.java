package io.pdx.contracts.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The public answer to "is this certificate real?": the registration's status now, the certificate's facts, and the
 * signed bytes with their signature, so that anyone can check them offline with the platform's published key.
 */
public record CertificateVerification(
        String code,
        @Schema(required = true, description = "VALID, SUPERSEDED or CANCELLED: the registration's status now / 证书当前状态") CertificateStatus status,
        @Schema(required = true) RegistrationCertificate certificate,
        @Schema(required = true, description = "The certificate's canonical JSON, exactly the bytes signed (UTF-8) / 签名原文")
        String canonical,
        @Schema(required = true, description = "Ed25519 signature over the canonical bytes, base64 / 签名") String signature,
        @Schema(required = true, description = "Always Ed25519") String algorithm,
        @Schema(required = true, description = "The signing key's id: the first 16 hex digits of SHA-256 over its public key (SubjectPublicKeyInfo DER)")
        String keyId,
        @Schema(description = "The code of the registration that superseded or cancelled this one, if any") String replacedBy) {
}
