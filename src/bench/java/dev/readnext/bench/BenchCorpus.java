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
import java.util.zip.GZIPInputStream;

/**
 * The benchmark's input, from system properties: the first {@code bench.limit} papers (0 = all) of the arXiv JSONL
 * corpus {@code bench.corpus} (title + abstract; a paper's id is its line number), and a fixed sample of
 * {@code bench.queries} query papers drawn with {@code bench.seed}.
 */
record BenchCorpus(Path path, List<DocumentText> papers, int[] queries) {

    static BenchCorpus fromSystemProperties() {
        Path path = Path.of(System.getProperty("bench.corpus", "../shared/corpora/arxiv-cs-2025-2026.jsonl.gz"));
        int limit = Integer.getInteger("bench.limit", 0);
        List<DocumentText> papers = load(path, limit <= 0 ? Integer.MAX_VALUE : limit);
        int queries = Math.min(Integer.getInteger("bench.queries", 1000), papers.size());
        int[] sample = new Random(Long.getLong("bench.seed", 42)).ints(0, papers.size()).distinct().limit(queries).toArray();
        return new BenchCorpus(path, papers, sample);
    }

    private static List<DocumentText> load(Path path, int limit) {
        ObjectMapper json = new ObjectMapper();
        List<DocumentText> papers = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(path), 1 << 16), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null && papers.size() < limit; line = lines.readLine()) {
                JsonNode node = json.readTree(line);
                papers.add(new DocumentText(papers.size(), node.path("title").asText(""), null,
                        node.path("abstract").asText("")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path, e);
        }
        return List.copyOf(papers);
    }
}
