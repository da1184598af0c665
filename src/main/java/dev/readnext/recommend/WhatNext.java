package dev.readnext.recommend;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.readnext.paper.PaperMatch;
import dev.readnext.paper.PaperResolver;

/**
 * "What should I read after …?" for free text: after the paper it names when it names one confidently
 * ({@link PaperResolver#CONFIDENT}); otherwise papers about the subject it names, with the near misses as "did you
 * mean". A wrong paper is never passed off as the one meant.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WhatNext {

    @Inject
    PaperResolver resolver;

    @Inject
    Recommender recommender;

    public NextPapers after(String text, Integer first, boolean excludeRead, Recommender.PaperColumns columns) {
        List<PaperMatch> matches = resolver.resolve(text, 5);
        if (!matches.isEmpty() && matches.get(0).score() >= PaperResolver.CONFIDENT) {
            PaperMatch resolved = matches.get(0);
            return new NextPapers(resolved.paper(), Interpretation.PAPER, matches.subList(1, matches.size()),
                    recommender.after(Recommender.Field.NEXT_PAPERS, List.of(resolved.paper().id), first, excludeRead,
                            columns).get(0));
        }
        Recommender.Subject subject = recommender.about(text, first, excludeRead, columns);
        List<PaperMatch> guesses = matches.isEmpty() ? resolver.didYouMean(text) : matches;
        return new NextPapers(null, subject.interpretedAs(), guesses, subject.recommendations());
    }
}
