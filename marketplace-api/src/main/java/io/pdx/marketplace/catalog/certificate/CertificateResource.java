package io.pdx.marketplace.catalog.certificate;

import io.pdx.contracts.catalog.CertificateStatus;
import io.pdx.contracts.catalog.CertificateVerification;
import io.pdx.contracts.catalog.RegistrationCertificate;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.contracts.catalog.RegistrationType;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.catalog.CatalogPolicy;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.catalog.Department;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Public verification of registration certificates (登记证书核验): enter a code, get whether its registration is valid,
 * superseded or cancelled now, with the certificate's facts, the exact bytes signed, the signature and the key id —
 * anyone can check them offline with the published public key (docs/REGISTRATION.md says how, with OpenSSL). A code
 * that no registration carries, or one of a grade the caller's catalog does not show, is unknown (404).
 */
@jakarta.ws.rs.Path("/api/v1/certificates")
@Tag(name = "registration")
public class CertificateResource {

    private final CertificateKey key;
    private final CatalogPolicy catalog;
    private final OperationGuard guard;
    private final CurrentSubject currentSubject;
    private final java.nio.file.Path fontFile;

    public CertificateResource(CertificateKey key, CatalogPolicy catalog, OperationGuard guard, CurrentSubject currentSubject,
                               @ConfigProperty(name = "pdx.certificates.font-file") java.nio.file.Path fontFile) {
        this.key = key;
        this.catalog = catalog;
        this.guard = guard;
        this.currentSubject = currentSubject;
        this.fontFile = fontFile;
    }

    @GET
    @jakarta.ws.rs.Path("/public-key")
    @Produces("application/x-pem-file")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getCertificatePublicKey", summary = "The certificates' public key / 证书验签公钥",
            description = "The Ed25519 public key (SubjectPublicKeyInfo PEM) that verifies every certificate's signature; its key id is the first 16 hex digits of SHA-256 over its DER.")
    @Extension(name = "x-pdx-anonymous", value = "true")
    @APIResponse(responseCode = "200", description = "PEM", content = @Content(mediaType = "application/x-pem-file", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public Response publicKey() {
        return Response.ok(key.publicKeyPem()).header("X-Key-Id", key.keyId()).build();
    }

    @GET
    @jakarta.ws.rs.Path("/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "verifyCertificate", summary = "Verify a certificate / 证书核验",
            description = "VALID, SUPERSEDED or CANCELLED with the certificate's facts, the canonical bytes signed, the signature and the key id; unknown codes are a 404 problem.")
    @Extension(name = "x-pdx-anonymous", value = "true")
    public Uni<CertificateVerification> verify(@PathParam("code") String code) {
        return verification(code);
    }

    @GET
    @jakarta.ws.rs.Path("/{code}/pdf")
    @Produces("application/pdf")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getCertificatePdf", summary = "A certificate as PDF / 证书 PDF",
            description = "The certificate as an A4 page in Chinese and English, with its status now, signature and key id.")
    @Extension(name = "x-pdx-anonymous", value = "true")
    @APIResponse(responseCode = "200", description = "PDF", content = @Content(mediaType = "application/pdf", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Uni<Response> pdf(@PathParam("code") String code) {
        // the session ends before the page is drawn, off the event loop (subsetting the CJK font takes a while)
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> verification(code))
                .flatMap(found -> Uni.createFrom().item(() -> CertificatePdf.render(found, fontFile, "/verify?code=" + found.code()))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .map(pdf -> Response.ok(pdf)
                                .header("Content-Disposition", "attachment; filename=\"" + found.code() + ".pdf\"").build()));
    }

    private Uni<CertificateVerification> verification(String code) {
        Subject subject = currentSubject.get();
        String wanted = code == null ? "" : code.trim();
        return guard.require(subject, Operation.CERTIFICATE_VERIFY, new AuthzInput.Resource("certificate", wanted, null, null, null))
                .flatMap(allowed -> Dataset.<Dataset>find("certificateNo", wanted).<Dataset>firstResult())
                .flatMap((Dataset dataset) -> catalog.viewFor(subject).map(view -> {
                    if (dataset == null || !view.showsGrade(dataset, subject)) {
                        throw new CertificateNotFound(wanted);
                    }
                    return dataset;
                }))
                .flatMap(dataset -> replacedBy(dataset).flatMap(replacement -> certified(dataset)
                        .map(signed -> new CertificateVerification(dataset.certificateNo, status(dataset),
                                CanonicalCertificate.parse(signed[0]), signed[0], signed[1], CertificateKey.ALGORITHM,
                                key.keyId(), replacement))));
    }

    /** The stored canonical certificate and signature; a registration from before certificates were signed gets them now. */
    private Uni<String[]> certified(Dataset dataset) {
        if (dataset.certificate != null) {
            return Uni.createFrom().item(new String[] {dataset.certificate, dataset.certificateSignature});
        }
        return Department.<Department>findById(dataset.provider).map(department -> {
            RegistrationCertificate facts = CertificateIssuer.facts(dataset, department, null);
            String canonical = CanonicalCertificate.of(facts);
            return new String[] {canonical, Base64.getEncoder().encodeToString(key.sign(canonical.getBytes(StandardCharsets.UTF_8)))};
        });
    }

    private static CertificateStatus status(Dataset dataset) {
        return switch (dataset.state()) {
            case SUPERSEDED -> CertificateStatus.SUPERSEDED;
            case CANCELLED -> CertificateStatus.CANCELLED;
            default -> CertificateStatus.VALID;
        };
    }

    /** The registration that superseded or cancelled this one: the lineage's next registration after it. */
    private static Uni<String> replacedBy(Dataset dataset) {
        if (dataset.state() == RegistrationStatus.REGISTERED) {
            return Uni.createFrom().nullItem();
        }
        return Dataset.<Dataset>list("lineageId = ?1 and certificateNo is not null and registeredAt > ?2 and id <> ?3",
                        Sort.by("registeredAt"), dataset.lineageId, dataset.registeredAt, dataset.id)
                .map(later -> later.stream()
                        .filter(next -> dataset.state() != RegistrationStatus.CANCELLED
                                || next.registrationType == RegistrationType.CANCELLATION)
                        .map(next -> next.certificateNo).findFirst().orElse(null));
    }
}
