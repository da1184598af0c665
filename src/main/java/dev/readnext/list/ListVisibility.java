package dev.readnext.list;

import org.eclipse.microprofile.graphql.Description;

/** Who may see a reading list. */
@Description("Who may see a reading list")
public enum ListVisibility {
    @Description("Only the reader who owns the list (the default for a reader's own lists)")
    PRIVATE,
    @Description("Anyone, by the list's id: its name, entries and their read checkboxes (its owner's read status of"
            + " those papers, nothing else of theirs); the catalogue's lists are always public")
    PUBLIC
}
