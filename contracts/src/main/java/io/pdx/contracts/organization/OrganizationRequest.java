package io.pdx.contracts.organization;

/**
 * An enterprise registering as an operator (授权运营主体).
 *
 * @param uscc 统一社会信用代码, 18 characters with its GB 32100-2015 check character
 */
public record OrganizationRequest(String name, String uscc, String legalRepresentative, String contactName,
                                  String contactPhone, String contactEmail) {
}
