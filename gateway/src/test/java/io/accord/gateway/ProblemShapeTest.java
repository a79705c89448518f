package io.accord.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The gateway renders problems itself (it does not depend on libs/platform); this keeps its kinds
 * identical to the services' own, read from the platform's source in this checkout.
 */
class ProblemShapeTest {

    private static final Path PLATFORM_KINDS = Path.of("..", "libs", "platform", "src", "main", "java",
            "io", "accord", "platform", "problem", "ProblemKind.java");

    @Test
    void everyGatewayProblemIsOneOfTheServicesProblemKinds() throws Exception {
        assumeTrue(Files.isRegularFile(PLATFORM_KINDS), "libs/platform is not next to the gateway");
        Matcher kinds = Pattern.compile("\\w+\\((\\d{3}), \"([a-z-]+)\", \"([^\"]+)\"\\)")
                .matcher(Files.readString(PLATFORM_KINDS));
        Map<String, List<Object>> platform = new HashMap<>();
        while (kinds.find()) {
            platform.put(kinds.group(2), List.of(Integer.parseInt(kinds.group(1)), kinds.group(3)));
        }
        assertThat(platform).isNotEmpty();
        for (Problem problem : Problem.values()) {
            assertThat(platform).as("platform kind for %s", problem.slug()).containsKey(problem.slug());
            assertThat(platform.get(problem.slug())).containsExactly(problem.status(), problem.title());
        }
    }

    @Test
    void rendersTheFieldsInTheServicesOrder() {
        JsonObject json = Problem.NOT_FOUND.body("Nothing here.", "/api/x").toJsonObject();
        assertThat(json.fieldNames()).containsExactly("type", "title", "status", "detail", "instance");
        assertThat(json.getString("type")).isEqualTo("urn:accord:problem:not-found");
    }
}
