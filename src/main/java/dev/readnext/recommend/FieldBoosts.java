package dev.readnext.recommend;

/**
 * How many abstract occurrences one occurrence of a term in each field is worth.
 * A document's term frequency is the boosted sum {@code tf = title·n_title + tldr·n_tldr + abstract·n_abstract}
 * and only then damped to {@code 1 + ln(tf)}: a term repeated across fields still grows only logarithmically.
 * Boosts must be at least 1 so that {@code tf ≥ 1} and every weight stays positive.
 *
 * <p>Defaults: title 3, TL;DR 2, abstract 1. On the arXiv quality sample (see {@code QualityReport})
 * title boosts 2–4 score within noise of each other and clearly above 1; 3 is the middle of that plateau.
 * The TL;DR is a one-sentence summary, closer to the title than to the abstract, hence between them.
 */
public record FieldBoosts(float title, float tldr, float abstractText) {

    public static final FieldBoosts DEFAULT = new FieldBoosts(3f, 2f, 1f);

    public FieldBoosts {
        if (!(title >= 1f && tldr >= 1f && abstractText >= 1f)) {
            throw new IllegalArgumentException("field boosts must be >= 1: " + title + ", " + tldr + ", " + abstractText);
        }
    }
}
