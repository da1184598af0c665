package dev.readnext.bench;

import dev.readnext.recommend.embedding.PrincipalAxes;
import dev.readnext.recommend.engine.SemanticIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Computes the bundled {@link PrincipalAxes} from a corpus's embeddings ({@link CorpusEmbeddings}, embedding it first
 * if it is not cached): the eigenvectors of their second moment, largest eigenvalue first, composed with the axes the
 * embeddings are already in, so a re-run refines rather than restarts. Prints how much of the embeddings' squared
 * length the first coordinates hold.
 *
 * <pre>./mvnw -q -Pquality test-compile exec:java@axes -Dquality.corpus=…/arxiv-cs-2025-2026.jsonl.gz</pre>
 */
public final class PrincipalAxesTool {

    private PrincipalAxesTool() {
    }

    public static void main(String[] args) throws IOException {
        BenchCorpus corpus = BenchCorpus.load("quality.corpus", Integer.getInteger("quality.limit", Integer.MAX_VALUE));
        Path out = Path.of(System.getProperty("axes.out", "src/main/resources/embedding/all-minilm-l6-v2-q.axes"));
        SemanticIndex embeddings = CorpusEmbeddings.of(corpus);
        int dimensions = embeddings.dimensions();
        PrincipalAxes current = Files.exists(out) ? read(out) : PrincipalAxes.identity(dimensions);

        double[][] moment = new double[dimensions][dimensions];
        for (int id = 0; id < corpus.papers().size(); id++) {
            float[] v = embeddings.vectorOf(id).orElseThrow().toFloats();
            for (int a = 0; a < dimensions; a++) {
                for (int b = a; b < dimensions; b++) {
                    moment[a][b] += v[a] * v[b];
                }
            }
        }
        for (int a = 0; a < dimensions; a++) {
            for (int b = 0; b < a; b++) {
                moment[a][b] = moment[b][a];
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(MatrixUtils.createRealMatrix(moment));
        double[] values = eigen.getRealEigenvalues();
        int[] order = IntStream.range(0, dimensions).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> values[i]).reversed()).mapToInt(i -> i).toArray();
        RealMatrix byEnergy = MatrixUtils.createRealMatrix(dimensions, dimensions);
        for (int i = 0; i < dimensions; i++) {
            byEnergy.setRow(i, eigen.getEigenvector(order[i]).toArray());
        }
        float[][] currentRows = current.rows();
        RealMatrix currentAxes = MatrixUtils.createRealMatrix(dimensions, dimensions);
        for (int i = 0; i < dimensions; i++) {
            currentAxes.setRow(i, toDoubles(currentRows[i]));
        }
        RealMatrix composed = byEnergy.multiply(currentAxes);
        float[][] axes = new float[dimensions][];
        for (int i = 0; i < dimensions; i++) {
            axes[i] = toFloats(composed.getRow(i));
        }
        try (OutputStream file = Files.newOutputStream(out)) {
            new PrincipalAxes(axes).write(file);
        }
        double total = Arrays.stream(values).sum();
        double cumulative = 0;
        for (int i = 0; i < dimensions; i++) {
            cumulative += values[order[i]];
            if (Integer.bitCount(i + 1) == 1 || i + 1 == 96) {
                System.out.printf(Locale.ROOT, "first %3d axes hold %.3f of the squared length%n", i + 1, cumulative / total);
            }
        }
        System.out.printf(Locale.ROOT, "axes of %,d embeddings written to %s%n", corpus.papers().size(), out);
    }

    private static PrincipalAxes read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return PrincipalAxes.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] toDoubles(float[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }
}
