package io.pdx.contracts.identity;

/**
 * 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015: 18 characters from a 31-symbol
 * alphabet, the last one a check character over the first seventeen.
 */
public final class Uscc {

    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    public static final int LENGTH = 18;
    /** 18 symbols of the alphabet; only {@link #isValid} knows the check character. */
    public static final String PATTERN = "^[0-9A-HJ-NPQRTUWXY]{18}$";

    private Uscc() {
    }

    /** Whether {@code code} has 18 symbols of the alphabet and the right check character. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return checkCharacter(code.substring(0, LENGTH - 1)) == code.charAt(LENGTH - 1);
    }

    /** The check character for the first seventeen symbols. */
    public static char checkCharacter(String first17) {
        if (first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("expected 17 symbols, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("symbol outside GB 32100 alphabet at position " + (i + 1));
            }
            sum += value * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }
}
