package dev.readnext.path;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;

import dev.readnext.persistence.PositionedPaper;

/** One step of a learning path. */
@Entity
@Table(name = "learning_path_step")
@IdClass(LearningPathStep.Key.class)
@Description("A step of a learning path: a paper, at its position, with an optional note")
public class LearningPathStep extends PositionedPaper {

    @Id
    @Ignore
    @Column(name = "path_id")
    public Long pathId;

    @Description("A note on the step (for a generated path, the course session it comes from); null when none")
    public String note;

    /** The row's key: the path and the paper ({@link PositionedPaper#paperId}, inherited). */
    public record Key(Long pathId, Long paperId) implements Serializable {
    }
}
