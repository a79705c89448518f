package io.accord.platform.client;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Calls from one Accord service to another, authenticated with the client credentials of
 * {@code accord-internal}, each bounded by a timeout, retried on failure and cut off by a circuit
 * breaker while the other service is unwell.
 */
@ApplicationScoped
public class ServiceCalls {

    private final OidcClient oidc;
    private final HttpClient http;
    private final Duration requestTimeout;
    private volatile Tokens tokens;

    public ServiceCalls(OidcClient oidc,
            @ConfigProperty(name = "accord.services.request-timeout", defaultValue = "5S") Duration requestTimeout) {
        this.oidc = oidc;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** The JSON body of a GET, or a {@link ServiceCallException} naming the status or failure. */
    @Timeout(10_000)
    @Retry(maxRetries = 3, delay = 500, jitter = 200, abortOn = ServiceCallException.Rejected.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 10_000,
            skipOn = ServiceCallException.Rejected.class)
    public String get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + accessToken())
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                // Retrying a refusal changes nothing, and it says nothing about the other service's health
                throw new ServiceCallException.Rejected(uri, status, response.body());
            }
            throw new ServiceCallException("GET " + uri + " answered " + status);
        } catch (IOException e) {
            throw new ServiceCallException("GET " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceCallException("GET " + uri + " interrupted", e);
        }
    }

    private String accessToken() {
        Tokens current = tokens;
        if (current == null || current.isAccessTokenExpired() || current.isAccessTokenWithinRefreshInterval()) {
            current = oidc.getTokens().await().atMost(Duration.ofSeconds(10));
            tokens = current;
        }
        return current.getAccessToken();
    }
}
