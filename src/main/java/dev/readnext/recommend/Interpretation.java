package dev.readnext.recommend;

/** How "what next after …?" understood its text. */
public enum Interpretation {
    /** As a paper of the knowledge base, matched confidently: recommendations come after it. */
    PAPER,
    /** As a subject that names a topic: papers of the topic, ranked by similarity to the text. */
    TOPIC,
    /** As a subject in words: papers ranked by similarity to the text. */
    TEXT,
    /** Not at all: no paper, topic or indexed word matches. */
    NOTHING
}
