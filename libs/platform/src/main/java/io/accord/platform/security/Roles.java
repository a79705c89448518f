package io.accord.platform.security;

/**
 * Accord's realm roles. Staff roles are composite in Keycloak (admin includes manager includes
 * agent includes viewer), so a resource names the lowest role that may call it.
 */
public final class Roles {

    public static final String VIEWER = "accord-viewer";
    public static final String AGENT = "accord-agent";
    public static final String MANAGER = "accord-manager";
    public static final String ADMIN = "accord-admin";
    /** Service accounts of helpdesks and CRMs. */
    public static final String INTEGRATION = "accord-integration";
    /** A customer's people: reads limited to their own party ({@link #PARTY_CLAIM}). */
    public static final String CUSTOMER = "accord-customer";
    /** Accord's own services calling each other (snapshots). */
    public static final String INTERNAL = "accord-internal";

    /** The access-token claim naming the party a customer user belongs to. */
    public static final String PARTY_CLAIM = "party_id";

    private Roles() {
    }
}
