package io.accord.clock.repository;

import io.accord.clock.domain.StoredClock;
import io.accord.clock.engine.Clock;
import io.accord.clock.engine.Outcome;
import io.accord.clock.engine.Phase;
import io.accord.clock.engine.Warning;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The clocks projection and the record of what was published about each clock. */
@ApplicationScoped
public class ClockRepository {

    static final String COLUMNS = """
            clock_id, item_id, agreement_id, agreement_version, objective_key, metric, cycle, revision, phase,
            outcome, priority, target_ms, elapsed_ms, remaining_ms, overrun_ms, computed_at, started_at, opened_at,
            phase_since, deadline, breached_at, completed_at, cancelled_at, cancel_reason, zone, warnings_fired,
            next_fire_at
            """;

    static final String UPSERT = "insert into clock (" + COLUMNS + """
            ) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (clock_id) do update set agreement_version = excluded.agreement_version,
                revision = excluded.revision, phase = excluded.phase, outcome = excluded.outcome,
                priority = excluded.priority, target_ms = excluded.target_ms, elapsed_ms = excluded.elapsed_ms,
                remaining_ms = excluded.remaining_ms, overrun_ms = excluded.overrun_ms,
                computed_at = excluded.computed_at, started_at = excluded.started_at,
                opened_at = excluded.opened_at, phase_since = excluded.phase_since, deadline = excluded.deadline,
                breached_at = excluded.breached_at, completed_at = excluded.completed_at,
                cancelled_at = excluded.cancelled_at, cancel_reason = excluded.cancel_reason, zone = excluded.zone,
                warnings_fired = excluded.warnings_fired, next_fire_at = excluded.next_fire_at, updated_at = now()
            """;

    private final AgroalDataSource dataSource;

    public ClockRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<StoredClock> findByItem(long itemId) {
        return findByItems(List.of(itemId)).getOrDefault(itemId, List.of());
    }

    /** The clocks of several items in one round trip, by item. */
    public Map<Long, List<StoredClock>> findByItems(List<Long> itemIds) {
        String sql = "select " + COLUMNS + " from clock where item_id = any(?) order by item_id, objective_key, cycle";
        Map<Long, List<StoredClock>> byItem = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("bigint", itemIds.toArray()));
            for (StoredClock clock : read(ps)) {
                byItem.computeIfAbsent(clock.itemId(), id -> new ArrayList<>()).add(clock);
            }
            return byItem;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read clocks of items " + itemIds, e);
        }
    }

    /** Stores the engine's clocks of one item, with the revision each now has, in one round trip. */
    public void upsert(long itemId, List<Clock> clocks, List<Integer> revisions, Instant computedAt) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (int i = 0; i < clocks.size(); i++) {
                Clock k = clocks.get(i);
                int p = 1;
                ps.setObject(p++, k.clockId());
                ps.setLong(p++, itemId);
                ps.setObject(p++, k.objective().agreementId());
                ps.setInt(p++, k.agreementVersion());
                ps.setString(p++, k.objective().objectiveKey());
                ps.setString(p++, k.metric().name());
                ps.setInt(p++, k.cycle());
                ps.setInt(p++, revisions.get(i));
                ps.setString(p++, k.phase().name());
                ps.setString(p++, k.outcome().name());
                ps.setString(p++, k.priority() == null ? null : k.priority().name());
                setMillis(ps, p++, k.target());
                ps.setLong(p++, millis(k.elapsed()));
                ps.setLong(p++, millis(k.remaining()));
                ps.setLong(p++, millis(k.overrun()));
                ps.setTimestamp(p++, Timestamp.from(computedAt));
                setInstant(ps, p++, k.startedAt());
                setInstant(ps, p++, k.openedAt());
                setInstant(ps, p++, k.phaseSince());
                setInstant(ps, p++, k.deadline());
                setInstant(ps, p++, k.breachedAt());
                setInstant(ps, p++, k.completedAt());
                setInstant(ps, p++, k.cancelledAt());
                ps.setString(p++, k.cancelReason() == null ? null : k.cancelReason().name());
                ps.setString(p++, k.zone() == null ? null : k.zone().getId());
                ps.setArray(p++, c.createArrayOf("integer",
                        k.warnings().stream().map(Warning::percent).toArray(Integer[]::new)));
                // Only running clocks are in the deadline index
                setInstant(ps, p, k.phase() == Phase.RUNNING ? k.nextFireAt() : null);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store clocks of item " + itemId, e);
        }
    }

    /** A clock that a recomputation no longer produces: stopped, cancelled, with its new revision. */
    public void markVanished(UUID clockId, int revision, Instant at) {
        String sql = """
                update clock set phase = 'STOPPED', outcome = 'CANCELLED', cancelled_at = ?, cancel_reason = 'VANISHED',
                    revision = ?, deadline = null, next_fire_at = null, computed_at = ?, updated_at = now()
                where clock_id = ?
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setInt(2, revision);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setObject(4, clockId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot cancel clock " + clockId, e);
        }
    }

    /**
     * Records that {@code fact} of the clock is told by event {@code eventId}; false when it was already recorded
     * (by this or another replica), in which case the caller must not publish it again.
     */
    public boolean recordFact(UUID clockId, String fact, UUID eventId) {
        String sql = "insert into clock_fact (clock_id, fact, event_id) values (?, ?, ?) on conflict do nothing";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, clockId);
            ps.setString(2, fact);
            ps.setObject(3, eventId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record fact " + fact + " of clock " + clockId, e);
        }
    }

    /**
     * Locks up to {@code limit} items that have a running clock due at {@code now} or a recomputation due, skipping
     * items another transaction holds (another replica's scheduler, or an ingestion of the same item).
     */
    public List<Long> claimDueItems(Instant now, int limit) {
        String sql = """
                select w.id from work_item w
                where w.id in (
                    (select c.item_id from clock c
                     where c.phase = 'RUNNING' and c.next_fire_at <= ? order by c.next_fire_at limit ?)
                    union
                    (select r.id from work_item r where r.recompute_at <= ? order by r.recompute_at limit ?))
                limit ?
                for update of w skip locked
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Timestamp at = Timestamp.from(now);
            ps.setTimestamp(1, at);
            ps.setInt(2, limit * 4);
            ps.setTimestamp(3, at);
            ps.setInt(4, limit * 4);
            ps.setInt(5, limit);
            return Ids.read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim due clocks", e);
        }
    }

    /** Moves an item's due instants to {@code at}: an item that failed to recompute is retried then, not at once. */
    public void postpone(long itemId, Instant at) {
        String clocksSql = "update clock set next_fire_at = ? where item_id = ? and next_fire_at is not null";
        String itemSql = "update work_item set recompute_at = case when recompute_at is null then null else ?::timestamptz end "
                + "where id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(clocksSql);
                PreparedStatement item = c.prepareStatement(itemSql)) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setLong(2, itemId);
            ps.executeUpdate();
            item.setTimestamp(1, Timestamp.from(at));
            item.setLong(2, itemId);
            item.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot postpone item " + itemId, e);
        }
    }

    public long countRunning() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from clock where phase = 'RUNNING'");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count running clocks", e);
        }
    }

    static List<StoredClock> read(PreparedStatement ps) throws SQLException {
        List<StoredClock> clocks = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                clocks.add(clock(rs));
            }
        }
        return clocks;
    }

    static StoredClock clock(ResultSet rs) throws SQLException {
        long target = rs.getLong("target_ms");
        Duration targetDuration = rs.wasNull() ? null : Duration.ofMillis(target);
        Array warnings = rs.getArray("warnings_fired");
        return new StoredClock(rs.getObject("clock_id", UUID.class), rs.getLong("item_id"),
                rs.getObject("agreement_id", UUID.class), rs.getInt("agreement_version"),
                rs.getString("objective_key"), rs.getString("metric"), rs.getInt("cycle"), rs.getInt("revision"),
                Phase.valueOf(rs.getString("phase")), Outcome.valueOf(rs.getString("outcome")),
                rs.getString("priority"), targetDuration, Duration.ofMillis(rs.getLong("elapsed_ms")),
                Duration.ofMillis(rs.getLong("remaining_ms")), Duration.ofMillis(rs.getLong("overrun_ms")),
                instant(rs, "computed_at"), instant(rs, "started_at"), instant(rs, "opened_at"),
                instant(rs, "phase_since"), instant(rs, "deadline"), instant(rs, "breached_at"),
                instant(rs, "completed_at"), instant(rs, "cancelled_at"), rs.getString("cancel_reason"),
                rs.getString("zone"), warnings == null ? List.of() : Arrays.asList((Integer[]) warnings.getArray()),
                instant(rs, "next_fire_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static long millis(Duration d) {
        return d == null ? 0 : d.toMillis();
    }

    private static void setMillis(PreparedStatement ps, int index, Duration d) throws SQLException {
        if (d == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, d.toMillis());
        }
    }

    private static void setInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
        ps.setTimestamp(index, at == null ? null : Timestamp.from(at));
    }
}
