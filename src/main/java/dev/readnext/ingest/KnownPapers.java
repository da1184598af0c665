package dev.readnext.ingest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperAlias;
import dev.readnext.text.Slugs;
import dev.readnext.text.TitleKey;
import dev.readnext.text.Urls;

/**
 * Every identity under which an import can recognise a paper that is already known: arXiv id, URL identity,
 * exact title keys, short names (see {@link TitleKey}), plus the slugs and alias keys already taken.
 * Loaded once per import and kept current as the import creates and renames papers.
 */
final class KnownPapers {

    private final Map<String, Long> byArxivId = new HashMap<>();
    private final Map<String, Long> byUrl = new HashMap<>();
    private final Map<String, Long> byExactKey = new HashMap<>();
    private final Map<String, Long> byShortName = new HashMap<>();
    private final Set<String> slugs = new HashSet<>();
    private final Set<String> aliasKeys = new HashSet<>();

    static KnownPapers load() {
        KnownPapers known = new KnownPapers();
        Paper.<Paper>listAll().forEach(known::register);
        PaperAlias.<PaperAlias>listAll().forEach(a -> {
            known.aliasKeys.add(a.aliasKey);
            known.registerTitle(a.paperId, a.alias);
        });
        return known;
    }

    void register(Paper paper) {
        slugs.add(paper.slug);
        if (paper.arxivId != null) {
            byArxivId.putIfAbsent(paper.arxivId, paper.id);
        }
        if (paper.url != null) {
            byUrl.putIfAbsent(Urls.identityKey(paper.url), paper.id);
        }
        registerTitle(paper.id, paper.title);
    }

    void registerTitle(long paperId, String title) {
        TitleKey key = TitleKey.of(title);
        key.exactKeys().forEach(k -> byExactKey.putIfAbsent(k, paperId));
        if (key.shortName() != null) {
            byShortName.putIfAbsent(key.shortName(), paperId);
        }
    }

    /** The known paper this resource (with its effective arXiv id and titles) names, if any. */
    Optional<Long> find(String arxivId, String url, List<String> titles) {
        if (arxivId != null && byArxivId.containsKey(arxivId)) {
            return Optional.of(byArxivId.get(arxivId));
        }
        if (url != null && byUrl.containsKey(Urls.identityKey(url))) {
            return Optional.of(byUrl.get(Urls.identityKey(url)));
        }
        Set<Long> matches = new LinkedHashSet<>();
        for (String title : titles) {
            TitleKey key = TitleKey.of(title);
            key.exactKeys().stream().map(byExactKey::get).forEach(matches::add);
            key.exactKeys().stream().map(byShortName::get).forEach(matches::add);
            if (key.shortName() != null) {
                matches.add(byExactKey.get(key.shortName()));
            }
        }
        matches.remove(null);
        return matches.stream().findFirst();
    }

    boolean hasArxivId(String arxivId) {
        return byArxivId.containsKey(arxivId);
    }

    /** A free slug for a new paper: the title's slug, shortened, with a numeric suffix when taken. */
    String freeSlug(String title) {
        String slug = Slugs.unique(title, 60, "paper", slugs::contains);
        slugs.add(slug);
        return slug;
    }

    /** Claims an alias key; false when another alias already has it. */
    boolean claimAliasKey(String aliasKey) {
        return aliasKeys.add(aliasKey);
    }
}
