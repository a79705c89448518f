package io.accord.platform.agreements;

import io.accord.model.agreement.AgreementEvent;
import io.accord.model.calendar.CalendarChanged;
import io.accord.model.events.EventType;
import io.accord.platform.events.InboundEvent;
import io.accord.platform.messaging.EventHandler;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the service's {@link AgreementReplica} current from agreement-service's events, on the queue
 * {@code <service>.agreements} ({@code accord.agreement-copy.queue} names another one, so a queue already deployed
 * under an older name keeps its backlog). Exists only where {@code accord.agreement-copy.enabled=true} at build time.
 */
@ApplicationScoped
@IfBuildProperty(name = AgreementEventsHandler.ENABLED, stringValue = "true")
public class AgreementEventsHandler implements EventHandler {

    /** The build-time switch of the agreement copy (handler and snapshot loader). */
    public static final String ENABLED = "accord.agreement-copy.enabled";
    public static final String DEFAULT_NAME = "agreements";

    private static final Set<EventType> SUBSCRIPTIONS = EnumSet.of(EventType.AGREEMENT_ACTIVATED,
            EventType.AGREEMENT_AMENDED, EventType.AGREEMENT_SUSPENDED, EventType.AGREEMENT_RESUMED,
            EventType.AGREEMENT_RENEWED, EventType.AGREEMENT_TERMINATED, EventType.AGREEMENT_EXPIRED,
            EventType.CALENDAR_CHANGED);

    private final AgreementReplica replica;
    private final String name;

    public AgreementEventsHandler(AgreementReplica replica,
            @ConfigProperty(name = "accord.agreement-copy.queue", defaultValue = DEFAULT_NAME) String name) {
        this.replica = replica;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<EventType> subscriptions() {
        return SUBSCRIPTIONS;
    }

    @Override
    public void handle(InboundEvent event) {
        EventType type = event.knownType();
        if (type == EventType.CALENDAR_CHANGED) {
            replica.apply(event.data(CalendarChanged.class));
        } else {
            replica.apply(type, event.data(AgreementEvent.class));
        }
    }
}
