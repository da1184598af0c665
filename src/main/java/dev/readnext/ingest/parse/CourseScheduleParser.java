package dev.readnext.ingest.parse;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.readnext.ingest.parse.ParsedCourse.Reading;
import dev.readnext.ingest.parse.ParsedCourse.Section;
import dev.readnext.ingest.parse.ParsedCourse.Session;
import dev.readnext.paper.ResourceKind;
import dev.readnext.text.Slugs;
import dev.readnext.text.TextRepair;
import dev.readnext.list.ListFormat;

/**
 * A dated weekly course schedule: numbered sections "1)", "1-1)", "1-1-1)"; sessions "Week 2-1 (09/15/2025): Title"
 * or "11/24/2025: Title"; readings "- Title: TL;DR", optionally prefixed "(optional)".
 *
 * <p>The course title is the last free-text line before the first section or session; free text above it is
 * a caption ("Paper List") and is ignored. The course slug comes from the title's code before its dash
 * ("LLM 901 — Weekly …" → "llm-901"); the list shares that slug and takes the title as its name.
 */
public final class CourseScheduleParser implements ReadingListParser {

    private static final String DATE = "\\d{1,2}/\\d{1,2}/\\d{4}";
    private static final Pattern SESSION = Pattern.compile(
            "^\\s*(?:(Week\\s+\\d+(?:-\\d+)*)\\s*\\((" + DATE + ")\\)|(" + DATE + "))\\s*:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SESSION_ANYWHERE = Pattern.compile(
            "(?m)^\\s*(?:Week\\s+\\d+(?:-\\d+)*\\s*\\(" + DATE + "\\)|" + DATE + ")\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECTION = Pattern.compile("^\\s*(\\d+(?:-\\d+)*)\\)\\s+(.+)$");
    private static final Pattern OPTIONAL_MARKER = Pattern.compile("^\\(optional\\)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern COURSE_CODE_END = Pattern.compile("\\s+[—–-]\\s+|:\\s");
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");
    private static final int MIN_SESSIONS = 2;

    @Override
    public ListFormat format() {
        return ListFormat.COURSE_SCHEDULE;
    }

    @Override
    public boolean accepts(String content) {
        Matcher sessions = SESSION_ANYWHERE.matcher(TextRepair.repair(content));
        int count = 0;
        while (count < MIN_SESSIONS && sessions.find()) {
            count++;
        }
        return count >= MIN_SESSIONS;
    }

    @Override
    public ParsedList parse(String name, String content) {
        Schedule schedule = new Schedule();
        for (SourceLine line : SourceLine.split(content)) {
            if (!line.isBlank()) {
                schedule.read(line);
            }
        }
        String listName = ParsedLists.name(schedule.title, name);
        ParsedCourse course = new ParsedCourse(Slugs.slugify(courseCode(listName)), listName,
                List.copyOf(schedule.sections.values()), schedule.sessions());
        return ParsedLists.of(listName, courseCode(listName), format(), entries(course), course, schedule.warnings);
    }

    /** "LLM 901 — Weekly Reading Schedule" → "LLM 901". */
    static String courseCode(String title) {
        Matcher end = COURSE_CODE_END.matcher(title);
        return end.find() && end.start() > 0 ? title.substring(0, end.start()) : title;
    }

    private static List<ParsedEntry> entries(ParsedCourse course) {
        List<ParsedEntry> entries = new ArrayList<>();
        for (Session session : course.sessions()) {
            for (Reading reading : session.readings()) {
                entries.add(new ParsedEntry(reading.resource(), session.label() + ": " + session.title(),
                        reading.topicPath(), false, reading.line()));
            }
        }
        return entries;
    }

    /** Mutable state while reading the schedule top to bottom. */
    private static final class Schedule {
        private String title;
        private final Map<String, Section> sections = new LinkedHashMap<>();
        private final List<SessionDraft> drafts = new ArrayList<>();
        private final List<ParseWarning> warnings = new ArrayList<>();
        private Section currentSection;

        void read(SourceLine line) {
            Matcher session = SESSION.matcher(line.text());
            Matcher section = SECTION.matcher(line.text());
            Optional<Markdown.Bullet> bullet = Markdown.bullet(line);
            if (session.matches()) {
                drafts.add(SessionDraft.of(session, currentSection, line.number()));
            } else if (section.matches()) {
                openSection(section.group(1), section.group(2));
            } else if (bullet.isPresent() && !drafts.isEmpty()) {
                SessionDraft draft = drafts.get(drafts.size() - 1);
                draft.readings.add(ReadingText.parse(bullet.get().text(), topicPath(draft.section), line.number()));
            } else if (drafts.isEmpty() && sections.isEmpty()) {
                title = line.text().trim(); // the last free line before the schedule wins; earlier ones are captions
            } else {
                warnings.add(new ParseWarning(line.number(), "Not a section, session or reading; skipped: "
                        + line.text().trim()));
            }
        }

        private void openSection(String number, String sectionTitle) {
            int lastDash = number.lastIndexOf('-');
            String parent = lastDash < 0 ? null : number.substring(0, lastDash);
            currentSection = new Section(number, TextRepair.clean(sectionTitle), parent);
            sections.put(number, currentSection);
        }

        private List<String> topicPath(Section innermost) {
            List<String> path = new ArrayList<>();
            for (Section s = innermost; s != null; s = s.parentNumber() == null ? null : sections.get(s.parentNumber())) {
                path.add(s.title());
            }
            Collections.reverse(path);
            return List.copyOf(path);
        }

        List<Session> sessions() {
            return drafts.stream().map(SessionDraft::toSession).toList();
        }
    }

    private static final class SessionDraft {
        private final String label;
        private final LocalDate date;
        private final String title;
        private final Section section;
        private final int line;
        private final List<Reading> readings = new ArrayList<>();

        private SessionDraft(String label, LocalDate date, String title, Section section, int line) {
            this.label = label;
            this.date = date;
            this.title = title;
            this.section = section;
            this.line = line;
        }

        static SessionDraft of(Matcher header, Section section, int line) {
            String week = header.group(1);
            String date = week != null ? header.group(2) : header.group(3);
            String label = week != null ? TextRepair.clean(week) : date;
            // "Positional Encodings and Long Context." — the closing period belongs to the sentence, not the title
            String title = TextRepair.clean(header.group(4)).replaceFirst("(?<!\\.)\\.$", "");
            return new SessionDraft(label, LocalDate.parse(date, US_DATE), title, section, line);
        }

        Session toSession() {
            return new Session(label, date, title, section == null ? null : section.number(), List.copyOf(readings), line);
        }
    }

    /** One reading line: "(optional) Title: TL;DR". */
    static final class ReadingText {

        private static final Pattern SEPARATOR = Pattern.compile(":\\s+");

        /** @param tldr null when the line has none */
        record TitleAndTldr(String title, String tldr) {
        }

        private ReadingText() {
        }

        static Reading parse(String text, List<String> topicPath, int line) {
            Matcher optional = OPTIONAL_MARKER.matcher(text);
            boolean isOptional = optional.find();
            TitleAndTldr split = split(isOptional ? text.substring(optional.end()) : text);
            ParsedResource resource = ResourceBuilder.titled(split.title()).tldr(split.tldr())
                    .kind(ResourceKind.PAPER).build();
            return new Reading(resource, isOptional, topicPath, line);
        }

        /**
         * Titles may contain colons ("RoFormer: Enhanced Transformer…: Rotary positions…"), TL;DRs do not, so
         * the TL;DR is the segment after the LAST ": ". Exception: when that segment reads as a title
         * (≥ 3 words, capitalised, no sentence punctuation) the line is a title without TL;DR.
         */
        static TitleAndTldr split(String text) {
            Matcher separator = SEPARATOR.matcher(text);
            int start = -1;
            int end = -1;
            while (separator.find()) {
                start = separator.start();
                end = separator.end();
            }
            if (start <= 0 || TitleCase.readsAsTitle(text.substring(end))) {
                return new TitleAndTldr(text.trim(), null);
            }
            return new TitleAndTldr(text.substring(0, start).trim(), text.substring(end).trim());
        }
    }
}
