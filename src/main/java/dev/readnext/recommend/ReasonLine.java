package dev.readnext.recommend;

import java.util.ArrayList;
import java.util.List;

import dev.readnext.recommend.StructureSignals.Group;
import dev.readnext.recommend.StructureSignals.Next;

/**
 * The facts behind a recommendation's reasons, to say them in words: "Next in LLM 901 after this · same section:
 * Positional Encodings and Long Context · similar text: rotary, position". Absent facts are null.
 */
record ReasonLine(Next course, Next path, Group section, Group topic, int sectionSources, boolean namesIt) {

    static final ReasonLine NONE = new ReasonLine(null, null, null, null, 0, false);

    /** A line for a paper found by its similarity to free text, in {@code topic} when the text named one. */
    static ReasonLine about(String topic) {
        return new ReasonLine(null, null, null,
                topic == null ? null : new Group("", StructureSignals.GroupKind.TOPIC, "topics", topic, 0), 0, false);
    }

    String render(List<Reason> reasons, List<String> terms) {
        List<String> parts = new ArrayList<>();
        String shared = String.join(", ", terms.subList(0, Math.min(3, terms.size())));
        for (Reason reason : reasons) {
            String part = switch (reason) {
                case COURSE_NEXT -> "next in " + course.in() + " after this";
                case PATH_NEXT -> "next step of the path " + path.in();
                case SAME_SECTION -> "same section: " + section.label();
                case LISTED_TOGETHER -> "listed together in " + sectionSources + " lists";
                case SAME_TOPIC, IN_TOPIC -> "topic: " + topic.label();
                case SIMILAR_TEXT -> shared.isEmpty() ? "similar text" : "similar text: " + shared;
                case SEMANTICALLY_SIMILAR -> "similar in meaning";
                case MATCHES_TEXT -> shared.isEmpty() ? "matches the words" : "matches: " + shared;
                case FOLLOW_UP -> namesIt ? "builds on it (names it)" : "newer work on the subject";
                case BACKGROUND -> "earlier work on the subject";
            };
            parts.add(part);
        }
        String line = String.join(" · ", parts);
        return line.isEmpty() ? line : Character.toUpperCase(line.charAt(0)) + line.substring(1);
    }
}
