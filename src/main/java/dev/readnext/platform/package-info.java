/**
 * How the service fits the platform it runs on, where Quarkus' defaults need a correction: the metrics it exports.
 * Holds no business logic; nothing depends on it.
 */
package dev.readnext.platform;
