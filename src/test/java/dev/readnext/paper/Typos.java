package dev.readnext.paper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** What people do to a title they type from memory: typos, dropped and extra words, random case. */
final class Typos {

    private static final String[] EXTRA_WORDS = { "paper", "the", "large", "models", "towards", "efficient", "via",
            "LLM", "2023", "attention", "learning" };

    private Typos() {
    }

    /** The text with one to three mistakes (code point by code point, so no surrogate pair is split). */
    static String perturb(Random random, String text) {
        String result = text;
        for (int mistakes = 1 + random.nextInt(3); mistakes > 0; mistakes--) {
            result = mistake(random, result);
        }
        return result;
    }

    private static String mistake(Random random, String text) {
        int[] cps = text.codePoints().toArray();
        List<String> words = new ArrayList<>(Arrays.asList(text.split(" ")));
        int at = cps.length == 0 ? 0 : random.nextInt(cps.length);
        return switch (random.nextInt(7)) {
            case 0 -> cps.length == 0 ? text : join(cps, 0, at) + join(cps, at + 1, cps.length);
            case 1 -> cps.length < 2 || at == cps.length - 1 ? text
                    : join(cps, 0, at) + Character.toString(cps[at + 1]) + Character.toString(cps[at]) + join(cps, at + 2, cps.length);
            case 2 -> join(cps, 0, at) + (char) ('a' + random.nextInt(26)) + join(cps, at, cps.length);
            case 3 -> {
                if (words.size() > 1) {
                    words.remove(random.nextInt(words.size()));
                }
                yield String.join(" ", words);
            }
            case 4 -> {
                words.add(random.nextInt(words.size() + 1), EXTRA_WORDS[random.nextInt(EXTRA_WORDS.length)]);
                yield String.join(" ", words);
            }
            case 5 -> String.join(" ", words.subList(0, 1 + random.nextInt(words.size())));
            default -> {
                StringBuilder cased = new StringBuilder();
                text.codePoints().forEach(cp -> cased.appendCodePoint(
                        random.nextBoolean() ? Character.toUpperCase(cp) : Character.toLowerCase(cp)));
                yield cased.toString();
            }
        };
    }

    private static String join(int[] cps, int from, int to) {
        return new String(cps, from, Math.max(0, to - from));
    }
}
