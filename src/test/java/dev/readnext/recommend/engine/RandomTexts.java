package dev.readnext.recommend.engine;

import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Random field texts over a vocabulary of {@code w<n>x} words. */
final class RandomTexts {

    private RandomTexts() {
    }

    /** Skewed word choice so some words are common; 0 words now and then (empty or null fields). */
    static String text(Random random, int vocabulary, int maxWords) {
        int words = random.nextInt(maxWords + 1);
        if (words == 0) {
            return random.nextBoolean() ? null : "";
        }
        return IntStream.range(0, words)
                .mapToObj(i -> "w" + (int) (vocabulary * Math.pow(random.nextDouble(), 2)) + "x")
                .collect(Collectors.joining(" "));
    }
}
