package io.pdx.marketplace.ckan;

import io.pdx.contracts.catalog.Openness;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CKAN's {@code package_search} parameters as PDX searches them: {@code q} keywords (blank or {@code *:*}: all),
 * {@code rows} (default 10, at most 1000) from {@code start}, and the {@code fq} filters CKAN harvesters send —
 * {@code organization:<provider>}, {@code groups:<category>}, {@code res_format:<format>} (only open datasets have
 * downloadable resources), {@code isopen:true}, each term optionally quoted, all holding. Anything else is a
 * 409 Validation Error naming the parameter, as CKAN answers.
 */
record PackageSearch(String q, String provider, String category, Openness openness, int rows, long start) {

    static final int DEFAULT_ROWS = 10;
    static final int MAX_ROWS = 1000;
    static final long MAX_START = 100_000;
    private static final Pattern TERM = Pattern.compile("\\s*([A-Za-z_]+):(\"([^\"]*)\"|(\\S+))\\s*");

    static PackageSearch parse(String q, String fq, String rows, String start) {
        String keywords = q == null || q.isBlank() || q.strip().equals("*:*") ? null : q.strip();
        int rowCount = (int) integer("rows", rows, DEFAULT_ROWS, 0, MAX_ROWS);
        long from = integer("start", start, 0, 0, MAX_START);
        String provider = null;
        String category = null;
        Openness openness = null;
        if (fq != null && !fq.isBlank()) {
            Matcher term = TERM.matcher(fq);
            int at = 0;
            while (at < fq.length()) {
                if (!term.find(at) || term.start() != at) {
                    throw CkanError.validation("fq", "must be field:value terms");
                }
                String field = term.group(1);
                String value = term.group(3) != null ? term.group(3) : term.group(4);
                switch (field) {
                    case "organization", "owner_org" -> provider = value;
                    case "groups" -> category = value;
                    case "res_format", "res_mimetype" -> openness = Openness.OPEN;
                    case "isopen" -> openness = value.toLowerCase(Locale.ROOT).equals("true") ? Openness.OPEN
                            : fail("fq", "only isopen:true is supported");
                    default -> throw CkanError.validation("fq", "unsupported filter field: " + field);
                }
                at = term.end();
            }
        }
        return new PackageSearch(keywords, provider, category, openness, rowCount, from);
    }

    private static Openness fail(String field, String message) {
        throw CkanError.validation(field, message);
    }

    private static long integer(String field, String text, long fallback, long min, long max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value < min || value > max) {
                throw CkanError.validation(field, "Must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException notAnInteger) {
            throw CkanError.validation(field, "Invalid integer");
        }
    }
}
