package dev.readnext.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import dev.readnext.text.TextRepair;

/** One line of a list document, already repaired by {@link TextRepair#repair}, with its 1-based number. */
record SourceLine(int number, String text) {

    private static final int TAB_WIDTH = 4;

    static List<SourceLine> split(String content) {
        String[] raw = content.replace("\uFEFF", "").split("\\R", -1);
        List<SourceLine> lines = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            lines.add(new SourceLine(i + 1, TextRepair.repair(raw[i])));
        }
        return lines;
    }

    boolean isBlank() {
        return text.isBlank();
    }

    /** Leading whitespace width, a tab counting as four spaces. */
    int indent() {
        int width = 0;
        for (char c : text.toCharArray()) {
            if (c == ' ') {
                width++;
            } else if (c == '\t') {
                width += TAB_WIDTH;
            } else {
                break;
            }
        }
        return width;
    }
}
