package dev.readnext.recommend;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.readnext.api.Paging;
import dev.readnext.recommend.StructureSignals.Structure;
import dev.readnext.recommend.engine.SemanticIndex;
import dev.readnext.recommend.engine.TfIdfIndex;

/**
 * The papers {@code relatedPapers} returns, computed as {@link Recommender#after} does but without the database: the
 * same page size, the same {@link Blend} (hybrid text candidates, the text and meaning thresholds, duplicates left
 * out) over indexes built as the service builds them. For the quality report, whose corpus is a bare metadata file: no
 * course, no path, no read status, and no topics. The service would make topics of arXiv categories, which are the
 * report's relevance label; a figure ranked by them would not measure the text.
 */
public final class ServedRelatedPapers {

    private final Blend blend;

    /** TF-IDF alone, as with {@code readnext.similarity.semantic.enabled=false}. */
    public ServedRelatedPapers(TfIdfIndex index) {
        blend = new Blend(index);
    }

    /** The hybrid, with {@code weight} as {@code readnext.similarity.semantic-weight}. */
    public ServedRelatedPapers(TfIdfIndex index, SemanticIndex semantic, double weight) {
        blend = new Blend(index, semantic, weight);
    }

    /** Ids of the papers served after {@code paperId}, best first; fewer than {@code first} when fewer qualify. */
    public List<Long> after(long paperId, Set<Long> duplicates, int first) {
        int size = Paging.pageSize(first, 5, Recommender.MAX_RESULTS);
        Structure structure = new Structure(Map.of(), Map.of(), duplicates, List.of(), Map.of(), null, List.of());
        Blend.Candidates candidates = blend.candidates(paperId, structure, Set.of(), size);
        return blend.rank(candidates, Map.of(), size).stream().map(ScoredPaper::paperId).toList();
    }
}
