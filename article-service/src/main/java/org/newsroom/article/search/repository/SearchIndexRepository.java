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
import org.newsroom.article.service.ArticleReadModel;
import org.newsroom.article.service.Viewer;

/**
 * The {@code article_search} table: upserts of index rows and the ranked query, joined with {@code article} so that
 * the article's current status, distribution and embargo decide visibility (the rules of {@link ArticleReadModel}).
 * Native SQL, because tsvector/tsquery, GIN operators and ts_rank_cd have no JPQL form.
 */
@ApplicationScoped
public class SearchIndexRepository {

    /** One index row to write. */
    public record Row(UUID articleId, int revision, String bodyText, String words, String grams) {
    }

    /** One ranked hit, before its snippet is cut. */
    public record Hit(UUID id, String headline, String bodyText, double score, OffsetDateTime publishedAt) {
    }

    @Inject
    EntityManager em;

    /** Inserts or replaces the row of an article (in the caller's transaction); never goes back to an older revision. */
    public void upsert(Row row) {
        // the article row must be in the database before the foreign key is checked
        em.flush();
        NativeQuery<?> query = em.createNativeQuery("""
                INSERT INTO article_search (article_id, revision, body_text, words, grams, indexed_at)
                VALUES (:id, :revision, :bodyText, CAST(:words AS tsvector), CAST(:grams AS tsvector), now())
                ON CONFLICT (article_id) DO UPDATE SET revision = EXCLUDED.revision, body_text = EXCLUDED.body_text,
                    words = EXCLUDED.words, grams = EXCLUDED.grams, indexed_at = now()
                WHERE article_search.revision <= EXCLUDED.revision
                """).unwrap(NativeQuery.class);
        query.setParameter("id", row.articleId(), UUID.class)
                .setParameter("revision", row.revision())
                .setParameter("bodyText", row.bodyText(), String.class)
                .setParameter("words", row.words(), String.class)
                .setParameter("grams", row.grams(), String.class)
                .executeUpdate();
    }

    /** Ids of articles whose index row is missing or older than their current revision (at most {@code limit}). */
    @SuppressWarnings("unchecked")
    public List<UUID> stale(int limit) {
        return em.createNativeQuery("""
                SELECT a.id FROM article a LEFT JOIN article_search s ON s.article_id = a.id
                WHERE s.article_id IS NULL OR s.revision <> a.revision
                ORDER BY a.updated_at LIMIT :limit
                """).setParameter("limit", limit).getResultList();
    }

    /**
     * Ranked hits: rows matching either tsquery (each through its GIN index), visible to the viewer now, best first.
     *
     * @param wordsQuery tsquery text for {@code words}, may be empty
     * @param gramsQuery tsquery text for {@code grams}, may be empty
     */
    @SuppressWarnings("unchecked")
    public List<Hit> search(String wordsQuery, String gramsQuery, String section, Viewer viewer, Instant now,
            int offset, int limit) {
        boolean words = !wordsQuery.isEmpty();
        boolean grams = !gramsQuery.isEmpty();
        String wordsRank = words ? "ts_rank_cd(s.words, CAST(:wq AS tsquery), 1 | 32)" : "0";
        String gramsRank = grams ? "ts_rank_cd(s.grams, CAST(:gq AS tsquery), 1 | 32)" : "0";
        String match = words && grams ? "(s.words @@ CAST(:wq AS tsquery) OR s.grams @@ CAST(:gq AS tsquery))"
                : words ? "s.words @@ CAST(:wq AS tsquery)" : "s.grams @@ CAST(:gq AS tsquery)";
        StringBuilder sql = new StringBuilder()
                .append("SELECT a.id, a.headline, s.body_text, ")
                .append(wordsRank).append(" + 0.5 * ").append(gramsRank).append(" AS score, a.published_at ")
                .append("FROM article_search s JOIN article a ON a.id = s.article_id WHERE ").append(match);
        boolean needsNow = false;
        boolean needsMe = false;
        if (viewer.editor()) {
            // editors and admins find every article
        } else if (viewer.reporter()) {
            sql.append(" AND (a.submitted_by = :me OR ").append(ArticleReadModel.READER_VISIBLE_SQL).append(')');
            needsNow = true;
            needsMe = true;
        } else {
            sql.append(" AND ").append(ArticleReadModel.READER_VISIBLE_SQL);
            needsNow = true;
        }
        if (section != null) {
            sql.append(" AND a.section = :section");
        }
        sql.append(" ORDER BY score DESC, a.published_at DESC NULLS LAST, a.id LIMIT :limit OFFSET :offset");
        Query query = em.createNativeQuery(sql.toString());
        if (words) {
            query.setParameter("wq", wordsQuery);
        }
        if (grams) {
            query.setParameter("gq", gramsQuery);
        }
        if (needsNow) {
            query.setParameter("now", now);
        }
        if (needsMe) {
            query.setParameter("me", viewer.name());
        }
        if (section != null) {
            query.setParameter("section", section);
        }
        query.setParameter("limit", limit).setParameter("offset", offset);
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
