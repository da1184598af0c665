package dev.readnext.graphql;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.parser.InvalidSyntaxException;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Checks a GraphQL POST before SmallRye sees it, so that requests it would answer without an error code (a body
 * that is not a JSON object with a "query" string, a document that does not parse, a bearer token that fails
 * verification) get a coded error instead: 400 for a body that is not a GraphQL request, 401 with
 * {@code UNAUTHENTICATED} for a bad token, 200 with {@code BAD_USER_INPUT} for a document with a syntax error
 * (GraphQL over HTTP, application/json responses).
 */
@ApplicationScoped
public class GraphQLRequestGuard {

    /** Request bodies above this size are refused with 413 before they are parsed (room for a 2 MB import). */
    public static final long MAX_BODY_BYTES = 4 * 1024 * 1024;

    @Inject
    ObjectMapper json;

    @Inject
    JWTParser jwtParser;

    void install(@Observes Router router) {
        router.post("/graphql").order(-100)
                .handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES))
                .handler(this::check)
                .failureHandler(ctx -> {
                    if (ctx.statusCode() == 413) {
                        reject(ctx, 413, "The request body is larger than " + MAX_BODY_BYTES / 1024 / 1024 + " MB", null);
                    } else {
                        ctx.next();
                    }
                });
    }

    private void check(RoutingContext ctx) {
        JsonNode request;
        try {
            request = json.readTree(ctx.body().asString());
        } catch (JsonProcessingException e) {
            reject(ctx, 400, "The request body is not valid JSON", null);
            return;
        }
        if (request == null || !request.isObject() || !request.path("query").isTextual()
                || request.path("query").asText().isBlank()) {
            reject(ctx, 400, "The request body must be a JSON object with a non-empty \"query\" string", null);
            return;
        }
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization != null && !validBearerToken(authorization)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            reject(ctx, 401, "The bearer token is invalid or expired", null, ErrorCode.UNAUTHENTICATED);
            return;
        }
        try {
            new Parser().parseDocument(ParserEnvironment.newParserEnvironment()
                    .document(request.path("query").asText()).build());
        } catch (InvalidSyntaxException e) {
            var location = e.getLocation();
            reject(ctx, 200, e.getMessage(),
                    location == null ? null : Map.of("line", location.getLine(), "column", location.getColumn()));
            return;
        }
        ctx.next();
    }

    /** A token that fails verification is refused here, for queries too, rather than silently ignored. */
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

    private void reject(RoutingContext ctx, int status, String message, Map<String, Integer> location) {
        reject(ctx, status, message, location, ErrorCode.BAD_USER_INPUT);
    }

    private void reject(RoutingContext ctx, int status, String message, Map<String, Integer> location,
            ErrorCode code) {
        Map<String, Object> error = location == null
                ? Map.of("message", message, "extensions", Map.of("code", code.name()))
                : Map.of("message", message, "locations", List.of(location),
                        "extensions", Map.of("code", code.name(), "classification", "InvalidSyntax"));
        try {
            ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                    .end(json.writeValueAsString(Map.of("errors", List.of(error))));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
