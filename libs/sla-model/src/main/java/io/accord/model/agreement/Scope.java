package io.accord.model.agreement;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collection;
import java.util.List;

/**
 * Which items an agreement covers beyond its parties and services. An empty list means "any"; a non-empty one
 * requires the item's value to be listed ({@code tags}: at least one of the item's tags).
 */
public record Scope(List<String> itemTypes, List<String> sites, List<String> channels, List<String> tags) {

    public static final Scope ANY = new Scope(List.of(), List.of(), List.of(), List.of());

    public Scope {
        itemTypes = copy(itemTypes);
        sites = copy(sites);
        channels = copy(channels);
        tags = copy(tags);
    }

    /** True when the item's values fall inside this scope. */
    public boolean covers(String itemType, String site, String channel, Collection<String> itemTags) {
        return allows(itemTypes, itemType) && allows(sites, site) && allows(channels, channel)
                && (tags.isEmpty() || (itemTags != null && itemTags.stream().anyMatch(tags::contains)));
    }

    @JsonIgnore
    public boolean isUnrestricted() {
        return itemTypes.isEmpty() && sites.isEmpty() && channels.isEmpty() && tags.isEmpty();
    }

    private static boolean allows(List<String> allowed, String value) {
        return allowed.isEmpty() || (value != null && allowed.contains(value));
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
