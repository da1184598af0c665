package dev.readnext.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Year;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks of client input; each failure is a BAD_USER_INPUT error naming the field at fault. */
public final class Inputs {

    /** New-style (2104.09864) or old-style (hep-th/9901001) id, optional "arXiv:" prefix and version suffix. */
    private static final Pattern ARXIV_ID = Pattern.compile(
            "(?:arxiv:\\s*)?(\\d{4}\\.\\d{4,5}|[a-z-]+(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?", Pattern.CASE_INSENSITIVE);

    private Inputs() {
    }

    /** The text stripped, or null when absent or blank; rejects text longer than {@code max}. */
    public static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw ApiException.badInput(field, field + " must have at most " + max + " characters");
        }
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw ApiException.badInput(field, field + " must not contain control characters");
        }
        return stripped;
    }

    public static String requiredText(String field, String value, int max) {
        String text = optionalText(field, value, max);
        if (text == null) {
            throw ApiException.badInput(field, field + " must not be empty");
        }
        return text;
    }

    /** An absolute http(s) URL, or null. */
    public static String optionalUrl(String field, String value) {
        String url = optionalText(field, value, 2000);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // falls through to the error below
        }
        throw ApiException.badInput(field, field + " must be an absolute http(s) URL");
    }

    /** An arXiv id such as 2104.09864 (a version suffix is dropped), or null. */
    public static String optionalArxivId(String field, String value) {
        String text = optionalText(field, value, 40);
        if (text == null) {
            return null;
        }
        Matcher id = ARXIV_ID.matcher(text);
        if (!id.matches()) {
            throw ApiException.badInput(field, field + " must be an arXiv id such as 2104.09864");
        }
        return id.group(1);
    }

    public static Integer optionalYear(String field, Integer year) {
        if (year != null && (year < 1900 || year > Year.now().getValue() + 1)) {
            throw ApiException.badInput(field, field + " must be between 1900 and next year");
        }
        return year;
    }

    public static List<String> names(String field, List<String> names, int maxCount, int maxLength) {
        if (names == null) {
            return List.of();
        }
        if (names.size() > maxCount) {
            throw ApiException.badInput(field, field + " may list at most " + maxCount + " names");
        }
        return names.stream().map(n -> requiredText(field, n, maxLength)).toList();
    }
}
