package io.accord.model.agreement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * What the matcher needs to know about a work item: who it is for (customer), who works on it (assignee team),
 * who it was passed to (supplier) — each as a party id or as a source's external reference — and its service
 * code, item type, site, channel, tags and priority. Unknown values are null (tags: empty).
 *
 * <pre>{@code
 * ItemAttributes item = ItemAttributes.builder()
 *         .customerRef(ExternalRef.of("zendesk-eu", "org-4711"))
 *         .service("web-hosting").itemType("ticket").site("paris").priority(Priority.P1)
 *         .build();
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemAttributes(
        UUID customerPartyId,
        ExternalRef customerRef,
        UUID teamPartyId,
        ExternalRef teamRef,
        UUID supplierPartyId,
        ExternalRef supplierRef,
        String service,
        String itemType,
        String site,
        String channel,
        List<String> tags,
        Priority priority) {

    public ItemAttributes {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects an item's attributes; every one is optional. */
    public static final class Builder {
        private UUID customerPartyId;
        private ExternalRef customerRef;
        private UUID teamPartyId;
        private ExternalRef teamRef;
        private UUID supplierPartyId;
        private ExternalRef supplierRef;
        private String service;
        private String itemType;
        private String site;
        private String channel;
        private List<String> tags = List.of();
        private Priority priority;

        public Builder customerPartyId(UUID id) { this.customerPartyId = id; return this; }
        public Builder customerRef(ExternalRef ref) { this.customerRef = ref; return this; }
        public Builder teamPartyId(UUID id) { this.teamPartyId = id; return this; }
        public Builder teamRef(ExternalRef ref) { this.teamRef = ref; return this; }
        public Builder supplierPartyId(UUID id) { this.supplierPartyId = id; return this; }
        public Builder supplierRef(ExternalRef ref) { this.supplierRef = ref; return this; }
        public Builder service(String code) { this.service = code; return this; }
        public Builder itemType(String type) { this.itemType = type; return this; }
        public Builder site(String site) { this.site = site; return this; }
        public Builder channel(String channel) { this.channel = channel; return this; }
        public Builder tags(List<String> tags) { this.tags = tags; return this; }
        public Builder priority(Priority priority) { this.priority = priority; return this; }

        public ItemAttributes build() {
            return new ItemAttributes(customerPartyId, customerRef, teamPartyId, teamRef, supplierPartyId, supplierRef,
                    service, itemType, site, channel, tags, priority);
        }
    }
}
