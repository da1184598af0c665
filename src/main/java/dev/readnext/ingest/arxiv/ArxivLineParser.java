package dev.readnext.ingest.arxiv;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.readnext.text.ArxivIds;
import dev.readnext.text.Slugs;
import dev.readnext.text.TitleKey;

/**
 * Reads one line of arXiv metadata JSONL: {@code id}, {@code title}, {@code abstract}, {@code authors} (a list of
 * names, or one string "A, B and C" as in arXiv's own dump), categories ({@code arxiv_categories}, else
 * {@code categories} as a list or a space-separated string; {@code primary_category} first). Other fields are ignored.
 * The limits are the paper table's CHECK constraints, so a line that passes here cannot fail the write.
 */
final class ArxivLineParser {

    static final int MAX_TITLE = 500;
    static final int MAX_ABSTRACT = 20_000;
    private static final int MAX_SLUG = 60;

    /** The paper table's CHECK on arxiv_id, plus an optional version suffix to drop. */
    private static final Pattern ID = Pattern.compile("([0-9]{4}\\.[0-9]{4,5}|[a-z-]+(\\.[A-Z]{2})?/[0-9]{7})(v[0-9]+)?");
    private static final Pattern AUTHOR_SEPARATOR = Pattern.compile(",\\s*(?:and\\s+)?|\\s+and\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final ObjectReader reader = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    ArxivPaper parse(long line, String text) throws MalformedLineException {
        JsonNode json;
        try {
            json = reader.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedLineException("not valid JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new MalformedLineException("not a JSON object");
        }
        String id = arxivId(json.get("id"));
        String title = text(json, "title");
        if (title == null) {
            throw new MalformedLineException("missing title");
        }
        checkLength("title", title, MAX_TITLE);
        String abstractText = text(json, "abstract");
        if (abstractText != null) {
            checkLength("abstract", abstractText, MAX_ABSTRACT);
        }
        return new ArxivPaper(line, id, title, TitleKey.normalize(title),
                Slugs.unique(title, MAX_SLUG, "paper", slug -> false), abstractText, authors(json.get("authors")),
                ArxivIds.year(id).orElse(null), ArxivIds.absUrl(id), categories(json));
    }

    private static String arxivId(JsonNode node) throws MalformedLineException {
        if (node == null || node.isNull() || node.isTextual() && node.asText().isBlank()) {
            throw new MalformedLineException("missing id");
        }
        if (!node.isTextual()) {
            throw new MalformedLineException("id is not a string");
        }
        String id = node.asText().strip();
        var matcher = ID.matcher(id);
        if (!matcher.matches()) {
            throw new MalformedLineException("invalid arXiv id: " + shorten(id));
        }
        return matcher.group(1);
    }

    /** A text field, {@link #clean cleaned}; null when empty. */
    private static String text(JsonNode json, String field) throws MalformedLineException {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new MalformedLineException(field + " is not a string");
        }
        String value = clean(node.asText());
        return value.isEmpty() ? null : value;
    }

    private static void checkLength(String field, String value, int max) throws MalformedLineException {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw new MalformedLineException(field + " longer than " + max + " characters (" + length + ")");
        }
    }

    private static List<String> authors(JsonNode node) throws MalformedLineException {
        List<String> authors = new ArrayList<>();
        if (node == null || node.isNull()) {
            return authors;
        }
        if (node.isTextual()) {
            for (String name : AUTHOR_SEPARATOR.split(node.asText())) {
                addIfPresent(authors, clean(name));
            }
        } else if (node.isArray()) {
            for (JsonNode name : node) {
                if (!name.isTextual()) {
                    throw new MalformedLineException("authors is not a list of names");
                }
                addIfPresent(authors, clean(name.asText()));
            }
        } else {
            throw new MalformedLineException("authors is not a list of names");
        }
        return authors;
    }

    private static List<String> categories(JsonNode json) {
        Set<String> codes = new LinkedHashSet<>();
        addCodes(codes, json.get("primary_category"));
        addCodes(codes, json.has("arxiv_categories") ? json.get("arxiv_categories") : json.get("categories"));
        return List.copyOf(codes);
    }

    private static void addCodes(Set<String> codes, JsonNode node) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            for (String code : WHITESPACE.split(node.asText().strip())) {
                if (ArxivCategories.isCode(code)) {
                    codes.add(code);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> addCodes(codes, element));
        }
    }

    /**
     * Whitespace runs (any Unicode space) collapsed to one blank, trimmed, NUL removed (PostgreSQL text cannot hold it).
     * A loop rather than {@link dev.readnext.text.TextRepair#collapseWhitespace}: its regex dominated the import time
     * on abstracts.
     */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
            } else if (c != '\0') {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void addIfPresent(List<String> values, String value) {
        if (!value.isEmpty()) {
            values.add(value);
        }
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
