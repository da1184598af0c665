package dev.readnext.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.readnext.ingest.parse.ParsedResource;
import dev.readnext.text.TitleKey;

/**
 * Curated knowledge kept as data in {@code db/seed/curated-papers.json}: the canonical title, arXiv id and other
 * names (e.g. "RoPE" for RoFormer) of well-known papers that lists cite under short or varying names.
 * A parsed resource that matches an entry by arXiv id or by title key takes its identity from the entry.
 */
@ApplicationScoped
public class CuratedCatalog {

    static final String RESOURCE = "db/seed/curated-papers.json";

    /** One curated paper. */
    public record CuratedPaper(String arxivId, String title, Integer year, List<String> aliases) {
    }

    private final Map<String, CuratedPaper> byArxivId = new HashMap<>();
    private final Map<String, CuratedPaper> byKey = new HashMap<>();
    private final Set<String> canonicalTitles = new HashSet<>();

    @Inject
    public CuratedCatalog(ObjectMapper json) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            for (CuratedPaper paper : json.readValue(in, new TypeReference<List<CuratedPaper>>() {
            })) {
                byArxivId.put(paper.arxivId(), paper);
                canonicalTitles.add(paper.title());
                TitleKey.of(paper.title()).exactKeys().forEach(k -> byKey.putIfAbsent(k, paper));
                paper.aliases().forEach(alias -> byKey.putIfAbsent(TitleKey.normalize(alias), paper));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public boolean isCanonicalTitle(String title) {
        return canonicalTitles.contains(title);
    }

    /** @param titleKey the keys of the resource's title */
    public Optional<CuratedPaper> match(ParsedResource resource, TitleKey titleKey) {
        if (resource.arxivId() != null) {
            return Optional.ofNullable(byArxivId.get(resource.arxivId()));
        }
        return titleKey.all().stream().map(byKey::get).filter(p -> p != null).findFirst();
    }
}
