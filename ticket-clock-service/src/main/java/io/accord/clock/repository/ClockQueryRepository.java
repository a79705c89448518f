package io.accord.clock.repository;

import io.accord.clock.domain.StoredClock;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Lists of clocks across items, soonest deadline first, for dashboards and integrations. */
@ApplicationScoped
public class ClockQueryRepository {

    /** The filters of {@code GET /api/clocks}; null means "any". */
    public record Filter(String outcome, String phase, Instant atRiskBefore, UUID agreementId, String customerPartyId) {
    }

    /** A clock with the item attributes a list shows. */
    public record Row(StoredClock clock, String source, String externalId, String itemType, String customerPartyId,
            String title) {
    }

    private final AgroalDataSource dataSource;

    public ClockQueryRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Row> find(Filter filter, int offset, int limit) {
        Where where = where(filter);
        String sql = "select c.*, w.source, w.external_id, w.item_type, w.customer_party_id, w.title"
                + " from clock c join work_item w on w.id = c.item_id" + where.sql
                + " order by c.deadline nulls last, c.clock_id offset ? limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int next = where.bind(ps);
            ps.setInt(next++, offset);
            ps.setInt(next, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(ClockRepository.clock(rs), rs.getString("source"), rs.getString("external_id"),
                            rs.getString("item_type"), rs.getString("customer_party_id"), rs.getString("title")));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list clocks", e);
        }
    }

    public long count(Filter filter) {
        Where where = where(filter);
        String sql = "select count(*) from clock c join work_item w on w.id = c.item_id" + where.sql;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            where.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count clocks", e);
        }
    }

    private record Where(String sql, List<Object> values) {
        int bind(PreparedStatement ps) throws SQLException {
            int index = 1;
            for (Object value : values) {
                if (value instanceof Instant instant) {
                    ps.setTimestamp(index++, Timestamp.from(instant));
                } else {
                    ps.setObject(index++, value);
                }
            }
            return index;
        }
    }

    private static Where where(Filter f) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (f.outcome() != null) {
            conditions.add("c.outcome = ?");
            values.add(f.outcome());
        }
        if (f.phase() != null) {
            conditions.add("c.phase = ?");
            values.add(f.phase());
        }
        if (f.atRiskBefore() != null) {
            // At risk: still running towards a deadline that falls before the horizon
            conditions.add("c.phase = 'RUNNING' and c.outcome = 'PENDING' and c.deadline <= ?");
            values.add(f.atRiskBefore());
        }
        if (f.agreementId() != null) {
            conditions.add("c.agreement_id = ?");
            values.add(f.agreementId());
        }
        if (f.customerPartyId() != null) {
            conditions.add("w.customer_party_id = ?");
            values.add(f.customerPartyId());
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), values);
    }
}
