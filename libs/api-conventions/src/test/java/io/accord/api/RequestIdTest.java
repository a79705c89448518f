package io.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestIdTest {

    @Test
    void aSaneIdIsOneTo128LettersDigitsDotsUnderscoresOrDashes() {
        assertThat(RequestId.isSane("a")).isTrue();
        assertThat(RequestId.isSane("gw-1234.abc_DEF")).isTrue();
        assertThat(RequestId.isSane("x".repeat(128))).isTrue();
        assertThat(RequestId.isSane("x".repeat(129))).isFalse();
        assertThat(RequestId.isSane("")).isFalse();
        assertThat(RequestId.isSane(null)).isFalse();
        assertThat(RequestId.isSane("a b")).isFalse();
        // A header value that would split a log line or forge a second header
        assertThat(RequestId.isSane("a\nb")).isFalse();
        assertThat(RequestId.isSane("a\r\nX-Admin: yes")).isFalse();
    }

    @Test
    void aSaneIdIsKeptAndAnythingElseReplacedByANewOne() {
        assertThat(RequestId.acceptOrCreate("gw-1")).isEqualTo("gw-1");
        assertThat(RequestId.acceptOrCreate("bad id")).matches("[0-9a-f]{32}");
        assertThat(RequestId.acceptOrCreate(null)).matches("[0-9a-f]{32}");
    }

    @Test
    void newIdsAre32HexCharactersAndDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestId.create();
            assertThat(id).matches("[0-9a-f]{32}");
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }
}
