package io.accord.model.agreement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Period;

/**
 * What happens at the end of an agreement's validity: with {@code autoRenew} it is extended by {@code term}
 * ({@code P1Y}); auto-renewal can only be switched off until {@code noticePeriod} ({@code P3M}) before the end.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Renewal(boolean autoRenew, Period term, Period noticePeriod) {

    public static final Renewal NONE = new Renewal(false, null, null);

    public Renewal {
        noticePeriod = noticePeriod == null ? Period.ZERO : noticePeriod;
    }
}
