package io.pdx.marketplace.disclosure;

import java.util.List;

/** The disclosure as a self-contained HTML page (no script, no outside resource), every text escaped. */
final class DisclosureHtml {

    private DisclosureHtml() {
    }

    static String render(DisclosureDocument document) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(escape(document.title())).append("</title><style>")
                .append("body{font-family:system-ui,'WenQuanYi Micro Hei',sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f1f1f}")
                .append("table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #d9d9d9;padding:.35rem .5rem;")
                .append("text-align:left;vertical-align:top;font-size:.9rem}th{background:#fafafa}")
                .append("</style></head><body><main><h1>").append(escape(document.title())).append("</h1>\n");
        for (DisclosureDocument.Block block : document.blocks()) {
            if (block instanceof DisclosureDocument.Heading heading) {
                html.append("<h2>").append(escape(heading.text())).append("</h2>\n");
            } else if (block instanceof DisclosureDocument.Paragraph paragraph) {
                html.append("<p>").append(escape(paragraph.text())).append("</p>\n");
            } else if (block instanceof DisclosureDocument.Table table) {
                table(html, table);
            }
        }
        return html.append("</main></body></html>\n").toString();
    }

    private static void table(StringBuilder html, DisclosureDocument.Table table) {
        if (table.rows().isEmpty()) {
            html.append("<p>").append(escape(table.empty())).append("</p>\n");
            return;
        }
        html.append("<table><thead><tr>");
        for (String header : table.headers()) {
            html.append("<th scope=\"col\">").append(escape(header)).append("</th>");
        }
        html.append("</tr></thead><tbody>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            for (String cell : row) {
                html.append("<td>").append(escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
