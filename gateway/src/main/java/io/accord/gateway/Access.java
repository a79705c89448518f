package io.accord.gateway;

/** What the edge asks of a request before it goes anywhere, decided by its path alone. */
enum Access {
    /** Health, metrics, the OpenAPI documents and Swagger UI: no token, no limits. */
    PUBLIC,
    /** {@code /api/webhooks/**}: no token (the service checks the provider's signature), stricter limits. */
    WEBHOOK,
    /** Everything else: a valid bearer token of the realm, limits per client. */
    PROTECTED;

    static final String WEBHOOKS = "/api/webhooks";

    static Access of(String path) {
        if (RouteTable.matches(WEBHOOKS, path)) {
            return WEBHOOK;
        }
        if (under("/q/health", path) || path.equals("/q/metrics") || under("/openapi", path)
                || under("/q/swagger-ui", path)) {
            return PUBLIC;
        }
        return PROTECTED;
    }

    /** The path itself or anything below it. */
    private static boolean under(String base, String path) {
        return path.startsWith(base) && (path.length() == base.length() || path.charAt(base.length()) == '/');
    }
}
