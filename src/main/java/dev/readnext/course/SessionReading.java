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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A paper to read for a course session, in order. */
@Entity
@Type("CourseReading")
@Description("A reading of a course session, with its order and whether it is optional")
@Table(name = "session_reading")
@IdClass(SessionReading.Key.class)
public class SessionReading extends PanacheEntityBase {

    @Id
    @Ignore
    @Column(name = "session_id")
    public Long sessionId;

    @Id
    @Ignore
    @Column(name = "paper_id")
    public Long paperId;

    public int position;

    public boolean optional;

    public record Key(Long sessionId, Long paperId) implements Serializable {
    }
}
