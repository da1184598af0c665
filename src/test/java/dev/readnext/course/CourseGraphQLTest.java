package dev.readnext.course;

import static dev.readnext.graphql.GraphQL.ok;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CourseGraphQLTest {

    private static final String COURSE = """
            { course(slug: "llm-901") {
                slug title
                sections { number title }
                sessions { position label date title section { number } readings { title tldr } } } }""";

    @Test
    void llm901Has26SessionsInOrderWithTheirDates() {
        var response = ok(COURSE).body("data.course.sessions", hasSize(26));
        List<Integer> positions = response.extract().path("data.course.sessions.position");
        List<String> dates = response.extract().path("data.course.sessions.date");
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 26).boxed().toList(), positions);
        assertEquals(dates.stream().sorted().toList(), dates, "sessions follow the calendar");
        response.body("data.course.sessions[0].label", equalTo("Week 1-1"))
                .body("data.course.sessions[0].date", equalTo("2025-09-08"))
                .body("data.course.sessions[25].date", equalTo("2025-12-05"));
    }

    @Test
    void week2Dash1IsOnSeptember15WithRoFormerLongRoPEAndYaRNInThatOrder() {
        ok(COURSE)
                .body("data.course.sessions.find { it.label == 'Week 2-1' }.date", equalTo("2025-09-15"))
                .body("data.course.sessions.find { it.label == 'Week 2-1' }.readings.title", contains(
                        "RoFormer: Enhanced Transformer with Rotary Position Embedding",
                        "LongRoPE: Extending LLM Context Window Beyond 2 Million Tokens",
                        "YaRN: Efficient Context Window Extension of Large Language Models"))
                .body("data.course.sessions.find { it.label == 'Week 2-1' }.section.number", equalTo("1-1-1"));
    }

    @Test
    void seventyReadingsAllWithTldrs() {
        var response = ok(COURSE);
        List<List<String>> tldrs = response.extract().path("data.course.sessions.readings.tldr");
        assertEquals(70, tldrs.stream().mapToInt(List::size).sum());
        response.body("data.course.sessions.readings.flatten().tldr", everyItem(notNullValue()));
    }

    @Test
    void sessionsWithoutReadingsAreKept() {
        ok(COURSE)
                .body("data.course.sessions.find { it.label == 'Week 7-2' }.readings", empty())
                .body("data.course.sessions.find { it.label == 'Week 8-1' }.readings", empty())
                .body("data.course.sessions.find { it.title == 'Thanksgiving Recess' }.date", equalTo("2025-11-28"))
                .body("data.course.sessions.find { it.title == 'PEFT' }.label", equalTo("11/24/2025"));
    }

    @Test
    void sectionsFollowTheOutline() {
        ok(COURSE)
                .body("data.course.sections.number", contains("1", "1-1", "1-1-1", "1-1-2", "1-1-3", "1-2", "2", "3"))
                .body("data.course.sections.find { it.number == '1-1-1' }.title", equalTo("Architecture"));
    }

    @Test
    void optionalReadingsAreFlagged() {
        ok("""
                { course(slug: "llm-901") { sessions { label readingItems { position optional paper { title } } } } }""")
                .body("data.course.sessions.find { it.label == 'Week 6-2' }.readingItems.optional",
                        contains(false, false, false, true, true))
                .body("data.course.sessions.find { it.label == 'Week 6-1' }.readingItems.optional", not(empty()));
    }

    @Test
    void coursesListsTheSeedCourse() {
        ok("{ courses { slug } }").body("data.courses.slug", contains("llm-901"));
    }
}
