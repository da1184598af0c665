package dev.readnext.ingest.arxiv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads and parses the next batches on a thread of its own while the database writes the current one. At most
 * {@link #AHEAD} batches wait, so memory stays bounded. Malformed lines go to the {@link LineSink}.
 */
final class BatchReader implements AutoCloseable {

    private static final int AHEAD = 2;
    private static final Object END = new Object();

    /** A batch of parsed papers and how far into the input it reaches. */
    record Batch(List<ArxivPaper> papers, long bytesRead, long lines) {
    }

    /** Receives every line read, and the malformed ones with their reason (called on the reading thread). */
    interface LineSink {
        void read();

        void skipped(long line, String reason);
    }

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread thread;

    BatchReader(JsonLines lines, int batchSize, LineSink sink) {
        thread = new Thread(() -> produce(lines, batchSize, sink), "arxiv-import-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next batch, or null after the last one. */
    Batch next() throws IOException {
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        }
        if (item instanceof IOException e) {
            throw e;
        }
        if (item instanceof RuntimeException e) {
            throw e;
        }
        return item == END ? null : (Batch) item;
    }

    @Override
    public void close() {
        thread.interrupt();
    }

    private void produce(JsonLines lines, int batchSize, LineSink sink) {
        ArxivLineParser parser = new ArxivLineParser();
        try {
            List<ArxivPaper> batch = new ArrayList<>(batchSize);
            for (String line = lines.next(); line != null; line = lines.next()) {
                sink.read();
                parse(parser, lines.lineNumber(), line, batch, sink);
                if (batch.size() == batchSize) {
                    queue.put(new Batch(batch, lines.bytesRead(), lines.lineNumber()));
                    batch = new ArrayList<>(batchSize);
                }
            }
            queue.put(new Batch(batch, lines.bytesRead(), lines.lineNumber()));
            queue.put(END);
        } catch (IOException | RuntimeException e) {
            hand(e instanceof UncheckedIOException u ? u.getCause() : e);
        } catch (InterruptedException e) {
            // the import gave up (it failed): nobody waits for more
        }
    }

    /** Passes a failure on to {@link #next()}, which throws it. */
    private void hand(Exception failure) {
        try {
            queue.put(failure);
        } catch (InterruptedException e) {
            // the import gave up already
        }
    }

    private static void parse(ArxivLineParser parser, long number, String line, List<ArxivPaper> batch, LineSink sink) {
        if (line.isBlank()) {
            return;
        }
        try {
            if (line == JsonLines.TOO_LONG) {
                throw new MalformedLineException("line longer than " + JsonLines.MAX_LINE + " characters");
            }
            batch.add(parser.parse(number, line));
        } catch (MalformedLineException e) {
            sink.skipped(number, e.getMessage());
        }
    }
}
