package io.pdx.marketplace.satisfaction;

import io.pdx.contracts.satisfaction.CaseView;
import io.pdx.contracts.satisfaction.ComplaintRequest;
import io.pdx.marketplace.security.CurrentSubject;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Complaints (投诉): the person served by a decided service event complains about it, which opens a case. */
@Path("/api/v1/complaints")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "satisfaction")
@io.quarkus.security.Authenticated
public class ComplaintResource {

    private final Cases cases;
    private final CurrentSubject currentSubject;

    public ComplaintResource(Cases cases, CurrentSubject currentSubject) {
        this.cases = cases;
        this.currentSubject = currentSubject;
    }

    @POST
    @Operation(operationId = "createComplaint", summary = "Complain about a service event / 投诉服务事项",
            description = "The person served complains about a decided license decision, result release or registration; "
                    + "the complaint opens a case the bureau answers within pdx.config.satisfaction.answer_working_days working days.")
    @APIResponse(responseCode = "201", description = "the case opened, with Location / 已生成工单",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "Invalid complaint: the problem names each field / 请求无效")
    @APIResponse(responseCode = "403", description = "Your role may not complain / 无权投诉")
    @APIResponse(responseCode = "404", description = "No such event that you were served by / 服务事项不存在")
    @APIResponse(responseCode = "409", description = "event-not-rateable: not decided yet / 尚未办结")
    public Uni<Response> create(ComplaintRequest request) {
        return cases.complain(currentSubject.get(), request)
                .map(opened -> Response.created(URI.create("/api/v1/cases/" + opened.id())).entity(opened).build());
    }
}
