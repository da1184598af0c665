package dev.readnext.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connections of a background thread's own, outside the pool, for sessions that last: LISTEN, a session advisory lock.
 * Auto-commit, readnext's schema first on the search path, TCP keep-alive; named in {@code pg_stat_activity} by
 * purpose and this replica's HTTP port (e.g. {@code readnext-index-sync-8080}).
 */
@ApplicationScoped
public class DedicatedConnections {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @ConfigProperty(name = "readnext.schema")
    String schema;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int httpPort;

    public Connection open(String purpose) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", purpose + "-" + httpPort);
        properties.setProperty("tcpKeepAlive", "true");
        Connection c = DriverManager.getConnection(url, properties);
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + quoteIdentifier(schema) + ", public");
        }
        return c;
    }

    /** Closes {@code c} if there is one, ignoring that it may be gone already. */
    public static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // already gone
            }
        }
    }

    private static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
