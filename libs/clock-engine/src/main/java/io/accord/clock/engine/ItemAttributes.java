package io.accord.clock.engine;

import java.util.Set;

/**
 * The matched attributes of a work item after an event: what decides which agreements and objectives
 * cover it. Values are the source's references as the service normalized them; {@code null} means
 * "not given". A change of any of them makes the engine re-match the item at the event's instant.
 *
 * <pre>{@code
 * new ItemAttributes("ticket", "acme", "email-hosting", "paris", "email", Set.of("vip"), "l2-team", null)
 * }</pre>
 *
 * @param itemType item type such as {@code ticket} or {@code lead}
 * @param customer customer party reference
 * @param service  service reference
 * @param site     site or region
 * @param channel  channel the item came through
 * @param tags     tags, never null (empty when none)
 * @param team     assignee team reference (OLA matching)
 * @param supplier supplier reference (UC matching)
 */
public record ItemAttributes(String itemType, String customer, String service, String site, String channel,
                             Set<String> tags, String team, String supplier) {

    /** No attribute known. */
    public static final ItemAttributes NONE = new ItemAttributes(null, null, null, null, null, Set.of(), null, null);

    public ItemAttributes {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    /** The same attributes with another customer. */
    public ItemAttributes withCustomer(String newCustomer) {
        return new ItemAttributes(itemType, newCustomer, service, site, channel, tags, team, supplier);
    }

    /** The same attributes with another service. */
    public ItemAttributes withService(String newService) {
        return new ItemAttributes(itemType, customer, newService, site, channel, tags, team, supplier);
    }

    /** The same attributes with another site. */
    public ItemAttributes withSite(String newSite) {
        return new ItemAttributes(itemType, customer, service, newSite, channel, tags, team, supplier);
    }
}
