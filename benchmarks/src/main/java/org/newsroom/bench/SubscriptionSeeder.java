package org.newsroom.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Benchmark setup for fan-out, written against notify-service's Flyway schema ({@code V1__subscriptions_and_deliveries.sql}):
 * counts active webhook subscriptions and inserts copies of an API-made, verified one (new id, endpoint and host,
 * manage-token hash and unsubscribe token; same encrypted signing secret and sections).
 */
public final class SubscriptionSeeder {

    static final int CHUNK = 10_000;
    private final Connection db;

    public SubscriptionSeeder(Connection db) {
        this.db = db;
    }

    /** Active webhook subscriptions. */
    public long activeCount() {
        try (Statement s = db.createStatement();
             ResultSet rows = s.executeQuery("select count(*) from subscription where status = 'active' and channel = 'webhook'")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count subscriptions: " + e.getMessage(), e);
        }
    }

    /**
     * Inserts {@code n} active copies of an active webhook subscription, endpoint number i being
     * {@code http://127.0.0.<1 + i % hosts>:<port>/hooks/db-<i>}.
     */
    public void copy(int port, int hosts, long n) throws SQLException {
        String sql = """
                insert into subscription (id, channel, endpoint, endpoint_host, sections, status, secret, manage_token_hash,
                                          confirm_token_hash, unsubscribe_token_hash, unsubscribe_token_sealed, status_reason,
                                          created_at, updated_at, verified_at)
                select newsroom_uuid_v7(), t.channel, 'http://127.0.0.' || (1 + g % ?) || ':' || ? || '/hooks/db-' || g,
                       '127.0.0.' || (1 + g % ?), t.sections, 'active', t.secret,
                       sha256(uuid_send(gen_random_uuid())), null, sha256(uuid_send(gen_random_uuid())), t.unsubscribe_token_sealed, null,
                       now(), now(), now()
                from (select * from subscription where status = 'active' and channel = 'webhook' order by created_at limit 1) t,
                     generate_series(?::bigint, ?::bigint) g
                """;
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(true);
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            for (long from = 1; from <= n; from += CHUNK) {
                insert.setInt(1, hosts);
                insert.setInt(2, port);
                insert.setInt(3, hosts);
                insert.setLong(4, from);
                insert.setLong(5, Math.min(n, from + CHUNK - 1));
                int inserted = insert.executeUpdate();
                if (inserted == 0) {
                    throw new IllegalStateException("no active webhook subscription to copy");
                }
            }
        } finally {
            db.setAutoCommit(autoCommit);
        }
        try (Statement analyze = db.createStatement()) {
            analyze.execute("analyze subscription");
        }
    }

    public String describe() {
        return "Copies keep the template's encrypted signing secret and sections; the inserted rows are "
                + "`active` with `verified_at` set, as if their challenge had been answered.";
    }
}
