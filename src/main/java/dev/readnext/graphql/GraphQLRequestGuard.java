package dev.readnext.graphql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import dev.readnext.ReadnextConfig;
import dev.readnext.api.ErrorCode;

/**
 * GraphQL over HTTP, checked before SmallRye sees a request, so that every refusal carries a coded GraphQL error:
 * <ul>
 * <li>POST takes {@code application/json} or {@code application/graphql-response+json}, parameters such as a charset
 * allowed (else 415), with a JSON object holding a non-empty "query" string (else 400); bodies above the limit get
 * 413;</li>
 * <li>GET serves queries only, and only when {@code quarkus.smallrye-graphql.http.get.enabled} (else 405);</li>
 * <li>a bearer token that fails verification gets 401 {@code UNAUTHENTICATED} (for queries too: a client
 * presenting bad credentials should learn it);</li>
 * <li>a document that does not parse, has more tokens than the limit, or selects more fields than the limit once
 * its fragments are expanded ({@link ExpandedFields}, before anything else expands them), gets
 * {@code BAD_USER_INPUT} with 200, or 400 when the client accepts {@code application/graphql-response+json}.</li>
 * </ul>
 * SmallRye answers none of these with a coded error: other media types are taken (anything starting with
 * {@code application/graphql} as a bare document), a bad body gets a plain-text 400 or an uncoded "Unparseable
 * request", GET when disabled an empty 405, and a document that does not parse an uncoded "Unparseable input
 * document" without its location, before graphql-java runs (so no instrumentation sees it). Hence the parse here.
 */
@ApplicationScoped
public class GraphQLRequestGuard {

    static final String JSON = "application/json";
    static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";

    @Inject
    ObjectMapper json;

    @Inject
    JWTParser jwtParser;

    @Inject
    DocumentCache documents;

    @Inject
    OperationMetrics metrics;

    private final long maxBodyBytes;
    private final int maxTokens;
    private final int maxFields;

    @ConfigProperty(name = "quarkus.smallrye-graphql.http.get.enabled", defaultValue = "false")
    boolean getEnabled;

    GraphQLRequestGuard(ReadnextConfig config) {
        maxBodyBytes = config.graphql().maxBodyBytes();
        maxTokens = config.graphql().maxTokens();
        maxFields = config.graphql().maxFields();
    }

    void install(@Observes Router router) {
        router.post("/graphql").order(-100)
                .handler(BodyHandler.create().setBodyLimit(maxBodyBytes))
                .handler(this::checkPost)
                .failureHandler(ctx -> {
                    if (ctx.statusCode() == 413) {
                        reject(ctx, 413, ErrorCode.BAD_USER_INPUT, "The request body is larger than " + maxBodyBytes
                                + " bytes");
                    } else {
                        ctx.next();
                    }
                });
        router.get("/graphql").order(-100).handler(this::checkGet);
    }

    private void checkPost(RoutingContext ctx) {
        Optional<String[]> contentType = contentType(ctx);
        if (contentType.isEmpty()) {
            reject(ctx, 415, ErrorCode.BAD_USER_INPUT, "POST /graphql takes a body of type application/json");
            return;
        }
        // one Content-Type, as SmallRye expects it; and SmallRye reads a body whose type starts with
        // "application/graphql" as a bare document, not as JSON
        String[] parts = contentType.get();
        ctx.request().headers().set("Content-Type", parts.length == 1 ? JSON : JSON + ";" + parts[1]);
        JsonNode request;
        try {
            String body = ctx.body().asString();
            request = body == null ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            reject(ctx, 400, ErrorCode.BAD_USER_INPUT, "The request body is not valid JSON");
            return;
        }
        if (!isGraphQLRequest(request)) {
            reject(ctx, 400, ErrorCode.BAD_USER_INPUT, "The request body must be a JSON object with a non-empty"
                    + " \"query\" string, and optionally \"operationName\" (a string) and \"variables\" (an object)");
            return;
        }
        checkDocument(ctx, request.path("query").asText(), false);
    }

    private static boolean isGraphQLRequest(JsonNode request) {
        if (request == null || !request.isObject()) {
            return false;
        }
        JsonNode query = request.path("query");
        JsonNode operationName = request.path("operationName");
        JsonNode variables = request.path("variables");
        return query.isTextual() && !query.asText().isBlank()
                && (operationName.isMissingNode() || operationName.isNull() || operationName.isTextual())
                && (variables.isMissingNode() || variables.isNull() || variables.isObject());
    }

    /**
     * The request's media type, {@code application/json} or {@code application/graphql-response+json}, split from
     * its parameters; empty for any other. The same type given twice is one type: SmallRye's own GraphQL UI sends
     * {@code Content-Type: application/json, application/json}.
     */
    private static Optional<String[]> contentType(RoutingContext ctx) {
        List<String[]> types = new ArrayList<>();
        for (String header : ctx.request().headers().getAll("Content-Type")) {
            for (String type : header.split(",")) {
                types.add(type.strip().split(";", 2));
            }
        }
        Set<String> mediaTypes = new HashSet<>();
        types.forEach(type -> mediaTypes.add(type[0].strip().toLowerCase(Locale.ROOT)));
        boolean allowed = mediaTypes.size() == 1 && (mediaTypes.contains(JSON) || mediaTypes.contains(GRAPHQL_RESPONSE_JSON));
        return allowed ? Optional.of(types.get(0)) : Optional.empty();
    }

    private void checkGet(RoutingContext ctx) {
        if (!getEnabled) {
            ctx.response().putHeader("Allow", "POST");
            reject(ctx, 405, ErrorCode.BAD_USER_INPUT, "GET is not enabled here: POST application/json to /graphql");
            return;
        }
        String query = ctx.request().getParam("query");
        if (query == null || query.isBlank()) {
            reject(ctx, 400, ErrorCode.BAD_USER_INPUT, "GET /graphql needs a non-empty query parameter");
            return;
        }
        checkDocument(ctx, query, true);
    }

    private void checkDocument(RoutingContext ctx, String query, boolean viaGet) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization != null && !validBearerToken(authorization)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            reject(ctx, 401, ErrorCode.UNAUTHENTICATED, "The bearer token is invalid or expired");
            return;
        }
        Document document = documents.parsed(query);
        if (document == null) {
            document = parse(ctx, query);
            if (document == null) {
                return;
            }
        }
        if (viaGet && document.getDefinitionsOfType(OperationDefinition.class).stream()
                .anyMatch(op -> op.getOperation() != OperationDefinition.Operation.QUERY)) {
            ctx.response().putHeader("Allow", "POST");
            reject(ctx, 405, ErrorCode.BAD_USER_INPUT, "Mutations need POST");
            return;
        }
        if (ExpandedFields.count(document, maxFields) > maxFields) {
            reject(ctx, documentErrorStatus(ctx), ErrorCode.BAD_USER_INPUT, String.format(Locale.ROOT,
                    "The query selects more than %,d fields once its fragments are expanded; select fewer fields or"
                    + " spread fewer fragments", maxFields));
            return;
        }
        ctx.next();
    }

    /** The parsed document, or null after answering the syntax error. */
    private Document parse(RoutingContext ctx, String query) {
        try {
            return new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(ParserOptions.newParserOptions().maxTokens(maxTokens).build()).build());
        } catch (InvalidSyntaxException e) {
            var location = e.getLocation();
            reject(ctx, documentErrorStatus(ctx), ErrorCode.BAD_USER_INPUT, e.getMessage(),
                    location == null ? null : Map.of("line", location.getLine(), "column", location.getColumn()));
            return null;
        }
    }

    /** A document the service will not run: 400 for clients that accept graphql-response+json, else 200. */
    private static int documentErrorStatus(RoutingContext ctx) {
        String accept = ctx.request().getHeader("Accept");
        return accept != null && accept.contains(GRAPHQL_RESPONSE_JSON) ? 400 : 200;
    }

    private boolean validBearerToken(String authorization) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        try {
            jwtParser.parse(authorization.substring(7).strip());
            return true;
        } catch (ParseException e) {
            return false;
        }
    }

    private void reject(RoutingContext ctx, int status, ErrorCode code, String message) {
        reject(ctx, status, code, message, null);
    }

    private void reject(RoutingContext ctx, int status, ErrorCode code, String message, Map<String, Integer> location) {
        metrics.refused(code);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        if (location != null) {
            error.put("locations", List.of(location));
        }
        error.put("extensions", location == null ? Map.of("code", code.name())
                : Map.of("code", code.name(), "classification", "InvalidSyntax"));
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(json.writeValueAsString(Map.of("errors", List.of(error))));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
