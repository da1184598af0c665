package dev.readnext.security;

import static dev.readnext.graphql.GraphQL.as;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Editor tokens from an identity provider (the OIDC route of k8s/README.md): keys fetched from its JWKS endpoint,
 * its issuer, the audience readnext, and the editor role read from Keycloak's realm roles.
 */
@QuarkusTest
@TestProfile(IdentityProviderTokensTest.WithIdentityProvider.class)
class IdentityProviderTokensTest {

    public static class WithIdentityProvider implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeIdentityProvider.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("readnext.seed.enabled", "false");
        }
    }

    private static final String CREATE_TOPIC = "mutation { createTopic(name: \"Identity provider topic\") { slug } }";

    @Test
    void anEditorOfTheRealmMayEdit() {
        as(sign(keycloakToken(Tokens.AUDIENCE).claim("realm_access", Map.of("roles", List.of("offline_access", Roles.EDITOR)))),
                CREATE_TOPIC, Map.of())
                .body("errors", equalTo(null))
                .body("data.createTopic.slug", equalTo("identity-provider-topic"));
    }

    @Test
    void aTokenWithoutTheRealmRoleIsForbidden() {
        // the role where the development tokens carry it does not count: the realm roles are the groups now
        as(sign(keycloakToken(Tokens.AUDIENCE).claim("realm_access", Map.of("roles", List.of("reader")))
                .groups(Roles.EDITOR)), CREATE_TOPIC, Map.of())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void aTokenForAnotherAudienceIsUnauthenticated() {
        as(sign(keycloakToken("account").claim("realm_access", Map.of("roles", List.of(Roles.EDITOR)))), CREATE_TOPIC,
                Map.of())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aTokenOfAnotherIssuerIsUnauthenticated() {
        as(Tokens.editor(), CREATE_TOPIC, Map.of()).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    /** The claims of a Keycloak access token, as far as readnext reads them. */
    private static JwtClaimsBuilder keycloakToken(String audience) {
        return Jwt.issuer(FakeIdentityProvider.issuer).audience(audience).subject("f3c1d2e4").claim("preferred_username", "ed")
                .expiresIn(Duration.ofMinutes(5));
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(FakeIdentityProvider.KEY_ID).sign("jwt/dev-private.pem");
    }
}
