package io.pdx.marketplace.satisfaction;

import io.pdx.contracts.Page;
import io.pdx.contracts.satisfaction.RatingRequest;
import io.pdx.contracts.satisfaction.RatingView;
import io.pdx.contracts.satisfaction.ServiceEventKind;
import io.pdx.marketplace.paging.PageRequest;
import io.pdx.marketplace.problem.EnumParameter;
import io.pdx.marketplace.problem.UuidParameter;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/**
 * Ratings (好差评评价): the person served by a decided service event rates it once; the author reads its own ratings,
 * the bureau every one.
 */
@Path("/api/v1/ratings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "satisfaction")
@io.quarkus.security.Authenticated
public class RatingResource {

    static final int MAX_PAGE_SIZE = 200;

    private final Ratings ratings;
    private final CurrentSubject currentSubject;

    public RatingResource(Ratings ratings, CurrentSubject currentSubject) {
        this.ratings = ratings;
        this.currentSubject = currentSubject;
    }

    @POST
    @Operation(operationId = "createRating", summary = "Rate a service event / 评价服务事项",
            description = "The person served rates a decided license decision, result release or registration on five levels, "
                    + "with an optional comment; once per person and event. A poor rating (DISSATISFIED, VERY_DISSATISFIED) "
                    + "opens a case (caseId) due pdx.config.satisfaction.answer_working_days working days later.")
    @APIResponse(responseCode = "201", description = "the rating, with Location / 评价已记录",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RatingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid rating: the problem names each field / 请求无效")
    @APIResponse(responseCode = "403", description = "Your role may not rate / 无权评价")
    @APIResponse(responseCode = "404", description = "No such event that you were served by / 服务事项不存在")
    @APIResponse(responseCode = "409", description = "event-not-rateable: not decided yet / 尚未办结; rating-exists: rated already / 已评价")
    public Uni<Response> create(RatingRequest request) {
        return ratings.rate(currentSubject.get(), request)
                .map(rating -> Response.created(URI.create("/api/v1/ratings/" + rating.id())).entity(rating).build());
    }

    @GET
    @WithSession
    @Operation(operationId = "listRatings", summary = "List ratings / 评价列表",
            description = "Your own ratings, or every one for the bureau; newest first. eventKind and eventId narrow.")
    @APIResponse(responseCode = "200", description = "a page of ratings / 评价")
    @APIResponse(responseCode = "400", description = "A parameter out of its domain / 参数无效")
    @APIResponse(responseCode = "403", description = "Your role may not list ratings / 无权查看")
    public Uni<Page<RatingView>> list(
            @QueryParam("eventKind") @Parameter(schema = @Schema(implementation = ServiceEventKind.class)) String eventKind,
            @QueryParam("eventId") @Parameter(description = "Only this event's ratings", schema = @Schema(type = SchemaType.STRING, format = "uuid", pattern = RatingRequest.UUID_PATTERN)) String eventId,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50")) String size) {
        ServiceEventKind kind = EnumParameter.parse("eventKind", eventKind, ServiceEventKind.class);
        UUID event = UuidParameter.parse("eventId", eventId);
        PageRequest paging = PageRequest.of(page, size, PageRequest.DEFAULT_SIZE, MAX_PAGE_SIZE);
        return ratings.list(currentSubject.get(), kind, event, paging);
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(operationId = "getRating", summary = "Read a rating / 查看评价",
            description = "One of your ratings, or any for the bureau; another person's answers 404.")
    @APIResponse(responseCode = "200", description = "the rating / 评价",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RatingView.class)))
    @APIResponse(responseCode = "404", description = "No such rating of yours / 评价不存在")
    public Uni<RatingView> get(@PathParam("id") UUID id) {
        return ratings.read(currentSubject.get(), id);
    }
}
