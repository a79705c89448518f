package io.accord.agreement.rest;

import io.accord.platform.problem.ProblemException;
import io.accord.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the name the audit trail records, and the party a customer is limited to. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /**
     * Empty for staff, integrations and services; the {@code party_id} claim for a customer, who reads only its own
     * party's agreements. A customer token without the claim sees nothing.
     */
    public Optional<UUID> restrictedToParty() {
        if (identity.hasRole(Roles.VIEWER) || identity.hasRole(Roles.INTEGRATION) || identity.hasRole(Roles.INTERNAL)) {
            return Optional.empty();
        }
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(Roles.PARTY_CLAIM) : null;
        String value = claim == null ? null : claim.toString().replace("\"", "");
        try {
            return Optional.of(value == null ? new UUID(0, 0) : UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(io.accord.platform.problem.Problem.of(io.accord.api.ProblemKind.FORBIDDEN,
                    "The token's party_id claim is not a party id."));
        }
    }
}
