package io.pdx.contracts.catalog;

import io.pdx.contracts.Grade;
import io.pdx.contracts.Text;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A provider's description of a dataset, as sent to {@code POST /datasets} and
 * {@code PUT /datasets/{id}}. Strings for enumerated fields, so that a wrong value is reported
 * by field name rather than as unreadable JSON.
 *
 * @param provider        the holder department; a provider's own department is taken from its token
 * @param generalSublevel 1–4, only for GENERAL data (GB/T 43697-2024)
 * @param entityColumn    the column that identifies the person or organization each row is about: the unit of
 *                        protection, counted for k and bounded under differential privacy
 * @param lockVersion     on update: the version the editor read (optimistic locking)
 */
@Schema(description = "A dataset draft (数据集草稿). Checked beyond this schema (422): category is a code of the taxonomy "
        + "(GET /api/v1/reference); generalSublevel only for GENERAL data; provider is given by a caller without a "
        + "department of its own and, when given, is the caller's department (and on update the dataset's); "
        + "timeCoverageEnd is not before timeCoverageStart; entityColumn names one of the columns; sharingCondition is "
        + "stated unless sharingType is UNCONDITIONAL; only GENERAL data is OPEN; CORE data is never shared "
        + "unconditionally; lockVersion is required on update; and each column's rules (ColumnSpec).")
public record DatasetDraft(
        @Schema(required = true, pattern = Text.NOT_BLANK, maxLength = MAX_NAME) String nameZh,
        @Schema(required = true, pattern = Text.NOT_BLANK, maxLength = MAX_NAME) String nameEn,
        @Schema(pattern = Text.NO_NUL, maxLength = MAX_DESCRIPTION) String description,
        @Schema(required = true, pattern = Text.NOT_BLANK, maxLength = MAX_NAME,
                description = "A taxonomy code such as 交通/公共交通") String category,
        @Schema(required = true, type = SchemaType.STRING, implementation = Grade.class) String grade,
        @Schema(minimum = "1", maximum = "4", description = "1–4, GENERAL data only") Integer generalSublevel,
        @Schema(pattern = DEPARTMENT, description = "The holder department, e.g. dept-transport") String provider,
        @Schema(required = true, pattern = Text.NOT_BLANK, maxLength = MAX_NAME) String providerName,
        @Schema(required = true, type = SchemaType.STRING, implementation = UpdateFrequency.class) String updateFrequency,
        LocalDate timeCoverageStart,
        LocalDate timeCoverageEnd,
        @Schema(required = true, pattern = DIVISION_CODE, description = "行政区划代码, six digits (GB/T 2260)") String spatialCoverage,
        @Schema(minimum = "0", maximum = "9223372036854775807") Long rowCount,
        @Schema(required = true, minItems = 1, maxItems = MAX_COLUMNS) List<ColumnSpec> columns,
        @Schema(required = true, type = SchemaType.STRING, implementation = SharingType.class) String sharingType,
        @Schema(pattern = Text.NO_NUL, maxLength = MAX_DESCRIPTION) String sharingCondition,
        @Schema(required = true, type = SchemaType.STRING, implementation = Openness.class) String openness,
        @Schema(required = true, type = SchemaType.STRING, implementation = ColumnSpec.Name.class) String entityColumn,
        @Schema(minimum = "0", maximum = "9223372036854775807", description = "On update: the version edited") Long lockVersion) {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_COLUMNS = 500;
    /** A department id. */
    public static final String DEPARTMENT = "^[a-z0-9][a-z0-9-]{1,63}$";
    /** 行政区划代码: six digits (GB/T 2260). */
    public static final String DIVISION_CODE = "^[0-9]{6}$";
}
