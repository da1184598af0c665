package dev.readnext.persistence;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import org.eclipse.microprofile.graphql.Ignore;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An entity whose {@code id} the database assigns (an identity column). The id is internal: the API names these
 * entities by slug or reaches them through their parent, so it is not part of the GraphQL type.
 */
@MappedSuperclass
public abstract class GeneratedIdEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Ignore
    public Long id;
}
