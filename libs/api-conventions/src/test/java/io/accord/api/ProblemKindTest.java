package io.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProblemKindTest {

    @Test
    void everyKindHasAnAccordUrnAndADistinctSlug() {
        assertThat(ProblemKind.values()).allSatisfy(kind ->
                assertThat(kind.type().toString()).matches("urn:accord:problem:[a-z-]+"));
        assertThat(Arrays.stream(ProblemKind.values()).map(ProblemKind::type)).doesNotHaveDuplicates();
    }

    @Test
    void aBareStatusGetsItsGeneralKind() {
        assertThat(ProblemKind.forStatus(400)).isEqualTo(ProblemKind.BAD_REQUEST);
        assertThat(ProblemKind.forStatus(404)).isEqualTo(ProblemKind.NOT_FOUND);
        assertThat(ProblemKind.forStatus(504)).isEqualTo(ProblemKind.GATEWAY_TIMEOUT);
        assertThat(ProblemKind.forStatus(418)).isEqualTo(ProblemKind.BAD_REQUEST);
        assertThat(ProblemKind.forStatus(599)).isEqualTo(ProblemKind.INTERNAL);
    }
}
