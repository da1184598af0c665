package dev.readnext.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.readnext.recommend.engine.DocumentText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

/**
 * The input of the benchmarks and the quality report, from system properties: the first {@code bench.limit} papers
 * (0 = all) of the arXiv metadata corpus {@code bench.corpus} (gzip JSONL; title, abstract and primary category; a
 * paper's id is its line number), and fixed samples of {@code bench.queries} query papers.
 */
record BenchCorpus(Path path, List<Paper> papers) {

    private static final String USAGE = "pass the arXiv corpus as -Dbench.corpus=/path/to/arxiv-cs-2025-2026.jsonl.gz";

    record Paper(String title, String abstractText, String primaryCategory) {
    }

    static BenchCorpus fromSystemProperties() {
        Path path = corpusPath();
        int limit = Integer.getInteger("bench.limit", 0);
        return new BenchCorpus(path, load(path, limit <= 0 ? Integer.MAX_VALUE : limit));
    }

    Paper paper(long id) {
        return papers.get((int) id);
    }

    /** Title and abstract of every paper, with its position as id: what the engines index. */
    List<DocumentText> documents() {
        return IntStream.range(0, papers.size())
                .mapToObj(i -> new DocumentText(i, papers.get(i).title(), null, papers.get(i).abstractText()))
                .toList();
    }

    /** The engine benchmark's query papers: {@link #queries(long)} with {@code bench.seed} (42). */
    int[] queries() {
        return queries(Long.getLong("bench.seed", 42));
    }

    /** {@code bench.queries} (1,000) distinct query papers drawn with {@code seed}, the same in every run. */
    int[] queries(long seed) {
        int count = Math.min(Integer.getInteger("bench.queries", 1000), papers.size());
        return new Random(seed).ints(0, papers.size()).distinct().limit(count).toArray();
    }

    private static Path corpusPath() {
        String given = System.getProperty("bench.corpus", "");
        if (given.isBlank()) {
            throw new IllegalArgumentException("No corpus given: " + USAGE);
        }
        Path path = Path.of(given);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("No corpus at " + path.toAbsolutePath() + ": " + USAGE);
        }
        return path;
    }

    private static List<Paper> load(Path path, int limit) {
        ObjectMapper json = new ObjectMapper();
        List<Paper> papers = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(path), 1 << 16), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null && papers.size() < limit; line = lines.readLine()) {
                JsonNode node = json.readTree(line);
                papers.add(new Paper(node.path("title").asText(""), node.path("abstract").asText(""),
                        node.path("primary_category").asText("")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path, e);
        }
        return List.copyOf(papers);
    }
}
