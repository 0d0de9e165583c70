package io.pdx.sandbox.driver;

import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

import java.sql.SQLException;
import java.util.Properties;

/**
 * The one place the runner opens a DuckDB: through the driver class itself, not {@code DriverManager}, whose
 * registry depends on which class loader registered the driver first (a test run that loaded DuckDB from
 * Quarkus' loader before a plain test could leave the plain test with "No suitable driver").
 */
public final class DuckDb {

    private static final DuckDBDriver DRIVER = new DuckDBDriver();

    private DuckDb() {
    }

    /** A new in-memory database. */
    public static DuckDBConnection inMemory() throws SQLException {
        return inMemory(new Properties());
    }

    /** A new in-memory database with these connection properties. */
    public static DuckDBConnection inMemory(Properties properties) throws SQLException {
        return (DuckDBConnection) DRIVER.connect("jdbc:duckdb:", properties);
    }
}
