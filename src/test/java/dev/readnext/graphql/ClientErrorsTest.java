package dev.readnext.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import dev.readnext.api.ApiException;
import dev.readnext.api.ErrorCode;

/** Database failures as the services see them (Hibernate's translations around PostgreSQL's reports). */
class ClientErrorsTest {

    @Test
    void uniqueViolationOfAPaperSlugIsAConflictOnTheTitle() {
        PSQLException cause = postgres("23505", "duplicate key value violates unique constraint \"paper_slug_unique\"",
                "paper_slug_unique");
        ApiException error = ClientErrors.of(new PersistenceException(
                new ConstraintViolationException("could not execute statement [insert into paper ...]", cause,
                        "paper_slug_unique")));
        assertEquals(ErrorCode.CONFLICT, error.code());
        assertEquals("title", error.field());
        assertPlain(error);
    }

    @Test
    void uniqueViolationOfAnAliasReportedByPostgreSQLAloneIsAConflictOnTheAlias() {
        ApiException error = ClientErrors.of(postgres("23505",
                "duplicate key value violates unique constraint \"paper_alias_key_unique\"", "paper_alias_key_unique"));
        assertEquals(ErrorCode.CONFLICT, error.code());
        assertEquals("alias", error.field());
        assertPlain(error);
    }

    @Test
    void uniqueViolationOfAnotherConstraintIsAConflictNamingItInWords() {
        ApiException error = ClientErrors.of(postgres("23505",
                "duplicate key value violates unique constraint \"course_session_position_unique\"",
                "course_session_position_unique"));
        assertEquals(ErrorCode.CONFLICT, error.code());
        assertTrue(error.getMessage().contains("course session position"), error.getMessage());
        assertPlain(error);
    }

    @Test
    void nulByteInTextIsBadUserInput() {
        ApiException error = ClientErrors.of(new DataException("could not execute query",
                postgres("22021", "invalid byte sequence for encoding \"UTF8\": 0x00", null)));
        assertEquals(ErrorCode.BAD_USER_INPUT, error.code());
        assertPlain(error);
    }

    @Test
    void serverShuttingDownOrStartingUpIsRetryable() {
        for (String state : new String[] { "57P01", "57P02", "57P03" }) {
            ApiException error = ClientErrors.of(new GenericJDBCException("could not execute query",
                    postgres(state, "terminating connection due to administrator command", null)));
            assertEquals(ErrorCode.INTERNAL, error.code(), state);
            assertTrue(error.retryable(), state);
        }
    }

    @Test
    void statementCancelledByTheTimeoutIsRetryableAndSaysSo() {
        ApiException error = ClientErrors.of(new jakarta.persistence.QueryTimeoutException("timeout",
                new org.hibernate.QueryTimeoutException("could not execute query",
                        postgres("57014", "canceling statement due to statement timeout", null), "select 1")));
        assertEquals(ErrorCode.INTERNAL, error.code());
        assertTrue(error.retryable());
        assertTrue(error.getMessage().contains("took too long"), error.getMessage());
        assertFalse(error.getMessage().contains("canceling statement"), error.getMessage());
    }

    @Test
    void connectionErrorIsRetryable() {
        ApiException error = ClientErrors.of(new SQLException("An I/O error occurred while sending to the backend.",
                "08006"));
        assertEquals(ErrorCode.INTERNAL, error.code());
        assertTrue(error.retryable());
    }

    @Test
    void otherDatabaseErrorsAreUnexpected() {
        assertNull(ClientErrors.of(new GenericJDBCException("could not execute query",
                postgres("42601", "syntax error at or near \"selec\"", null))));
    }

    private static PSQLException postgres(String sqlState, String message, String constraint) {
        String report = "SERROR\0C" + sqlState + "\0M" + message + "\0"
                + (constraint == null ? "" : "n" + constraint + "\0");
        return new PSQLException(new ServerErrorMessage(report));
    }

    private static void assertPlain(ApiException error) {
        for (String leak : new String[] { "_unique", "duplicate key", "insert", "0x00", "constraint" }) {
            assertFalse(error.getMessage().contains(leak), error.getMessage());
        }
    }
}
