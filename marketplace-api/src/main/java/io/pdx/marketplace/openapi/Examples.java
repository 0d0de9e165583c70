package io.pdx.marketplace.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request examples of the main operations, on the demo data (ids are placeholders: take them from the lists). */
final class Examples {

    static final String SOME_PRODUCT = "0b4f5a7e-5c1d-4a36-9a59-1f7c2f3d4e5a";
    static final String SOME_LICENSE = "6f1c9f4e-2b8a-4d53-8f0e-3a7d9c1b2e4f";

    private static final Map<String, Map<String, Object>> BY_OPERATION = Map.of(
            "applyForLicense", Map.of(
                    "sandbox", example("A developer's sandbox license on bus card swipes / 公交刷卡数据沙箱授权",
                            ordered("productId", SOME_PRODUCT, "purposeCategory", "PUBLIC_GOVERNANCE",
                                    "purposeText", "公交线网优化：分时段、分区县客流统计 / bus network planning",
                                    "columns", List.of("district_code", "swipe_time", "route_id"), "mode", "SANDBOX",
                                    "termStart", "2026-12-01", "termEnd", "2027-11-30", "expectedVolume", 1000))),
            "submitJob", Map.of(
                    "sql", example("A statement / SQL 语句",
                            ordered("licenseId", SOME_LICENSE,
                                    "sql", "SELECT district_code, count(*) AS swipes FROM bus_card_swipes GROUP BY district_code",
                                    "epsilon", 0.5)),
                    "template", example("A pre-reviewed template / 预审模板",
                            ordered("licenseId", SOME_LICENSE, "templateId", "tpl-traffic-flow-by-hour",
                                    "params", Map.of("district", "350102")))),
            "registerOrganization", Map.of(
                    "enterprise", example("An enterprise / 企业",
                            ordered("name", "示例数据科技有限公司", "uscc", "91350100M000100Y43", "legalRepresentative", "张三",
                                    "contactName", "李四", "contactPhone", "0591-12345678", "contactEmail", "data@example.com"))),
            "createProduct", Map.of(
                    "perCall", example("Priced per call under a cap / 按次计费（政府指导价上限内）",
                            ordered("datasetId", "3c2e1d0f-9a8b-4c7d-8e6f-5a4b3c2d1e0f", "nameZh", "公交客流统计服务",
                                    "nameEn", "Bus ridership statistics", "modes", List.of("SANDBOX"),
                                    "priceRule", ordered("kind", "PER_CALL", "unitPriceFen", 200, "capFen", 500),
                                    "scenarios", List.of("线网优化 / network planning"), "qualityNotes", "每日更新，完整率 99.5%"))),
            "rejectLicense", Map.of("reason", example("A reason / 驳回理由", ordered("reason", "用途说明不充分 / purpose unclear"))),
            "rejectJob", Map.of("reason", example("A reason / 驳回理由", ordered("reason", "结果可识别个人 / result identifies persons"))),
            "returnDataset", Map.of("reasons", example("Reasons / 退回理由", ordered("reasons", List.of("缺少数据项说明 / column descriptions missing")))));

    private Examples() {
    }

    static void apply(Operation operation) {
        Map<String, Object> examples = BY_OPERATION.get(operation.getOperationId());
        if (examples == null || operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        MediaType json = operation.getRequestBody().getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        if (json == null) {
            return;
        }
        examples.forEach((name, example) -> json.addExample(name, (org.eclipse.microprofile.openapi.models.examples.Example) example));
    }

    private static Object example(String summary, Map<String, Object> value) {
        return OASFactory.createExample().summary(summary).value(value);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
