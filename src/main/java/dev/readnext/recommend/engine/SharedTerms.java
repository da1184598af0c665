package dev.readnext.recommend.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.readnext.text.GenericWords;

/** The terms two vectors share, ranked by contribution {@code q_t · d_t} to their cosine. */
final class SharedTerms {

    static final int FREQUENT_SHARE_PERCENT = 5;

    private SharedTerms() {
    }

    static List<SharedTerm> top(QueryVector query, QueryVector hit, int limit, TermDictionary dictionary,
                                int documents) {
        int frequent = Math.max(2, documents * FREQUENT_SHARE_PERCENT / 100);
        List<SharedTerm> shared = new ArrayList<>();
        for (int i = 0, j = 0; i < query.size() && j < hit.size(); ) {
            int difference = Integer.compare(query.term(i), hit.term(j));
            if (difference == 0) {
                double contribution = (double) query.weight(i) * hit.weight(j);
                String surface = dictionary.surface(query.term(i));
                boolean informative = dictionary.liveDf(query.term(i)) <= frequent
                        && !isBareNumber(surface) && !GenericWords.contains(surface);
                shared.add(new SharedTerm(surface, contribution, informative));
                i++;
                j++;
            } else if (difference < 0) {
                i++;
            } else {
                j++;
            }
        }
        shared.sort(Comparator.comparingDouble(SharedTerm::contribution).reversed()
                .thenComparing(SharedTerm::term));
        return List.copyOf(shared.subList(0, Math.max(0, Math.min(limit, shared.size()))));
    }

    /** Digits in groups joined by single dots or commas ("2024", "3.5", "1,000"): {@code \d+(?:[.,]\d+)*}. */
    static boolean isBareNumber(String term) {
        boolean afterDigit = false;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c >= '0' && c <= '9') {
                afterDigit = true;
            } else if ((c == '.' || c == ',') && afterDigit) {
                afterDigit = false;
            } else {
                return false;
            }
        }
        return afterDigit;
    }
}
