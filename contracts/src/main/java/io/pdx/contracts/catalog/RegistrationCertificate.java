package io.pdx.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A registration certificate (登记证书) as the platform signs it: the registration code, the holder and its unified
 * social credit code, the resource, its grade and the dates of its publicity and registration. Every field is text
 * (times in UTC, ISO-8601 to the second) so that its canonical form — keys sorted, no whitespace, UTF-8, absent
 * fields left out — is the same in any language; the platform signs exactly that form with Ed25519.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistrationCertificate(
        String code,
        String registrationType,
        String amendsCode,
        String datasetId,
        String version,
        String nameZh,
        String nameEn,
        String holder,
        String holderName,
        String holderCreditCode,
        String grade,
        String category,
        String spatialCoverage,
        String updateFrequency,
        String publicityStartedAt,
        String publicityEndedAt,
        String registeredAt,
        String issuer) {
}
