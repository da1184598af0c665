package dev.readnext.course;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Type;

import dev.readnext.persistence.PositionedPaper;

/** A paper to read for a course session, in order. */
@Entity
@Type("CourseReading")
@Description("A reading of a course session, with its order and whether it is optional")
@Table(name = "session_reading")
@IdClass(SessionReading.Key.class)
public class SessionReading extends PositionedPaper {

    @Id
    @Ignore
    @Column(name = "session_id")
    public Long sessionId;

    @Description("True for a reading the schedule marks \"(optional)\"")
    public boolean optional;

    /** The row's key: the session and the paper ({@link PositionedPaper#paperId}, inherited). */
    public record Key(Long sessionId, Long paperId) implements Serializable {
    }
}
