package io.pdx.contracts.catalog;

import java.util.List;

/** The bureau's reasons for returning a submitted registration (退回). */
public record ReturnRequest(List<String> reasons) {
}
