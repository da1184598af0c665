package dev.readnext.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.readnext.recommend.engine.DocumentText;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
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
 * The input of the benchmarks and the quality report: papers of an arXiv metadata file (JSONL, one object per line
 * with {@code id}, {@code title}, {@code abstract} and {@code primary_category}; gzip or plain), a paper's id being
 * its line number, and fixed samples of query papers.
 */
record BenchCorpus(Path path, List<Paper> papers) {

    record Paper(String arxivId, String title, String abstractText, String primaryCategory) {
    }

    /** The JMH benchmark's corpus: the first {@code bench.limit} papers (0 = all) of {@code bench.corpus}. */
    static BenchCorpus fromSystemProperties() {
        int limit = Integer.getInteger("bench.limit", 0);
        return load("bench.corpus", limit <= 0 ? Integer.MAX_VALUE : limit);
    }

    /** The papers of the file named by system property {@code property}, at most {@code limit}. */
    static BenchCorpus load(String property, int limit) {
        String usage = "pass an arXiv metadata JSONL file as -D" + property + "=/path/to/arxiv-cs-2025-2026.jsonl.gz";
        String given = System.getProperty(property, "");
        if (given.isBlank()) {
            throw new IllegalArgumentException("No corpus given: " + usage);
        }
        Path path = Path.of(given);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("No corpus at " + path.toAbsolutePath() + ": " + usage);
        }
        return new BenchCorpus(path, read(path, limit));
    }

    Paper paper(long id) {
        return papers.get((int) id);
    }

    /** Title and abstract of every paper, with its position as id: what the service indexes for an arXiv import. */
    List<DocumentText> documents() {
        return IntStream.range(0, papers.size())
                .mapToObj(i -> new DocumentText(i, papers.get(i).title(), null, papers.get(i).abstractText()))
                .toList();
    }

    /** The JMH benchmark's query papers: {@code bench.queries} (1,000) drawn with {@code bench.seed} (42). */
    int[] queries() {
        return queries(Long.getLong("bench.seed", 42), Integer.getInteger("bench.queries", 1000));
    }

    /**
     * {@code count} distinct query papers drawn with {@code seed}, the same in every run; every paper in order when
     * {@code count} reaches the corpus size.
     */
    int[] queries(long seed, int count) {
        if (count >= papers.size()) {
            return IntStream.range(0, papers.size()).toArray();
        }
        return new Random(seed).ints(0, papers.size()).distinct().limit(count).toArray();
    }

    private static List<Paper> read(Path path, int limit) {
        ObjectMapper json = new ObjectMapper();
        List<Paper> papers = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(open(path), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null && papers.size() < limit; line = lines.readLine()) {
                if (!line.isBlank()) {
                    JsonNode node = json.readTree(line);
                    papers.add(new Paper(node.path("id").asText(""), node.path("title").asText(""),
                            node.path("abstract").asText(""), node.path("primary_category").asText("")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path, e);
        }
        return List.copyOf(papers);
    }

    /** The file's bytes, gunzipped when it starts with the gzip magic number. */
    private static InputStream open(Path path) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
