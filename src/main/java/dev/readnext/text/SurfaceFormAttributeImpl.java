package dev.readnext.text;

import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeReflector;

/** Default implementation of {@link SurfaceFormAttribute}, found by Lucene through the "Impl" naming rule. */
public final class SurfaceFormAttributeImpl extends AttributeImpl implements SurfaceFormAttribute {

    private final StringBuilder surface = new StringBuilder();

    @Override
    public CharSequence surface() {
        return surface;
    }

    @Override
    public void setSurface(char[] buffer, int length) {
        surface.setLength(0);
        surface.append(buffer, 0, length);
    }

    @Override
    public void clear() {
        surface.setLength(0);
    }

    @Override
    public void copyTo(AttributeImpl target) {
        SurfaceFormAttributeImpl other = (SurfaceFormAttributeImpl) target;
        other.surface.setLength(0);
        other.surface.append(surface);
    }

    @Override
    public void reflectWith(AttributeReflector reflector) {
        reflector.reflect(SurfaceFormAttribute.class, "surface", surface.toString());
    }
}
