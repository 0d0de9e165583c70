package io.pdx.marketplace.catalog.certificate;

import io.pdx.contracts.catalog.CertificateVerification;
import io.pdx.contracts.catalog.RegistrationCertificate;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate as an A4 PDF page, in Chinese and English, with its signature and key id printed so that the paper
 * can be checked against the public verification endpoint. The CJK font (WenQuanYi Micro Hei, a TrueType collection
 * ./pdx installs) is embedded as a subset.
 */
public final class CertificatePdf {

    private static final float MARGIN = 56;

    private CertificatePdf() {
    }

    public static byte[] render(CertificateVerification verification, Path fontFile, String verifyUrl) {
        RegistrationCertificate c = verification.certificate();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"登记编号 Registration code", c.code()});
        rows.add(new String[] {"登记类型 Type", c.registrationType() + (c.amendsCode() == null ? "" : " → " + c.amendsCode())});
        rows.add(new String[] {"资源名称 Resource", c.nameZh()});
        rows.add(new String[] {"", c.nameEn()});
        rows.add(new String[] {"版本 Version", c.version()});
        rows.add(new String[] {"持有单位 Holder", c.holderName()});
        rows.add(new String[] {"统一社会信用代码 USCC", c.holderCreditCode() == null ? "—" : c.holderCreditCode()});
        rows.add(new String[] {"数据分级 Grade", c.grade()});
        rows.add(new String[] {"类别 Category", c.category()});
        rows.add(new String[] {"区划 Division", c.spatialCoverage()});
        rows.add(new String[] {"更新频率 Update", c.updateFrequency()});
        rows.add(new String[] {"公示期 Publicity", c.publicityStartedAt() + " — " + c.publicityEndedAt()});
        rows.add(new String[] {"登记时间 Registered", c.registeredAt()});
        rows.add(new String[] {"当前状态 Status now", verification.status().name()});
        try (TrueTypeCollection collection = new TrueTypeCollection(fontFile.toFile());
             PDDocument document = new PDDocument()) {
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(font -> {
                if (first[0] == null) {
                    first[0] = font;
                }
            });
            PDFont font = PDType0Font.load(document, first[0], true);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("公共数据资源登记证书 " + c.code());
            info.setCreator(CertificateIssuer.ISSUER);
            float top = page.getMediaBox().getHeight() - MARGIN;
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                line(text, font, 20, MARGIN, top, "公共数据资源登记证书");
                line(text, font, 12, MARGIN, top - 22, "Public Data Resource Registration Certificate");
                float y = top - 60;
                for (String[] row : rows) {
                    line(text, font, 10, MARGIN, y, row[0]);
                    line(text, font, 11, MARGIN + 170, y, row[1] == null ? "—" : row[1]);
                    y -= 20;
                }
                y -= 12;
                line(text, font, 9, MARGIN, y, "签名 Ed25519 signature (key " + verification.keyId() + "):");
                String signature = verification.signature();
                for (int i = 0; i < signature.length(); i += 64) {
                    y -= 13;
                    line(text, font, 8, MARGIN, y, signature.substring(i, Math.min(signature.length(), i + 64)));
                }
                y -= 22;
                line(text, font, 9, MARGIN, y, "核验 Verify: " + verifyUrl);
                line(text, font, 9, MARGIN, y - 14, "签发 Issuer: " + c.issuer());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(PDPageContentStream text, PDFont font, float size, float x, float y, String value) throws IOException {
        text.beginText();
        text.setFont(font, size);
        text.newLineAtOffset(x, y);
        text.showText(value);
        text.endText();
    }
}
