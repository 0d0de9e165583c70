package io.pdx.contracts.reference;

import java.util.List;

/**
 * What forms and clients choose from, in Chinese and English, from the policy data and the catalog's taxonomy.
 *
 * @param purposes        purpose categories of a license application
 * @param licenseModes    ways a license lets data be used
 * @param grades          data grades (GB/T 43697-2024) and what each allows
 * @param taxonomy        the catalog's categories ({@code 交通/公共交通}: the part before the slash is the parent domain)
 * @param reviewSlaHours  the hours within which a human review is due
 */
public record ReferenceData(List<Purpose> purposes, List<LicenseModeInfo> licenseModes, List<GradeInfo> grades,
                            List<Category> taxonomy, int reviewSlaHours) {

    public ReferenceData withTaxonomy(List<Category> categories) {
        return new ReferenceData(purposes, licenseModes, grades, List.copyOf(categories), reviewSlaHours);
    }

    /**
     * @param code    e.g. {@code PUBLIC_GOVERNANCE}
     * @param free    free of charge (公共治理、公益事业), else a capped government-guided price
     * @param lowRisk eligible for 秒批 (auto-approval) when no identifier is asked for
     */
    public record Purpose(String code, String nameZh, String nameEn, boolean free, boolean lowRisk) {
    }

    public record LicenseModeInfo(String code, String nameZh, String nameEn) {
    }

    /**
     * @param rank             higher is stricter
     * @param licenseModes     the modes a license of this grade may have (none for CORE)
     * @param approval         {@code AUTO_IF_LOW_RISK}, {@code REVIEW} or {@code DENY}
     * @param k                distinct entities a released group needs
     * @param differentialPrivacy whether results are noised (entity-level DP)
     */
    public record GradeInfo(String code, String nameZh, String nameEn, int rank, boolean publicCatalog, List<String> licenseModes,
                            String approval, Integer k, boolean differentialPrivacy) {
    }

    public record Category(String code, String nameZh, String nameEn, String parent) {
    }
}
