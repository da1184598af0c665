package dev.readnext.paper;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.api.Ids;
import dev.readnext.api.Mutations;

@Input("PaperUpdateInput")
@Description("Changes to a paper: a field absent (or null) stays as it is, never emptied; an empty string clears a"
        + " text or link, an empty list clears the authors")
public class PaperUpdateInput {
    @NonNull
    @Id
    @Description(Ids.PAPER_ID)
    public String id;
    @NonNull
    @Description("The version read with the paper (Paper.version); a stale one is a CONFLICT")
    public Integer version;
    @Description("New title, at most 500 characters; cannot be cleared. Absent: unchanged")
    public String title;
    @Description("New one-line summary, at most 2,000 characters; \"\" clears it. Absent: unchanged")
    public String tldr;
    @Name("abstract")
    @Description("New abstract, at most 20,000 characters; \"\" clears it. Absent: unchanged")
    public String abstractText;
    @Description("New kind of resource. Absent: unchanged")
    public ResourceKind kind;
    @Description("New link: an absolute http(s) URL; \"\" clears it. Absent: unchanged")
    public String url;
    @Description("New arXiv id (another paper with the same id is a CONFLICT); \"\" clears it. Absent: unchanged")
    public String arxivId;
    @Description("New year of publication, from 1900 to next year. Absent: unchanged")
    public Integer year;
    @Description("The author names in order, replacing the old ones: at most 500 of at most 200 characters each;"
            + " [] clears them. Absent: unchanged")
    public List<@NonNull String> authors;
    @Description("New link to the code: an absolute http(s) URL; \"\" clears it. Absent: unchanged")
    public String codeUrl;
    @Description("Marks or unmarks the paper as a highlight. Absent: unchanged")
    public Boolean highlight;
    @Description(Mutations.CLIENT_MUTATION_ID)
    public String clientMutationId;
}
