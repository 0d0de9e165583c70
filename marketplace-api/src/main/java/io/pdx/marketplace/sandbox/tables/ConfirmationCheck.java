package io.pdx.marketplace.sandbox.tables;

import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.tables.TableConfirmation;
import io.pdx.marketplace.problem.FieldCheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A confirmation of an own table's columns against what was inferred at the upload: every inferred column once, by its
 * name, with a tag; the type stays the inferred one (a different type is refused, naming the column); a join key of the
 * declared pattern; bounds in order. The confirmed columns, or the field errors.
 */
final class ConfirmationCheck {

    private ConfirmationCheck() {
    }

    /** The confirmed columns (types from the inference); throws the 422 naming every field that failed. */
    static List<ColumnSpec> of(TableConfirmation confirmation, List<ColumnSpec> inferred) {
        FieldCheck check = new FieldCheck();
        if (confirmation == null || confirmation.columns() == null) {
            check.schema("columns", "list every column with its tag");
            throw new TableProblems.InvalidConfirmation(check);
        }
        Map<String, ColumnSpec> given = new HashMap<>();
        for (int i = 0; i < confirmation.columns().size(); i++) {
            ColumnSpec column = confirmation.columns().get(i);
            String at = "columns[" + i + "]";
            if (column == null || column.name() == null) {
                check.schema(at + ".name", "is required");
                continue;
            }
            if (given.put(column.name(), column) != null) {
                check.rule(at + ".name", "names column " + column.name() + " twice");
            }
        }
        List<ColumnSpec> confirmed = new ArrayList<>();
        for (ColumnSpec column : inferred) {
            ColumnSpec mine = given.remove(column.name());
            String at = "columns." + column.name();
            if (mine == null) {
                check.rule(at, "is not confirmed: every inferred column needs its tag");
                continue;
            }
            if (mine.tag() == null) {
                check.schema(at + ".tag", "one of " + List.of(ColumnTag.values()));
            }
            if (mine.type() != null && !mine.type().equalsIgnoreCase(column.type())) {
                check.rule(at + ".type", "the file's values were read as " + column.type() + ", not " + mine.type()
                        + "; upload the column in that type");
            }
            check.pattern(at + ".joinKey", mine.joinKey(), false, ColumnSpec.JOIN_KEY, "a key domain such as bus_route");
            if (mine.lower() != null && mine.upper() != null && mine.lower().compareTo(mine.upper()) > 0) {
                check.rule(at + ".lower", "is above upper");
            }
            confirmed.add(new ColumnSpec(column.name(), column.type(), mine.tag(), mine.description(), mine.lower(), mine.upper(),
                    mine.granularity(), mine.joinKey()));
        }
        given.keySet().forEach(unknown -> check.rule("columns." + unknown, "is not a column of the table"));
        if (!check.valid()) {
            throw new TableProblems.InvalidConfirmation(check);
        }
        return confirmed;
    }
}
