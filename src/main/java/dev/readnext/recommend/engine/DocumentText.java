package dev.readnext.recommend.engine;

/**
 * The text of one paper as the index sees it. Any field may be null.
 *
 * @param id           the caller's stable key (e.g. the paper's database id)
 * @param title        the title
 * @param tldr         a one-sentence summary, if the paper has one
 * @param abstractText the abstract
 */
public record DocumentText(long id, String title, String tldr, String abstractText) {
}
