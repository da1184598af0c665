package dev.readnext.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.readnext.text.TextRepair;
import dev.readnext.text.Urls;

/** Recognises the markdown line shapes the list formats share: headings, bullets, checkboxes, links. */
final class Markdown {

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern BULLET = Pattern.compile("^([ \\t]*)[-*+•]\\s+(.*)$");
    private static final Pattern CHECKBOX = Pattern.compile("^\\[([ xX])]\\s*(.*)$");
    /** [text](url): text may hold one level of brackets ("[[10 December 2024] Tutorial](…)"). */
    private static final Pattern LINK = Pattern.compile(
            "\\[((?:[^\\[\\]]|\\[[^\\[\\]]*])*)]\\(\\s*(https?://[^\\s()]*(?:\\([^\\s()]*\\)[^\\s()]*)*)\\s*\\)");
    private static final Pattern ANCHOR_LINK = Pattern.compile("\\[[^\\]]*]\\(#[^)]*\\)");

    private Markdown() {
    }

    record Heading(int level, String text) {
    }

    /** A list item; {@code indent} counts leading spaces (tab = 4). */
    record Bullet(int indent, String text) {
    }

    /** A bullet's "[x]"/"[ ]" box and what follows it. */
    record Checkbox(boolean checked, String text) {
    }

    record Link(String text, String url, int start, int end) {
    }

    static Optional<Heading> heading(String line) {
        Matcher matcher = HEADING.matcher(line);
        return matcher.matches()
                ? Optional.of(new Heading(matcher.group(1).length(), TextRepair.collapseWhitespace(matcher.group(2))))
                : Optional.empty();
    }

    static Optional<Bullet> bullet(SourceLine line) {
        Matcher matcher = BULLET.matcher(line.text());
        return matcher.matches() ? Optional.of(new Bullet(line.indent(), matcher.group(2).trim())) : Optional.empty();
    }

    static Optional<Checkbox> checkbox(String bulletText) {
        Matcher matcher = CHECKBOX.matcher(bulletText);
        return matcher.matches()
                ? Optional.of(new Checkbox(!matcher.group(1).isBlank(), matcher.group(2).trim()))
                : Optional.empty();
    }

    /** The http(s) links of a line, in order. */
    static List<Link> links(String text) {
        List<Link> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            links.add(new Link(matcher.group(1).trim(), Urls.trimTrailing(matcher.group(2)), matcher.start(), matcher.end()));
        }
        return links;
    }

    /** True for a table-of-contents item: nothing but in-page "[Name](#anchor)" links. */
    static boolean isAnchorsOnly(String text) {
        return ANCHOR_LINK.matcher(text).find() && ANCHOR_LINK.matcher(text).replaceAll("").isBlank();
    }
}
