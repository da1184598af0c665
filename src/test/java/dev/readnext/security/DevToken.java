package dev.readnext.security;

import java.time.Duration;
import java.util.Set;

/**
 * Prints an editor token signed with the local development key, valid for 8 hours:
 * {@code ./mvnw -q -Pdev-token exec:java}. Only a service started with the development public key accepts it.
 */
public final class DevToken {

    private DevToken() {
    }

    public static void main(String[] args) {
        System.out.println(Tokens.withGroups(Set.of(Roles.EDITOR), Duration.ofHours(8)));
    }
}
