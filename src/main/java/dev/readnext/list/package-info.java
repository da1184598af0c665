/** Reading lists, their entries in list order with sections, and read status; adds {@code Paper.lists}. */
package dev.readnext.list;
