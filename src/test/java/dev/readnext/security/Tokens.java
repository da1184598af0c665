package dev.readnext.security;

import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Signs JWTs with the local development key (src/test/resources/jwt), never used in production. */
public final class Tokens {

    public static final String ISSUER = "https://readnext.dev";
    private static final String DEV_PRIVATE_KEY = "jwt/dev-private.pem";

    private Tokens() {
    }

    public static String editor() {
        return withGroups(Set.of(Roles.EDITOR), Duration.ofHours(1));
    }

    public static String withGroups(Set<String> groups, Duration lifetime) {
        return Jwt.issuer(ISSUER)
                .upn("dev-editor@readnext.dev")
                .groups(groups)
                .expiresIn(lifetime)
                .sign(DEV_PRIVATE_KEY);
    }
}
