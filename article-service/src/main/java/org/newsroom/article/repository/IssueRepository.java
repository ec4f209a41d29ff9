package org.newsroom.article.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.newsroom.article.domain.Issue;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Loads and stores {@link Issue} rows. */
@ApplicationScoped
public class IssueRepository implements PanacheRepositoryBase<Issue, UUID> {

    public Optional<Issue> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<Issue> findByNumber(String masthead, int number) {
        return find("masthead = ?1 and number = ?2", masthead, number).firstResultOptional();
    }

    /**
     * The id of one scheduled issue whose time has come, locked for this transaction; issues another instance is
     * publishing right now are skipped ({@code FOR UPDATE SKIP LOCKED}).
     */
    public Optional<UUID> lockNextDue() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery(
                "select id from issue where status = 'scheduled' and publish_at <= now() "
                        + "order by publish_at, id limit 1 for update skip locked", UUID.class)
                .getResultList();
        return ids.stream().findFirst();
    }

    /**
     * A page of issues in one status (and masthead, if given), newest first by list time, then id, starting after
     * the keyset position when one is given; {@code rows} rows at most.
     */
    public List<Issue> list(String status, String masthead, Instant afterAt, UUID afterId, int rows) {
        return new NewestFirstQuery("issue", "i", "i.status = :status").param("status", status)
                .and("i.masthead = :masthead", "masthead", masthead)
                .after(afterAt, afterId)
                .list(getEntityManager(), Issue.class, rows);
    }
}
