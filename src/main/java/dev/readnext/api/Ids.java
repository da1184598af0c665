package dev.readnext.api;

/** GraphQL IDs are strings on the wire; ours are positive numbers. */
public final class Ids {

    private Ids() {
    }

    public static long parse(String field, String id) {
        try {
            long value = Long.parseLong(id.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw ApiException.badInput(field, field + " is not a valid id: " + abbreviate(id));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
