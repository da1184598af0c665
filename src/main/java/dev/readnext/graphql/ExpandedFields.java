package dev.readnext.graphql;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * How many fields an operation selects once its fragments are expanded, counted on the parsed document before the
 * engine expands anything (validation, depth, complexity and the selected-fields sets all expand fragments, and
 * fragments that spread one another twice double at every step: 22 of them are four million fields).
 * <p>
 * Each fragment is counted once and remembered, so the count takes time linear in the document's size. Counts
 * stop growing just past the limit (they only need to say "too many"). Spreads of unknown fragments and
 * fragment cycles count nothing here: validation refuses them afterwards. Fields are counted as written:
 * a field selected twice counts twice, {@code @skip} and {@code @include} are not evaluated.
 */
final class ExpandedFields {

    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Map<String, Long> fragmentCounts = new HashMap<>();
    private final Set<String> expanding = new HashSet<>();
    private final long ceiling;

    private ExpandedFields(Document document, long limit) {
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.putIfAbsent(f.getName(), f));
        this.ceiling = limit + 1;
    }

    /**
     * @return the fields of the document's largest operation with fragments expanded, or {@code limit + 1} when
     * there are more than {@code limit}
     */
    static long count(Document document, long limit) {
        ExpandedFields counter = new ExpandedFields(document, limit);
        long largest = 0;
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            largest = Math.max(largest, counter.of(operation.getSelectionSet()));
        }
        return largest;
    }

    private long of(SelectionSet selections) {
        long count = 0;
        if (selections != null) {
            for (Selection<?> selection : selections.getSelections()) {
                count = Math.min(ceiling, count + of(selection));
            }
        }
        return count;
    }

    private long of(Selection<?> selection) {
        if (selection instanceof Field field) {
            return 1 + of(field.getSelectionSet());
        }
        if (selection instanceof InlineFragment inline) {
            return of(inline.getSelectionSet());
        }
        return selection instanceof FragmentSpread spread ? ofFragment(spread.getName()) : 0;
    }

    private long ofFragment(String name) {
        Long known = fragmentCounts.get(name);
        if (known != null) {
            return known;
        }
        FragmentDefinition fragment = fragments.get(name);
        if (fragment == null || !expanding.add(name)) {
            return 0;
        }
        long count = of(fragment.getSelectionSet());
        expanding.remove(name);
        fragmentCounts.put(name, count);
        return count;
    }
}
