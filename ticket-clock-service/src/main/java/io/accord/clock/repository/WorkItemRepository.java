package io.accord.clock.repository;

import io.accord.clock.domain.StoredEvent;
import io.accord.clock.domain.WorkItem;
import io.accord.clock.rest.WorkItemEventRequest;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Work items and their history, in plain JDBC on the connection enlisted in the caller's transaction.
 * Every statement here is one round trip; ingestion runs a handful of them per event.
 */
@ApplicationScoped
public class WorkItemRepository {

    /** Creates the item if new and row-locks it either way, so events of one item are applied one at a time. */
    static final String LOCK_OR_CREATE = """
            insert into work_item (source, external_id, item_type) values (?, ?, ?)
            on conflict (source, external_id) do update set updated_at = now()
            returning id, terminal_at
            """;

    static final String INSERT_EVENT = """
            insert into work_item_event (item_id, source, event_id, natural_key, event_type, occurred_at, sequence,
                item_type, customer_ref, service_ref, site, channel, tags, assignee_team_ref, supplier_ref,
                priority, priority_raw, status, status_raw, title, url)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict do nothing
            returning id
            """;

    static final String UPDATE_CURRENT = """
            update work_item set item_type = ?, customer_ref = ?, customer_party_id = ?, service_ref = ?, site = ?,
                channel = ?, tags = ?, assignee_team_ref = ?, supplier_ref = ?, priority = ?, priority_raw = ?,
                status = ?, status_raw = ?, title = ?, url = ?, terminal_at = ?, recompute_at = ?, updated_at = now()
            where id = ?
            """;

    private static final String ITEM_COLUMNS = """
            id, source, external_id, item_type, customer_ref, customer_party_id, service_ref, site, channel, tags,
            assignee_team_ref, supplier_ref, priority, priority_raw, status, status_raw, title, url, terminal_at,
            created_at, updated_at
            """;

    private final AgroalDataSource dataSource;

    public WorkItemRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The item's id, locked until the transaction ends, and the instant after which it accepts no event. */
    public record LockedItem(long id, Instant terminalAt) {
    }

    public LockedItem lockOrCreate(String source, String externalId, String itemType) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LOCK_OR_CREATE)) {
            ps.setString(1, source);
            ps.setString(2, externalId);
            ps.setString(3, itemType);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new LockedItem(rs.getLong(1), instant(rs, 2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lock work item " + source + "/" + externalId, e);
        }
    }

    /**
     * Row-locks existing items, waiting for those another transaction holds, in the order ingestion locks them
     * (source, external id), so the two never deadlock.
     */
    public List<Long> lockInOrder(List<Long> itemIds) {
        String sql = "select id from work_item where id = any(?) order by source, external_id for update";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("bigint", itemIds.toArray()));
            return Ids.read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lock work items", e);
        }
    }

    /** Stores the event unless its id or natural key is already known; the new row's id (arrival) when stored. */
    public OptionalLong insertEvent(long itemId, WorkItemEventRequest e, Instant occurredAt, byte[] naturalKey) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
            ps.setLong(1, itemId);
            ps.setString(2, e.source());
            ps.setString(3, e.eventId());
            ps.setBytes(4, naturalKey);
            ps.setString(5, e.eventType().name());
            ps.setTimestamp(6, Timestamp.from(occurredAt));
            if (e.sequence() == null) {
                ps.setNull(7, Types.BIGINT);
            } else {
                ps.setLong(7, e.sequence());
            }
            ps.setString(8, e.itemType());
            ps.setString(9, e.customerRef());
            ps.setString(10, e.serviceRef());
            ps.setString(11, e.site());
            ps.setString(12, e.channel());
            ps.setArray(13, e.tags() == null ? null : c.createArrayOf("text", e.tags().toArray()));
            ps.setString(14, e.assigneeTeamRef());
            ps.setString(15, e.supplierRef());
            ps.setString(16, e.priority() == null ? null : e.priority().name());
            ps.setString(17, e.priorityRaw());
            ps.setString(18, e.status() == null ? null : e.status().name());
            ps.setString(19, e.statusRaw());
            ps.setString(20, e.title());
            ps.setString(21, e.url());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot store event of " + e.source() + "/" + e.externalId(), ex);
        }
    }

    /** True when an event with this id (from this source) or this natural key is already stored. */
    public boolean isKnown(String source, String eventId, byte[] naturalKey) {
        String sql = "select exists (select 1 from work_item_event where natural_key = ? "
                + "or (source = ? and event_id = ?))";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, naturalKey);
            ps.setString(2, source);
            ps.setString(3, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up event " + eventId, e);
        }
    }

    static final String HISTORIES = """
            select item_id, id, event_id, event_type, occurred_at, sequence, item_type, customer_ref, service_ref, site,
                channel, tags, assignee_team_ref, supplier_ref, priority, priority_raw, status, status_raw, title,
                url, received_at
            from work_item_event where item_id = any(?) order by item_id, occurred_at, sequence nulls last, id
            """;

    /** The item's history in its order: occurredAt, then the source's sequence when given, then arrival. */
    public List<StoredEvent> history(long itemId) {
        return histories(List.of(itemId)).getOrDefault(itemId, List.of());
    }

    /** The histories of several items in one round trip (for a batch of items the caller has locked). */
    public Map<Long, List<StoredEvent>> histories(List<Long> itemIds) {
        Map<Long, List<StoredEvent>> histories = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(HISTORIES)) {
            ps.setArray(1, c.createArrayOf("bigint", itemIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    histories.computeIfAbsent(rs.getLong("item_id"), id -> new ArrayList<>()).add(event(rs));
                }
            }
            return histories;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read histories of items " + itemIds, e);
        }
    }

    /** Several items by id in one round trip. */
    public Map<Long, WorkItem> findByIds(List<Long> ids) {
        String sql = "select " + ITEM_COLUMNS + " from work_item where id = any(?)";
        Map<Long, WorkItem> found = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    WorkItem item = item(rs);
                    found.put(item.id(), item);
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read items " + ids, e);
        }
    }

    /** Stores the item's current attributes and when it must be recomputed without new input (null: never). */
    public void updateCurrent(WorkItem item, Instant recomputeAt) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPDATE_CURRENT)) {
            ps.setString(1, item.itemType());
            ps.setString(2, item.customerRef());
            ps.setString(3, item.customerPartyId());
            ps.setString(4, item.serviceRef());
            ps.setString(5, item.site());
            ps.setString(6, item.channel());
            ps.setArray(7, c.createArrayOf("text", item.tags().toArray()));
            ps.setString(8, item.assigneeTeamRef());
            ps.setString(9, item.supplierRef());
            ps.setString(10, item.priority());
            ps.setString(11, item.priorityRaw());
            ps.setString(12, item.status());
            ps.setString(13, item.statusRaw());
            ps.setString(14, item.title());
            ps.setString(15, item.url());
            ps.setTimestamp(16, item.terminalAt() == null ? null : Timestamp.from(item.terminalAt()));
            ps.setTimestamp(17, recomputeAt == null ? null : Timestamp.from(recomputeAt));
            ps.setLong(18, item.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update item " + item.id(), e);
        }
    }

    public Optional<WorkItem> find(String source, String externalId) {
        String sql = "select " + ITEM_COLUMNS + " from work_item where source = ? and external_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, source);
            ps.setString(2, externalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(item(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read item " + source + "/" + externalId, e);
        }
    }

    public Optional<WorkItem> findById(long id) {
        return Optional.ofNullable(findByIds(List.of(id)).get(id));
    }

    private static WorkItem item(ResultSet rs) throws SQLException {
        return new WorkItem(rs.getLong("id"), rs.getString("source"), rs.getString("external_id"),
                rs.getString("item_type"), rs.getString("customer_ref"), rs.getString("customer_party_id"),
                rs.getString("service_ref"), rs.getString("site"), rs.getString("channel"), strings(rs, "tags"),
                rs.getString("assignee_team_ref"), rs.getString("supplier_ref"), rs.getString("priority"),
                rs.getString("priority_raw"), rs.getString("status"), rs.getString("status_raw"),
                rs.getString("title"), rs.getString("url"), instant(rs, "terminal_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static StoredEvent event(ResultSet rs) throws SQLException {
        long sequenceValue = rs.getLong("sequence");
        Long sequence = rs.wasNull() ? null : sequenceValue;
        return new StoredEvent(rs.getLong("id"), rs.getString("event_id"), rs.getString("event_type"),
                instant(rs, "occurred_at"), sequence, rs.getString("item_type"),
                rs.getString("customer_ref"), rs.getString("service_ref"), rs.getString("site"),
                rs.getString("channel"), strings(rs, "tags"), rs.getString("assignee_team_ref"),
                rs.getString("supplier_ref"), rs.getString("priority"), rs.getString("priority_raw"),
                rs.getString("status"), rs.getString("status_raw"), rs.getString("title"), rs.getString("url"),
                instant(rs, "received_at"));
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
