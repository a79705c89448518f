package io.accord.clock.repository;

import io.accord.platform.json.StoredJson;
import io.accord.clock.engine.AgreementState;
import io.accord.clock.service.AgreementCoverage.CalendarChange;
import io.accord.clock.service.AgreementCoverage.StateChange;
import io.accord.model.agreement.AgreementVersion;
import io.accord.time.json.CalendarSpec;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The copy of agreement versions, their state changes and changed calendars, as JSON documents in PostgreSQL. */
@ApplicationScoped
public class AgreementCopyRepository {

    private final AgroalDataSource dataSource;
    private final StoredJson json;

    public AgreementCopyRepository(AgroalDataSource dataSource, StoredJson json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Stores a version; an already known {@code (agreementId, version)} takes the newer status (a lifecycle event
     * republishes the same version with a new status and end). True when something changed.
     */
    public boolean upsertVersion(AgreementVersion v) {
        String sql = """
                insert into agreement_version (agreement_id, version, status, document) values (?, ?, ?, ?::jsonb)
                on conflict (agreement_id, version) do update set status = excluded.status,
                    document = excluded.document, received_at = now()
                where agreement_version.document <> excluded.document
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, v.agreementId());
            ps.setInt(2, v.version());
            ps.setString(3, v.status().name());
            ps.setString(4, json.write(v));
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store agreement " + v.agreementId() + " v" + v.version(), e);
        }
    }

    public void addStateChange(StateChange change) {
        String sql = "insert into agreement_state_change (agreement_id, state, changed_at) values (?, ?, ?) "
                + "on conflict do nothing";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, change.agreementId());
            ps.setString(2, change.state().name());
            ps.setTimestamp(3, Timestamp.from(change.at()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store state of agreement " + change.agreementId(), e);
        }
    }

    public void upsertCalendar(CalendarChange change) {
        String sql = """
                insert into business_calendar (calendar_id, effective_from, document) values (?, ?, ?::jsonb)
                on conflict (calendar_id, effective_from) do update set document = excluded.document, received_at = now()
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, change.calendarId());
            ps.setTimestamp(2, Timestamp.from(change.effectiveFrom()));
            ps.setString(3, json.write(change.calendar()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store calendar " + change.calendarId(), e);
        }
    }

    /** Marks the copy changed, so every replica reloads it before its next use. */
    public void bumpRevision() {
        execute("update agreement_copy_revision set revision = revision + 1 where id = 1");
    }

    public long revision() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select revision from agreement_copy_revision where id = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the agreement copy revision", e);
        }
    }

    public boolean isEmpty() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select not exists (select 1 from agreement_version)");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the agreement copy", e);
        }
    }

    public List<AgreementVersion> versions() {
        List<AgreementVersion> versions = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select document from agreement_version");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                versions.add(json.read(rs.getString(1), AgreementVersion.class));
            }
            return versions;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the agreement copy", e);
        }
    }

    public List<StateChange> stateChanges() {
        List<StateChange> changes = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select agreement_id, state, changed_at from agreement_state_change");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                changes.add(new StateChange(rs.getObject(1, UUID.class), AgreementState.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant()));
            }
            return changes;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read agreement states", e);
        }
    }

    public List<CalendarChange> calendars() {
        List<CalendarChange> changes = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select calendar_id, effective_from, document from business_calendar");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                changes.add(new CalendarChange(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        json.read(rs.getString(3), CalendarSpec.class)));
            }
            return changes;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read calendars", e);
        }
    }

    /** Items with a clock of one of these agreements that is not stopped: they depend on a change of it. */
    public List<Long> itemsWithOpenClocksOf(List<UUID> agreementIds) {
        String sql = "select distinct item_id from clock where agreement_id = any(?) and phase <> 'STOPPED'";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", agreementIds.toArray()));
            return Ids.read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot find items of agreements " + agreementIds, e);
        }
    }

    private void execute(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
