package dev.readnext.node;

import static dev.readnext.graphql.GraphQL.ok;
import static dev.readnext.graphql.GraphQL.query;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.readnext.api.Ids;

/** Global ids: every node can be fetched again by its id, papers also by their numeric database id. */
@QuarkusTest
class NodeTest {

    private static final String ROFORMER = "{ paper(arxivId: \"2104.09864\") { id databaseId title } }";

    @Inject
    EntityManagerFactory emf;

    @Test
    void aPapersIdIsAnOpaqueGlobalIdAndItsDatabaseIdIsTheNumber() {
        Map<String, Object> paper = ok(ROFORMER).extract().path("data.paper");
        int databaseId = (Integer) paper.get("databaseId");
        assertEquals(Ids.global("Paper", databaseId), paper.get("id"));
        assertTrue(!((String) paper.get("id")).contains(String.valueOf(databaseId)), "opaque: " + paper.get("id"));
    }

    @Test
    void nodeFindsEachKindOfObjectByItsId() {
        Map<String, Object> some = ok("""
                { paper(arxivId: "2104.09864") { id } topic(slug: "pretraining") { id } course(slug: "llm-901") {
                    id sessions { id } } readingLists { id } learningPaths { id } }""").extract().path("data");
        List<String> ids = new ArrayList<>();
        ids.add(id(some.get("paper")));
        ids.add(id(some.get("topic")));
        ids.add(id(some.get("course")));
        ids.add(id(((List<?>) ((Map<?, ?>) some.get("course")).get("sessions")).get(0)));
        ids.add(id(((List<?>) some.get("readingLists")).get(0)));
        ids.add(id(((List<?>) some.get("learningPaths")).get(0)));
        List<String> types = List.of("Paper", "Topic", "Course", "CourseSession", "ReadingList", "LearningPath");
        for (int i = 0; i < ids.size(); i++) {
            ok("query ($id: ID!) { node(id: $id) { __typename id } }", Map.of("id", ids.get(i)))
                    .body("data.node.__typename", equalTo(types.get(i)))
                    .body("data.node.id", equalTo(ids.get(i)));
        }
        ok("query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", Map.of("ids", ids))
                .body("data.nodes.__typename", contains(types.toArray()))
                .body("data.nodes.id", contains(ids.toArray()));
    }

    @Test
    void nodeSelectsTheFieldsOfTheTypeThroughFragments() {
        String id = ok(ROFORMER).extract().path("data.paper.id");
        ok("query ($id: ID!) { node(id: $id) { id ... on Paper { title arxivId related(first: 2) { paper { id } } } } }",
                Map.of("id", id))
                .body("data.node.arxivId", equalTo("2104.09864"))
                .body("data.node.related", hasSize(2));
    }

    @Test
    void anUnknownIdIsNullInPlace() {
        String known = ok(ROFORMER).extract().path("data.paper.id");
        String unknown = Ids.global("Paper", 999_999_999);
        ok("query ($id: ID!) { node(id: $id) { id } }", Map.of("id", unknown)).body("data.node", nullValue());
        ok("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", Map.of("ids", List.of(unknown, known)))
                .body("data.nodes[0]", nullValue())
                .body("data.nodes[1].id", equalTo(known));
    }

    @Test
    void aMalformedIdIsBadUserInput() {
        for (String bad : List.of("12", "not an id", Ids.global("Nothing", 3), "UGFwZXI6LTE")) {
            query("query ($id: ID!) { node(id: $id) { id } }", Map.of("id", bad))
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                    .body("errors[0].message", containsString("id is not a valid id"));
        }
    }

    @Test
    void moreThan100IdsAreRefused() {
        List<String> ids = IntStream.rangeClosed(1, 101).mapToObj(i -> Ids.global("Paper", i)).toList();
        query("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", Map.of("ids", ids))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("at most 100"))
                .body("data", nullValue());
    }

    @Test
    void nodesLoadsOneQueryPerTypeNotPerId() {
        List<String> papers = ok("{ papers(first: 100) { edges { node { id } } } }").extract()
                .path("data.papers.edges.node.id");
        List<String> topics = ok("{ topics { id } }").extract().path("data.topics.id");
        List<String> ids = new ArrayList<>(papers.subList(0, 60));
        ids.addAll(topics.subList(0, 20));
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        ok("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", Map.of("ids", ids)).body("data.nodes", hasSize(80));
        assertEquals(2, stats.getPrepareStatementCount(), "one statement for the papers, one for the topics");
    }

    @Test
    void paperArgumentsTakeTheGlobalIdAndTheNumericId() {
        Map<String, Object> paper = ok(ROFORMER).extract().path("data.paper");
        for (Object id : List.of(paper.get("id"), String.valueOf(paper.get("databaseId")))) {
            ok("query ($id: ID!) { paper(id: $id) { title } relatedPapers(paperId: $id, first: 1) { paper { id } } }",
                    Map.of("id", id))
                    .body("data.paper.title", equalTo(paper.get("title")))
                    .body("data.relatedPapers[0].paper.id", not(equalTo(paper.get("id"))));
        }
    }

    @Test
    void aPaperArgumentRefusesTheIdOfAnotherType() {
        String topic = ok("{ topic(slug: \"pretraining\") { id } }").extract().path("data.topic.id");
        query("query ($id: ID!) { paper(id: $id) { title } }", Map.of("id", topic))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("id must be the id of a Paper, not of a Topic"));
        query("query ($id: ID!) { relatedPapers(paperId: $id) { score } }", Map.of("id", "UGFwZXI6OTk5OTk5OTk5"))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    @Test
    void nestedSelectionsUnderNodeAreCosted() {
        String id = ok(ROFORMER).extract().path("data.paper.id");
        query("""
                query ($id: ID!) { node(id: $id) { ... on Paper { related(first: 50) { paper {
                    related(first: 50) { paper { related(first: 50) { paper { id } } } } } } } } }""",
                Map.of("id", id))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("The query costs 255,102"))
                .body("data", nullValue());
    }

    private static String id(Object object) {
        return (String) ((Map<?, ?>) object).get("id");
    }
}
