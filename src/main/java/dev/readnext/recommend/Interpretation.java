package dev.readnext.recommend;

import org.eclipse.microprofile.graphql.Description;

/** How "what next after …?" understood its text. */
@Description("How the text of nextPapers was understood")
public enum Interpretation {
    @Description("As a paper of the knowledge base, matched confidently: recommendations come after it.")
    PAPER,
    @Description("As a subject that names a topic: papers of the topic, ranked by similarity to the text.")
    TOPIC,
    @Description("As a subject in words: papers ranked by similarity to the text.")
    TEXT,
    @Description("Not at all: no paper, topic or indexed word matches.")
    NOTHING
}
