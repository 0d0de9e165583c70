package io.pdx.marketplace.efficiency;

import io.pdx.contracts.Text;
import io.pdx.contracts.efficiency.DecisionFigures;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.marketplace.problem.InvalidParameter;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.OperationGuard;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.YearMonth;

/**
 * 效能评估 against deadlines (按时办结), for the bureau ({@code efficiency.read}): per kind of decision, month and
 * providing department, decided, decided at once, the median time, met and late, open and overdue now — as JSON, and
 * as CSV or XLSX for outside evaluators. The deadlines are policy data ({@link DecisionDeadlines}).
 */
@Path("/api/v1/efficiency/decisions")
@Tag(name = "efficiency")
// only authenticated callers: 401 before any lookup or validation
@io.quarkus.security.Authenticated
public class DecisionResource {

    static final String MONTH_DESCRIPTION = "a calendar month (Asia/Shanghai), YYYY-MM; from defaults to eleven months before to, "
            + "to to the current month; at most " + MonthRange.MAX_MONTHS + " months (else 422)";
    static final int DEPARTMENT_MAX = 64;

    private final OperationGuard guard;
    private final CurrentSubject currentSubject;
    private final DecisionDeadlines deadlines;
    private final DecisionCounts counts;
    private final Clock clock;

    public DecisionResource(OperationGuard guard, CurrentSubject currentSubject, DecisionDeadlines deadlines, DecisionCounts counts,
                            Clock clock) {
        this.guard = guard;
        this.currentSubject = currentSubject;
        this.deadlines = deadlines;
        this.counts = counts;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getDecisionFigures",
            summary = "Decisions against their deadlines / 按时办结",
            description = "Per kind of decision (license applications, registration formal review, registration, result release, "
                    + "好差评 cases, objections), calendar month (Asia/Shanghai: of the decision, or of the beginning for what is "
                    + "open) and providing department, with a total per kind and month (no department): decided, decided "
                    + "automatically (秒批), median seconds to decide, met deadline, late, open now, overdue now. The deadlines "
                    + "(hours, or working days of the policy's calendar) come from the policy data and are returned with the figures.")
    @APIResponse(responseCode = "200", description = "the figures", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DecisionFigures.class)))
    @APIResponse(responseCode = "422", description = "to before from, or more than 24 months (each error names its parameter) / 统计月份无效")
    public Uni<DecisionFigures> figures(
            @QueryParam("from") @Parameter(description = "the first month, " + MONTH_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, pattern = MonthRange.MONTH, example = "2026-01")) String from,
            @QueryParam("to") @Parameter(description = "the last month, " + MONTH_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, pattern = MonthRange.MONTH, example = "2026-12")) String to,
            @QueryParam("department") @Parameter(description = "only this providing department's matters (its code, e.g. dept-transport)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = DEPARTMENT_MAX)) String department) {
        return authorized().flatMap(allowed -> count(from, to, department));
    }

    @GET
    @Path("/export")
    @Produces({DecisionsCsv.MEDIA_TYPE, DecisionsXlsx.MEDIA_TYPE})
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "exportDecisionFigures",
            summary = "Decisions against their deadlines, as a file / 按时办结导出",
            description = "The figures of getDecisionFigures as one table for outside evaluators: CSV (UTF-8 with a byte order mark, "
                    + "a header row in Chinese and English) or an Excel workbook (a second sheet lists every deadline and its basis). "
                    + "Content-Disposition names the file.")
    @APIResponse(responseCode = "200", description = "the table (Content-Disposition names the file)", content = {
            @Content(mediaType = DecisionsCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = DecisionsXlsx.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "422", description = "to before from, or more than 24 months (each error names its parameter) / 统计月份无效")
    public Uni<Response> export(
            @QueryParam("format") @Parameter(description = "csv (the default) or xlsx",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "xlsx"}, defaultValue = "csv")) String format,
            @QueryParam("from") @Parameter(description = "the first month, " + MONTH_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, pattern = MonthRange.MONTH, example = "2026-01")) String from,
            @QueryParam("to") @Parameter(description = "the last month, " + MONTH_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, pattern = MonthRange.MONTH, example = "2026-12")) String to,
            @QueryParam("department") @Parameter(description = "only this providing department's matters (its code, e.g. dept-transport)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = DEPARTMENT_MAX)) String department) {
        return authorized().flatMap(allowed -> {
            boolean xlsx = "xlsx".equals(format);
            if (format != null && !xlsx && !"csv".equals(format)) {
                throw new InvalidParameter("format", "must be one of csv, xlsx");
            }
            return count(from, to, department).emitOn(Infrastructure.getDefaultWorkerPool()).map(figures -> Response
                    .ok(xlsx ? DecisionsXlsx.write(figures) : DecisionsCsv.write(figures))
                    .type(xlsx ? DecisionsXlsx.MEDIA_TYPE : DecisionsCsv.MEDIA_TYPE + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + DecisionTable.fileName(figures, xlsx ? "xlsx" : "csv") + "\"")
                    .build());
        });
    }

    private Uni<?> authorized() {
        return guard.require(currentSubject.get(), Operation.EFFICIENCY_READ, new AuthzInput.Resource("efficiency", null, null, null, null));
    }

    private Uni<DecisionFigures> count(String from, String to, String department) {
        MonthRange range = MonthRange.of(from, to, YearMonth.now(clock.withZone(MonthRange.BUREAU)));
        if (department != null && Text.length(department) > DEPARTMENT_MAX) {
            throw new InvalidParameter("department", "at most " + DEPARTMENT_MAX + " characters");
        }
        return deadlines.all().flatMap(all -> counts.count(range, department, all));
    }
}
