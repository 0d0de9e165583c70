package io.pdx.marketplace.catalog.certificate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.pdx.contracts.catalog.RegistrationCertificate;

/**
 * A certificate's canonical form, the bytes signed: JSON with its keys sorted, no whitespace, text as UTF-8 (not
 * escaped), absent fields left out — what {@code json.dumps(c, sort_keys=True, separators=(",", ":"),
 * ensure_ascii=False)} writes in Python, so that an outside verifier can rebuild it from the facts.
 */
public final class CanonicalCertificate {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private CanonicalCertificate() {
    }

    public static String of(RegistrationCertificate certificate) {
        try {
            return CANONICAL.writeValueAsString(certificate);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a certificate always serializes", e);
        }
    }

    public static RegistrationCertificate parse(String canonical) {
        try {
            return CANONICAL.readValue(canonical, RegistrationCertificate.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored certificate is always canonical JSON", e);
        }
    }
}
