package io.accord.platform.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.platform.rest.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Reads a whole snapshot from the service that owns it, page by page, as Accord's own
 * {@code accord-internal} client: how a service rebuilds its copy of another service's data
 * when the copy is empty.
 *
 * <pre>{@code
 * List<AgreementVersion> versions =
 *     snapshots.fetchAll("agreement", "/api/agreements:snapshot", AgreementVersion.class);
 * }</pre>
 *
 * <p>The owner's address comes from {@code accord.services.<name>.url}, so Kubernetes service names
 * work. Each page is one call with a timeout, retries and a circuit breaker ({@link ServiceCalls}).
 */
@ApplicationScoped
public class SnapshotClient {

    static final int PAGE_SIZE = 200;

    private final ServiceCalls calls;
    private final ObjectMapper mapper;
    private final Config config;

    public SnapshotClient(ServiceCalls calls, ObjectMapper mapper, Config config) {
        this.calls = calls;
        this.mapper = mapper;
        this.config = config;
    }

    /** Every item of the snapshot at {@code path} on the service named {@code service}. */
    public <T> List<T> fetchAll(String service, String path, Class<T> itemType) {
        URI base = config.getOptionalValue("accord.services." + service + ".url", URI.class)
                .orElseThrow(() -> new IllegalStateException(
                        "accord.services." + service + ".url is not configured"));
        return fetchAll(base, path, itemType);
    }

    /** Every item of the snapshot at {@code path} under {@code base}. */
    public <T> List<T> fetchAll(URI base, String path, Class<T> itemType) {
        JavaType pageType = mapper.getTypeFactory().constructParametricType(Page.class, itemType);
        List<T> all = new ArrayList<>();
        int page = 0;
        Page<T> current;
        do {
            URI uri = base.resolve(path + (path.contains("?") ? "&" : "?") + "page=" + page + "&size=" + PAGE_SIZE);
            current = read(calls.get(uri), pageType);
            all.addAll(current.items());
            page++;
        } while (current.hasNext() && !current.items().isEmpty());
        return all;
    }

    private <T> Page<T> read(String json, JavaType pageType) {
        try {
            return mapper.readValue(json, pageType);
        } catch (Exception e) {
            throw new ServiceCallException("snapshot page is not a page of " + pageType.containedType(0), e);
        }
    }
}
