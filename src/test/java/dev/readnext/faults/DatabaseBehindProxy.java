package dev.readnext.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts a {@link TcpProxy} to the local PostgreSQL before the service and points the datasource at it. */
public class DatabaseBehindProxy implements QuarkusTestResourceLifecycleManager {

    static TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        try {
            proxy = new TcpProxy("127.0.0.1", 5432);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.datasource.jdbc.url",
                "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres?connectTimeout=2&socketTimeout=10");
    }

    @Override
    public void stop() {
        try {
            proxy.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
