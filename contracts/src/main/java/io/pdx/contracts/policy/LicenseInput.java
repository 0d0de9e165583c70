package io.pdx.contracts.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Input of package {@code pdx.license}: a license application (授权申请) as the policy judges it.
 * Answer: {@code data.pdx.license.decision}, a {@link PolicyDecision} with outcome
 * {@code AUTO_APPROVE} (秒批, the only outcome with {@code allow == true}), {@code REVIEW} or
 * {@code DENY}. Component names are the JSON keys the Rego reads, hence snake_case.
 *
 * @param subject      who applies
 * @param organization the operator organization the license is for
 * @param product      the data product applied for, with its dataset's grade and column tags
 * @param application  what is asked for
 * @param earlier_licenses the organization's earlier licenses on the same product (id and state): one the bureau
 *                     suspended or revoked sends a re-application to review instead of 秒批; empty when none
 */
public record LicenseInput(Subject subject, Organization organization, Product product, Application application,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<EarlierLicense> earlier_licenses) {

    public LicenseInput {
        earlier_licenses = earlier_licenses == null ? List.of() : List.copyOf(earlier_licenses);
    }

    public LicenseInput(Subject subject, Organization organization, Product product, Application application) {
        this(subject, organization, product, application, List.of());
    }

    /**
     * @param id    license id
     * @param state its state now ({@code SUSPENDED}, {@code REVOKED}, {@code ACTIVE}, {@code EXPIRED}, …)
     */
    public record EarlierLicense(String id, String state) {
    }

    /**
     * @param id       organization id (the subject's {@code organization} must equal it)
     * @param verified whether its 统一社会信用代码 has been verified; unverified means DENY
     */
    public record Organization(String id, boolean verified) {
    }

    /**
     * @param id         product id
     * @param dataset_id the dataset the product is listed from
     * @param grade      {@code GENERAL}, {@code IMPORTANT} or {@code CORE}; anything else is treated as CORE
     * @param modes      modes of use the product offers ({@code DELIVERY}, {@code SANDBOX}); empty offers none
     * @param columns    every column of the product with its tag
     * @param consent    the holding department's consent to the listing; absent or not given means DENY
     * @param status     {@code LISTED}, or {@code WITHDRAWN} (下架); anything but LISTED means DENY
     */
    public record Product(String id, String dataset_id, String grade, List<String> modes, List<Column> columns,
                          Consent consent, String status) {

        public Product {
            modes = modes == null ? List.of() : List.copyOf(modes);
            columns = columns == null ? List.of() : List.copyOf(columns);
        }
    }

    /**
     * @param given         whether the holding department consented to the listing (数源单位同意)
     * @param organizations the operators the consent is limited to; empty: every operator
     */
    public record Consent(boolean given, List<String> organizations) {

        public Consent {
            organizations = organizations == null ? List.of() : List.copyOf(organizations);
        }
    }

    /**
     * @param name column name
     * @param tag  {@code IDENTIFIER}, {@code QUASI_IDENTIFIER}, {@code SENSITIVE}, {@code ATTRIBUTE} or {@code METRIC}
     */
    public record Column(String name, String tag) {
    }

    /**
     * @param purpose_category {@code PUBLIC_GOVERNANCE} 公共治理, {@code PUBLIC_WELFARE} 公益事业,
     *                         {@code INDUSTRY_DEVELOPMENT} 产业发展 or {@code SECTOR_DEVELOPMENT} 行业发展
     * @param purpose_text     the stated purpose, not blank
     * @param columns          names of the columns asked for, not empty
     * @param mode             {@code DELIVERY} or {@code SANDBOX}
     * @param term_start       ISO date {@code yyyy-MM-dd} (or an RFC 3339 timestamp)
     * @param term_end         ISO date {@code yyyy-MM-dd} (or an RFC 3339 timestamp), after term_start
     * @param expected_volume  expected rows or calls, informative for the reviewer; may be null
     */
    public record Application(
            String purpose_category,
            String purpose_text,
            List<String> columns,
            String mode,
            String term_start,
            String term_end,
            Long expected_volume) {

        public Application {
            columns = columns == null ? List.of() : List.copyOf(columns);
        }
    }
}
