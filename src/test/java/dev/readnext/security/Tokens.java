package dev.readnext.security;

import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Signs JWTs with the local development key (src/test/resources/jwt), never used in production. */
public final class Tokens {

    public static final String ISSUER = "https://readnext.dev";
    /** The audience the service accepts (mp.jwt.verify.audiences). */
    public static final String AUDIENCE = "readnext";
    private static final String DEV_PRIVATE_KEY = "jwt/dev-private.pem";

    private Tokens() {
    }

    public static String editor() {
        return withGroups(Set.of(Roles.EDITOR), Duration.ofHours(1));
    }

    public static String withGroups(Set<String> groups, Duration lifetime) {
        return editorFor(AUDIENCE, groups, lifetime);
    }

    /** A token of a reader without any role: {@code sub} names the reader, {@code name} is optional. */
    public static String reader(String subject, String name) {
        var claims = Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject + "@readers.readnext.dev");
        if (name != null) {
            claims.claim("name", name);
        }
        return claims.expiresIn(Duration.ofHours(1)).sign(DEV_PRIVATE_KEY);
    }

    /** A token the development key signs for another service's audience. */
    public static String editorFor(String audience, Set<String> groups, Duration lifetime) {
        return Jwt.issuer(ISSUER)
                .audience(audience)
                .upn("dev-editor@readnext.dev")
                .groups(groups)
                .expiresIn(lifetime)
                .sign(DEV_PRIVATE_KEY);
    }
}
