package dev.readnext.paper;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;

@Input("PaperInput")
@Description("A paper's editable fields; on update, every field is replaced (absent = empty)")
public class PaperInput {
    public String title;
    public String tldr;
    @Name("abstract")
    public String abstractText;
    public ResourceKind kind;
    public String url;
    public String arxivId;
    public Integer year;
    public List<String> authors;
    public String codeUrl;
    public Boolean highlight;
}
