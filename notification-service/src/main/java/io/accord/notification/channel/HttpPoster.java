package io.accord.notification.channel;

import io.accord.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs a body to a chat or webhook URL with the JDK HttpClient, bounded by a connect and a request timeout.
 * 2xx is delivered; 408, 429 and 5xx and network errors are retried; any other 4xx is final (the destination
 * refuses this message and will keep refusing it). Errors name the status, never the URL (it is a secret).
 */
@ApplicationScoped
public class HttpPoster {

    private static final int MAX_ERROR_BODY = 300;

    private final HttpClient client;
    private final Duration requestTimeout;

    public HttpPoster(NotificationConfig config) {
        this.client = HttpClient.newBuilder().connectTimeout(config.delivery().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = config.delivery().requestTimeout();
    }

    public SendOutcome post(URI url, String contentType, byte[] body, Map<String, String> headers) {
        if (url == null) {
            return SendOutcome.fail("the channel has no URL configured");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(requestTimeout)
                .header("Content-Type", contentType).header("User-Agent", "Accord-Notifications/1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return SendOutcome.delivered();
            }
            String error = "HTTP " + status + answer(response.body());
            return status == 408 || status == 429 || status >= 500 ? SendOutcome.retry(error) : SendOutcome.fail(error);
        } catch (HttpTimeoutException e) {
            return SendOutcome.retry("timed out after " + requestTimeout);
        } catch (IOException e) {
            return SendOutcome.retry(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().replace(url.toString(), "<url>")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.retry("interrupted");
        }
    }

    private static String answer(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String trimmed = body.strip();
        return ": " + (trimmed.length() > MAX_ERROR_BODY ? trimmed.substring(0, MAX_ERROR_BODY) + "..." : trimmed);
    }
}
