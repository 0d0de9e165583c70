package io.pdx.marketplace.disclosure;

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
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

/**
 * The disclosure as an A4 landscape PDF with Apache PDFBox: the title, paragraphs wrapped to the page, and tables whose
 * cells wrap within their columns, continued on a new page when full; page numbers at the foot. The CJK font (WenQuanYi
 * Micro Hei, which ./pdx installs, as for the registration certificates) is embedded as a subset, so any reader shows
 * and extracts the Chinese text.
 */
final class DisclosurePdf {

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 40;
    private static final float BODY = 9;
    private static final float CELL = 7.5f;
    private static final float HEADING = 12;
    private static final float TITLE = 15;

    private DisclosurePdf() {
    }

    static byte[] render(DisclosureDocument document, Path fontFile, java.time.OffsetDateTime preparedAt) {
        try (TrueTypeCollection collection = new TrueTypeCollection(fontFile.toFile()); PDDocument pdf = new PDDocument()) {
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(font -> {
                if (first[0] == null) {
                    first[0] = font;
                }
            });
            PDFont font = PDType0Font.load(pdf, first[0], true);
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(document.title());
            info.setCreator("PDX 公共数据授权运营平台");
            Calendar created = GregorianCalendar.from(preparedAt.toZonedDateTime());
            created.setTimeZone(TimeZone.getTimeZone("UTC"));
            info.setCreationDate(created);
            new Layout(pdf, font).draw(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the pen is: the page being drawn and the baseline of the next line. */
    private static final class Layout {
        private final PDDocument pdf;
        private final PDFont font;
        private final float width = PAGE.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;
        private int pages;

        Layout(PDDocument pdf, PDFont font) {
            this.pdf = pdf;
            this.font = font;
        }

        void draw(DisclosureDocument document) throws IOException {
            newPage();
            for (String line : wrap(document.title(), TITLE, width)) {
                text(line, TITLE, MARGIN);
                y -= TITLE * 1.5f;
            }
            y -= 4;
            for (DisclosureDocument.Block block : document.blocks()) {
                if (block instanceof DisclosureDocument.Heading heading) {
                    room(HEADING * 3);
                    y -= 6;
                    text(heading.text(), HEADING, MARGIN);
                    y -= HEADING * 1.6f;
                } else if (block instanceof DisclosureDocument.Paragraph paragraph) {
                    for (String line : wrap(paragraph.text(), BODY, width)) {
                        room(BODY * 1.5f);
                        text(line, BODY, MARGIN);
                        y -= BODY * 1.5f;
                    }
                    y -= 4;
                } else if (block instanceof DisclosureDocument.Table table) {
                    table(table);
                }
            }
            stream.close();
            footers();
        }

        private void table(DisclosureDocument.Table table) throws IOException {
            if (table.rows().isEmpty()) {
                room(BODY * 1.5f);
                text(table.empty(), BODY, MARGIN);
                y -= BODY * 2f;
                return;
            }
            float[] columns = columns(table.widths());
            row(table.headers(), columns, true);
            for (List<String> row : table.rows()) {
                if (!row(row, columns, false)) {
                    row(table.headers(), columns, true); // the header again at the top of a new page
                    row(row, columns, false);
                }
            }
            y -= 8;
        }

        /** Draws one row; false (and a new page, nothing drawn) when it does not fit on this one. */
        private boolean row(List<String> cells, float[] columns, boolean header) throws IOException {
            List<List<String>> lines = new ArrayList<>();
            int height = 1;
            for (int i = 0; i < cells.size(); i++) {
                List<String> wrapped = wrap(cells.get(i), CELL, columns[i] - 4);
                lines.add(wrapped);
                height = Math.max(height, wrapped.size());
            }
            float rowHeight = height * CELL * 1.35f + 4;
            if (y - rowHeight < MARGIN + 14) {
                newPage();
                if (!header) {
                    return false;
                }
            }
            float x = MARGIN;
            for (int i = 0; i < cells.size(); i++) {
                float lineY = y;
                for (String line : lines.get(i)) {
                    textAt(line, CELL, x, lineY);
                    lineY -= CELL * 1.35f;
                }
                x += columns[i];
            }
            y -= rowHeight;
            stream.setLineWidth(header ? 0.8f : 0.3f);
            stream.moveTo(MARGIN, y + CELL);
            stream.lineTo(MARGIN + width, y + CELL);
            stream.stroke();
            return true;
        }

        private float[] columns(List<Integer> weights) {
            int total = weights.stream().mapToInt(Integer::intValue).sum();
            float[] columns = new float[weights.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = width * weights.get(i) / total;
            }
            return columns;
        }

        private void room(float needed) throws IOException {
            if (y - needed < MARGIN + 14) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PAGE);
            pdf.addPage(page);
            pages++;
            stream = new PDPageContentStream(pdf, page);
            y = PAGE.getHeight() - MARGIN;
        }

        private void footers() throws IOException {
            int number = 0;
            for (PDPage page : pdf.getPages()) {
                number++;
                try (PDPageContentStream foot = new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.APPEND, true)) {
                    foot.beginText();
                    foot.setFont(font, 7);
                    foot.newLineAtOffset(MARGIN, MARGIN / 2);
                    foot.showText("第 " + number + " 页，共 " + pages + " 页 · page " + number + " of " + pages);
                    foot.endText();
                }
            }
        }

        private void text(String value, float size, float x) throws IOException {
            textAt(value, size, x, y);
        }

        private void textAt(String value, float size, float x, float at) throws IOException {
            if (value.isEmpty()) {
                return;
            }
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, at);
            stream.showText(value);
            stream.endText();
        }

        /** The glyph, or "?" when the font has none for it (a name in a script the font lacks draws, not fails). */
        private String drawable(String glyph) throws IOException {
            if (Character.isISOControl(glyph.codePointAt(0))) {
                return "?";
            }
            try {
                font.encode(glyph);
                return glyph;
            } catch (IllegalArgumentException noGlyph) {
                return "?";
            }
        }

        /** The text broken into lines that fit {@code room} points: at spaces where it can, anywhere in CJK runs. */
        private List<String> wrap(String text, float size, float room) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            int lastSpace = -1;
            for (int i = 0; i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                String glyph = new String(Character.toChars(codePoint));
                i += Character.charCount(codePoint);
                String printable = Character.isWhitespace(codePoint) ? " " : drawable(glyph);
                line.append(printable);
                if (printable.equals(" ")) {
                    lastSpace = line.length() - 1;
                }
                if (font.getStringWidth(line.toString()) / 1000 * size > room && line.length() > 1) {
                    String rest;
                    if (lastSpace > 0) {
                        lines.add(line.substring(0, lastSpace));
                        rest = line.substring(lastSpace + 1);
                    } else {
                        lines.add(line.substring(0, line.length() - printable.length()));
                        rest = printable;
                    }
                    line.setLength(0);
                    line.append(rest);
                    lastSpace = line.lastIndexOf(" ");
                }
            }
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }
    }
}
