package dev.readnext.reader;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

/** {@code Reader.readHistory}: the reads with their dates, for the web page's "My library". */
@GraphQLApi
@Transactional // see GraphQLSetup: each resolver in its own transaction
public class ReadHistoryGraphQL {

    @Inject
    ReadHistory history;

    /** Only ever asked of the caller, as read is: me is the one way to a Reader. */
    @NonNull
    @Description("The papers this reader has marked read with when they read each, most recently read first (then"
            + " as read); the most recent ones only: page through them all with read(first, after)")
    public List<@NonNull ReadRecord> readHistory(@Source Reader reader,
            @Description("Number of reads, 0 to 100; absent: 20") Integer first) {
        return history.of(reader, first);
    }
}
