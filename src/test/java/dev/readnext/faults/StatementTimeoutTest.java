package dev.readnext.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.readnext.DatabaseState;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every pooled connection carries a statement timeout: PostgreSQL itself ends a statement that runs too long, even
 * when the client that asked for it is gone. Imports set longer ones for their own transactions.
 */
@QuarkusTest
class StatementTimeoutTest {

    @Inject
    DataSource db;

    @Test
    void pooledConnectionsHaveTheConfiguredStatementTimeout() throws SQLException {
        assertEquals("3s", DatabaseState.strings(db, "SHOW statement_timeout").get(0));
    }

    @Test
    void postgresCancelsAStatementPastTheTimeout() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            SQLException cancelled = assertThrows(SQLException.class, () -> s.execute("SELECT pg_sleep(30)"));
            assertEquals("57014", cancelled.getSQLState(), cancelled.getMessage());
        }
    }
}
