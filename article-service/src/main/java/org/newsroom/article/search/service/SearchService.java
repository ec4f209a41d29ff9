package org.newsroom.article.search.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.newsroom.article.search.config.SearchConfig;
import org.newsroom.article.search.repository.SearchIndexRepository;
import org.newsroom.article.service.Viewer;
import org.newsroom.common.problem.ProblemException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;

/** Validates a search request, runs it against the index for the caller's audience, and cuts the snippets. */
@ApplicationScoped
public class SearchService {

    /** One hit as the API shows it. */
    public record Hit(UUID id, String headline, String snippet, double score, OffsetDateTime publishedAt) {
    }

    /** A page of hits and the cursor of the next page (null on the last). */
    public record Page(List<Hit> hits, String next) {
    }

    @Inject
    SearchIndexRepository repository;

    @Inject
    SearchConfig config;

    @Inject
    MeterRegistry registry;

    Clock clock = Clock.systemUTC();

    void warmUp(@Observes StartupEvent event) {
        ChineseAnalysis.warmUp();
    }

    /**
     * Searches.
     *
     * @param viewer who asks: readers find what they may read now; reporters also their own; editors everything
     * @throws ProblemException 422 for a missing, blank or too long query, a limit outside 1..100 or a bad section;
     *                          400 for a limit that is not a number or a cursor that is not one of this search
     */
    @Transactional
    public Page search(String q, String section, int limit, String cursor, Viewer viewer) {
        String query = checkQuery(q);
        String sectionFilter = checkSection(section);
        int offset = 0;
        if (cursor != null && !cursor.isEmpty()) {
            try {
                offset = SearchCursor.decode(cursor, query, sectionFilter);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("cursor: not a cursor of this search (" + e.getMessage()
                        + "); use the value of \"next\" unchanged, with the same q and section");
            }
        }
        Timer.Sample sample = Timer.start(registry);
        String outcome = "hits";
        try {
            SearchQuery parsed = SearchQuery.parse(query);
            if (parsed.isEmpty() || offset >= config.maxResults()) {
                outcome = "empty";
                return new Page(List.of(), null);
            }
            int fetch = Math.min(limit, config.maxResults() - offset);
            List<SearchIndexRepository.Hit> rows = repository.search(new SearchIndexRepository.Terms(
                    parsed.wordsMatch(), parsed.gramsMatch(), parsed.wordsQuery(), parsed.gramsQuery()),
                    sectionFilter, viewer.scope(), viewer.name(), clock.instant(), config.maxResults(), offset,
                    fetch + 1);
            boolean more = rows.size() > fetch && offset + fetch < config.maxResults();
            List<Hit> hits = new ArrayList<>();
            for (SearchIndexRepository.Hit row : rows.subList(0, Math.min(fetch, rows.size()))) {
                hits.add(new Hit(row.id(), row.headline(),
                        SnippetBuilder.snippet(row.bodyText(), parsed.marks(), config.snippetLength()),
                        Math.round(row.score() * 10000d) / 10000d, row.publishedAt()));
            }
            if (hits.isEmpty()) {
                outcome = "empty";
            }
            return new Page(hits, more ? SearchCursor.encode(offset + fetch, query, sectionFilter) : null);
        } finally {
            sample.stop(Timer.builder("newsroom.article.search")
                    .description("Full-text searches: time to rank and cut snippets")
                    .tag("audience", viewer.editor() ? "editor" : viewer.reporter() ? "reporter" : "reader")
                    .tag("outcome", outcome)
                    .register(registry));
        }
    }

    private String checkQuery(String q) {
        if (q == null || q.isBlank()) {
            throw ProblemException.unprocessable("q", "is required (1.." + config.maxQueryLength() + " characters)");
        }
        if (q.codePointCount(0, q.length()) > config.maxQueryLength()) {
            throw ProblemException.unprocessable("q", "must be at most " + config.maxQueryLength() + " characters");
        }
        if (q.indexOf('\uFFFD') >= 0) {
            throw ProblemException.badRequest("q: not valid UTF-8 (or holds U+FFFD)");
        }
        if (q.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            throw ProblemException.unprocessable("q", "must not contain control characters");
        }
        return q.strip();
    }

    private static String checkSection(String section) {
        if (section == null || section.isEmpty()) {
            return null;
        }
        if (section.codePointCount(0, section.length()) > 50 || section.isBlank()
                || section.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.unprocessable("section", "must be a section name of 1..50 characters");
        }
        return section;
    }
}
