package dev.readnext.recommend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import dev.readnext.recommend.engine.DocumentText;

/** The arXiv metadata corpus (gzip JSONL); a paper's id is its line number. */
record ArxivCorpus(List<Paper> papers) {

    record Paper(long id, String title, String abstractText, String primaryCategory) {

        DocumentText asDocument() {
            return new DocumentText(id, title, null, abstractText);
        }
    }

    static ArxivCorpus load(Path path) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Paper> papers = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(path), 1 << 16), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode node = json.readTree(line);
                papers.add(new Paper(papers.size(), node.path("title").asText(""),
                        node.path("abstract").asText(""), node.path("primary_category").asText("")));
            }
        }
        return new ArxivCorpus(List.copyOf(papers));
    }

    Paper paper(long id) {
        return papers.get((int) id);
    }
}
