package io.pdx.marketplace.product;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.pdx.contracts.Grade;
import io.pdx.contracts.product.LicenseMode;
import io.pdx.policy.client.PolicyClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * Reads a grade's entry of the grade matrix from OPA ({@code data.pdx.config.grades.<GRADE>}):
 * the policy data is the single source of truth for what a grade allows, so nothing of it is a
 * constant in Java. OPA unreachable or the entry missing fails closed (503).
 */
@ApplicationScoped
public class GradeRules {

    static final String PATH = "pdx/config/grades/";

    private final PolicyClient policy;

    public GradeRules(PolicyClient policy) {
        this.policy = policy;
    }

    public Uni<GradeRule> of(Grade grade) {
        return policy.evaluate(PATH + grade.name(), Map.of(), GradeRule.class).map(answer -> answer.result());
    }

    /** The parts of a grade's matrix entry that listing and DCAT read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GradeRule(Catalog catalog, License license) {

        public GradeRule {
            catalog = catalog == null ? new Catalog(false) : catalog;
            license = license == null ? new License(List.of()) : license;
        }

        /** Whether the grade's catalog entries are public (open to anonymous callers). */
        public boolean publicCatalog() {
            return catalog.isPublic();
        }

        /** The modes of use the grade allows; none means its datasets are never listed. */
        public List<LicenseMode> modes() {
            return license.modes();
        }

        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Catalog(@JsonProperty("public") boolean isPublic) {
        }

        @JsonIgnoreProperties(ignoreUnknown = true)
        public record License(List<LicenseMode> modes) {
            public License {
                modes = modes == null ? List.of() : List.copyOf(modes);
            }
        }
    }
}
