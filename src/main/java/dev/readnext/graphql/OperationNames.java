package dev.readnext.graphql;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The operation names that metrics are tagged with. Clients choose the names, so the tag's values are bounded: names
 * are cut to a maximum length, the first {@code maxNames} distinct names are kept and any later one is tagged
 * {@value #OTHER}; an operation without a name is {@value #ANONYMOUS}, and a requested name that is no GraphQL name
 * (only possible when the document did not parse) is {@value #OTHER} too.
 */
final class OperationNames {

    static final String ANONYMOUS = "anonymous";
    static final String OTHER = "other";
    private static final Pattern GRAPHQL_NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");

    private final int maxNames;
    private final int maxLength;
    private final Set<String> kept = ConcurrentHashMap.newKeySet();

    OperationNames(int maxNames, int maxLength) {
        this.maxNames = maxNames;
        this.maxLength = maxLength;
    }

    String tag(String name) {
        if (name == null || name.isEmpty()) {
            return ANONYMOUS;
        }
        if (!GRAPHQL_NAME.matcher(name).matches()) {
            return OTHER;
        }
        String cut = name.length() > maxLength ? name.substring(0, maxLength) : name;
        return kept.contains(cut) || keep(cut) ? cut : OTHER;
    }

    private synchronized boolean keep(String name) {
        if (kept.size() >= maxNames) {
            return false;
        }
        kept.add(name);
        return true;
    }
}
