package io.accord.clock.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * Agreement events for tests, made from sla-model's golden sample of {@code agreement.activated}: the same shape
 * agreement-service publishes, with a fresh agreement id, a customer known as {@code (source, customerRef)}, no
 * service or scope restriction, and the time-to-target objectives a test needs.
 */
public final class AgreementFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AgreementFixtures() {
    }

    /** The golden sample, whole (a CloudEvent). */
    public static ObjectNode goldenActivated() {
        try (InputStream in = AgreementFixtures.class.getClassLoader()
                .getResourceAsStream("samples/agreement.activated.v1.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A time-to-target objective counted on the sample's 24x7 calendar, with the default thresholds. */
    public static ObjectNode objective(String key, String metric, String... priorityTargets) {
        ObjectNode o = JSON.createObjectNode().put("objectiveKey", key).put("name", key)
                .put("kind", "TIME_TO_TARGET").put("metric", metric).put("calendarId", "24x7-paris");
        ObjectNode targets = o.putObject("targets");
        for (int i = 0; i < priorityTargets.length; i += 2) {
            targets.put(priorityTargets[i], priorityTargets[i + 1]);
        }
        return o;
    }

    /** The {@code data.agreement} of an activation for a new agreement covering the customer's items. */
    public static ObjectNode agreement(UUID agreementId, String source, String customerRef, ObjectNode... objectives) {
        ObjectNode agreement = ((ObjectNode) goldenActivated().get("data").get("agreement")).deepCopy();
        agreement.put("agreementId", agreementId.toString()).put("version", 1).put("status", "ACTIVE")
                .put("effectiveFrom", "2020-01-01T00:00:00Z").remove("effectiveTo");
        agreement.putArray("services");
        agreement.putObject("scope");
        String customerPartyId = agreement.get("customerPartyId").asText();
        for (JsonNode party : agreement.get("parties")) {
            if (party.get("partyId").asText().equals(customerPartyId)) {
                ArrayNode refs = ((ObjectNode) party).putArray("externalRefs");
                refs.addObject().put("source", source).put("id", customerRef);
            }
        }
        ArrayNode list = agreement.putArray("objectives");
        for (ObjectNode o : objectives) {
            list.add(o);
        }
        return agreement;
    }

    /** The same agreement with its customer party renamed to {@code partyId}. */
    public static ObjectNode withCustomerParty(ObjectNode agreement, UUID partyId) {
        String old = agreement.get("customerPartyId").asText();
        agreement.put("customerPartyId", partyId.toString());
        for (JsonNode party : agreement.get("parties")) {
            if (party.get("partyId").asText().equals(old)) {
                ((ObjectNode) party).put("partyId", partyId.toString());
            }
        }
        return agreement;
    }

    /** A whole {@code agreement.<event>} CloudEvent carrying {@code agreement}. */
    public static ObjectNode event(String event, ObjectNode agreement, String occurredAt) {
        ObjectNode cloudEvent = goldenActivated();
        cloudEvent.put("id", UUID.randomUUID().toString()).put("type", "io.accord.agreement." + event + ".v1")
                .put("subject", agreement.get("agreementId").asText());
        ObjectNode data = cloudEvent.putObject("data");
        data.set("agreement", agreement);
        data.put("occurredAt", occurredAt);
        return cloudEvent;
    }
}
