package dev.readnext.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.readnext.ingest.CuratedCatalog.CuratedPaper;
import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperAlias;
import dev.readnext.paper.PaperChanged;
import dev.readnext.paper.ResourceKind;
import dev.readnext.ingest.parse.ParsedResource;
import dev.readnext.text.ArxivIds;
import dev.readnext.text.TitleKey;
import dev.readnext.text.Urls;

/**
 * Finds the paper a parsed resource names, or creates it, and merges what the resource adds.
 *
 * <p>Merge rules, chosen so that importing the same lists again changes nothing: a curated title wins, otherwise
 * the longest title seen; empty fields are filled, filled fields are kept; a specific kind replaces OTHER; the
 * highlight flag sticks; every other title seen becomes a LIST alias, curated names CURATED aliases. A reader's
 * private import ({@code enrich} false) only finds or creates papers: what its entries say about a known paper (a
 * longer title, another name, an abstract, authors) stays in the reader's list and never reaches the catalogue.
 */
@ApplicationScoped
class PaperMerger {

    enum Outcome {
        CREATED, MERGED, UNCHANGED
    }

    /** @param change what happened to the paper's own fields (null when nothing), for the recommendation index */
    record Merged(Paper paper, Outcome outcome, PaperChanged.Change change) {
    }

    @Inject
    CuratedCatalog curated;

    Merged merge(KnownPapers known, ParsedResource resource, boolean enrich) {
        Optional<CuratedPaper> curatedPaper = curated.match(resource, known.titleKey(resource.title()));
        String arxivId = arxivId(resource, curatedPaper);
        Optional<Long> existing = known.find(arxivId, resource.url(), titles(resource, curatedPaper));
        Paper paper = existing.isPresent() ? Paper.findById(existing.get()) : null;
        if (paper != null && paper.arxivId != null && arxivId != null && !paper.arxivId.equals(arxivId)) {
            paper = null; // same title, different arXiv papers: keep them apart
        }
        boolean created = paper == null;
        if (!created && !enrich) {
            return new Merged(paper, Outcome.UNCHANGED, null);
        }
        if (created) {
            paper = newPaper(known, resource, curatedPaper, arxivId);
        }
        boolean changed = fill(paper, resource, curatedPaper, arxivId, known);
        if (created) {
            paper.persist(); // filled first: one INSERT, not an INSERT and an UPDATE per new paper
        }
        boolean aliased = addAlias(known, paper, resource.title(), PaperAlias.Source.LIST);
        for (String alias : curatedPaper.map(CuratedPaper::aliases).orElse(List.of())) {
            aliased |= addAlias(known, paper, alias, PaperAlias.Source.CURATED);
        }
        known.register(paper);
        Outcome outcome = created ? Outcome.CREATED : changed || aliased ? Outcome.MERGED : Outcome.UNCHANGED;
        return new Merged(paper, outcome,
                created ? PaperChanged.Change.CREATED : changed ? PaperChanged.Change.UPDATED : null);
    }

    /** The id of the known paper this resource names, if any (what {@link #merge} will merge it into, or near). */
    Optional<Long> knownId(KnownPapers known, ParsedResource resource) {
        Optional<CuratedPaper> curatedPaper = curated.match(resource, known.titleKey(resource.title()));
        return known.find(arxivId(resource, curatedPaper), resource.url(), titles(resource, curatedPaper));
    }

    private static String arxivId(ParsedResource resource, Optional<CuratedPaper> curatedPaper) {
        return resource.arxivId() != null ? resource.arxivId() : curatedPaper.map(CuratedPaper::arxivId).orElse(null);
    }

    private static List<String> titles(ParsedResource resource, Optional<CuratedPaper> curatedPaper) {
        List<String> titles = new ArrayList<>(List.of(resource.title()));
        curatedPaper.ifPresent(c -> titles.add(c.title()));
        return titles;
    }

    /** A new paper, not yet persisted; its title is final (the merge rules keep a new paper's own title). */
    private static Paper newPaper(KnownPapers known, ParsedResource resource, Optional<CuratedPaper> curatedPaper,
            String arxivId) {
        Paper paper = new Paper();
        paper.title = curatedPaper.map(CuratedPaper::title).orElse(resource.title());
        paper.titleKey = TitleKey.normalize(paper.title);
        paper.slug = known.freeSlug(paper.title);
        paper.kind = arxivId != null ? ResourceKind.PAPER : resource.kind();
        return paper;
    }

    /** Applies the merge rules; true when a field changed. */
    private boolean fill(Paper paper, ParsedResource resource, Optional<CuratedPaper> curatedPaper, String arxivId,
            KnownPapers known) {
        boolean changed = false;
        String title = curatedPaper.map(CuratedPaper::title).orElse(
                !curated.isCanonicalTitle(paper.title) && resource.title().length() > paper.title.length()
                        ? resource.title() : paper.title);
        if (!title.equals(paper.title)) {
            addAlias(known, paper, paper.title, PaperAlias.Source.LIST);
            paper.title = title;
            paper.titleKey = TitleKey.normalize(title);
            changed = true;
        }
        if (paper.arxivId == null && arxivId != null && !known.hasArxivId(arxivId)) {
            paper.arxivId = arxivId;
            changed = true;
        }
        String url = resource.url() != null ? Urls.canonical(resource.url())
                : arxivId != null ? ArxivIds.absUrl(arxivId) : null;
        if (paper.url == null && url != null) {
            paper.url = url;
            changed = true;
        }
        if (paper.abstractText == null && resource.abstractText() != null) {
            paper.abstractText = resource.abstractText();
            changed = true;
        }
        if (paper.tldr == null && resource.tldr() != null) {
            paper.tldr = resource.tldr();
            changed = true;
        }
        Integer year = resource.year() != null ? resource.year()
                : curatedPaper.map(CuratedPaper::year)
                        .orElse(arxivId == null ? null : ArxivIds.year(arxivId).orElse(null));
        if (paper.year == null && year != null) {
            paper.year = year;
            changed = true;
        }
        if (paper.authors.isEmpty() && !resource.authors().isEmpty()) {
            paper.authors = new ArrayList<>(resource.authors());
            changed = true;
        }
        if (paper.codeUrl == null && resource.codeUrl() != null) {
            paper.codeUrl = resource.codeUrl();
            changed = true;
        }
        if (!paper.highlight && resource.highlight()) {
            paper.highlight = true;
            changed = true;
        }
        if (paper.kind == ResourceKind.OTHER && resource.kind() != ResourceKind.OTHER) {
            paper.kind = resource.kind();
            changed = true;
        }
        return changed;
    }

    private static boolean addAlias(KnownPapers known, Paper paper, String alias, PaperAlias.Source source) {
        String key = TitleKey.normalize(alias);
        if (key.isEmpty() || key.equals(paper.titleKey) || !known.claimAliasKey(key)) {
            return false;
        }
        PaperAlias row = new PaperAlias();
        row.paperId = paper.id;
        row.alias = alias;
        row.aliasKey = key;
        row.source = source;
        row.persist();
        known.registerTitle(paper.id, alias);
        return true;
    }
}
