package io.accord.clock.rest;

import io.accord.platform.problem.ProblemException;
import io.accord.platform.security.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What the caller may read: staff and integrations read every item; a customer only the items of the party named
 * by its token's {@code party_id} claim.
 */
@RequestScoped
public class CallerScope {

    private final SecurityIdentity identity;

    public CallerScope(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The only party the caller may read, or empty when it may read all. */
    public Optional<String> partyRestriction() {
        if (identity.hasRole(Roles.VIEWER) || identity.hasRole(Roles.INTEGRATION)) {
            return Optional.empty();
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.containsClaim(Roles.PARTY_CLAIM)) {
            return Optional.of(String.valueOf((Object) token.getClaim(Roles.PARTY_CLAIM)));
        }
        throw new ForbiddenException("a customer token without a party_id claim reads nothing");
    }

    /** Refuses, as not found, an item of another party (its existence is not disclosed). */
    public void requireVisible(String itemPartyId, String what) {
        partyRestriction().filter(party -> !party.equals(itemPartyId)).ifPresent(party -> {
            throw ProblemException.notFound(what + " not found");
        });
    }
}
