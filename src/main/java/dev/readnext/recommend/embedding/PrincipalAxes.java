package dev.readnext.recommend.embedding;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * An orthonormal basis of the embedding space, its axes ordered by how much of a corpus's embeddings lies along each
 * (the eigenvectors of their second moment, largest first). Embeddings are stored in this basis: a rotation keeps
 * every dot product, and it puts most of a vector's length in its first coordinates, which lets the index skip most
 * papers after reading a quarter of each vector ({@code SemanticIndex}). The bundled axes were computed from the
 * arXiv corpus's embeddings by {@code PrincipalAxesTool} (README "Semantic similarity").
 */
public final class PrincipalAxes {

    static final String RESOURCE = "/embedding/all-minilm-l6-v2-q.axes";
    private static final int MAGIC = 0x524e4158; // "RNAX"

    private final int dimensions;
    private final float[] axes;

    /** @param axes one unit vector per row, orthogonal to the others, in the order of the coordinates they give */
    public PrincipalAxes(float[][] axes) {
        dimensions = axes.length;
        this.axes = new float[dimensions * dimensions];
        for (int i = 0; i < dimensions; i++) {
            if (axes[i].length != dimensions) {
                throw new IllegalArgumentException("axes must form a square matrix");
            }
            System.arraycopy(axes[i], 0, this.axes, i * dimensions, dimensions);
        }
    }

    public static PrincipalAxes identity(int dimensions) {
        float[][] axes = new float[dimensions][dimensions];
        for (int i = 0; i < dimensions; i++) {
            axes[i][i] = 1;
        }
        return new PrincipalAxes(axes);
    }

    /** The bundled axes for {@link MiniLmEmbedder}. */
    static PrincipalAxes bundled() {
        try (InputStream in = PrincipalAxes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    public static PrincipalAxes read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC) {
            throw new IOException("not a principal axes file");
        }
        int dimensions = data.readInt();
        float[][] axes = new float[dimensions][dimensions];
        for (float[] axis : axes) {
            for (int j = 0; j < dimensions; j++) {
                axis[j] = data.readFloat();
            }
        }
        return new PrincipalAxes(axes);
    }

    public void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(dimensions);
        for (float value : axes) {
            data.writeFloat(value);
        }
        data.flush();
    }

    public int dimensions() {
        return dimensions;
    }

    /** The coordinates of {@code vector} along each axis. */
    public float[] rotate(float[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("expected " + dimensions + " dimensions, got " + vector.length);
        }
        float[] rotated = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            double sum = 0;
            for (int j = 0; j < dimensions; j++) {
                sum += axes[i * dimensions + j] * vector[j];
            }
            rotated[i] = (float) sum;
        }
        return rotated;
    }

    /** The axes as rows. */
    public float[][] rows() {
        float[][] rows = new float[dimensions][];
        for (int i = 0; i < dimensions; i++) {
            rows[i] = Arrays.copyOfRange(axes, i * dimensions, (i + 1) * dimensions);
        }
        return rows;
    }
}
