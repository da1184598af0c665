package dev.readnext.ingest.arxiv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

class JsonLinesTest {

    @Test
    void readsPlainLinesWithNumbersAndCrLf() throws IOException {
        try (JsonLines lines = new JsonLines(stream("a\r\n\nb".getBytes(StandardCharsets.UTF_8)))) {
            assertEquals("a", lines.next());
            assertEquals("", lines.next());
            assertEquals("b", lines.next());
            assertEquals(3, lines.lineNumber());
            assertNull(lines.next());
        }
    }

    @Test
    void recognisesGzipByItsMagicBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write("{\"id\": \"é\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        try (JsonLines lines = new JsonLines(stream(bytes.toByteArray()))) {
            assertEquals("{\"id\": \"é\"}", lines.next());
            assertNull(lines.next());
            assertEquals(bytes.size(), lines.bytesRead());
        }
    }

    @Test
    void aLineOverTheLimitIsSkippedToItsEnd() throws IOException {
        String text = "x".repeat(JsonLines.MAX_LINE + 1) + "\nnext";
        try (JsonLines lines = new JsonLines(stream(text.getBytes(StandardCharsets.UTF_8)))) {
            assertSame(JsonLines.TOO_LONG, lines.next());
            assertEquals("next", lines.next());
            assertEquals(2, lines.lineNumber());
        }
    }

    private static ByteArrayInputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
