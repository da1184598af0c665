package dev.readnext.persistence;

import jakarta.persistence.MappedSuperclass;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * An entity the API names by a unique {@code slug} ("llm-901"). Each subclass keeps its own static
 * {@code findBySlug}: Panache generates the query methods per entity, so a finder here could not know the type.
 */
@MappedSuperclass
public abstract class SluggedEntity extends GeneratedIdEntity {

    @NonNull
    @Description("Unique, stable URL-safe key (lowercase words and hyphens) to look this up by")
    public String slug;
}
