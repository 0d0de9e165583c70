package io.pdx.contracts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Text on the wire, read the way a JSON Schema validator reads the OpenAPI document (ECMA-262 patterns, lengths in
 * characters): the patterns the request records declare and the checks the validators run are written once, here
 * and on the records, so that what the document calls valid is exactly what the API accepts.
 * <ul>
 *     <li>a length counts Unicode characters (code points), as {@code maxLength} does — not UTF-16 units;</li>
 *     <li>blank means made only of the characters ECMA-262's {@code \s} names ({@link #SPACE}), written out because
 *     Java's {@code \s} and {@code isWhitespace} name other sets;</li>
 *     <li>no text carries the NUL character (PostgreSQL cannot store it); every request string says so.</li>
 * </ul>
 */
public final class Text {

    /** ECMA-262's white space and line terminators, the set {@code \s} matches in a JSON Schema pattern. */
    public static final String SPACE = "\\t\\n\\x0B\\f\\r \\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";
    /** Any text without the NUL character. */
    public static final String NO_NUL = "^[^\\x00]*$";
    /** Text with a character other than space, and without NUL. */
    public static final String NOT_BLANK = "^[^\\x00]*[^\\x00" + SPACE + "][^\\x00]*$";

    private static final Pattern BLANK = Pattern.compile("[" + SPACE + "]*");
    private static final Map<String, Pattern> BODIES = new ConcurrentHashMap<>();

    private Text() {
    }

    /** The length as JSON Schema counts it: Unicode characters. */
    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /** Null, empty, or only {@link #SPACE} characters. */
    public static boolean isBlank(String value) {
        return value == null || BLANK.matcher(value).matches();
    }

    public static boolean hasNul(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }

    /**
     * Whether {@code value} is {@code pattern} in full: {@code pattern} is a record's {@code ^…$} pattern whose
     * body uses explicit classes only, so Java reads it as ECMA-262 does; {@code $} is the end of the text (Java's
     * own {@code $} would also take a text ending in a line break).
     */
    public static boolean matches(String pattern, String value) {
        if (value == null) {
            return false;
        }
        Pattern body = BODIES.computeIfAbsent(pattern, anchored -> {
            if (!anchored.startsWith("^") || !anchored.endsWith("$")) {
                throw new IllegalArgumentException("an anchored pattern is expected: " + anchored);
            }
            return Pattern.compile(anchored.substring(1, anchored.length() - 1));
        });
        return body.matcher(value).matches();
    }
}
