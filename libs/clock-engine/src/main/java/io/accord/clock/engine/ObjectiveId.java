package io.accord.clock.engine;

import java.util.Objects;
import java.util.UUID;

/**
 * The stable identity of an objective across agreement versions: the agreement and the objective's key.
 * A clock of a given item and cycle keeps its id across amendments because this does not change.
 *
 * @param agreementId  the agreement (not the version)
 * @param objectiveKey the objective's key, stable across versions
 */
public record ObjectiveId(UUID agreementId, String objectiveKey) {
    public ObjectiveId {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(objectiveKey, "objectiveKey");
    }
}
