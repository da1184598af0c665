package dev.readnext;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * readnext's own settings, all under {@code readnext.}; as environment variables {@code READNEXT_…}, e.g.
 * {@code READNEXT_GRAPHQL_MAX_TOKENS}. The defaults here are also written out in application.properties, next to the
 * Quarkus settings that refer to them. The database and HTTP settings are Quarkus' own ({@code quarkus.datasource.*},
 * {@code quarkus.http.port}).
 */
@ConfigMapping(prefix = "readnext")
public interface ReadnextConfig {

    /** Schema holding readnext's tables, created and migrated by Flyway; the database may hold others. */
    @WithDefault("readnext")
    String schema();

    GraphQL graphql();

    Index index();

    Seed seed();

    Cors cors();

    Db db();

    Similarity similarity();

    Metrics metrics();

    /** Limits on a GraphQL request; a request over any of them is refused with {@code BAD_USER_INPUT}. */
    interface GraphQL {

        /** Most tokens the parser reads in a document before giving up. */
        @WithDefault("5000")
        int maxTokens();

        /**
         * Largest request body (HTTP 413 above it), checked before parsing; room for a 2 MB
         * {@code importReadingList}. {@code quarkus.http.limits.max-body-size} must not be lower.
         */
        @WithDefault("4194304")
        long maxBodyBytes();

        /**
         * Deepest an introspection selection ({@code __schema}, {@code __type}) may nest: the standard introspection
         * query is 13 deep, GraphiQL's 15; graphql-java's good-faith introspection check stops at 20 anyway. Data
         * queries keep SmallRye's {@code quarkus.smallrye-graphql.instrumentation-query-depth}.
         */
        @WithDefault("20")
        int maxIntrospectionDepth();

        /** Most fields a document may select once its fragments are expanded, counted before anything expands them. */
        @WithDefault("2000")
        int maxFields();

        /**
         * Most a query may cost, estimated before execution: a list costs its size (its {@code first}, or a nominal
         * size) times the cost of what it selects (README "Errors and limits").
         */
        @WithDefault("10000")
        long maxCost();

        /**
         * Most the queries running at once may cost together; a query that does not fit waits up to a second for
         * room, then is refused with a retryable {@code BAD_USER_INPUT}. A query costing more than a quarter of it
         * must leave that quarter free for cheaper ones, so three quarters should be at least {@link #maxCost()}.
         */
        @WithDefault("20000")
        int maxRunningCost();

        /** Most values (fields and list items) a result may hold; past it the query stops with an error. */
        @WithDefault("50000")
        int maxResultNodes();

        /** Most characters of text a result may hold; past it the query stops with an error. */
        @WithDefault("8000000")
        long maxResultChars();

        /** How long a query may run; past it the remaining fields are not fetched and the client gets an error. */
        @WithDefault("4s")
        Duration executionTimeout();
    }

    interface Index {

        /** Build the recommendation index at start and follow changes; off for command-line runs such as import-arxiv. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Seed {

        /** On the first start against an empty database, import the reading lists bundled under {@code db/seed/}. */
        @WithDefault("true")
        boolean enabled();

        /**
         * The reader (a token's {@code sub}) who owns the catalogue's reading lists, the seed lists and those editors
         * import: their entries' {@code read} field is this reader's read status, and their checkboxes mark papers
         * read for this reader. Migration V7 hands the checkboxes ticked before readers existed to this reader. Also
         * the Flyway placeholder {@code seed_owner}, quoted there: it must not contain a single quote.
         */
        @WithDefault("curator")
        String owner();
    }

    interface Cors {

        /**
         * Browser origins allowed to call the API (comma-separated). Quarkus' CORS filter reads them through
         * {@code quarkus.http.cors.origins=${readnext.cors.origins}}; declared here so that they are documented and
         * checked with the rest.
         */
        @WithDefault("http://localhost:5173")
        List<String> origins();
    }

    interface Db {

        /**
         * Longest a database statement of a request may run: PostgreSQL's {@code statement_timeout}, set on every
         * pooled connection (application.properties' new-connection-sql); imports set longer ones of their own.
         */
        @WithDefault("3s")
        String statementTimeout();
    }

    interface Similarity {

        /**
         * The embedding's share w of text similarity: {@code (1 − w)·TF-IDF cosine + w·embedding cosine}
         * (README "Semantic similarity" for the measurements behind the default).
         */
        @WithDefault("0.5")
        double semanticWeight();

        Semantic semantic();

        interface Semantic {

            /**
             * Sentence embeddings beside TF-IDF: papers are embedded in the background and ranked by the hybrid. Off,
             * the service ranks by TF-IDF alone and loads no model.
             */
            @WithDefault("true")
            boolean enabled();
        }
    }

    /** Bounds on the tags of the GraphQL metrics: operation names come from clients. */
    interface Metrics {

        /** Distinct operation names tagged, the first ones seen; later names are tagged "other". */
        @WithDefault("50")
        int maxOperationNames();

        /** Operation names are cut to this many characters in tags. */
        @WithDefault("64")
        int maxOperationNameLength();
    }
}
