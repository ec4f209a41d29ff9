package org.newsroom.article.repository;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * The list queries of the API (articles, issues): native SQL over one table alias, conditions added only for the
 * filters given, newest first by {@code listed_at} then id, continued after a keyset position — written once.
 */
final class NewestFirstQuery {

    private final String alias;
    private final StringBuilder sql;
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** {@code select <alias>.* from <table> <alias> where <condition>}. */
    NewestFirstQuery(String table, String alias, String condition) {
        this.alias = alias;
        this.sql = new StringBuilder("select ").append(alias).append(".* from ").append(table).append(' ')
                .append(alias).append(" where ").append(condition);
    }

    /** Adds {@code and <condition>} with its parameter, when {@code value} is given. */
    NewestFirstQuery and(String condition, String name, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            params.put(name, value);
        }
        return this;
    }

    /** A parameter of the initial condition. */
    NewestFirstQuery param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** Continues after the item with this list time and id (nothing when {@code afterId} is null). */
    NewestFirstQuery after(Instant afterAt, UUID afterId) {
        if (afterId != null) {
            sql.append(" and (").append(alias).append(".listed_at < :afterAt or (").append(alias)
                    .append(".listed_at = :afterAt and ").append(alias).append(".id < :afterId))");
            params.put("afterAt", afterAt);
            params.put("afterId", afterId);
        }
        return this;
    }

    /** At most {@code rows} rows, newest first. */
    <T> List<T> list(EntityManager em, Class<T> type, int rows) {
        sql.append(" order by ").append(alias).append(".listed_at desc, ").append(alias).append(".id desc limit :limit");
        params.put("limit", rows);
        return run(em, sql.toString(), type, params);
    }

    /** Runs a native query of entities with named parameters. */
    static <T> List<T> run(EntityManager em, String sql, Class<T> type, Map<String, Object> params) {
        Query query = em.createNativeQuery(sql, type);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<T> rows = query.getResultList();
        return rows;
    }
}
