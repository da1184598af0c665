package dev.readnext.reader;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.paper.Paper;

/** A paper the reader marked read, and when they first did (reader_read.read_at). */
@Description("A paper the signed-in reader marked read, and when")
public record ReadRecord(@NonNull @Description("The paper read") Paper paper,
        @NonNull @Description("When the reader first marked it read (marking it again keeps this time)")
        Instant readAt) {
}
