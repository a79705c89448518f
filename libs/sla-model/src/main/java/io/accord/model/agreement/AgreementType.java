package io.accord.model.agreement;

/**
 * The kind of promise: {@code SLA} from a provider to a customer, {@code OLA} between internal teams, {@code UC}
 * (underpinning contract) with a supplier. The type decides which party of an item an agreement is matched on.
 */
public enum AgreementType {
    SLA, OLA, UC
}
