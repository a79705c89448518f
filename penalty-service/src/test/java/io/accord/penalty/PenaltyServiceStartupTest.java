package io.accord.penalty;

import io.accord.platform.testing.ServiceStartupContract;
import io.quarkus.test.junit.QuarkusTest;

/** The service starts against the real PostgreSQL, RabbitMQ and Keycloak and reports itself healthy. */
@QuarkusTest
class PenaltyServiceStartupTest extends ServiceStartupContract {
}
