package dev.readnext.recommend;

/** Why a paper is recommended. */
public enum Reason {
    /** It comes next in a course schedule that has the paper. */
    COURSE_NEXT,
    /** It comes next in a learning path that has the paper. */
    PATH_NEXT,
    /** Its title, TL;DR or abstract is similar (TF-IDF cosine). */
    SIMILAR_TEXT,
    /** It shares a topic with the paper. */
    SAME_TOPIC
}
