package io.pdx.contracts.catalog;

import io.pdx.contracts.Grade;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A catalog entry as the API shows it. */
public record DatasetSummary(
        UUID id,
        UUID lineageId,
        int datasetVersion,
        String nameZh,
        String nameEn,
        String description,
        String category,
        Grade grade,
        Integer generalSublevel,
        String provider,
        String providerName,
        UpdateFrequency updateFrequency,
        LocalDate timeCoverageStart,
        LocalDate timeCoverageEnd,
        String spatialCoverage,
        long rowCount,
        List<ColumnSpec> columns,
        SharingType sharingType,
        String sharingCondition,
        Openness openness,
        RegistrationStatus status,
        String certificateNo,
        List<String> returnReasons,
        long lockVersion,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, description = "What this registration records: the first one of a resource, or a change, correction or cancellation of a registered one / 登记类型")
        RegistrationType registrationType,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The registered version a change, correction or cancellation amends / 变更、更正或注销所针对的已登记版本")
        UUID amends,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "When the publicity window (公示期) of this registration began and ends; objections are lodged before its end")
        OffsetDateTime publicityStartedAt,
        OffsetDateTime publicityEndsAt,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, description = "The transitions this caller may take on this resource now (the endpoint's last path segment), as the policy and the state machine allow / 当前调用者此刻可执行的操作") java.util.List<String> actions) {

    public DatasetSummary {
        actions = actions == null ? java.util.List.of() : java.util.List.copyOf(actions);
        registrationType = registrationType == null ? RegistrationType.INITIAL : registrationType;
    }

    /** The same view offering {@code actions} to its caller. */
    public DatasetSummary withActions(java.util.List<String> actions) {
        return new DatasetSummary(id, lineageId, datasetVersion, nameZh, nameEn, description, category, grade, generalSublevel, provider, providerName, updateFrequency, timeCoverageStart, timeCoverageEnd, spatialCoverage, rowCount, columns, sharingType, sharingCondition, openness, status, certificateNo, returnReasons, lockVersion, createdAt, updatedAt, registrationType, amends, publicityStartedAt, publicityEndsAt, actions);
    }

}
