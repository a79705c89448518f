package io.accord.clock.service;

import io.accord.clock.domain.Source;
import io.accord.clock.repository.SourceRepository;
import io.accord.clock.rest.SourceRequest;
import io.accord.clock.rest.SourceView;
import io.accord.clock.webhook.WebhookSecrets;
import io.accord.platform.problem.Problem;
import io.accord.platform.problem.ProblemException;
import io.accord.platform.rest.Page;
import io.accord.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sources and their mappings: defaults per provider, checks an administrator's mapping must pass, and the view that
 * tells whether the webhook secret is configured without ever showing it. A change applies to the events received
 * after it; stored events keep the values they were given.
 */
@ApplicationScoped
public class SourceMappings {

    private final SourceRepository repository;
    private final WebhookSecrets secrets;
    private final Optional<String> publicBaseUrl;

    public SourceMappings(SourceRepository repository, WebhookSecrets secrets,
            @ConfigProperty(name = "accord.webhooks.public-base-url") Optional<String> publicBaseUrl) {
        this.repository = repository;
        this.secrets = secrets;
        this.publicBaseUrl = publicBaseUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    public SourceView create(SourceRequest request) {
        if (request.id() == null) {
            throw ProblemException.invalid("id", "is required");
        }
        Source source = source(request.id(), request);
        if (!repository.insert(source)) {
            throw ProblemException.conflict("source " + request.id() + " already exists; PUT /api/sources/"
                    + request.id() + " changes it");
        }
        return get(request.id()).orElseThrow();
    }

    public SourceView update(String id, SourceRequest request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw ProblemException.invalid("id", "must be " + id + " (the path's) or absent");
        }
        if (!repository.update(source(id, request))) {
            throw ProblemException.notFound("source " + id + " not found");
        }
        return get(id).orElseThrow();
    }

    public void delete(String id) {
        if (!repository.delete(id)) {
            throw ProblemException.notFound("source " + id + " not found");
        }
    }

    public Optional<SourceView> get(String id) {
        return repository.find(id).map(this::view);
    }

    public Page<SourceView> list(PageRequest paging) {
        return new Page<>(repository.list(paging.offset(), paging.size).stream().map(this::view).toList(),
                paging.page, paging.size, repository.count());
    }

    private Source source(String id, SourceRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.statuses() != null) {
            duplicates("statuses", r.statuses(), errors);
        }
        if (r.priorities() != null) {
            duplicates("priorities", r.priorities(), errors);
        }
        if (r.fields() != null) {
            r.fields().keySet().stream().filter(k -> !Source.FIELDS.contains(k)).sorted().forEach(k -> errors.add(
                    new Problem.FieldError("fields." + k, "unknown field; one of " + String.join(", ", Source.FIELDS))));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        return new Source(id, r.provider(), r.name(), r.secretRef() == null ? id : r.secretRef(),
                r.itemType() == null ? SourceDefaults.itemType(r.provider()) : r.itemType(),
                r.statuses() == null ? SourceDefaults.statuses(r.provider()) : r.statuses(),
                r.priorities() == null ? SourceDefaults.priorities(r.provider()) : r.priorities(),
                r.fields() == null ? SourceDefaults.fields(r.provider()) : r.fields(), null, null);
    }

    // Raw values are compared ignoring case, so two keys differing only in case would be ambiguous
    private static void duplicates(String map, Map<String, ?> values, List<Problem.FieldError> errors) {
        Set<String> seen = new HashSet<>();
        values.keySet().stream().sorted().forEach(key -> {
            if (!seen.add(key.trim().toLowerCase(Locale.ROOT))) {
                errors.add(new Problem.FieldError(map + "." + key, "another key differs from it only by case"));
            }
        });
    }

    private SourceView view(Source s) {
        return new SourceView(s.id(), s.provider().id(), s.name(), s.secretRef(), secrets.configured(s.secretRef()),
                WebhookSecrets.environmentVariable(s.secretRef()),
                publicBaseUrl.map(base -> base + "/api/webhooks/" + s.id()).orElse("/api/webhooks/" + s.id()),
                s.itemType(), s.statuses(), s.priorities(), s.fields(), s.createdAt(), s.updatedAt());
    }
}
