package io.pdx.sandbox.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.sandbox.driver.DuckDb;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static io.pdx.sandbox.sql.Refusal.SECOND_OPINION;

/**
 * A second opinion on a regenerated statement from DuckDB's own parser: {@code json_serialize_sql} on a
 * private in-memory DuckDB that holds no data and has external access disabled. The statement passes
 * when DuckDB parses it as exactly one SELECT whose table references are all plain tables named by the
 * given aliases, with no table function, subquery, common table expression or window anywhere.
 * Thread-safe: calls are serialized on the one connection.
 */
public final class DuckDbSecondOpinion implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Node types and expression classes that never belong in a guarded statement. */
    private static final Set<String> FORBIDDEN = Set.of("TABLE_FUNCTION", "SUBQUERY", "SET_OPERATION_NODE",
            "CTE_NODE", "RECURSIVE_CTE_NODE", "WINDOW");

    private final Connection duck;

    public DuckDbSecondOpinion() throws SQLException {
        duck = DuckDb.inMemory();
        try (Statement settings = duck.createStatement()) {
            settings.execute("SET enable_external_access = false");
            settings.execute("SET lock_configuration = true");
        } catch (SQLException failed) {
            duck.close();
            throw failed;
        }
    }

    /**
     * @param sql     the regenerated statement ({@link GuardedStatement#sql()})
     * @param aliases the dataset aliases it may read
     * @throws StatementRefused {@code sql_second_opinion} unless DuckDB's parse tree agrees
     */
    public synchronized void confirm(String sql, Set<String> aliases) throws StatementRefused {
        JsonNode tree;
        try (PreparedStatement serialize = duck.prepareStatement("SELECT json_serialize_sql(CAST(? AS VARCHAR))")) {
            serialize.setString(1, sql);
            try (ResultSet result = serialize.executeQuery()) {
                result.next();
                tree = JSON.readTree(result.getString(1));
            }
        } catch (SQLException | IOException failed) {
            throw SECOND_OPINION.refused();
        }
        Set<String> tables = aliases.stream().map(alias -> alias.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (!agrees(tree, tables)) {
            throw SECOND_OPINION.refused();
        }
    }

    private static boolean agrees(JsonNode tree, Set<String> tables) {
        JsonNode statements = tree.path("statements");
        if (!tree.path("error").isBoolean() || tree.path("error").asBoolean() || statements.size() != 1) {
            return false;
        }
        JsonNode select = statements.get(0).path("node");
        return "SELECT_NODE".equals(select.path("type").asText())
                && onlyLicensedTables(select.path("from_table"), tables)
                && nothingForbidden(select, select, tables);
    }

    /** The FROM clause: licensed base tables, possibly joined. */
    private static boolean onlyLicensedTables(JsonNode from, Set<String> tables) {
        return switch (from.path("type").asText()) {
            case "BASE_TABLE" -> isLicensedTable(from, tables);
            case "JOIN" -> onlyLicensedTables(from.path("left"), tables) && onlyLicensedTables(from.path("right"), tables);
            default -> false;
        };
    }

    /** Anywhere below the statement: no other query node, table function, subquery, window or CTE; every table licensed. */
    private static boolean nothingForbidden(JsonNode node, JsonNode statement, Set<String> tables) {
        if (node.isObject()) {
            String type = node.path("type").asText("");
            if (FORBIDDEN.contains(type) || FORBIDDEN.contains(node.path("class").asText(""))
                    || ("BASE_TABLE".equals(type) && !isLicensedTable(node, tables))
                    || ("SELECT_NODE".equals(type) && node != statement)
                    || !node.path("cte_map").path("map").isEmpty()) {
                return false;
            }
        }
        for (JsonNode child : node) {
            if (!nothingForbidden(child, statement, tables)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLicensedTable(JsonNode table, Set<String> tables) {
        return "BASE_TABLE".equals(table.path("type").asText())
                && table.path("schema_name").asText("").isEmpty()
                && table.path("catalog_name").asText("").isEmpty()
                && tables.contains(table.path("table_name").asText().toLowerCase(Locale.ROOT));
    }

    @Override
    public synchronized void close() {
        try {
            duck.close();
        } catch (SQLException ignored) {
            // an in-memory database with nothing to flush
        }
    }
}
