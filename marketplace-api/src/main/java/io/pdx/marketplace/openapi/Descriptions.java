package io.pdx.marketplace.openapi;

/** The API's description as the reference shows it. */
final class Descriptions {

    static final String API = """
            公共数据资源授权运营与交易平台 — the public-data authorized-operation platform of a data bureau (数据局).

            * **Catalog / 数据目录** — registered datasets, graded core / important / general (GB/T 43697-2024); anonymous \
            callers see the public catalog.
            * **Licenses / 授权** — apply (OPA decides 秒批, review or deny), accept the agreement, then use the data: \
            `GET /api/v1/licenses/{id}/workspace` says what you may query.
            * **Sandbox / 沙箱** — statements run where the data is (原始数据不出域); results come back as an Apache Arrow \
            IPC *stream* (`application/vnd.apache.arrow.stream`, read with `pyarrow.ipc.open_stream`), as Parquet \
            (`?format=parquet`) or a JSON preview. Important data is released with entity-level differential privacy \
            under a yearly budget per organization and dataset.
            * **Errors / 错误** — every error is `application/problem+json` (RFC 9457) with a stable `code`, the fields \
            that failed (`errors[]`, messages following `Accept-Language`: zh by default, en) and policy `reasons[]`.
            * **Lists / 列表** — one envelope: `items`, `total`, `page` (from 0), `size`.
            """;

    /** The features, in the order a reader meets them. */
    static final java.util.Map<String, String> TAGS = ordered(
            "catalog", "Catalog / 数据目录: search and read registered datasets (public ones anonymously)",
            "opendata", "Open data / 开放数据: open general datasets downloaded by anyone without a license; the catalog for "
                    + "harvesters (DCAT-AP 3, CKAN's action API)",
            "reference", "Reference data / 参考数据: purposes, license modes, grades, taxonomy",
            "registration", "Registration / 数据资源登记: providers draft datasets, the bureau registers them",
            "organizations", "Organizations / 经营主体: enterprises register by USCC, the bureau verifies",
            "products", "Products / 数据产品: what may be licensed, at a capped price; deliveries of general data",
            "licenses", "Licenses / 授权运营: apply, review, accept, suspend, revoke; what a license lets you query",
            "sandbox", "Sandbox / 隐私计算沙箱: statements run where the data is; results released under the grade's controls",
            "tables", "Own tables / 自有数据: an organization's own data for clean rooms, stored in the domain, never served back",
            "ledger", "Ledger / 计费与收益: invoice lines and the double-entry ledger (收益归财政)",
            "audit", "Audit / 审计: the append-only, hash-chained trail",
            "efficiency", "Efficiency / 效能评估: the figures a bureau reports",
            "satisfaction", "Satisfaction / 好差评: the person served rates a service event; a poor rating or a complaint "
                    + "opens a case the bureau answers within its working days; public in aggregate");

    private static java.util.Map<String, String> ordered(String... namesAndDescriptions) {
        java.util.Map<String, String> tags = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndDescriptions.length; i += 2) {
            tags.put(namesAndDescriptions[i], namesAndDescriptions[i + 1]);
        }
        return tags;
    }

    private Descriptions() {
    }
}
