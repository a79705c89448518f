package io.accord.clock.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A source's items that have no clock, and its events whose raw status or priority had no normalized value. */
@ApplicationScoped
public class UnmatchedRepository {

    private static final String WITHOUT_CLOCK = "from work_item w where w.source = ? "
            + "and not exists (select 1 from clock c where c.item_id = w.id)";
    private static final String UNMAPPED = "from work_item_event e join work_item w on w.id = e.item_id "
            + "where e.source = ? and ((e.status_raw is not null and e.status is null) "
            + "or (e.priority_raw is not null and e.priority is null))";

    private final AgroalDataSource dataSource;

    public UnmatchedRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Ids of the source's items without any clock, most recently changed first. */
    public List<Long> itemsWithoutClock(String source, int offset, int limit) {
        String sql = "select w.id " + WITHOUT_CLOCK + " order by w.updated_at desc, w.id desc offset ? limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, source);
            ps.setInt(2, offset);
            ps.setInt(3, limit);
            return Ids.read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list items without clock of " + source, e);
        }
    }

    public long countItemsWithoutClock(String source) {
        return count("select count(*) " + WITHOUT_CLOCK, source);
    }

    /** An event stored with a raw value and no normalized one. */
    public record UnmappedRow(String externalId, String eventId, String eventType, Instant occurredAt,
            Instant receivedAt, String status, String statusRaw, String priority, String priorityRaw) {
    }

    /** The source's events with unmapped values, latest first. */
    public List<UnmappedRow> unmappedEvents(String source, int offset, int limit) {
        String sql = "select w.external_id, e.event_id, e.event_type, e.occurred_at, e.received_at, e.status, "
                + "e.status_raw, e.priority, e.priority_raw " + UNMAPPED
                + " order by e.occurred_at desc, e.id desc offset ? limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, source);
            ps.setInt(2, offset);
            ps.setInt(3, limit);
            List<UnmappedRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new UnmappedRow(rs.getString(1), rs.getString(2), rs.getString(3),
                            WorkItemRepository.instant(rs, 4), WorkItemRepository.instant(rs, 5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list unmapped events of " + source, e);
        }
    }

    public long countUnmappedEvents(String source) {
        return count("select count(*) " + UNMAPPED, source);
    }

    private long count(String sql, String source) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count for " + source, e);
        }
    }
}
