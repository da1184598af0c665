package dev.readnext.recommend;

import org.eclipse.microprofile.graphql.Description;

/** Why a paper is recommended. */
@Description("Why a paper is recommended")
public enum Reason {
    @Description("It comes next in a course schedule that has the paper, on the same subject.")
    COURSE_NEXT,
    @Description("It comes next in a learning path that has the paper, on the same subject.")
    PATH_NEXT,
    @Description("Its title, TL;DR or abstract is similar (TF-IDF cosine).")
    SIMILAR_TEXT,
    @Description("Its sentence embedding is close to the paper's: similar in meaning, possibly in other words.")
    SEMANTICALLY_SIMILAR,
    @Description("A reading list or course puts it in the same section or session as the paper.")
    SAME_SECTION,
    @Description("Sections of two or more different lists or courses put it with the paper.")
    LISTED_TOGETHER,
    @Description("It shares a topic with the paper.")
    SAME_TOPIC,
    @Description("It builds on the paper: it names the paper, or it is newer work on the subject.")
    FOLLOW_UP,
    @Description("It is earlier work on the paper's subject.")
    BACKGROUND,
    @Description("Asked about a subject: its text matches the words asked.")
    MATCHES_TEXT,
    @Description("Asked about a subject: it is in the topic the words name.")
    IN_TOPIC
}
