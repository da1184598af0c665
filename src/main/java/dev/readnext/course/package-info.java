/** Courses with their numbered sections and dated sessions, and each session's readings; adds {@code Paper.sessions}. */
package dev.readnext.course;
