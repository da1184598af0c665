package dev.readnext.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A paper at a 1-based position in an ordered parent (a course session's readings, a learning path's steps).
 * The row's key is (parent, paper): the subclass declares the parent's id as its other {@code @Id} and names
 * both in its {@code @IdClass}. The paper id is internal; the GraphQL type resolves the paper itself.
 */
@MappedSuperclass
public abstract class PositionedPaper extends PanacheEntityBase {

    @Id
    @Ignore
    @Column(name = "paper_id")
    public Long paperId;

    @Description("1-based position in reading order")
    public int position;
}
