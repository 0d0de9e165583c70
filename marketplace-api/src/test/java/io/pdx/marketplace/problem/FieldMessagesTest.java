package io.pdx.marketplace.problem;

import io.pdx.contracts.licensing.LicenseApplication;
import io.pdx.contracts.problem.Problem;
import io.pdx.marketplace.licensing.LicenseApplicationValidator;
import io.pdx.marketplace.paging.PageRequest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldMessagesTest {

    private static final java.util.regex.Pattern CJK = java.util.regex.Pattern.compile("[\\u4e00-\\u9fff]");

    @Test
    void acceptLanguage_choosesEnglishOnlyWhenItComesFirst() {
        assertEquals(FieldMessages.Language.ZH, FieldMessages.language(null));
        assertEquals(FieldMessages.Language.ZH, FieldMessages.language("zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals(FieldMessages.Language.EN, FieldMessages.language("en-US,en;q=0.9"));
        assertEquals(FieldMessages.Language.EN, FieldMessages.language("fr-FR, en;q=0.5"));
        assertEquals(FieldMessages.Language.ZH, FieldMessages.language("fr-FR"));
        assertEquals(FieldMessages.Language.ZH, FieldMessages.language("*"));
    }

    @Test
    void everyMessageAValidatorWrites_hasAChineseTranslation_keepingItsNamesAndNumbers() {
        List<Problem.FieldError> written = new ArrayList<>(LicenseApplicationValidator.errors(
                new LicenseApplication(null, "MARKETING", "x".repeat(3000), List.of(), "LEASE", LocalDate.of(2027, 1, 1),
                        LocalDate.of(2026, 1, 1), -1L), List.of("PUBLIC_GOVERNANCE", "PUBLIC_WELFARE")));
        written.addAll(LicenseApplicationValidator.errors(null, List.of()));
        written.addAll(LicenseApplicationValidator.errors(new LicenseApplication(UUID.randomUUID(), null, null, null, null, null,
                null, null), List.of()));
        for (String[] parameters : new String[][] {{"abc", "1"}, {"0", "0"}}) {
            try {
                PageRequest.of(parameters[0], parameters[1]);
            } catch (InvalidParameter problem) {
                written.addAll(problem.toProblem("/").errors());
            }
        }
        assertTrue(written.size() >= 12, "messages: " + written);
        for (Problem.FieldError error : written) {
            String chinese = FieldMessages.chinese(error.message());
            assertTrue(CJK.matcher(chinese).find(), "no translation of: " + error.message());
            for (String token : error.message().split("[^A-Z0-9_]+")) {
                if (token.length() > 1 && !token.equals("ISO")) {
                    assertTrue(chinese.contains(token), "'" + token + "' kept in: " + chinese);
                }
            }
        }
    }

    @Test
    void aProblemIsTranslatedFieldByField_andEnglishLeavesItAsWritten() {
        Problem problem = new Problem(Problem.type("invalid-request"), "Invalid request / 请求无效", 400, "The request has invalid fields.",
                "/x", List.of(new Problem.FieldError("size", "must be a whole number from 1 to 500"),
                new Problem.FieldError("mode", "must be one of DELIVERY, SANDBOX")));
        Problem chinese = FieldMessages.in(problem, FieldMessages.Language.ZH);
        assertEquals("须为 1 到 500 之间的整数", chinese.errors().get(0).message());
        assertEquals("须为以下之一：DELIVERY, SANDBOX", chinese.errors().get(1).message());
        assertEquals("invalid-request", chinese.code());
        assertEquals(problem, FieldMessages.in(problem, FieldMessages.Language.EN));
        assertNotEquals(problem, chinese);
    }
}
