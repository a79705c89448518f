package io.accord.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.accord.gateway.support.WithStandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A provider signs the exact bytes it sends; the service must verify the same bytes. */
@QuarkusTest
@TestProfile(WithStandIns.class)
class WebhookTest {

    @Test
    void webhookBodyBytesReachTheServiceUntouched() {
        // Not valid UTF-8, odd whitespace, CRLF, a BOM, NUL and trailing spaces: none of it may change
        byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "{ \"a\" :\t1,\r\n  \"b\": \"\u00e9\" }  ".getBytes(StandardCharsets.ISO_8859_1),
                new byte[] {0, (byte) 0xFF, (byte) 0xC3, 0x28, '\n'});
        for (String path : new String[] {"/api/webhooks/jira", "/api/webhooks/alertmanager"}) {
            JsonPath echo = given()
                    .header("Content-Type", "application/json; charset=ISO-8859-1")
                    .header("X-Hub-Signature-256", "sha256=0123456789abcdef")
                    .body(body)
                    .post(path).then().statusCode(200).extract().jsonPath();
            assertThat(Base64.getDecoder().decode(echo.getString("body"))).isEqualTo(body);
            assertThat(echo.getString("headers.content-type")).isEqualTo("application/json; charset=ISO-8859-1");
            assertThat(echo.getString("headers.content-length")).isEqualTo(String.valueOf(body.length));
            assertThat(echo.getString("headers.x-hub-signature-256")).isEqualTo("sha256=0123456789abcdef");
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
