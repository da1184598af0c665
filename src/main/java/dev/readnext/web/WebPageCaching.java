package dev.readnext.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.LaunchMode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves {@code index.html} as a {@link VersionedPage} that browsers revalidate on every visit (its entity tag makes
 * that a 304 when nothing changed), and lets browsers keep an asset of the page for good when it is asked for with its
 * current version, and only then. The files themselves are served by Quarkus' static resource handler, whose own
 * caching headers ({@code public, immutable, max-age=86400} on every file) are off in application.properties.
 */
@ApplicationScoped
public class WebPageCaching {

    static final String REVALIDATE = "no-cache";
    static final String FOR_GOOD = "public, max-age=31536000, immutable";

    private ClassLoader classLoader;
    private volatile VersionedPage page;

    void install(@Observes Router router) {
        classLoader = Thread.currentThread().getContextClassLoader();
        page = VersionedPage.load(classLoader);
        for (String path : new String[] { "/", "/index.html" }) {
            router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD).order(-100).handler(this::servePage);
        }
        router.route().method(HttpMethod.GET).method(HttpMethod.HEAD).order(-100).handler(this::cacheAsset);
    }

    private void servePage(RoutingContext ctx) {
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            page = VersionedPage.load(classLoader); // dev mode replaces the files without a restart
        }
        VersionedPage current = page;
        ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE).putHeader(HttpHeaders.ETAG, current.etag());
        if (current.etag().equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            ctx.response().setStatusCode(304).end();
        } else {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(current.html());
        }
    }

    private void cacheAsset(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (page.versions().containsKey(path)) {
            String cacheControl = page.isCurrent(path, ctx.request().getParam("v")) ? FOR_GOOD : REVALIDATE;
            ctx.addHeadersEndHandler(ignored -> ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, cacheControl));
        }
        ctx.next();
    }
}
