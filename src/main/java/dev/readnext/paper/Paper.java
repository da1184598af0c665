package dev.readnext.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.readnext.api.Ids;
import dev.readnext.api.Node;

/** A paper, blog post, video, repository or other resource that people read. */
@Entity
@Table(name = "paper")
@Type("Paper")
@Description("A paper, blog post, video, repository or other resource from the reading lists")
public class Paper extends PanacheEntityBase implements Node {

    // From the identity column's own sequence, so that the database default and Hibernate hand out the same ids;
    // unlike GenerationType.IDENTITY, whose id is only known after the row's INSERT, this lets Hibernate batch the
    // INSERTs of an import (a 2 MB reading list creates 31,000 papers)
    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "paper_id")
    @SequenceGenerator(name = "paper_id", sequenceName = "paper_id_seq", allocationSize = 1)
    @Ignore
    public Long id;

    @NonNull
    @Description("Unique URL-safe key, derived from the title when the paper was added; paper(slug:) finds it")
    public String slug;

    @NonNull
    @Description("Title, as the reading list or arXiv gives it")
    public String title;

    /** Normalised title used to recognise the same resource across lists; not part of the API. */
    @Ignore
    @Column(name = "title_key")
    public String titleKey;

    @Description("One-line summary (TL;DR) from a reading list")
    public String tldr;

    @Name("abstract")
    @Column(name = "abstract")
    @Description("The abstract; null when unknown (most resources outside arXiv)")
    public String abstractText;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Description("What kind of resource this is: a paper, blog post, video, repository…")
    public ResourceKind kind;

    @Description("Link to the resource (http or https); null when no source gave one")
    public String url;

    @Column(name = "arxiv_id")
    @Description("arXiv id without version (\"2104.09864\", or old-style \"hep-th/9901001\"); null when not on arXiv")
    public String arxivId;

    @Description("Year of publication; null when unknown")
    public Integer year;

    @NonNull
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Description("Author names in the order given; empty when unknown")
    public List<@NonNull String> authors = new ArrayList<>();

    @Column(name = "code_url")
    @Description("Link to the code (usually a GitHub repository); null when unknown")
    public String codeUrl;

    @Description("Marked as a highlight by a reading list")
    public boolean highlight;

    @Version
    @Description("Optimistic-locking version; pass it back when updating")
    public int version;

    @Override
    @Id
    @NonNull
    @Name("id")
    @Description(Node.ID)
    public String getNodeId() {
        return Ids.global(Ids.PAPER, id);
    }

    @NonNull
    @Description("The paper's numeric database id, which paper(id:), relatedPapers(paperId:) and the mutations"
            + " still accept in place of the global id")
    public int getDatabaseId() {
        return Math.toIntExact(id);
    }

    public static Optional<Paper> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static Optional<Paper> findByArxivId(String arxivId) {
        return find("arxivId", arxivId).firstResultOptional();
    }
}
