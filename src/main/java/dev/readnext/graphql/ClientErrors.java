package dev.readnext.graphql;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.postgresql.util.PSQLException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import dev.readnext.api.ApiException;
import dev.readnext.api.ErrorCode;

/**
 * What a thrown exception means to the client: the {@link ApiException} it is or stands for, found along its causes,
 * or null when it is unexpected (then INTERNAL). Messages are written here, never taken from the exception: no SQL,
 * constraint or class names reach the client.
 */
final class ClientErrors {

    /** PostgreSQL shutting down or starting up (admin_shutdown, crash_shutdown, cannot_connect_now). */
    private static final Set<String> SERVER_RESTARTING = Set.of("57P01", "57P02", "57P03");
    private static final String UNIQUE_VIOLATION = "23505";
    /** character_not_in_repertoire: a NUL byte in text (PostgreSQL text cannot hold one). */
    private static final String NOT_IN_REPERTOIRE = "22021";
    /** query_canceled: the statement ran past readnext.db.statement-timeout. */
    private static final String QUERY_CANCELED = "57014";

    /** The unique constraints of db/migration a client can run into, in the words of the API. */
    private static final Map<String, Clash> UNIQUE = Map.of(
            "paper_slug_unique", new Clash("title", "a paper with this title was saved at the same time; try again"),
            "paper_arxiv_id_unique", new Clash("arxivId", "another paper has this arXiv id"),
            "paper_alias_key_unique", new Clash("alias", "this alias already names another paper"),
            "topic_slug_unique", new Clash("name", "a topic with this name exists already"),
            "reading_list_slug_unique", new Clash("name", "a reading list with this name exists already"),
            "learning_path_slug_unique", new Clash("title", "a learning path with this title exists already"));

    private record Clash(String field, String message) {
    }

    private ClientErrors() {
    }

    static ApiException of(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
            if (t instanceof UnauthorizedException || t instanceof AuthenticationFailedException) {
                return new ApiException(ErrorCode.UNAUTHENTICATED,
                        "this operation needs a valid bearer token of an editor", null, null);
            }
            if (t instanceof ForbiddenException) {
                return new ApiException(ErrorCode.FORBIDDEN, "this operation needs the role editor", null, null);
            }
            if (isConnectionFailure(t)) {
                Log.warnf("Database unavailable: %s", t.getMessage());
                return ApiException.databaseUnavailable();
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return new ApiException(ErrorCode.CONFLICT,
                        "the data was changed by someone else meanwhile; reload it and try again", null, null);
            }
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return duplicate(constraint(thrown));
            }
            if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                Log.warnf("Statement cancelled by the statement timeout: %s", sql.getMessage());
                return ApiException.retryable("The request took too long in the database and was stopped; ask for"
                        + " fewer items or simpler text, or try again later");
            }
            if (t instanceof SQLException sql && NOT_IN_REPERTOIRE.equals(sql.getSQLState())) {
                return ApiException.badInput(null, "text must not contain NUL characters");
            }
        }
        return null;
    }

    /**
     * Lost or refused database connections: JDBC connection errors (SQLState class 08), Hibernate's translation of
     * them, a server shutting down or starting up, sockets that would not connect, and a pool that could not hand
     * out a connection in time.
     */
    private static boolean isConnectionFailure(Throwable t) {
        return t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof ConnectException
                || t instanceof SQLException sql && (sql.getSQLState() != null && (sql.getSQLState().startsWith("08")
                        || SERVER_RESTARTING.contains(sql.getSQLState()))
                        || String.valueOf(sql.getMessage()).contains("acquisition timeout"));
    }

    /** A unique violation, which the services' own checks let through only in a race with another request. */
    private static ApiException duplicate(String constraint) {
        Clash clash = constraint == null ? null : UNIQUE.get(constraint);
        if (clash != null) {
            return new ApiException(ErrorCode.CONFLICT, clash.message(), clash.field(), null);
        }
        String what = constraint == null ? "" : " (" + words(constraint) + ")";
        return new ApiException(ErrorCode.CONFLICT, "this change clashes with another one saved at the same time" + what
                + "; reload and try again", null, null);
    }

    /** The name of the violated constraint, from Hibernate's translation or PostgreSQL's own report. */
    private static String constraint(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                return unqualified(violation.getConstraintName());
            }
            for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                if (sql instanceof PSQLException psql && psql.getServerErrorMessage() != null
                        && psql.getServerErrorMessage().getConstraint() != null) {
                    return unqualified(psql.getServerErrorMessage().getConstraint());
                }
            }
        }
        return null;
    }

    private static String unqualified(String name) {
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    /** "course_session_position_unique" → "course session position" */
    private static String words(String constraint) {
        return constraint.replaceAll("_(unique|key|pkey)$", "").replace('_', ' ');
    }
}
