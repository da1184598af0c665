package dev.readnext.deploy;

import static dev.readnext.deploy.Deployables.ROOT;
import static dev.readnext.deploy.Deployables.at;
import static dev.readnext.deploy.Deployables.onlyContainer;
import static dev.readnext.deploy.Deployables.parse;
import static dev.readnext.deploy.Deployables.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.readnext.DatabaseState;
import dev.readnext.deploy.SoakRequests.Call;

/**
 * Issue 12, "bounded cost for every request", against the packaged app started as the pod starts it
 * ({@link PackagedApp}, schema readnext_soak): hostile requests, alone and in crowds, next to legitimate clients.
 * Throughout, liveness answers within 1 s on every probe, readiness stays UP (within the readiness probe's timeout),
 * resident memory stays under the container's memory limit, no answer is a 5xx or an {@code INTERNAL} error,
 * every request is answered (a result or a coded refusal) within 5 s, legitimate requests get their data, and the
 * hostile requests change no row. The soak lasts {@code -Dsoak.duration} (ISO-8601, default PT5M); figures per kind
 * of request (count, p50, p99, max latency, outcomes) and the vitals (probe latencies, max RSS) go to the log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileLoadIT {

    static final Duration ANSWER_LIMIT = Duration.ofSeconds(5);
    static final Duration LIVENESS_LIMIT = Duration.ofSeconds(1);
    static final int HOSTILE_CLIENTS = 16;
    static final int LEGITIMATE_CLIENTS = 4;
    static final int COPIES = 16;

    /** waits longer than the limit, so that a slow answer is measured rather than cut short */
    static final Duration CLIENT_TIMEOUT = ANSWER_LIMIT.multipliedBy(6);
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    static PackagedApp app;
    static URI graphql;
    static Map<String, List<String>> rowsBefore;
    static List<Call> legitimate;
    static List<Call> hostile;

    final Queue<String> violations = new ConcurrentLinkedQueue<>();
    LoadFigures figures;

    @BeforeAll
    static void startThePackagedApp() throws Exception {
        app = PackagedApp.start("readnext_soak", "hostile-load-it.log");
        graphql = app.uri("/graphql");
        String rope = paperId("2104.09864");
        String dpo = paperId("2305.18290");
        legitimate = SoakRequests.legitimate(rope, dpo);
        hostile = SoakRequests.hostile(rope, dpo);
        rowsBefore = DatabaseState.rowVersions(app.database());
    }

    @AfterAll
    static void theHostileRequestsChangedNoRowThenStop() throws Exception {
        try {
            if (app != null) {
                assertEquals(rowsBefore, DatabaseState.rowVersions(app.database()), "rows changed under load");
            }
        } finally {
            if (app != null) {
                app.stop();
            }
        }
    }

    @BeforeEach
    void newFigures() {
        figures = new LoadFigures();
    }

    /**
     * GraphQL requests are not serialised (issue 12 suspected only two ran at once): with an exclusive lock held on
     * the paper table, eight searches sent together must all be inside PostgreSQL waiting for it at the same time.
     */
    @Test
    @Order(1)
    void eightSearchesRunAtOnce() throws Exception {
        int searches = 8;
        int mostWaiting = 0;
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        try (Connection locker = app.database().getConnection(); Connection observer = app.database().getConnection()) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("LOCK TABLE paper IN ACCESS EXCLUSIVE MODE");
            }
            Call search = SoakRequests.legit("search", "{ search(text: \"attention\") { score } }");
            for (int i = 0; i < searches; i++) {
                answers.add(HTTP.sendAsync(search.request(graphql, CLIENT_TIMEOUT), HttpResponse.BodyHandlers.ofString()));
            }
            // well within the statement timeout (3 s), after which PostgreSQL would cancel the waiting searches
            Instant until = Instant.now().plusMillis(2000);
            while (mostWaiting < searches && Instant.now().isBefore(until)) {
                mostWaiting = Math.max(mostWaiting, waitingForTheLock(observer));
                Thread.sleep(20);
            }
            locker.rollback();
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(CLIENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"search\":["), response.body());
        }
        System.out.printf("HostileLoadIT: %d of %d searches sent together were in PostgreSQL at once%n", mostWaiting, searches);
        assertEquals(searches, mostWaiting, "searches waiting for the lock at the same time");
    }

    /** Each hostile request, sent as 16 copies at once, is answered in time, and the service stays live meanwhile. */
    @Test
    @Order(2)
    void sixteenConcurrentCopiesOfEachHostileRequestAreAnsweredInTime() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(COPIES);
        try (Vitals vitals = vitals().start()) {
            for (Call call : hostile) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> copies = new ArrayList<>();
                for (int i = 0; i < COPIES; i++) {
                    copies.add(clients.submit(() -> {
                        go.await();
                        send(call);
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> copy : copies) {
                    copy.get();
                }
            }
            report("16 concurrent copies of each hostile request", vitals);
        } finally {
            clients.shutdownNow();
        }
        assertNoViolations();
    }

    /** Hostile and legitimate clients at once, for soak.duration. */
    @Test
    @Order(3)
    void staysLiveAndBoundedUnderMixedHostileAndLegitimateLoad() throws Exception {
        Duration duration = Duration.parse(System.getProperty("soak.duration", "PT5M"));
        Instant end = Instant.now().plus(duration);
        ExecutorService clients = Executors.newFixedThreadPool(HOSTILE_CLIENTS + LEGITIMATE_CLIENTS);
        try (Vitals vitals = vitals().start()) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < HOSTILE_CLIENTS; i++) {
                int first = i * hostile.size() / HOSTILE_CLIENTS;
                running.add(clients.submit(() -> sendUntil(end, hostile, first)));
            }
            for (int i = 0; i < LEGITIMATE_CLIENTS; i++) {
                int first = i * legitimate.size() / LEGITIMATE_CLIENTS;
                running.add(clients.submit(() -> sendUntil(end, legitimate, first)));
            }
            for (Future<?> client : running) {
                client.get();
            }
            report("soak of " + duration + ", " + HOSTILE_CLIENTS + " hostile and " + LEGITIMATE_CLIENTS
                    + " legitimate clients", vitals);
        } finally {
            clients.shutdownNow();
        }
        assertNoViolations();
    }

    // ---- sending and judging one request -----------------------------------------------------------------------

    private Void sendUntil(Instant end, List<Call> calls, int first) {
        for (int i = first; Instant.now().isBefore(end); i++) {
            send(calls.get(i % calls.size()));
        }
        return null;
    }

    private void send(Call call) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(call.request(graphql, CLIENT_TIMEOUT), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            List<String> codes = errorCodes(response.body());
            figures.record(call.kind(), call.hostile(), millis, response.statusCode(), codes == null ? List.of("not JSON") : codes);
            String problem = problem(call, response.statusCode(), codes, millis);
            if (problem != null) {
                violations.add(call.kind() + ": " + problem + ": " + cut(response.body()));
            }
        } catch (IOException e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            figures.record(call.kind(), call.hostile(), millis, 0, List.of(e.getClass().getSimpleName()));
            violations.add(call.kind() + ": no answer after " + millis + " ms: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What is wrong with an answer, or null. */
    private static String problem(Call call, int status, List<String> codes, long millis) {
        if (status >= 500) {
            return "HTTP " + status;
        }
        if (millis > ANSWER_LIMIT.toMillis()) {
            return "answered after " + millis + " ms";
        }
        if (codes == null) {
            return "HTTP " + status + " without a GraphQL response";
        }
        if (codes.contains(null)) {
            return "an error without extensions.code";
        }
        if (codes.contains("INTERNAL")) {
            return "an INTERNAL error";
        }
        if (call.expectedCode() != null && !codes.contains(call.expectedCode())) {
            return "expected " + call.expectedCode() + ", got HTTP " + status + " " + codes;
        }
        if (!call.hostile() && (status != 200 || !codes.isEmpty())) {
            return "a legitimate request failed: HTTP " + status + " " + codes;
        }
        return null;
    }

    /** The extensions.code of each error (null for an uncoded one), none for data; null when not a GraphQL response. */
    private static List<String> errorCodes(String body) {
        JsonNode response;
        try {
            response = JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
        if (response == null || !(response.has("data") || response.has("errors"))) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        response.path("errors").forEach(error -> codes.add(error.path("extensions").path("code").textValue()));
        return codes;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private Vitals vitals() {
        Map<String, Object> container = onlyContainer(parse(read(ROOT.resolve("k8s/base/deployment.yaml"))).get(0));
        int readinessTimeout = ((Number) at(container, "readinessProbe", "timeoutSeconds")).intValue();
        return new Vitals(app, LIVENESS_LIMIT, Duration.ofSeconds(readinessTimeout), PackagedApp.memoryLimitBytes(), violations);
    }

    private void report(String title, Vitals vitals) {
        System.out.printf("HostileLoadIT, %s:%n%s%s%nvitals: %s%n", title, figures.table(), figures.totals(), vitals.summary());
    }

    private void assertNoViolations() {
        List<String> seen = new ArrayList<>(violations);
        assertTrue(seen.isEmpty(), seen.size() + " violations, the first ones:\n"
                + String.join("\n", seen.subList(0, Math.min(20, seen.size()))));
    }

    /** Request connections waiting for a lock on paper; not the background ones (index sync, embedding worker). */
    private static int waitingForTheLock(Connection observer) throws SQLException {
        try (Statement s = observer.createStatement();
                var rs = s.executeQuery("SELECT count(DISTINCT l.pid) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                        + " WHERE l.relation = 'paper'::regclass AND NOT l.granted"
                        + " AND a.application_name NOT LIKE 'readnext-%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String paperId(String arxivId) throws Exception {
        Call paper = SoakRequests.legit("paper", "{ paper(arxivId: \"" + arxivId + "\") { id } }");
        HttpResponse<String> response = HTTP.send(paper.request(graphql, CLIENT_TIMEOUT), HttpResponse.BodyHandlers.ofString());
        String id = JSON.readTree(response.body()).path("data").path("paper").path("id").textValue();
        assertNotNull(id, response.body());
        return id;
    }

    private static String cut(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
