package io.pdx.marketplace.licensing;

import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.organization.Organization;
import io.pdx.marketplace.product.Product;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The authorization agreement (授权运营协议) of an approved license, from one template: parties,
 * resources, purpose, scope, columns, mode, term, security duties, exit and destruction duties,
 * price. The text is canonical (fixed order, LF line ends, no trailing spaces), so its SHA-256
 * identifies exactly what the operator accepted.
 */
public final class AgreementText {

    private AgreementText() {
    }

    public static String of(License license, Organization organization, Product product, Dataset dataset) {
        String price = switch (product.priceKind) {
            case FREE -> "免费 / free of charge (公共治理、公益事业)";
            default -> product.priceKind + " " + product.unitPriceFen + " 分/fen (政府指导价上限 cap "
                    + product.capFen + " 分/fen" + (product.pricePeriod == null ? "" : ", " + product.pricePeriod) + ")";
        };
        String text = String.join("\n",
                "公共数据资源授权运营协议 / Public Data Authorized Operation Agreement",
                "协议编号 / Agreement: " + license.id,
                "",
                "一、当事人 / Parties",
                "授权主体及实施机构 / Authorizing body: 数据局 (PDX data bureau)",
                "运营机构 / Operator: " + organization.name + " (统一社会信用代码 " + organization.uscc + ")",
                "数源单位 / Data holder: " + dataset.providerName + " (" + dataset.provider + ")",
                "",
                "二、授权资源 / Resources",
                "数据产品 / Product: " + product.nameZh + " / " + product.nameEn + " (" + product.id + ")",
                "数据集 / Dataset: " + dataset.nameZh + " / " + dataset.nameEn + ", 登记编号 " + dataset.certificateNo
                        + ", 分级 grade " + dataset.grade,
                "字段 / Columns: " + String.join(", ", license.columns.columns()),
                "使用方式 / Mode: " + license.mode,
                "",
                "三、用途与范围 / Purpose and scope",
                "用途类别 / Purpose category: " + license.purposeCategory,
                "用途说明 / Purpose: " + license.purposeText.strip(),
                "预计用量 / Expected volume: " + (license.expectedVolume == null ? "-" : license.expectedVolume),
                "",
                "四、期限 / Term",
                license.termStart + " 至 / to " + license.termEnd,
                "",
                "五、安全责任 / Security duties",
                "原始数据不出域；仅可使用授权字段与方式；不得重新识别个人；发生安全事件 24 小时内报告。",
                "Raw data stays in the domain; only the licensed columns and mode; no re-identification;"
                        + " security incidents reported within 24 hours.",
                "",
                "六、退出与数据销毁 / Exit and destruction",
                "授权终止、撤销或到期后 30 日内删除全部交付数据并提交销毁证明。",
                "Within 30 days of the end, suspension-turned-revocation or expiry, all delivered data is deleted"
                        + " and a destruction statement filed.",
                "",
                "七、价格 / Price",
                price,
                "收益归财政 / Revenue is credited to public finance.",
                "");
        return text;
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
