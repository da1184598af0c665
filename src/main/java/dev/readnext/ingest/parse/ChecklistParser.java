package dev.readnext.ingest.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.readnext.list.ListFormat;

/** A checkbox list "- [x] [Title](url)" under "## Topic" headings, with read status (seed 004). */
public final class ChecklistParser implements ReadingListParser {

    private static final Pattern LINK_LINE = Pattern.compile("(?m)^.*\\]\\(https?://.*$");
    private static final Pattern CHECKBOX_LINK_LINE = Pattern.compile("^\\s*[-*+]\\s+\\[[ xX]]\\s+.*\\]\\(https?://.*$");

    @Override
    public ListFormat format() {
        return ListFormat.CHECKLIST;
    }

    /** Most link lines are checkbox items. */
    @Override
    public boolean accepts(String content) {
        Matcher linkLines = LINK_LINE.matcher(content);
        int links = 0;
        int checkboxes = 0;
        while (linkLines.find()) {
            links++;
            if (CHECKBOX_LINK_LINE.matcher(linkLines.group()).matches()) {
                checkboxes++;
            }
        }
        return checkboxes > 0 && checkboxes * 2 >= links;
    }

    @Override
    public ParsedList parse(String name, String content) {
        return LinkListReader.read(name, content, format());
    }
}
