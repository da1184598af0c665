package dev.readnext.ingest.parse;

import java.util.Optional;
import java.util.regex.Pattern;
import dev.readnext.text.Urls;

/**
 * Splits free text holding a title and a URL: "Title: URL", "Title - URL", "Title URL", "Title:URL",
 * "[Title](URL)", a bare URL, or a URL glued to its title ("…Language Modelhttps://…").
 */
final class LinkText {

    private static final Pattern TRAILING_SEPARATOR = Pattern.compile("[\\s:|\\-–—]+$");

    /**
     * @param title the title as written ("" for a bare URL)
     * @param glued the URL started right after a letter or digit, so the split is a guess
     */
    record TitledLink(String title, String url, boolean glued) {
    }

    private LinkText() {
    }

    static Optional<TitledLink> parse(String text) {
        var markdownLink = Markdown.links(text).stream().findFirst();
        if (markdownLink.isPresent()) {
            return Optional.of(new TitledLink(markdownLink.get().text(), markdownLink.get().url(), false));
        }
        return Urls.findFirst(text).map(found -> {
            String before = text.substring(0, found.start());
            boolean glued = !before.isEmpty() && Character.isLetterOrDigit(before.charAt(before.length() - 1));
            String title = TRAILING_SEPARATOR.matcher(before).replaceAll("").trim();
            return new TitledLink(title, found.url(), glued);
        });
    }
}
