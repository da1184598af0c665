package dev.readnext.bench;

import dev.readnext.recommend.embedding.MiniLmEmbedder;
import dev.readnext.recommend.embedding.PaperEmbeddingText;
import dev.readnext.recommend.engine.Int8Vector;
import dev.readnext.recommend.engine.SemanticIndex;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;

/**
 * The embeddings of a corpus's papers as the service would store them ({@link MiniLmEmbedder}, {@link PaperEmbeddingText},
 * int8), computed once and cached on disk under {@code quality.cache} (default {@code ~/.cache/readnext}), in a file
 * named by the SHA-256 of the corpus file and the model, so a re-run does not embed again and a changed corpus or model
 * never reads a stale cache. The cache holds the file's first papers in order, so a run on the first N papers
 * ({@code quality.limit}) reads a prefix of it, and a longer run embeds only the rest. Embedding appends to a
 * {@code .partial} file in chunks, so an interrupted run resumes.
 */
final class CorpusEmbeddings {

    private static final int CHUNK = 1000;
    private static final int MAGIC = 0x524e454d; // "RNEM"

    private CorpusEmbeddings() {
    }

    /** Embeds {@code quality.corpus} ahead of a report: {@code ./mvnw -Pquality test-compile exec:java@embed -Dquality.corpus=…}. */
    public static void main(String[] args) {
        of(BenchCorpus.load("quality.corpus", Integer.MAX_VALUE));
    }

    /** Every paper's embedding, the paper's position as id. */
    static SemanticIndex of(BenchCorpus corpus) {
        Path cache = cacheFile(corpus);
        List<Int8Vector> vectors = read(cache);
        List<Int8Vector> partial = read(cache.resolveSibling(cache.getFileName() + ".partial"));
        if (partial.size() > vectors.size()) {
            vectors = partial;
        }
        if (vectors.size() < corpus.papers().size()) {
            vectors = embed(corpus, vectors, cache);
        } else {
            System.out.printf(Locale.ROOT, "embeddings of %,d papers read from %s%n", corpus.papers().size(), cache);
        }
        SemanticIndex index = new SemanticIndex(MiniLmEmbedder.DIMENSIONS, corpus.papers().size());
        for (int i = 0; i < corpus.papers().size(); i++) {
            index.put(i, vectors.get(i));
        }
        return index;
    }

    private static List<Int8Vector> embed(BenchCorpus corpus, List<Int8Vector> done, Path cache) {
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        Path partial = cache.resolveSibling(cache.getFileName() + ".partial");
        int threads = Integer.getInteger("quality.threads", Runtime.getRuntime().availableProcessors());
        List<Int8Vector> vectors = new ArrayList<>(done);
        System.out.printf(Locale.ROOT, "embedding %,d papers on %d threads (%,d cached) into %s%n",
                corpus.papers().size() - done.size(), threads, done.size(), cache);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            // written afresh with the entries read, so that a half-written last entry is dropped
            Files.createDirectories(cache.getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
                out.writeInt(MAGIC);
                out.writeUTF(embedder.model());
                out.writeInt(embedder.dimensions());
                for (Int8Vector vector : done) {
                    out.writeFloat(vector.scale());
                    out.write(vector.values());
                }
            }
            for (int from = done.size(); from < corpus.papers().size(); from += CHUNK) {
                int to = Math.min(from + CHUNK, corpus.papers().size());
                List<Future<Int8Vector>> chunk = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    BenchCorpus.Paper paper = corpus.papers().get(i);
                    String text = PaperEmbeddingText.of(paper.title(), null, paper.abstractText());
                    chunk.add(pool.submit(() -> Int8Vector.quantize(embedder.embed(text))));
                }
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(partial, StandardOpenOption.APPEND)))) {
                    for (Future<Int8Vector> future : chunk) {
                        Int8Vector vector = future.get();
                        out.writeFloat(vector.scale());
                        out.write(vector.values());
                        vectors.add(vector);
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "  %,d / %,d embedded, %.1f papers/s%n", to, corpus.papers().size(),
                        (to - done.size()) / seconds);
            }
            Files.move(partial, cache, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("embedding failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return vectors;
    }

    /** The complete entries of a cache file (none if it is missing or of another model). */
    private static List<Int8Vector> read(Path file) {
        List<Int8Vector> vectors = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return vectors;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || !in.readUTF().equals(MiniLmEmbedder.MODEL)) {
                return vectors;
            }
            int dimensions = in.readInt();
            while (true) {
                float scale = in.readFloat();
                byte[] values = new byte[dimensions];
                in.readFully(values);
                vectors.add(new Int8Vector(values, scale));
            }
        } catch (EOFException e) {
            return vectors; // a partial file ends mid-chunk only if a run was killed while writing; whole entries count
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    private static Path cacheFile(BenchCorpus corpus) {
        Path directory = Path.of(System.getProperty("quality.cache",
                System.getProperty("user.home") + "/.cache/readnext"));
        String model = MiniLmEmbedder.MODEL.replaceAll("[^A-Za-z0-9.-]", "_");
        return directory.resolve("embeddings-" + sha256(corpus.path()).substring(0, 16) + "-" + model + ".bin");
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
