package io.pdx.contracts.organization;

import io.pdx.contracts.Text;
import io.pdx.contracts.identity.Uscc;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An enterprise registering as an operator (授权运营主体).
 *
 * @param uscc 统一社会信用代码, 18 characters with its GB 32100-2015 check character
 */
@Schema(description = "An enterprise registering as an operator (授权运营主体). Checked beyond this schema (422): the "
        + "USCC's check character (GB 32100-2015).")
public record OrganizationRequest(
        @Schema(required = true, pattern = Text.NOT_BLANK, maxLength = MAX_NAME) String name,
        @Schema(required = true, pattern = Uscc.PATTERN, description = "统一社会信用代码: 18 symbols of GB 32100-2015, the last a check character")
        String uscc,
        @Schema(required = true, pattern = Text.NOT_BLANK, maxLength = MAX_PERSON) String legalRepresentative,
        @Schema(required = true, pattern = Text.NOT_BLANK, maxLength = MAX_PERSON) String contactName,
        @Schema(required = true, pattern = PHONE, description = "Digits, spaces and dashes, 6 to 30 characters, + before them for an international number")
        String contactPhone,
        @Schema(required = true, pattern = EMAIL, maxLength = MAX_EMAIL) String contactEmail) {

    public static final int MAX_NAME = 200;
    public static final int MAX_PERSON = 100;
    public static final int MAX_EMAIL = 200;
    public static final String PHONE = "^\\+?[0-9][0-9 -]{5,28}$";
    /** An e-mail address: a local part of at most 64 characters, @, a domain with a dot; no space, @ or NUL in either. */
    public static final String EMAIL = "^[^@\\x00" + Text.SPACE + "]{1,64}@[^@\\x00" + Text.SPACE + "]+\\.[^@\\x00" + Text.SPACE + "]{2,}$";
}
