package io.accord.clock.rest;

import io.accord.clock.webhook.Conversion.UnmappedValue;
import java.util.List;

/**
 * The answer to an accepted webhook: the source, how many notifications carried nothing Accord clocks
 * ({@code ignored}), the per-event ingestion results of the normalized events (as for
 * {@code POST /api/work-items/events}) and the raw values the source's mapping did not know.
 */
public record WebhookResult(String source, String provider, int ignored, List<IngestionResult.EventResult> results,
        int applied, int duplicates, int rejected, List<UnmappedValue> unmapped) {

    public static WebhookResult of(String source, String provider, int ignored, IngestionResult ingestion,
            List<UnmappedValue> unmapped) {
        return new WebhookResult(source, provider, ignored, ingestion.results(), ingestion.applied(),
                ingestion.duplicates(), ingestion.rejected(), unmapped);
    }
}
