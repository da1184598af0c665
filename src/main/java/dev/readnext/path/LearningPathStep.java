package dev.readnext.path;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Ignore;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step of a learning path. */
@Entity
@Table(name = "learning_path_step")
@IdClass(LearningPathStep.Key.class)
public class LearningPathStep extends PanacheEntityBase {

    @Id
    @Ignore
    @Column(name = "path_id")
    public Long pathId;

    @Id
    @Ignore
    @Column(name = "paper_id")
    public Long paperId;

    public int position;

    public String note;

    public record Key(Long pathId, Long paperId) implements Serializable {
    }
}
