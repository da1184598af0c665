package dev.readnext.paper;

/** What a reading-list entry points at. */
public enum ResourceKind {
    PAPER, BLOG, VIDEO, REPO, POST, COURSE, OTHER
}
