package dev.readnext.paper;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Input("PaperInput")
@Description("A paper's editable fields; with the deprecated updatePaper, every field is replaced (absent = empty):"
        + " paperUpdate changes only the fields given")
public class PaperInput {
    @Description("Title: required, at most 500 characters")
    public String title;
    @Description("One-line summary, at most 2,000 characters")
    public String tldr;
    @Name("abstract")
    @Description("Abstract, at most 20,000 characters")
    public String abstractText;
    @Description("Kind of resource; when absent, PAPER if an arXiv id is given, else OTHER")
    public ResourceKind kind;
    @Description("Link to the resource: an absolute http(s) URL")
    public String url;
    @Description("arXiv id (\"2104.09864\"; an \"arXiv:\" prefix and a version suffix are dropped); another paper"
            + " with the same id is a CONFLICT")
    public String arxivId;
    @Description("Year of publication, from 1900 to next year")
    public Integer year;
    @Description("Author names in order: at most 500, of at most 200 characters each")
    public List<@NonNull String> authors;
    @Description("Link to the code: an absolute http(s) URL")
    public String codeUrl;
    @Description("Marks the paper as a highlight (absent: false)")
    public Boolean highlight;
}
