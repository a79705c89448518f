package io.accord.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.accord.api.ProblemKind;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The gateway's own problems have the shape of the services' (the kinds themselves are shared: api-conventions). */
class ProblemShapeTest {

    @Test
    void rendersTheFieldsInTheServicesOrder() {
        JsonObject json = Problem.body(ProblemKind.NOT_FOUND, "Nothing here.", "/api/x").toJsonObject();
        assertThat(json.fieldNames()).containsExactly("type", "title", "status", "detail", "instance");
        assertThat(json.getString("type")).isEqualTo("urn:accord:problem:not-found");
        assertThat(json.getString("title")).isEqualTo("Not found");
        assertThat(json.getInteger("status")).isEqualTo(404);
    }

    @Test
    void leavesOutAnEmptyDetailAndInstance() {
        JsonObject json = Problem.body(ProblemKind.GATEWAY_TIMEOUT, "", null).toJsonObject();
        assertThat(json.fieldNames()).containsExactly("type", "title", "status");
    }
}
