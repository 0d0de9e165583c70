package io.pdx.marketplace.catalog.certificate;

import io.pdx.contracts.catalog.RegistrationCertificate;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.catalog.Department;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Issues a registration's certificate when it is registered: its facts from the dataset version, the holding
 * department and the registration it amends, in canonical form, signed with the platform's key and kept with the
 * version (a certificate never changes; its status is read at verification).
 */
@ApplicationScoped
public class CertificateIssuer {

    public static final String ISSUER = "PDX 公共数据资源登记平台 / PDX public data registration";

    private static final DateTimeFormatter SECONDS_UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

    private final CertificateKey key;

    public CertificateIssuer(CertificateKey key) {
        this.key = key;
    }

    /** Sets the certificate and its signature on a version that has its code and registration time. */
    public Uni<Dataset> issue(Dataset dataset) {
        Uni<String> amendsCode = dataset.amends == null ? Uni.createFrom().nullItem()
                : Dataset.<Dataset>findById(dataset.amends).map(amended -> amended == null ? null : amended.certificateNo);
        return Department.<Department>findById(dataset.provider).flatMap(department -> amendsCode.map(amended -> {
            String canonical = CanonicalCertificate.of(facts(dataset, department, amended));
            dataset.certificate = canonical;
            dataset.certificateSignature = Base64.getEncoder().encodeToString(
                    key.sign(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return dataset;
        }));
    }

    /** The certificate's facts; a registration from before certificates were signed gets them from the same fields. */
    public static RegistrationCertificate facts(Dataset dataset, Department department, String amendsCode) {
        return new RegistrationCertificate(dataset.certificateNo, dataset.registrationType.name(), amendsCode,
                dataset.id.toString(), String.valueOf(dataset.datasetVersion), dataset.nameZh, dataset.nameEn,
                dataset.provider, department != null ? department.nameZh : dataset.providerName,
                department != null ? department.creditCode : null, dataset.grade.name(), dataset.category,
                dataset.spatialCoverage, dataset.updateFrequency.name(), utc(dataset.publicityStartedAt),
                utc(dataset.publicityEndsAt), utc(dataset.registeredAt), ISSUER);
    }

    private static String utc(OffsetDateTime moment) {
        return moment == null ? null : SECONDS_UTC.format(moment.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
