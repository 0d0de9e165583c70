package io.pdx.sandbox.demo;

/** 公民身份号码 (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character. Synthetic ids only. */
final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private ResidentIdNumber() {
    }

    static String of(String district, int year, int month, int day, int sequence) {
        String first17 = String.format("%s%04d%02d%02d%03d", district, year, month, day, sequence % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK.charAt(sum % 11);
    }
}
