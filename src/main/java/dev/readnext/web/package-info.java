/**
 * How the web page (plain ES modules under {@code META-INF/resources}, no build step) is served so that browsers
 * cache it safely: {@code index.html} is revalidated on every visit and names each asset by a version of its
 * content, and versioned assets are cached for good. Depends on no feature.
 */
package dev.readnext.web;
