package dev.readnext.paper;

import org.eclipse.microprofile.graphql.Description;

/** What a reading-list entry points at. */
@Description("What a resource is; imports guess it from the link (arxiv.org: PAPER, github.com: REPO, …)")
public enum ResourceKind {
    @Description("A research paper (arXiv, OpenReview, ACL Anthology, a PDF…)")
    PAPER,
    @Description("A blog post or long-form article")
    BLOG,
    @Description("A video or recorded talk")
    VIDEO,
    @Description("A code repository")
    REPO,
    @Description("A social-media post or thread (X, Reddit, Hacker News…)")
    POST,
    @Description("A course or lecture series")
    COURSE,
    @Description("Anything else")
    OTHER
}
