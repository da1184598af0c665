package dev.readnext.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matching keys for a title, so the same resource written differently in several lists can be merged.
 *
 * <p>Normalisation (all keys): NFKC, hyphen variants folded, accents stripped, lowercase, apostrophes
 * dropped ("Let’s" → "lets"), every other non-alphanumeric character a word break, a leading article
 * (the/a/an) dropped, and the abbreviations LLM(s)/LM(s) spelt out, so "LLM" and "Large Language Model"
 * give the same key.
 *
 * <p>Keys:
 * <ul>
 *   <li><b>exact keys</b>: the whole title, and the title without parenthetical groups
 *       ("Mixtral of Experts (8×7B)" → "mixtral of experts"; "YaRN (Yet another RoPE extensioN method) Efficient…"
 *       → "yarn efficient…").</li>
 *   <li><b>short name</b>: the part before the first colon, only when it reads as a name: one word, or at most
 *       three words of which one has a digit or two capitals ("LoRA", "Kimi K2/MuonCLIP", "Constitutional AI"),
 *       and not a generic lead-in ("Tutorial #17", "GitHub"). "Scaling Laws: …" has no short name.</li>
 * </ul>
 * Matching rule ({@link #matches}): exact keys meet exact keys; a short name meets only another title's
 * <em>exact</em> key ("LoRA" ≡ "LoRA: Low-Rank Adaptation…"), never another short name, so two different
 * "LlamaIndex: …" posts do not merge.
 *
 * @param exactKeys whole-title keys, most specific first
 * @param shortName key of the name before the colon, or null
 */
public record TitleKey(List<String> exactKeys, String shortName) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´]");
    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern PARENTHETICAL = Pattern.compile("\\s*\\([^()]*\\)");
    private static final Pattern NAME_SEPARATOR = Pattern.compile(":\\s");
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(the|a|an) ");
    private static final Pattern NAME_LIKE_WORD = Pattern.compile(".*(\\d|\\p{Lu}.*\\p{Lu}).*");
    private static final Map<String, String> ABBREVIATIONS = Map.of(
            "llm", "large language model", "llms", "large language models",
            "lm", "language model", "lms", "language models");
    private static final Set<String> GENERIC_LEAD_INS = Set.of("github", "tutorial", "introduction", "intro",
            "survey", "review", "overview", "paper", "blog", "post", "thread", "video", "talk", "lecture", "slides",
            "notes", "part", "chapter", "update", "announcement", "appendix", "summary", "tldr", "arxiv");
    private static final int MAX_SHORT_NAME_WORDS = 3;

    public TitleKey {
        exactKeys = List.copyOf(exactKeys);
    }

    public static TitleKey of(String title) {
        Set<String> exact = new LinkedHashSet<>();
        addIfPresent(exact, normalize(title));
        addIfPresent(exact, normalize(withoutParentheticals(title)));
        return new TitleKey(new ArrayList<>(exact), shortNameKey(title));
    }

    /** The key of the name before the title's colon ("LoRA"), or null: {@code of(title).shortName()}, cheaper. */
    public static String shortNameOf(String title) {
        return shortNameKey(title);
    }

    /** The main key of a title (the whole title normalised). */
    public static String normalize(String text) {
        String folded = Normalizer.normalize(TextRepair.repair(text), Normalizer.Form.NFKC);
        folded = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
        folded = APOSTROPHES.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("");
        List<String> words = new ArrayList<>();
        for (String word : NON_ALPHANUMERIC.matcher(folded).replaceAll(" ").trim().split(" ")) {
            if (!word.isEmpty()) {
                words.add(ABBREVIATIONS.getOrDefault(word, word));
            }
        }
        return LEADING_ARTICLE.matcher(String.join(" ", words)).replaceFirst("");
    }

    /** Every key, exact keys first: what an importer stores to find this title again. */
    public List<String> all() {
        List<String> keys = new ArrayList<>(exactKeys);
        if (shortName != null && !keys.contains(shortName)) {
            keys.add(shortName);
        }
        return keys;
    }

    /** True when the two titles name the same resource under the rule above. */
    public boolean matches(TitleKey other) {
        return exactKeys.stream().anyMatch(other.exactKeys::contains)
                || shortName != null && other.exactKeys.contains(shortName)
                || other.shortName != null && exactKeys.contains(other.shortName);
    }

    private static String shortNameKey(String title) {
        Matcher colon = NAME_SEPARATOR.matcher(title);
        if (!colon.find() || colon.start() == 0 || title.substring(colon.end()).isBlank()) {
            return null;
        }
        String name = TextRepair.collapseWhitespace(withoutParentheticals(title.substring(0, colon.start())));
        String[] words = name.split(" ");
        boolean nameLike = words.length == 1
                || words.length <= MAX_SHORT_NAME_WORDS && Arrays.stream(words).anyMatch(w -> NAME_LIKE_WORD.matcher(w).matches());
        String key = normalize(name);
        if (!nameLike || key.isEmpty() || GENERIC_LEAD_INS.contains(key.split(" ")[0])) {
            return null;
        }
        return key;
    }

    private static String withoutParentheticals(String title) {
        return PARENTHETICAL.matcher(title).replaceAll("");
    }

    private static void addIfPresent(Set<String> keys, String key) {
        if (!key.isEmpty()) {
            keys.add(key);
        }
    }
}
