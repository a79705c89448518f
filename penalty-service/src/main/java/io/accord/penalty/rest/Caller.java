package io.accord.penalty.rest;

import io.accord.platform.problem.Problem;
import io.accord.platform.problem.ProblemException;
import io.accord.api.ProblemKind;
import io.accord.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the author recorded on exclusions, closes and adjustments, and a customer's own party. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("preferred_username") != null) {
            return jwt.getClaim("preferred_username").toString();
        }
        return identity.getPrincipal().getName();
    }

    /**
     * Empty for staff and Accord's services; the {@code party_id} claim for a customer, who reads only its own
     * party's statements. A customer token without a party sees nothing.
     */
    public Optional<UUID> restrictedToParty() {
        if (identity.hasRole(Roles.VIEWER) || identity.hasRole(Roles.INTERNAL)) {
            return Optional.empty();
        }
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(Roles.PARTY_CLAIM) : null;
        String value = claim == null ? null : claim.toString().replace("\"", "");
        try {
            return Optional.of(value == null ? new UUID(0, 0) : UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(ProblemKind.FORBIDDEN, "The token's party_id claim is not a party id."));
        }
    }
}
