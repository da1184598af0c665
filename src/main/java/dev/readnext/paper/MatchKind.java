package dev.readnext.paper;

import org.eclipse.microprofile.graphql.Description;

/** How a text matched a paper (see {@link PaperResolver} for the score each gives). */
@Description("How a text matched a paper")
public enum MatchKind {
    @Description("The paper's arXiv id, or an arXiv URL")
    ARXIV_ID,
    @Description("The paper's URL")
    URL,
    @Description("A curated alias (\"RoPE\", \"DPO\")")
    ALIAS,
    @Description("The title, or a reading list's variant of it")
    TITLE,
    @Description("The name before the title's colon (\"ZClip\")")
    NAME,
    @Description("The initials of consecutive title words (\"DPO\" for Direct Preference Optimization)")
    ACRONYM,
    @Description("A similar title (trigram similarity): a guess")
    FUZZY_TITLE
}
