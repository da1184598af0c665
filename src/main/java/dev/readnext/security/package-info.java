/** Roles that guard mutations (JWT {@code groups}); tokens are verified by SmallRye JWT. */
package dev.readnext.security;
