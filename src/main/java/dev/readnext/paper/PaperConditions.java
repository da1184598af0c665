package dev.readnext.paper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import jakarta.persistence.Query;

import dev.readnext.api.ApiException;

/** The WHERE clause of a filtered paper query, built from only the filters given. */
final class PaperConditions {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private PaperConditions() {
    }

    static PaperConditions of(PaperFilter filter, ToLongFunction<String> topicId, ToLongFunction<String> listId,
            ReadStatus readStatus) {
        PaperConditions c = new PaperConditions();
        if (filter.kind != null) {
            c.add("p.kind = :kind", "kind", filter.kind.name());
        }
        if (filter.year != null) {
            c.add("p.year = :year", "year", filter.year);
        }
        if (filter.topic != null) {
            c.add("""
                    EXISTS (WITH RECURSIVE sub(id) AS (
                                SELECT CAST(:topicId AS bigint)
                                UNION SELECT t.id FROM topic t JOIN sub ON t.parent_id = sub.id)
                            SELECT 1 FROM paper_topic pt JOIN sub ON pt.topic_id = sub.id WHERE pt.paper_id = p.id)""",
                    "topicId", topicId.applyAsLong(filter.topic));
        }
        Long list = filter.list == null ? null : listId.applyAsLong(filter.list);
        if (list != null) {
            c.add("EXISTS (SELECT 1 FROM reading_list_entry e WHERE e.paper_id = p.id AND e.list_id = :listId)",
                    "listId", list);
        }
        if (filter.read != null) {
            // in a (catalogue) list: its checkbox, the seed owner's status; else the viewer's status
            c.add(filter.read ? ReadStatus.VIEWER_HAS_READ : "NOT " + ReadStatus.VIEWER_HAS_READ, "viewer",
                    list != null ? readStatus.seedOwnerSubject() : readStatus.viewer());
        }
        if (filter.text != null && filter.text.length() > PaperService.MAX_QUERY_TEXT) {
            throw ApiException.badInput("text", "filter text must have at most " + PaperService.MAX_QUERY_TEXT
                    + " characters");
        }
        if (filter.text != null && !filter.text.isBlank()) {
            c.add("p.search @@ websearch_to_tsquery('english', :text)", "text", SearchText.of(filter.text).query());
        }
        return c;
    }

    private void add(String clause, String name, Object value) {
        clauses.add(clause);
        parameters.put(name, value);
    }

    boolean isEmpty() {
        return clauses.isEmpty();
    }

    String sql() {
        return clauses.isEmpty() ? "" : " WHERE " + conjunction();
    }

    String conjunction() {
        return String.join(" AND ", clauses);
    }

    Query bind(Query query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
