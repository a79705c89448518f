package io.accord.platform.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The record of which events each consumer has applied, kept in the consumer's own transaction. */
@ApplicationScoped
public class ProcessedEvents {

    private static final String MARK = """
            insert into processed_event (consumer, event_id, event_type) values (?, ?, ?)
            on conflict do nothing
            """;

    private final AgroalDataSource dataSource;

    public ProcessedEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the event as applied by {@code consumer}; false when it already was. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markProcessed(String consumer, String eventId, String eventType) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement mark = connection.prepareStatement(MARK)) {
            mark.setString(1, consumer);
            mark.setString(2, eventId);
            mark.setString(3, eventType);
            return mark.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record event " + eventId + " as processed", e);
        }
    }
}
