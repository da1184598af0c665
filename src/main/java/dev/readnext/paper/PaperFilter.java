package dev.readnext.paper;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("PaperFilter")
@Description("Filters for papers; all given filters must hold")
public class PaperFilter {
    @Description("topic slug; papers of its sub-topics are included")
    public String topic;
    @Description("Only resources of this kind")
    public ResourceKind kind;
    @Description("reading-list slug")
    public String list;
    @Description("Read or not: by the signed-in reader (anonymous: by the catalogue's owner, whose checkboxes the"
            + " catalogue's lists show); with list, the paper's checkbox in that list")
    public Boolean read;
    @Description("Only papers published in this year")
    public Integer year;
    @Description("full-text query over title, TL;DR, abstract and authors")
    public String text;
}
