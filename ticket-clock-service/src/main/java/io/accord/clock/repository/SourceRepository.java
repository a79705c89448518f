package io.accord.clock.repository;

import io.accord.platform.json.StoredJson;
import com.fasterxml.jackson.core.type.TypeReference;
import io.accord.clock.domain.Provider;
import io.accord.clock.domain.Source;
import io.accord.model.agreement.NormalizedStatus;
import io.accord.model.agreement.Priority;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** Sources and their mappings, the maps as JSON documents. */
@ApplicationScoped
public class SourceRepository {

    private static final String COLUMNS = "id, provider, name, secret_ref, item_type, statuses, priorities, fields, "
            + "created_at, updated_at";

    private final AgroalDataSource dataSource;
    private final StoredJson json;

    public SourceRepository(AgroalDataSource dataSource, StoredJson json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Inserts a new source; false when the id is taken. */
    public boolean insert(Source s) {
        String sql = "insert into source (id, provider, name, secret_ref, item_type, statuses, priorities, fields) "
                + "values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb) on conflict (id) do nothing";
        return write(sql, s, false);
    }

    /** Replaces an existing source's mapping; false when there is none. */
    public boolean update(Source s) {
        String sql = "update source set provider = ?, name = ?, secret_ref = ?, item_type = ?, statuses = ?::jsonb, "
                + "priorities = ?::jsonb, fields = ?::jsonb, updated_at = now() where id = ?";
        return write(sql, s, true);
    }

    public boolean delete(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("delete from source where id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete source " + id, e);
        }
    }

    public Optional<Source> find(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from source where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(source(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read source " + id, e);
        }
    }

    public List<Source> list(int offset, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select " + COLUMNS + " from source order by id offset ? limit ?")) {
            ps.setInt(1, offset);
            ps.setInt(2, limit);
            List<Source> sources = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sources.add(source(rs));
                }
            }
            return sources;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list sources", e);
        }
    }

    public long count() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from source");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count sources", e);
        }
    }

    private boolean write(String sql, Source s, boolean idLast) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (!idLast) {
                ps.setString(i++, s.id());
            }
            ps.setString(i++, s.provider().id());
            ps.setString(i++, s.name());
            ps.setString(i++, s.secretRef());
            ps.setString(i++, s.itemType());
            ps.setString(i++, json.write(s.statuses()));
            ps.setString(i++, json.write(s.priorities()));
            ps.setString(i++, json.write(s.fields()));
            if (idLast) {
                ps.setString(i, s.id());
            }
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store source " + s.id(), e);
        }
    }

    private Source source(ResultSet rs) throws SQLException {
        return new Source(rs.getString("id"), Provider.of(rs.getString("provider")), rs.getString("name"),
                rs.getString("secret_ref"), rs.getString("item_type"),
                json.read(rs.getString("statuses"), new TypeReference<LinkedHashMap<String, NormalizedStatus>>() {
                }),
                json.read(rs.getString("priorities"), new TypeReference<LinkedHashMap<String, Priority>>() {
                }),
                json.read(rs.getString("fields"), new TypeReference<LinkedHashMap<String, String>>() {
                }),
                WorkItemRepository.instant(rs, "created_at"), WorkItemRepository.instant(rs, "updated_at"));
    }
}
