/** Learning paths: ordered steps through papers, generated from course sections or edited by editors. */
package dev.readnext.path;
