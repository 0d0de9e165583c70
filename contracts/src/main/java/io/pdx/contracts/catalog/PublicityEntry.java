package io.pdx.contracts.catalog;

import io.pdx.contracts.Grade;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One registration in publicity (公示) as the public list shows it: what is being registered, by whom, until when. */
public record PublicityEntry(
        UUID datasetId,
        String nameZh,
        String nameEn,
        RegistrationType registrationType,
        String holder,
        String holderName,
        String holderCreditCode,
        Grade grade,
        String category,
        UpdateFrequency updateFrequency,
        String spatialCoverage,
        long rowCount,
        OffsetDateTime publicityStartedAt,
        OffsetDateTime publicityEndsAt,
        long objectionsPending) {
}
