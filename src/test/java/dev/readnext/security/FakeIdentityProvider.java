package dev.readnext.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.util.KeyUtils;

/**
 * An identity provider's key endpoint as Keycloak serves it ({@code /realms/<realm>/protocol/openid-connect/certs},
 * a JWKS), holding the public half of the development key; the service is configured the way k8s/README.md
 * describes for Keycloak: key location, issuer, and the realm roles as groups.
 */
public class FakeIdentityProvider implements QuarkusTestResourceLifecycleManager {

    static final String KEY_ID = "readnext-dev";
    static String issuer;

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            RsaJsonWebKey key = new RsaJsonWebKey((RSAPublicKey) KeyUtils.readPublicKey("jwt/dev-public.pem"));
            key.setKeyId(KEY_ID);
            key.setUse("sig");
            key.setAlgorithm("RS256");
            byte[] jwks = new JsonWebKeySet(key).toJson().getBytes(StandardCharsets.UTF_8);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/realms/readnext/protocol/openid-connect/certs", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/readnext";
        return Map.of("mp.jwt.verify.publickey.location", issuer + "/protocol/openid-connect/certs",
                "mp.jwt.verify.issuer", issuer,
                "smallrye.jwt.path.groups", "realm_access/roles");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
