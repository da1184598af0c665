package dev.readnext.security;

/** Roles carried in the JWT "groups" claim. Queries are public; every mutation needs {@link #EDITOR}. */
public final class Roles {

    public static final String EDITOR = "editor";

    private Roles() {
    }
}
