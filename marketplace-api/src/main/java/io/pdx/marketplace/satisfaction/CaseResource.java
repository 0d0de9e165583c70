package io.pdx.marketplace.satisfaction;

import io.pdx.contracts.Page;
import io.pdx.contracts.satisfaction.CaseAnswer;
import io.pdx.contracts.satisfaction.CaseStatus;
import io.pdx.contracts.satisfaction.CaseView;
import io.pdx.marketplace.paging.PageRequest;
import io.pdx.marketplace.problem.EnumParameter;
import io.pdx.marketplace.problem.InvalidParameter;
import io.pdx.marketplace.security.CurrentSubject;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * Cases (好差评工单) opened by poor ratings and complaints: the bureau lists and answers them, anyone else reads the
 * ones they opened. Cases are opened by {@code POST /api/v1/ratings} and {@code POST /api/v1/complaints}.
 */
@Path("/api/v1/cases")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "satisfaction")
@io.quarkus.security.Authenticated
public class CaseResource {

    static final int MAX_PAGE_SIZE = 200;

    private final Cases cases;
    private final CurrentSubject currentSubject;

    public CaseResource(Cases cases, CurrentSubject currentSubject) {
        this.cases = cases;
        this.currentSubject = currentSubject;
    }

    @GET
    @WithSession
    @Operation(operationId = "listCases", summary = "List cases / 工单列表",
            description = "Every case for the bureau, your own for anyone else; newest first. status narrows; overdue=true "
                    + "to the cases open past their answerDue or answered after it (false: the others).")
    @APIResponse(responseCode = "200", description = "a page of cases / 工单")
    @APIResponse(responseCode = "400", description = "A parameter out of its domain / 参数无效")
    @APIResponse(responseCode = "403", description = "Your role may not list cases / 无权查看")
    public Uni<Page<CaseView>> list(
            @QueryParam("status") @Parameter(schema = @Schema(implementation = CaseStatus.class)) String status,
            @QueryParam("overdue") @Parameter(description = "Only overdue cases (true) or only the others (false)", schema = @Schema(type = SchemaType.BOOLEAN)) String overdue,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50")) String size) {
        CaseStatus wanted = EnumParameter.parse("status", status, CaseStatus.class);
        Boolean late = overdue == null ? null : switch (overdue) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidParameter("overdue", "must be true or false");
        };
        PageRequest paging = PageRequest.of(page, size, PageRequest.DEFAULT_SIZE, MAX_PAGE_SIZE);
        return cases.list(currentSubject.get(), wanted, late, paging);
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(operationId = "getCase", summary = "Read a case / 查看工单",
            description = "Any case for the bureau, one you opened for anyone else; another's answers 404.")
    @APIResponse(responseCode = "200", description = "the case / 工单",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case, or one you may not read / 工单不存在")
    public Uni<CaseView> get(@PathParam("id") UUID id) {
        return cases.read(currentSubject.get(), id);
    }

    @POST
    @Path("/{id}/answer")
    @Operation(operationId = "answerCase", summary = "Answer a case / 答复工单",
            description = "OPEN → ANSWERED by a bureau reviewer or the bureau admin, with the written answer (整改答复); "
                    + "answered after answerDue, the case counts as answered late.")
    @APIResponse(responseCode = "200", description = "the answered case / 已答复",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "No written answer / 请填写书面答复")
    @APIResponse(responseCode = "403", description = "Only the bureau answers / 仅监管部门可答复")
    @APIResponse(responseCode = "404", description = "No such case, or one you may not see / 工单不存在")
    @APIResponse(responseCode = "409", description = "Answered already / 已答复")
    public Uni<CaseView> answer(@PathParam("id") UUID id, CaseAnswer answer) {
        return cases.answer(currentSubject.get(), id, answer);
    }
}
