package dev.readnext.ingest.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The bundled seed lists, read from the project's db/seed folder. */
public final class Seeds {

    public static final String HEADING_LINKS = "000_5ec6d305526eb248.txt";
    public static final String COURSE = "002_5b6999002314f482.txt";
    public static final String AWESOME = "003_1080e5a4510acc07.txt";
    public static final String CHECKLIST = "004_dcdacb51cc173ef7.txt";
    public static final List<String> ALL = List.of(HEADING_LINKS, COURSE, AWESOME, CHECKLIST);

    private static final Path DIR = Path.of("db", "seed");

    private Seeds() {
    }

    public static String read(String file) {
        try {
            return Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ParsedEntry entryTitled(ParsedList list, String title) {
        return entriesTitled(list, title).findFirst()
                .orElseThrow(() -> new AssertionError("no entry titled '" + title + "' in " + list.name()));
    }

    public static Stream<ParsedEntry> entriesTitled(ParsedList list, String title) {
        return list.entries().stream().filter(entry -> entry.resource().title().equals(title));
    }

    /** Every human-readable string of a parsed list, to check for leftover mojibake or hyphen variants. */
    public static Stream<String> allText(ParsedList list) {
        Stream<String> fromEntries = list.entries().stream().flatMap(entry -> Stream.concat(
                Stream.of(entry.resource().title(), entry.resource().tldr(), entry.section()),
                entry.topicPath().stream()));
        return Stream.concat(Stream.of(list.name()), fromEntries).filter(text -> text != null);
    }
}
