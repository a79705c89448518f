package io.accord.clock.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.accord.clock.domain.Source;
import java.io.IOException;
import java.time.Instant;

/** Turns one provider's authenticated webhook payload into normalized events through a source's mapping. */
interface ProviderAdapter {

    /**
     * @param payload    the parsed body
     * @param receivedAt now: the event time of payloads that carry none
     * @throws io.accord.platform.problem.ProblemException (400) for a payload that is not the provider's format
     * @throws IOException a payload Jackson cannot bind (answered 400 by the platform's mappers)
     */
    Conversion convert(Source source, JsonNode payload, Instant receivedAt) throws IOException;
}
