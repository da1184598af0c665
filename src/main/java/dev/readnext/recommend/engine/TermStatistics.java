package dev.readnext.recommend.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The counts that term weights are derived from: the number of documents n and each term's document frequency df.
 * Terms in fewer than two documents weigh 0 (see {@link IndexGeneration#termWeight(int, int)}) and are not kept.
 * Weighed with the same statistics, two indexes give every term, and so every document with the same text, the same
 * weights, whatever documents each holds and in whatever order it learnt its terms: replicas that share statistics
 * agree on every score.
 *
 * @param terms       distinct terms, in ascending order
 * @param frequencies df of each term, aligned with {@code terms}, each at least 2
 */
public record TermStatistics(int documents, String[] terms, int[] frequencies) {

    private static final int FORMAT = 1;

    public TermStatistics {
        if (terms.length != frequencies.length) {
            throw new IllegalArgumentException("terms and frequencies differ in length");
        }
    }

    /** df of the term; 0 when it is not kept (fewer than two documents had it). */
    public int df(String term) {
        int i = Arrays.binarySearch(terms, term);
        return i < 0 ? 0 : frequencies[i];
    }

    public int termCount() {
        return terms.length;
    }

    /** The weight g of a term under these statistics. */
    float termWeight(String term) {
        return IndexGeneration.termWeight(documents, df(term));
    }

    /** A compact, versioned encoding (gzip of n, then each term and its df in order). */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(FORMAT);
            out.writeInt(documents);
            out.writeInt(terms.length);
            for (int i = 0; i < terms.length; i++) {
                out.writeUTF(terms[i]);
                out.writeInt(frequencies[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static TermStatistics fromBytes(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(encoded)))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown term statistics format " + format);
            }
            int documents = in.readInt();
            int count = in.readInt();
            String[] terms = new String[count];
            int[] frequencies = new int[count];
            for (int i = 0; i < count; i++) {
                terms[i] = in.readUTF();
                frequencies[i] = in.readInt();
            }
            return new TermStatistics(documents, terms, frequencies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first 64 bits of a SHA-256 of the counts: equal statistics have equal fingerprints, and different ones
     * practically never do. Names the weighting that a snapshot's neighbour lists were computed with.
     */
    public long fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer number = ByteBuffer.allocate(Integer.BYTES);
            digest.update(number.putInt(0, documents).array());
            for (int i = 0; i < terms.length; i++) {
                byte[] term = terms[i].getBytes(StandardCharsets.UTF_8);
                digest.update(number.putInt(0, term.length).array());
                digest.update(term);
                digest.update(number.putInt(0, frequencies[i]).array());
            }
            return ByteBuffer.wrap(digest.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TermStatistics that && documents == that.documents
                && Arrays.equals(terms, that.terms) && Arrays.equals(frequencies, that.frequencies);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * documents + Arrays.hashCode(terms)) + Arrays.hashCode(frequencies);
    }

    @Override
    public String toString() {
        return "TermStatistics[documents=" + documents + ", terms=" + terms.length + "]";
    }
}
