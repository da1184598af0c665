package dev.readnext.text;

import org.apache.lucene.util.Attribute;

/** The form of a token as a person reads it (original case, not stemmed), captured before lower-casing. */
public interface SurfaceFormAttribute extends Attribute {

    CharSequence surface();

    void setSurface(char[] buffer, int length);
}
