/** The topic tree, papers' topic tags, and topic pages of papers; adds {@code Paper.topics}. */
package dev.readnext.topic;
