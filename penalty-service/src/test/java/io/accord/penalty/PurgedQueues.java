package io.accord.penalty;

import io.accord.platform.testing.RabbitQueues;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;

/**
 * Empties the test application's queues before it starts. They live in the tests' own virtual host, so only an
 * interrupted earlier run of these tests can have left events in them, which the tests must not wait behind.
 */
public class PurgedQueues implements QuarkusTestResourceLifecycleManager {

    static final List<String> QUEUES = List.of("penalty-service-test.clock-events",
            "penalty-service-test.agreement-events");

    @Override
    public Map<String, String> start() {
        for (String queue : QUEUES) {
            // one connection per queue: purging a queue that does not exist yet closes the channel
            try (RabbitQueues rabbit = RabbitQueues.connect()) {
                rabbit.purge(queue);
            } catch (IllegalStateException e) {
                // not declared yet: nothing to purge
            }
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // nothing to release
    }
}
