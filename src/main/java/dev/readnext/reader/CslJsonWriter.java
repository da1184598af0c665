package dev.readnext.reader;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.readnext.paper.Paper;
import dev.readnext.paper.ResourceKind;

/**
 * Writes papers as CSL-JSON (the Citation Style Language's data format, citeproc-js, Pandoc and Zotero read it): an
 * array of items with {@code id} (the citation key), {@code type}, {@code title}, {@code author} ({@code family} and
 * {@code given}, or {@code literal}), {@code issued} ({@code date-parts}), {@code URL}, {@code DOI}, and for arXiv
 * papers {@code number} ("arXiv:2104.09864") and {@code publisher} ("arXiv"), as Zotero writes preprints. Built with
 * Jackson, never by hand.
 */
final class CslJsonWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CslJsonWriter() {
    }

    /** @param keys one citation key per paper, aligned with the papers */
    static String write(List<Paper> papers, List<String> keys) {
        ArrayNode items = JSON.createArrayNode();
        for (int i = 0; i < papers.size(); i++) {
            items.add(item(papers.get(i), keys.get(i)));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings and numbers always serialises", e);
        }
    }

    private static ObjectNode item(Paper paper, String key) {
        ObjectNode item = JSON.createObjectNode().put("id", key).put("type", type(paper.kind))
                .put("title", paper.title);
        if (!paper.authors.isEmpty()) {
            ArrayNode authors = item.putArray("author");
            for (String name : paper.authors) {
                PersonName parts = PersonName.of(name);
                if (parts.literal() != null) {
                    authors.addObject().put("literal", parts.literal());
                } else {
                    authors.addObject().put("family", parts.family()).put("given", parts.given());
                }
            }
        }
        if (paper.year != null) {
            item.putObject("issued").putArray("date-parts").addArray().add(paper.year);
        }
        BibtexWriter.link(paper).ifPresent(url -> item.put("URL", url));
        BibtexWriter.doi(paper).ifPresent(doi -> item.put("DOI", doi));
        if (paper.arxivId != null) {
            item.put("number", "arXiv:" + paper.arxivId).put("publisher", "arXiv");
        }
        return item;
    }

    /** The CSL item type of a kind of resource ("article" is CSL's preprint or working paper). */
    static String type(ResourceKind kind) {
        return switch (kind) {
            case PAPER -> "article";
            case BLOG -> "post-weblog";
            case POST -> "post";
            case VIDEO -> "motion_picture";
            case REPO -> "software";
            case COURSE, OTHER -> "webpage";
        };
    }
}
