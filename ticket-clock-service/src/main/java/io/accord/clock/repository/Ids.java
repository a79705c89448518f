package io.accord.clock.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reading a query whose first column is a row id, which several repositories do. */
final class Ids {

    private Ids() {
    }

    /** Runs {@code statement} and returns its first column as longs, in the query's order. */
    static List<Long> read(PreparedStatement statement) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
