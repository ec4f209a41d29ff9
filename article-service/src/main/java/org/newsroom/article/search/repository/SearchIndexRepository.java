package org.newsroom.article.search.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.hibernate.query.NativeQuery;
import org.newsroom.article.repository.ArticleListing;
import org.newsroom.article.repository.ArticleRepository;

/**
 * The {@code article_search} table: upserts of index rows and the ranked, visibility-checked query. Native SQL,
 * because tsvector/tsquery, GIN operators and ts_rank_cd have no JPQL form.
 */
@ApplicationScoped
public class SearchIndexRepository {

    /** The article's facts that decide who may find it (copied into the index row). */
    public record Visibility(String status, String distribution, Instant embargoedUntil, String submittedBy,
            String section, Instant sortKey) {
    }

    /** One index row to write. */
    public record Row(UUID articleId, int revision, Visibility visibility, String bodyText, String words,
            String grams) {
    }

    /** One ranked hit, before its snippet is cut. */
    public record Hit(UUID id, String headline, String bodyText, double score, OffsetDateTime publishedAt) {
    }

    /** The query's four tsquery texts (see {@code SearchQuery}); an empty one is left out. */
    public record Terms(String wordsMatch, String gramsMatch, String wordsQuery, String gramsQuery) {
    }

    /**
     * {@link ArticleRepository#READER_VISIBLE_SQL} on the index row's copies (alias {@code s}); a test keeps the two in
     * step. Used to choose candidates; the hits are then checked with the original on {@code article a}.
     */
    public static final String READER_VISIBLE_COPY_SQL = "(s.status in ('published', 'corrected') and s.distribution = 'public'"
            + " and (s.embargoed_until is null or s.embargoed_until <= :now))";

    @Inject
    EntityManager em;

    /** Inserts or replaces the row of an article (in the caller's transaction); never goes back to an older revision. */
    public void upsert(Row row) {
        // the article row must be in the database before the foreign key is checked
        em.flush();
        NativeQuery<?> query = em.createNativeQuery("""
                INSERT INTO article_search (article_id, revision, status, distribution, embargoed_until, submitted_by,
                    section, sort_key, body_text, words, grams, indexed_at)
                VALUES (:id, :revision, :status, :distribution, :embargoedUntil, :submittedBy, :section, :sortKey,
                    :bodyText, CAST(:words AS tsvector), CAST(:grams AS tsvector), now())
                ON CONFLICT (article_id) DO UPDATE SET revision = EXCLUDED.revision, status = EXCLUDED.status,
                    distribution = EXCLUDED.distribution, embargoed_until = EXCLUDED.embargoed_until,
                    submitted_by = EXCLUDED.submitted_by, section = EXCLUDED.section, sort_key = EXCLUDED.sort_key,
                    body_text = EXCLUDED.body_text, words = EXCLUDED.words, grams = EXCLUDED.grams, indexed_at = now()
                WHERE article_search.revision <= EXCLUDED.revision
                """).unwrap(NativeQuery.class);
        query.setParameter("id", row.articleId(), UUID.class)
                .setParameter("revision", row.revision())
                .setParameter("bodyText", row.bodyText(), String.class)
                .setParameter("words", row.words(), String.class)
                .setParameter("grams", row.grams(), String.class);
        bind(query, row.visibility());
        query.executeUpdate();
    }

    /** Refreshes the visibility copies of an article's row (status, embargo, ...); false when it has no row yet. */
    public boolean updateVisibility(UUID articleId, Visibility visibility) {
        em.flush();
        NativeQuery<?> query = em.createNativeQuery("""
                UPDATE article_search SET status = :status, distribution = :distribution,
                    embargoed_until = :embargoedUntil, submitted_by = :submittedBy, section = :section,
                    sort_key = :sortKey
                WHERE article_id = :id
                """).unwrap(NativeQuery.class);
        query.setParameter("id", articleId, UUID.class);
        bind(query, visibility);
        return query.executeUpdate() > 0;
    }

    private static void bind(NativeQuery<?> query, Visibility v) {
        query.setParameter("status", v.status(), String.class)
                .setParameter("distribution", v.distribution(), String.class)
                .setParameter("embargoedUntil", v.embargoedUntil(), Instant.class)
                .setParameter("submittedBy", v.submittedBy(), String.class)
                .setParameter("section", v.section(), String.class)
                .setParameter("sortKey", v.sortKey(), Instant.class);
    }

    /**
     * Ids of articles whose index row is missing, older than their revision, or whose visibility copies differ from
     * the article (at most {@code limit}).
     */
    @SuppressWarnings("unchecked")
    public List<UUID> stale(int limit) {
        return em.createNativeQuery("""
                SELECT a.id FROM article a LEFT JOIN article_search s ON s.article_id = a.id
                WHERE s.article_id IS NULL OR s.revision <> a.revision OR s.status <> a.status
                   OR s.distribution <> a.distribution OR s.embargoed_until IS DISTINCT FROM a.embargoed_until
                   OR s.section IS DISTINCT FROM a.section OR s.sort_key <> a.listed_at
                ORDER BY a.updated_at LIMIT :limit
                """).setParameter("limit", limit).getResultList();
    }

    /**
     * Ranked hits. Two steps keep the work bounded however common the words are: (1) the newest
     * {@code candidates} rows matching either exact-match query through its GIN index and visible per the copies;
     * (2) of those, the ones the precise (phrase) queries match and the article itself shows to this viewer now,
     * ranked with ts_rank_cd.
     */
    @SuppressWarnings("unchecked")
    public List<Hit> search(Terms terms, String section, ArticleListing.Scope scope, String me, Instant now,
            int candidates, int offset, int limit) {
        boolean words = !terms.wordsMatch().isEmpty();
        boolean grams = !terms.gramsMatch().isEmpty();
        String match = words && grams ? "(s.words @@ CAST(:wm AS tsquery) OR s.grams @@ CAST(:gm AS tsquery))"
                : words ? "s.words @@ CAST(:wm AS tsquery)" : "s.grams @@ CAST(:gm AS tsquery)";
        String precise = words && grams ? "(s.words @@ CAST(:wq AS tsquery) OR s.grams @@ CAST(:gq AS tsquery))"
                : words ? "s.words @@ CAST(:wq AS tsquery)" : "s.grams @@ CAST(:gq AS tsquery)";
        String wordsRank = words ? "ts_rank_cd(s.words, CAST(:wq AS tsquery), 1 | 32)" : "0";
        String gramsRank = grams ? "ts_rank_cd(s.grams, CAST(:gq AS tsquery), 1 | 32)" : "0";
        String copyVisible;
        String visible;
        if (scope == ArticleListing.Scope.ALL) {
            copyVisible = "true";
            visible = "true";
        } else if (scope == ArticleListing.Scope.OWN_AND_READABLE) {
            copyVisible = "(s.submitted_by = :me or " + READER_VISIBLE_COPY_SQL + ")";
            visible = "(a.submitted_by = :me or " + ArticleRepository.READER_VISIBLE_SQL + ")";
        } else {
            copyVisible = READER_VISIBLE_COPY_SQL;
            visible = ArticleRepository.READER_VISIBLE_SQL;
        }
        String sectionFilter = section == null ? "" : " AND s.section = :section";
        String sql = "WITH candidates AS MATERIALIZED (SELECT s.article_id FROM article_search s WHERE " + match
                + " AND " + copyVisible + sectionFilter
                + " ORDER BY s.sort_key DESC, s.article_id DESC LIMIT :candidates) "
                + "SELECT a.id, a.headline, s.body_text, " + wordsRank + " + 0.5 * " + gramsRank + " AS score, "
                + "a.published_at FROM candidates c JOIN article_search s ON s.article_id = c.article_id "
                + "JOIN article a ON a.id = c.article_id WHERE " + precise + " AND " + visible
                + (section == null ? "" : " AND a.section = :section")
                + " ORDER BY score DESC, a.published_at DESC NULLS LAST, a.id LIMIT :limit OFFSET :offset";
        // The planner does not price reading the out-of-line vectors: without these it may scan the whole table
        // (seconds) instead of using the GIN or sort_key indexes (milliseconds). Both settings end with the transaction.
        em.createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
        em.createNativeQuery("SET LOCAL max_parallel_workers_per_gather = 0").executeUpdate();
        Query query = em.createNativeQuery(sql);
        if (words) {
            query.setParameter("wm", terms.wordsMatch()).setParameter("wq", terms.wordsQuery());
        }
        if (grams) {
            query.setParameter("gm", terms.gramsMatch()).setParameter("gq", terms.gramsQuery());
        }
        if (scope != ArticleListing.Scope.ALL) {
            query.setParameter("now", now);
            if (scope == ArticleListing.Scope.OWN_AND_READABLE) {
                query.setParameter("me", me);
            }
        }
        if (section != null) {
            query.setParameter("section", section);
        }
        query.setParameter("candidates", candidates).setParameter("limit", limit).setParameter("offset", offset);
        List<Object[]> rows = query.getResultList();
        List<Hit> hits = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            hits.add(new Hit((UUID) row[0], (String) row[1], (String) row[2], ((Number) row[3]).doubleValue(),
                    toOffsetDateTime(row[4])));
        }
        return hits;
    }

    static OffsetDateTime toOffsetDateTime(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.ZonedDateTime zdt) {
            return zdt.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getSimpleName());
    }
}
