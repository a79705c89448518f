package io.accord.agreement.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and answer bodies of {@code /api/services}. */
public final class ServiceDtos {

    private ServiceDtos() {
    }

    @Schema(description = "A service of the catalogue. Items and agreements name it by its `code`.",
            example = """
                    {"code": "web-hosting", "name": "Web hosting", "description": "Managed hosting of web sites"}""")
    public record ServiceRequest(
            @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{0,63}$", message = "must be lower-case letters, digits, '.', '_' or '-' (at most 64)") String code,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description) {
    }

    public record ServiceView(UUID id, String code, String name, String description, Instant createdAt, Instant updatedAt) {
    }
}
