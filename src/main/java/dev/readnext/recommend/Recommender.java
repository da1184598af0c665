package dev.readnext.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.readnext.api.ApiException;
import dev.readnext.api.Paging;
import dev.readnext.paper.ReadStatus;
import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperService;
import dev.readnext.recommend.Blend.Candidates;
import dev.readnext.recommend.StructureSignals.Facts;
import dev.readnext.recommend.StructureSignals.Group;
import dev.readnext.recommend.StructureSignals.Structure;
import dev.readnext.recommend.embedding.PaperEmbeddings;
import dev.readnext.recommend.engine.HybridHit;
import dev.readnext.recommend.engine.HybridSearch;
import dev.readnext.recommend.engine.Int8Vector;
import dev.readnext.recommend.engine.QueryVector;
import dev.readnext.recommend.engine.SemanticIndex;
import dev.readnext.recommend.engine.TfIdfIndex;
import io.micrometer.core.annotation.Timed;
import io.micrometer.core.aop.MeterTag;

/**
 * "What to read next": the {@link Blend} of text similarity (TF-IDF and sentence embeddings) and the knowledge base's
 * structure after papers, and Rocchio recommendations for a set of liked and disliked papers.
 */
@ApplicationScoped
public class Recommender {

    public static final int MAX_RESULTS = 50;
    /** Rocchio weights of liked and disliked papers. */
    static final double ALPHA = 1.0;
    static final double BETA = 0.75;

    @Inject
    RecommendationIndex index;

    @Inject
    StructureSignals structure;

    @Inject
    PaperService papers;

    @Inject
    PaperEmbeddings embeddings;

    @Inject
    ReadStatus readStatus;

    /** Recommendations after each paper, aligned with the given papers, for the GraphQL field named. */
    @Timed(value = "readnext.recommendations", histogram = true, description = "Time to compute recommendations")
    public List<List<Recommendation>> after(@MeterTag("field") Field field, List<Long> paperIds, Integer first,
            boolean excludeRead, PaperColumns columns) {
        int size = Paging.pageSize(first, 5, MAX_RESULTS);
        Blend blend = blend(index.require());
        Map<Long, Structure> structures = structure.of(paperIds);
        Set<Long> read = excludeRead ? readStatus.readByViewer() : Set.of();
        List<Candidates> candidates = paperIds.stream()
                .map(id -> blend.candidates(id, structures.get(id), read, size)).toList();
        Set<Long> all = new HashSet<>();
        Set<Group> groups = new HashSet<>();
        candidates.forEach(c -> {
            all.addAll(c.ids());
            groups.addAll(c.structure().groups());
        });
        Map<Long, Facts> facts = structure.facts(all, groups);
        return withPapers(candidates.stream().map(c -> blend.rank(c, facts, size)).toList(), columns);
    }

    /** Papers about a subject given in words: see {@link Blend#rankAbout}. */
    @Timed(value = "readnext.recommendations", histogram = true, description = "Time to compute recommendations",
            extraTags = { "field", "nextPapers" })
    public Subject about(String text, Integer first, boolean excludeRead, PaperColumns columns) {
        int size = Paging.pageSize(first, 5, MAX_RESULTS);
        TfIdfIndex tfidf = index.require();
        Blend blend = blend(tfidf);
        QueryVector query = tfidf.queryFor(text);
        // words none of which any paper uses are not a subject: no meaning is looked for in them (nor CPU spent)
        Int8Vector meaning = query.isEmpty() ? null : embeddings.embed(text).orElse(null);
        List<Group> topics = structure.topicsNamedIn(text);
        Set<Long> read = excludeRead ? readStatus.readByViewer() : Set.of();
        Map<Long, HybridHit> similarities = blend.candidatesAbout(query, meaning, structure.membersOfSmall(topics),
                read, size);
        List<ScoredPaper> ranked = blend.rankAbout(query, similarities, topics,
                structure.facts(similarities.keySet(), topics), size);
        List<Recommendation> recommendations = withPapers(List.of(ranked), columns).get(0);
        Interpretation as = recommendations.isEmpty() ? Interpretation.NOTHING
                : topics.isEmpty() ? Interpretation.TEXT : Interpretation.TOPIC;
        return new Subject(as, recommendations);
    }

    /**
     * The GraphQL fields {@link #after} serves, the {@code field} tag of its timer (its {@code toString}): each field's
     * latency is told apart. ({@link #about} serves {@code nextPapers} only, {@link #forSet} {@code recommend}.)
     */
    public enum Field {
        RELATED_PAPERS("relatedPapers"), NEXT_PAPERS("nextPapers"), PAPER_RELATED("Paper.related");

        private final String name;

        Field(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Papers about a subject, and whether the subject was a topic, words, or nothing known. */
    public record Subject(Interpretation interpretedAs, List<Recommendation> recommendations) {
    }

    /** Rocchio: papers like the liked ones and unlike the disliked ones. */
    @Timed(value = "readnext.recommendations", histogram = true, description = "Time to compute recommendations",
            extraTags = { "field", "recommend" })
    public List<Recommendation> forSet(List<Long> positive, List<Long> negative, Integer first,
            PaperColumns columns) {
        int size = Paging.pageSize(first, 10, MAX_RESULTS);
        if (positive.isEmpty()) {
            throw ApiException.badInput("positive", "name at least one paper you liked");
        }
        TfIdfIndex tfidf = index.require();
        Set<Long> given = new HashSet<>(positive);
        given.addAll(negative);
        QueryVector query = tfidf.rocchio(longs(positive), longs(negative), ALPHA, BETA);
        Optional<SemanticIndex> semantic = embeddings.index();
        Int8Vector meaning = semantic.flatMap(s -> s.rocchio(longs(positive), longs(negative), ALPHA, BETA)).orElse(null);
        HybridSearch search = new HybridSearch(tfidf, semantic.orElse(null), embeddings.weight());
        List<ScoredPaper> hits = search.topK(query, meaning, size, given::contains).stream()
                .map(hit -> ScoredPaper.of(hit.id(), hit.score(), textReasons(hit),
                        hit.tfidf() > 0 ? tfidf.explain(query, hit.id(), Integer.MAX_VALUE) : List.of(),
                        ReasonLine.NONE))
                .filter(scored -> !scored.reasons().isEmpty())
                .toList();
        return withPapers(List.of(hits), columns).get(0);
    }

    /**
     * Which columns of the recommended papers a request reads: {@code PROJECTED} when it selects none of
     * {@link StructureSignals#NOT_PROJECTED}, so the papers come from memory ({@link StructureSignals#projected}).
     */
    public enum PaperColumns {
        PROJECTED, ALL
    }

    private List<List<Recommendation>> withPapers(List<List<ScoredPaper>> scored, PaperColumns columns) {
        List<Long> ids = scored.stream().flatMap(List::stream).map(ScoredPaper::paperId).distinct().toList();
        Map<Long, Paper> byId = new HashMap<>();
        if (columns == PaperColumns.PROJECTED) {
            byId.putAll(structure.projected(ids));
        }
        if (byId.size() < ids.size()) {
            byId.putAll(papers.byId(ids.stream().filter(id -> !byId.containsKey(id)).toList()));
        }
        return scored.stream().map(list -> list.stream()
                .filter(s -> byId.containsKey(s.paperId()))
                .map(s -> new Recommendation(byId.get(s.paperId()), s.score(),
                        s.reasons(), s.sharedTerms(), s.explanation()))
                .toList()).toList();
    }

    private Blend blend(TfIdfIndex tfidf) {
        return new Blend(tfidf, embeddings.index().orElse(null), embeddings.weight());
    }

    /** Why a paper like the liked ones is: its words, its meaning, or both. */
    static List<Reason> textReasons(HybridHit hit) {
        List<Reason> reasons = new ArrayList<>();
        if (hit.tfidf() > 0) {
            reasons.add(Reason.SIMILAR_TEXT);
        }
        if (hit.semantic() >= Blend.SIMILAR_MEANING) {
            reasons.add(Reason.SEMANTICALLY_SIMILAR);
        }
        return reasons;
    }

    private static long[] longs(List<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
