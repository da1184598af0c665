package dev.readnext.ingest.parse;

import java.util.regex.Pattern;

import dev.readnext.list.ListFormat;

/** Fallback for any markdown holding "[title](http…)" links, e.g. a user's own import. */
public final class MarkdownLinksParser implements ReadingListParser {

    private static final Pattern LINK = Pattern.compile("\\]\\(\\s*https?://");

    @Override
    public ListFormat format() {
        return ListFormat.MARKDOWN_LINKS;
    }

    @Override
    public boolean accepts(String content) {
        return LINK.matcher(content).find();
    }

    @Override
    public ParsedList parse(String name, String content) {
        return LinkListReader.read(name, content, format());
    }
}
