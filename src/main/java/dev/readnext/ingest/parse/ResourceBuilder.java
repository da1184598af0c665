package dev.readnext.ingest.parse;

import java.util.List;

import dev.readnext.paper.ResourceKind;
import dev.readnext.text.ArxivIds;
import dev.readnext.text.TextRepair;
import dev.readnext.text.Urls;

/**
 * Assembles a {@link ParsedResource} and derives what follows from its parts: canonical arXiv URL,
 * arXiv id and year from a link, kind from the URL unless a list marker said otherwise, a title from
 * the URL when the list gave none.
 */
final class ResourceBuilder {

    private final String title;
    private String url;
    private String arxivId;
    private ResourceKind kind;
    private String tldr;
    private List<String> authors = List.of();
    private String codeUrl;
    private boolean highlight;
    private Integer year;
    private String abstractText;

    private ResourceBuilder(String title) {
        this.title = title == null ? "" : TextRepair.clean(title);
    }

    static ResourceBuilder titled(String title) {
        return new ResourceBuilder(title);
    }

    ResourceBuilder url(String link) {
        this.url = Urls.canonical(link);
        ArxivIds.fromUrl(link).ifPresent(id -> this.arxivId = id);
        return this;
    }

    /** An id the list states; the resource's URL becomes the canonical abs page unless it links elsewhere. */
    ResourceBuilder arxivId(String id) {
        this.arxivId = id;
        if (url == null || Urls.host(url).endsWith("arxiv.org")) {
            this.url = ArxivIds.absUrl(id);
        }
        return this;
    }

    ResourceBuilder kind(ResourceKind explicitKind) {
        this.kind = explicitKind;
        return this;
    }

    ResourceBuilder tldr(String summary) {
        this.tldr = summary == null || summary.isBlank() ? null : TextRepair.clean(summary);
        return this;
    }

    ResourceBuilder authors(List<String> names) {
        this.authors = names.stream().map(TextRepair::clean).filter(name -> !name.isEmpty()).toList();
        return this;
    }

    ResourceBuilder codeUrl(String repoUrl) {
        this.codeUrl = repoUrl;
        return this;
    }

    ResourceBuilder highlight(boolean highlighted) {
        this.highlight = highlighted;
        return this;
    }

    /** A year the list states; it wins over the arXiv id's. */
    ResourceBuilder year(Integer statedYear) {
        this.year = statedYear;
        return this;
    }

    ResourceBuilder abstractText(String text) {
        this.abstractText = text == null || text.isBlank() ? null : TextRepair.clean(text);
        return this;
    }

    ParsedResource build() {
        String finalTitle = title.isEmpty() && url != null ? UrlTitles.fromUrl(url) : title;
        ResourceKind finalKind = kind != null ? kind : arxivId != null ? ResourceKind.PAPER : ResourceKinds.fromUrl(url);
        return new ParsedResource(finalTitle, url, arxivId, finalKind, tldr, authors, codeUrl, highlight,
                year != null ? year : ArxivIds.year(arxivId).orElse(null), abstractText);
    }
}
