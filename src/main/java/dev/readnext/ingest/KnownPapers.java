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
    /** Keys of the titles an import looks up (each several times: curated match, known papers, registration). */
    private final Map<String, TitleKey> titleKeys = new HashMap<>();

    /**
     * Reads the identities only, not the papers: with tens of thousands of papers managed by the session, every
     * query of the import would first dirty-check them all (Hibernate's auto-flush).
     */
    static KnownPapers load() {
        KnownPapers known = new KnownPapers();
        Paper.getEntityManager()
                .createQuery("select p.id, p.slug, p.arxivId, p.url, p.title from Paper p", Object[].class)
                .getResultStream()
                .forEach(r -> known.register((Long) r[0], (String) r[1], (String) r[2], (String) r[3],
                        TitleKey.of((String) r[4])));
        PaperAlias.<PaperAlias>listAll().forEach(a -> {
            known.aliasKeys.add(a.aliasKey);
            known.registerTitle(a.paperId, TitleKey.of(a.alias));
        });
        return known;
    }

    /** The keys of a title, computed once per import. */
    TitleKey titleKey(String title) {
        return titleKeys.computeIfAbsent(title, TitleKey::of);
    }

    void register(Paper paper) {
        register(paper.id, paper.slug, paper.arxivId, paper.url, titleKey(paper.title));
    }

    private void register(long id, String slug, String arxivId, String url, TitleKey title) {
        slugs.add(slug);
        if (arxivId != null) {
            byArxivId.putIfAbsent(arxivId, id);
        }
        if (url != null) {
            byUrl.putIfAbsent(Urls.identityKey(url), id);
        }
        registerTitle(id, title);
    }

    void registerTitle(long paperId, String title) {
        registerTitle(paperId, titleKey(title));
    }

    private void registerTitle(long paperId, TitleKey key) {
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
        Long byIdentity = url == null ? null : byUrl.get(Urls.identityKey(url));
        if (byIdentity != null) {
            return Optional.of(byIdentity);
        }
        Set<Long> matches = new LinkedHashSet<>();
        for (String title : titles) {
            TitleKey key = titleKey(title);
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
