package dev.readnext.api;

import java.util.Optional;

/**
 * How a resolver reports a key that names nothing. Services answer look-ups with {@link Optional}; the resolver
 * that was asked for the thing, or that was given its key as an argument, turns absence into NOT_FOUND here, so
 * every such error reads "no {type} with {key} {value}".
 */
public final class Found {

    private Found() {
    }

    public static <T> T orNotFound(Optional<T> value, String type, String key, Object keyValue) {
        return value.orElseThrow(() -> ApiException.notFound(type, key, keyValue));
    }
}
