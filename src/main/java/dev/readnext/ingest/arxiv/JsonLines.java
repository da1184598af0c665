package dev.readnext.ingest.arxiv;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * The lines of a JSONL stream, gzip-compressed (recognised by its magic bytes) or plain, read with bounded memory:
 * a line longer than {@link #MAX_LINE} characters is skipped to its end and handed over as {@link #TOO_LONG}.
 * Counts the bytes read from the underlying stream (compressed bytes for gzip), for progress against the file size.
 */
final class JsonLines implements AutoCloseable {

    static final int MAX_LINE = 1 << 20;
    /** Stands for a line that was longer than {@link #MAX_LINE}; compared by identity. */
    static final String TOO_LONG = new String("(line too long)");

    private static final int BUFFER = 1 << 16;

    private final CountingInputStream counted;
    private final BufferedReader reader;
    private final StringBuilder line = new StringBuilder();
    private long lineNumber;

    JsonLines(InputStream raw) throws IOException {
        counted = new CountingInputStream(raw);
        BufferedInputStream buffered = new BufferedInputStream(counted, BUFFER);
        buffered.mark(2);
        boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        InputStream decoded = gzip ? new GZIPInputStream(buffered, BUFFER) : buffered;
        reader = new BufferedReader(new InputStreamReader(decoded, StandardCharsets.UTF_8), BUFFER);
    }

    /** The next line (without its line break), {@link #TOO_LONG}, or null at the end. */
    String next() throws IOException {
        line.setLength(0);
        boolean tooLong = false;
        int c = reader.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n') {
            if (line.length() < MAX_LINE) {
                line.append((char) c);
            } else {
                tooLong = true;
            }
            c = reader.read();
        }
        lineNumber++;
        if (tooLong) {
            return TOO_LONG;
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    /** The number of the line last returned by {@link #next()}, from 1. */
    long lineNumber() {
        return lineNumber;
    }

    long bytesRead() {
        return counted.count;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static final class CountingInputStream extends FilterInputStream {

        private volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
