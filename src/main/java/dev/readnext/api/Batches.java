package dev.readnext.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Helpers for batch resolvers, which load children for many parents at once and answer in the parents' order. */
public final class Batches {

    private Batches() {
    }

    /** Groups values by key, keeping encounter order. */
    public static <T, V> Map<Long, List<V>> group(List<T> items, Function<T, Long> key, Function<T, V> value) {
        Map<Long, List<V>> map = new LinkedHashMap<>();
        for (T item : items) {
            map.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(value.apply(item));
        }
        return map;
    }

    /**
     * Each parent's values, aligned with the parents: the values of the items whose key is the parent's id, in
     * encounter order, and an empty list for a parent with none (a batch resolver's answer).
     */
    public static <P, T, V> List<List<V>> alignedGroups(List<P> parents, Function<P, Long> parentId, List<T> items,
            Function<T, Long> key, Function<T, V> value) {
        Map<Long, List<V>> groups = group(items, key, value);
        return parents.stream().map(parent -> groups.getOrDefault(parentId.apply(parent), List.<V>of())).toList();
    }

    /** Indexes items by their id. */
    public static <T> Map<Long, T> index(List<T> items, Function<T, Long> id) {
        Map<Long, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(id.apply(item), item));
        return map;
    }
}
