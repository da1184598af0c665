package dev.readnext.tools;

import java.time.Duration;
import java.util.Set;

import dev.readnext.security.Roles;
import dev.readnext.security.Tokens;

/**
 * Prints an editor token signed with the local development key (src/test/resources/jwt), valid for 8 hours:
 * {@code ./mvnw -q -Pdev-token test-compile exec:java}. Only a service started with the development public key
 * accepts it.
 */
public final class DevToken {

    private DevToken() {
    }

    public static void main(String[] args) {
        System.out.println(Tokens.withGroups(Set.of(Roles.EDITOR), Duration.ofHours(8)));
    }
}
