package io.pdx.marketplace.disclosure;

import io.pdx.contracts.disclosure.DisclosureContent;
import io.pdx.marketplace.product.Yuan;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The annual disclosure as a document, in Chinese and English: a title, paragraphs and tables, which
 * {@link DisclosureHtml} and {@link DisclosurePdf} both draw, so the web page and the PDF say the same.
 */
record DisclosureDocument(String title, List<Block> blocks) {

    sealed interface Block permits Heading, Paragraph, Table {
    }

    record Heading(String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    /** Columns with their relative widths; every row has as many cells as there are headers. */
    record Table(List<String> headers, List<Integer> widths, List<List<String>> rows, String empty) implements Block {
    }

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static DisclosureDocument of(DisclosureContent content, OffsetDateTime preparedAt) {
        int year = content.year();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("披露期限 Due by " + AnnualDisclosure.due(year) + " · 编制时间 Prepared "
                + preparedAt.atZoneSameInstant(DisclosureFigures.BUREAU).format(MOMENT) + " (UTC+8) · 金额单位：人民币元 Amounts in CNY"));
        blocks.add(new Paragraph("依据《关于规范公共数据资源授权运营价格管理的通知》（发改价格〔2025〕65号）及公共数据资源授权运营实施规范，"
                + "公开 " + year + " 年度授权运营情况、数据产品收费及收益归集情况。 The authorizations, products, fees and the revenue "
                + "credited to public finance in " + year + ", as the pricing rule and the authorized-operation rules require."));

        blocks.add(new Heading("一、授权情况 Authorizations (" + content.authorizations().size() + ")"));
        List<List<String>> authorizations = new ArrayList<>();
        for (DisclosureContent.Authorization a : content.authorizations()) {
            authorizations.add(List.of(
                    (a.organizationName() == null ? "" : a.organizationName() + " ") + a.organization(),
                    a.productNameZh() + " / " + a.productNameEn(),
                    a.datasetNameZh() + " / " + a.datasetNameEn(),
                    a.purposeCategory() + " · " + a.mode(),
                    String.join("；", a.scenarios()),
                    a.termStart() + " — " + a.termEnd()));
        }
        blocks.add(new Table(List.of("运营单位 Operator", "数据产品 Product", "数据资源 Resource", "用途 · 方式 Purpose · mode",
                "应用场景 Scenarios", "授权期限 Term"), List.of(18, 18, 18, 14, 18, 14), authorizations,
                "本年度无授权 No authorization in force this year"));

        blocks.add(new Heading("二、数据产品及收费 Products and fees (" + content.products().size() + ")"));
        List<List<String>> products = new ArrayList<>();
        for (DisclosureContent.ProductFees p : content.products()) {
            products.add(List.of(
                    p.nameZh() + " / " + p.nameEn(),
                    p.provider(),
                    p.priceKind() + (p.pricePeriod() == null ? "" : " · " + p.pricePeriod()),
                    Yuan.of(p.unitPriceFen()),
                    Yuan.of(p.capFen()),
                    Integer.toString(p.priceChanges()),
                    Yuan.of(p.revenueFen())));
        }
        blocks.add(new Table(List.of("数据产品 Product", "数源单位 Provider", "计价方式 Pricing", "年末单价 Unit price",
                "上限 Cap", "调价 Changes", "年度收益 Revenue"), List.of(26, 18, 14, 11, 11, 8, 12), products,
                "本年度无上架产品 No product listed this year"));

        blocks.add(new Heading("三、收益归集 Revenue credited to public finance"));
        blocks.add(new Paragraph("年度收益合计 Total " + Yuan.of(content.revenueFen()) + "（计费 " + content.charges() + " 笔，冲销 "
                + content.reversals() + " 笔 · " + content.charges() + " charges, " + content.reversals()
                + " reversals），已全额缴入财政 credited in full to public finance (收益归财政)."));
        blocks.add(new Paragraph("本披露的数据（JSON）与本文件的 SHA-256 摘要记录于平台审计链，可经 /api/v1/disclosures/" + year
                + " 核对。 The SHA-256 digests of the figures (JSON) and of this file are recorded in the platform's audit chain "
                + "and can be checked at /api/v1/disclosures/" + year + "."));
        return new DisclosureDocument(year + " 年度公共数据资源授权运营情况披露 · Annual disclosure of public data authorized operation, "
                + year, List.copyOf(blocks));
    }
}
