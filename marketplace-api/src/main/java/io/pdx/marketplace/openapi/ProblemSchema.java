package io.pdx.marketplace.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;

/** The one error schema of the API: RFC 9457 problem details with the project's {@code code}, {@code errors[]} and {@code reasons[]}. */
final class ProblemSchema {

    private ProblemSchema() {
    }

    static Schema problem() {
        return object("An RFC 9457 problem (application/problem+json). 错误说明：code 供程序判断，errors 列出字段，reasons 给出策略理由（中英文）。")
                .addProperty("type", string("A URI naming the problem type, e.g. https://pdx.example/problems/invalid-request").format("uri"))
                .addProperty("code", string("The problem type's last segment, stable for clients to switch on, e.g. invalid-request"))
                .addProperty("title", string("A short summary in Chinese and English"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32").minimum(
                        java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)).description("The HTTP status"))
                .addProperty("detail", string("What went wrong with this request (never a data value, SQL or class name)"))
                .addProperty("instance", string("The request path"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("FieldError")).description("The fields that failed validation"))
                .addProperty("reasons", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("Reason")).description("Machine-readable reasons of a policy or the sandbox"))
                .required(List.of("type", "code", "title", "status"));
    }

    static Schema fieldError() {
        return object("A field of the request that failed validation; the message follows Accept-Language (zh by default, en)")
                .addProperty("field", string("The field's path, e.g. columns[2].name"))
                .addProperty("message", string("What is wrong and what is allowed"))
                .required(List.of("field", "message"));
    }

    static Schema reason() {
        return object("A reason of a policy decision or a sandbox refusal")
                .addProperty("code", string("e.g. column_not_licensed, epsilon_budget_exhausted"))
                .addProperty("message_zh", string("中文说明"))
                .addProperty("message_en", string("The explanation in English"))
                .required(List.of("code"));
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
