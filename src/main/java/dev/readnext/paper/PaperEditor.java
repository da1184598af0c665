package dev.readnext.paper;

import java.util.ArrayList;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.readnext.api.ApiException;
import dev.readnext.api.ErrorCode;
import dev.readnext.api.Inputs;
import dev.readnext.text.Slugs;
import dev.readnext.text.TitleKey;

/** Creating, updating and deleting papers and their aliases, with validation and optimistic locking. */
@ApplicationScoped
@Transactional
public class PaperEditor {

    @Inject
    Event<PaperChanged> changes;

    public Paper create(PaperInput input) {
        Paper paper = new Paper();
        apply(paper, input);
        paper.slug = Slugs.unique(paper.title, 60, "paper", slug -> Paper.count("slug", slug) > 0);
        paper.persist();
        changes.fire(new PaperChanged(paper.id, PaperChanged.Change.CREATED));
        return paper;
    }

    public Paper update(Paper paper, int version, PaperInput input) {
        if (paper.version != version) {
            throw new ApiException(ErrorCode.CONFLICT, "paper " + paper.id + " was changed by someone else (version "
                    + paper.version + ", yours " + version + "); reload it and apply your change again", "version", null);
        }
        apply(paper, input);
        changes.fire(new PaperChanged(paper.id, PaperChanged.Change.UPDATED));
        return paper;
    }

    /** Changes the fields given (non-null) and keeps the others; see {@link PaperUpdateInput}. */
    public Paper patch(Paper paper, PaperUpdateInput changes) {
        PaperInput merged = new PaperInput();
        merged.title = changes.title != null ? changes.title : paper.title;
        merged.tldr = changes.tldr != null ? changes.tldr : paper.tldr;
        merged.abstractText = changes.abstractText != null ? changes.abstractText : paper.abstractText;
        merged.kind = changes.kind != null ? changes.kind : paper.kind;
        merged.url = changes.url != null ? changes.url : paper.url;
        merged.arxivId = changes.arxivId != null ? changes.arxivId : paper.arxivId;
        merged.year = changes.year != null ? changes.year : paper.year;
        merged.authors = changes.authors != null ? changes.authors : paper.authors;
        merged.codeUrl = changes.codeUrl != null ? changes.codeUrl : paper.codeUrl;
        merged.highlight = changes.highlight != null ? changes.highlight : paper.highlight;
        return update(paper, changes.version, merged);
    }

    public void delete(Paper paper) {
        paper.delete();
        changes.fire(new PaperChanged(paper.id, PaperChanged.Change.DELETED));
    }

    public Paper addAlias(Paper paper, String alias) {
        long paperId = paper.id;
        String name = Inputs.requiredText("alias", alias, 500);
        String key = TitleKey.normalize(name);
        Optional<PaperAlias> existing = PaperAlias.find("aliasKey", key).firstResultOptional();
        if (existing.isPresent() && !existing.get().paperId.equals(paperId)) {
            throw new ApiException(ErrorCode.CONFLICT, "alias \"" + name + "\" already names paper "
                    + existing.get().paperId, "alias", null);
        }
        if (existing.isEmpty()) {
            PaperAlias row = new PaperAlias();
            row.paperId = paperId;
            row.alias = name;
            row.aliasKey = key;
            row.source = PaperAlias.Source.EDITOR;
            row.persist();
        }
        return paper;
    }

    /** False if the paper has no such alias. */
    public boolean removeAlias(Paper paper, String alias) {
        return PaperAlias.delete("paperId = ?1 and aliasKey = ?2", paper.id, TitleKey.normalize(alias)) > 0;
    }

    private void apply(Paper paper, PaperInput input) {
        if (input == null) {
            throw ApiException.badInput("input", "input is required");
        }
        String arxivId = Inputs.optionalArxivId("arxivId", input.arxivId);
        if (arxivId != null && !arxivId.equals(paper.arxivId) && Paper.findByArxivId(arxivId).isPresent()) {
            throw new ApiException(ErrorCode.CONFLICT, "another paper has arXiv id " + arxivId, "arxivId", null);
        }
        paper.title = Inputs.requiredText("title", input.title, 500);
        paper.titleKey = TitleKey.normalize(paper.title);
        paper.tldr = Inputs.optionalText("tldr", input.tldr, 2000);
        paper.abstractText = Inputs.optionalText("abstract", input.abstractText, 20000);
        paper.kind = input.kind == null ? (arxivId != null ? ResourceKind.PAPER : ResourceKind.OTHER) : input.kind;
        paper.url = Inputs.optionalUrl("url", input.url);
        paper.arxivId = arxivId;
        paper.year = Inputs.optionalYear("year", input.year);
        paper.authors = new ArrayList<>(Inputs.names("authors", input.authors, 500, 200));
        paper.codeUrl = Inputs.optionalUrl("codeUrl", input.codeUrl);
        paper.highlight = Boolean.TRUE.equals(input.highlight);
    }

}
