package io.pdx.marketplace.catalog.certificate;

import io.pdx.marketplace.problem.ProblemException;

/** A certificate code that no registration the caller may see carries: 404, "unknown", the same for both. */
public final class CertificateNotFound extends ProblemException {

    public CertificateNotFound(String code) {
        super(404, "certificate-not-found", "Unknown certificate / 证书不存在",
                "No registration certificate " + code + " is known to PDX.");
    }
}
