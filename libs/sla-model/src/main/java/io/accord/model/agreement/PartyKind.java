package io.accord.model.agreement;

/** What a party is to the provider: itself, an external customer, an internal department (team) or a supplier. */
public enum PartyKind {
    PROVIDER, CUSTOMER, DEPARTMENT, SUPPLIER
}
