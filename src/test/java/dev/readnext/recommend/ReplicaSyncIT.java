package dev.readnext.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.readnext.security.Tokens;

/**
 * Two instances of the packaged app over one database: a paper written through one reaches the other's index within
 * 2 s (LISTEN/NOTIFY), also after the other lost its listening connection (it catches up from the change log). One of
 * them embeds the papers (semantic similarity is on in production); both indexes hold every embedding.
 */
class ReplicaSyncIT {

    static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    /** (overridable so that two checkouts on one machine can run it at the same time) */
    static final String SCHEMA = System.getenv().getOrDefault("READNEXT_SYNC_IT_SCHEMA", "readnext_sync_it");
    static final Duration SYNC_LIMIT = Duration.ofSeconds(2);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    static Replica writer;
    static Replica reader;

    record Replica(Process process, int port, Path log) {
    }

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        try (Connection c = DriverManager.getConnection(JDBC_URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        writer = start("writer");
        reader = start("reader");
    }

    @AfterAll
    static void stopReplicas() throws InterruptedException {
        for (Replica r : new Replica[] { writer, reader }) {
            if (r != null) {
                r.process().destroy();
                r.process().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void paperWrittenThroughOneReplicaReachesTheOtherWithinTwoSeconds() throws Exception {
        String anchor = paperId(reader, "2309.17453");
        String created = createPaper("Attention sinks keep streaming language models stable over infinite input");

        Duration took = await(() -> relatedIds(reader, anchor).contains(created));
        System.out.printf("ReplicaSyncIT: created paper reached the other replica after %d ms%n", took.toMillis());
        assertTrue(took.compareTo(SYNC_LIMIT) <= 0, "reached the other replica after " + took);

        mutate("mutation { deletePaper(id: \"" + created + "\") }");
        Duration gone = await(() -> !relatedIds(reader, anchor).contains(created));
        assertTrue(gone.compareTo(SYNC_LIMIT) <= 0, "deletion reached the other replica after " + gone);
    }

    @Test
    void paperUpdatedThroughOneReplicaChangesTheOthersIndexWithinTwoSeconds() throws Exception {
        String anchor = paperId(reader, "2309.17453");
        String created = createPaper("Protein folding with equivariant graph networks");
        await(Duration.ofSeconds(3), () -> relatedIds(reader, anchor).contains(created));
        assertTrue(!relatedIds(reader, anchor).contains(created), "not related before the update");

        String title = "Attention sinks keep streaming language models stable over long input";
        mutate("mutation { updatePaper(id: \"" + created + "\", version: 0, input: { title: \"" + title
                + "\", tldr: \"" + title + "\" }) { id } }");
        Duration took = await(() -> relatedIds(reader, anchor).contains(created));
        System.out.printf("ReplicaSyncIT: updated paper reached the other replica after %d ms%n", took.toMillis());
        assertTrue(took.compareTo(SYNC_LIMIT) <= 0, "update reached the other replica after " + took);
    }

    @Test
    void replicaThatLostItsListenerCatchesUpFromTheLog() throws Exception {
        String anchor = paperId(reader, "2309.17453");
        assertEquals(1, terminateListener(reader.port()), "the reader's listener connection was found and dropped");
        String created = createPaper("Heavy-hitter attention sinks for streaming KV cache eviction");

        Duration took = await(() -> relatedIds(reader, anchor).contains(created));
        System.out.printf("ReplicaSyncIT: after a dropped listener, caught up after %d ms%n", took.toMillis());
        assertTrue(took.compareTo(Duration.ofSeconds(10)) <= 0, "caught up after " + took);
        assertTrue(Files.readString(reader.log()).contains("Index sync lost its database connection"),
                "the reader noticed the dropped connection");
    }

    @Test
    void papersEmbeddedByOneReplicaReachBothReplicasIndexes() throws Exception {
        Duration seeded = await(Duration.ofMinutes(2), () -> bothHoldEveryEmbedding());
        assertTrue(bothHoldEveryEmbedding(), "seed embeddings in both indexes after " + seeded + ": "
                + embeddingDetail(writer) + " / " + embeddingDetail(reader));
        System.out.printf("ReplicaSyncIT: seed embedded and in both indexes after %d ms%n", seeded.toMillis());
        assertEquals(1, count("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND a.application_name IN ('readnext-embedding-worker-"
                + writer.port() + "', 'readnext-embedding-worker-" + reader.port() + "')"), "one replica embeds");

        createPaper("Sliding window attention with a rolling key-value cache");
        Duration took = await(Duration.ofSeconds(30), () -> bothHoldEveryEmbedding());
        assertTrue(bothHoldEveryEmbedding(), "the new paper's embedding in both indexes after " + took);
        System.out.printf("ReplicaSyncIT: a new paper embedded and in both indexes after %d ms%n", took.toMillis());
    }

    @Test
    void replicasScoreEveryPaperIdenticallyAfterWritesOnEitherAndARestart() throws Exception {
        await(Duration.ofMinutes(2), () -> bothHoldEveryEmbedding());
        List<String> created = new ArrayList<>();
        String[] topics = { "speculative decoding with a small draft model", "rotary position embedding scaling",
                "mixture of experts routing without auxiliary loss", "key-value cache eviction for long context",
                "direct preference optimization without a reward model", "sparse attention kernels on GPUs" };
        for (int i = 0; i < topics.length; i++) {
            Replica through = i % 2 == 0 ? writer : reader;
            created.add(mutate(through, "mutation { createPaper(input: { title: \"Agreement " + i + ": " + topics[i]
                    + "\", tldr: \"" + topics[(i + 1) % topics.length] + "\" }) { id } }")
                    .path("data").path("createPaper").path("id").asText());
        }
        mutate(reader, "mutation { updatePaper(id: \"" + created.get(0) + "\", version: 0, input: { title: \""
                + "Agreement 0, revised: " + topics[0] + "\", tldr: \"" + topics[3] + "\" }) { id } }");
        mutate(writer, "mutation { deletePaper(id: \"" + created.get(1) + "\") }");
        mutate(reader, "mutation { deletePaper(id: \"" + created.get(2) + "\") }");
        List<String> papers = new ArrayList<>();
        post(writer, "{ papers(first: 100) { nodes { id } } }", null).path("data").path("papers").path("nodes")
                .forEach(p -> papers.add(p.path("id").asText()));
        papers.addAll(created.subList(3, created.size()));

        AtomicInteger rounds = new AtomicInteger();
        await(Duration.ofSeconds(30), () -> rounds.incrementAndGet() > 0 && differing(papers).isEmpty());
        assertEquals(List.of(), differing(papers), "papers whose related papers differ between the replicas");
        System.out.printf("ReplicaSyncIT: both replicas agree on %d papers' related papers (ids and scores) after the"
                + " writes, in comparison round %d%n", papers.size(), rounds.get());

        reader.process().destroy();
        reader.process().waitFor(30, TimeUnit.SECONDS);
        reader = start("reader");
        assertTrue(Files.readString(reader.log()).contains("Recommendation index loaded from snapshot"),
                "the restarted replica starts from the snapshot, not from the texts");
        await(Duration.ofMinutes(2), () -> bothHoldEveryEmbedding());
        rounds.set(0);
        await(Duration.ofSeconds(30), () -> rounds.incrementAndGet() > 0 && differing(papers).isEmpty());
        assertEquals(List.of(), differing(papers), "after a restart, papers whose related papers differ");
        System.out.printf("ReplicaSyncIT: a restarted replica agrees on %d papers, in comparison round %d%n",
                papers.size(), rounds.get());
    }

    /** The papers whose related papers (ids and scores) differ between the two replicas. */
    private static List<String> differing(List<String> papers) {
        String query = "query R($id: ID!) { relatedPapers(paperId: $id, first: 10) { score paper { id } } }";
        List<String> differ = new ArrayList<>();
        for (String paper : papers) {
            try {
                JsonNode a = post(writer, query, null, Map.of("id", paper));
                JsonNode b = post(reader, query, null, Map.of("id", paper));
                if (!a.has("data") || a.has("errors") || !a.equals(b)) {
                    differ.add(paper);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return differ;
    }

    /** Every paper embedded, and both replicas' semantic indexes as large as the table. */
    private static boolean bothHoldEveryEmbedding() {
        try {
            long papers = count("SELECT count(*) FROM " + SCHEMA + ".paper");
            long embedded = count("SELECT count(*) FROM " + SCHEMA + ".paper_embedding");
            return embedded == papers && embeddingDetail(writer).path("embedded").asLong() == papers
                    && embeddingDetail(reader).path("embedded").asLong() == papers;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode embeddingDetail(Replica replica) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + replica.port() + "/q/health/ready"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        for (JsonNode check : JSON.readTree(body).path("checks")) {
            if (check.path("name").asText().equals("Semantic embeddings")) {
                return check.path("data");
            }
        }
        return JSON.missingNode();
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(JDBC_URL, "postgres", ""); Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String createPaper(String title) throws Exception {
        JsonNode response = mutate("mutation { createPaper(input: { title: \"" + title + "\", tldr: \"" + title
                + "\" }) { id } }");
        return response.path("data").path("createPaper").path("id").asText();
    }

    private static JsonNode mutate(String mutation) throws Exception {
        return mutate(writer, mutation);
    }

    private static JsonNode mutate(Replica through, String mutation) throws Exception {
        JsonNode response = post(through, mutation, Tokens.editor());
        assertTrue(response.path("errors").isMissingNode(), response.toString());
        return response;
    }

    private static List<String> relatedIds(Replica replica, String paperId) {
        try {
            JsonNode response = post(replica, "{ relatedPapers(paperId: \"" + paperId + "\", first: 50) { paper { id } } }", null);
            List<String> ids = new ArrayList<>();
            response.path("data").path("relatedPapers").forEach(r -> ids.add(r.path("paper").path("id").asText()));
            return ids;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String paperId(Replica replica, String arxivId) throws Exception {
        return post(replica, "{ paper(arxivId: \"" + arxivId + "\") { id } }", null).path("data").path("paper").path("id").asText();
    }


    private static JsonNode post(Replica replica, String query, String token) throws Exception {
        return post(replica, query, token, Map.of());
    }

    private static JsonNode post(Replica replica, String query, String token, Map<String, Object> variables)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + replica.port() + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query,
                        "variables", variables))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return JSON.readTree(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static int terminateListener(int port) throws SQLException {
        try (Connection c = DriverManager.getConnection(JDBC_URL, "postgres", ""); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE application_name = 'readnext-index-sync-" + port + "'");
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Replica start(String name) throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        assertTrue(Files.exists(jar), jar + " is missing: run ./mvnw package first");
        int port = freePort();
        Path log = Path.of("target/replica-" + name + ".log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(n -> n.startsWith("QUARKUS_") || n.startsWith("READNEXT_") || n.startsWith("MP_"));
        builder.environment().putAll(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", JDBC_URL,
                "READNEXT_SCHEMA", SCHEMA,
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", Path.of("src/test/resources/jwt/dev-public.pem").toAbsolutePath().toString()));
        Replica replica = new Replica(builder.start(), port, log);
        Duration took = await(Duration.ofMinutes(3), () -> ready(replica));
        assertTrue(ready(replica), name + " did not become ready in " + took + "; see " + log);
        return replica;
    }

    private static boolean ready(Replica replica) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + replica.port() + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration await(BooleanSupplier condition) throws InterruptedException {
        return await(Duration.ofSeconds(15), condition);
    }

    private static Duration await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant start = Instant.now();
        while (!condition.getAsBoolean() && Duration.between(start, Instant.now()).compareTo(limit) < 0) {
            Thread.sleep(50);
        }
        return Duration.between(start, Instant.now());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
