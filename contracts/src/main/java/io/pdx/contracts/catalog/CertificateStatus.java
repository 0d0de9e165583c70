package io.pdx.contracts.catalog;

/**
 * What a certificate's registration is now: in force, superseded by a later registration of its resource, or
 * cancelled (注销).
 */
public enum CertificateStatus {
    VALID, SUPERSEDED, CANCELLED
}
