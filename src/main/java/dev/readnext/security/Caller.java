package dev.readnext.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, as the verified bearer token says: its {@code sub} claim (and optional {@code name}). Anonymous
 * requests, and tokens without a usable {@code sub}, name no one.
 */
@ApplicationScoped
public class Caller {

    public static final int MAX_SUBJECT = 255;
    public static final int MAX_NAME = 500;

    @Inject
    SecurityIdentity identity;

    /** What the token says about the caller. */
    public record Claims(String subject, String name) {
    }

    public Optional<Claims> claims() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        String subject = token.getSubject();
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
            return Optional.empty();
        }
        return Optional.of(new Claims(subject, name(token.getClaim("name"))));
    }

    public Optional<String> subject() {
        return claims().map(Claims::subject);
    }

    public boolean isEditor() {
        return identity.hasRole(Roles.EDITOR);
    }

    private static String name(Object claim) {
        String name = claim instanceof JsonString json ? json.getString() : claim instanceof String s ? s : null;
        return name == null || name.isBlank() ? null : name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }
}
