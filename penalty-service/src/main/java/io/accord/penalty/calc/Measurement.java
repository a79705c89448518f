package io.accord.penalty.calc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One value of a KPI measure: either for a whole reporting period ({@code period} like {@code 2026-03}) or at an
 * instant ({@code at}). A period's KPI value is the sum of its measurements (volumes add up: 12 leads on Monday and
 * 9 on Tuesday are 21 leads).
 */
public record Measurement(UUID id, String measure, BigDecimal value, String period, Instant at) {

    public Measurement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(value, "value");
        if ((period == null) == (at == null)) {
            throw new IllegalArgumentException("a measurement has either a period or an instant");
        }
    }
}
