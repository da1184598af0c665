package dev.readnext.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Global ids, as GitHub's API has them: every {@link Node} is named by one opaque string, the base64url encoding of
 * {@code Type:key} ({@code "Paper:12"} is {@code "UGFwZXI6MTI"}). Clients must treat them as opaque; the encoding
 * only has to be stable. Paper arguments also take the numeric id they took before global ids (Paper.databaseId),
 * so that existing clients keep working.
 */
public final class Ids {

    public static final String PAPER = "Paper";
    public static final String TOPIC = "Topic";
    public static final String COURSE = "Course";
    public static final String COURSE_SESSION = "CourseSession";
    public static final String READING_LIST = "ReadingList";
    public static final String LEARNING_PATH = "LearningPath";
    public static final String READER = "Reader";

    /** The schema description of every argument that takes a paper's id. */
    public static final String PAPER_ID = "The paper's global id (Paper.id), or its numeric Paper.databaseId";

    private static final Pattern DECODED = Pattern.compile("([A-Z][A-Za-z]{0,39}):([1-9][0-9]{0,17})");
    private static final Pattern DATABASE_ID = Pattern.compile("[1-9][0-9]{0,17}");

    private Ids() {
    }

    /** What a global id names: the GraphQL type and the database key. */
    public record GlobalId(String type, long key) {
    }

    public static String global(String type, long key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((type + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a global id of any type; anything else is BAD_USER_INPUT naming {@code field}. */
    public static GlobalId decode(String field, String id) {
        if (id != null && id.length() <= 80) {
            try {
                Matcher decoded = DECODED.matcher(
                        new String(Base64.getUrlDecoder().decode(id.strip()), StandardCharsets.UTF_8));
                if (decoded.matches()) {
                    return new GlobalId(decoded.group(1), Long.parseLong(decoded.group(2)));
                }
            } catch (IllegalArgumentException e) {
                // not base64url: falls through to the error below
            }
        }
        throw ApiException.badInput(field, field + " is not a valid id: " + abbreviate(id));
    }

    /**
     * The database key of a paper given by its global id or by its numeric database id (the form paper ids had
     * before global ids); a malformed id, or the global id of another type, is BAD_USER_INPUT.
     */
    public static long paperId(String field, String id) {
        if (id != null && DATABASE_ID.matcher(id.strip()).matches()) {
            return Long.parseLong(id.strip());
        }
        return key(field, id, PAPER);
    }

    /** The database key of a global id that must name a {@code type}. */
    public static long key(String field, String id, String type) {
        GlobalId global = decode(field, id);
        if (!global.type().equals(type)) {
            throw ApiException.badInput(field, field + " must be the id of a " + type + ", not of a " + global.type());
        }
        return global.key();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
