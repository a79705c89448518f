package io.accord.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.accord.model.agreement.EscalationPolicy;
import io.accord.model.agreement.EscalationPolicy.Level;
import io.accord.model.agreement.EscalationPolicy.Trigger;
import io.accord.model.agreement.EscalationPolicy.TriggerKind;
import io.accord.time.BusinessCalendar;
import io.accord.time.json.CalendarSpec;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EscalationRulesTest {

    private static final Map<String, CalendarSpec> CALENDARS = Map.of("office", CalendarSpec.of(
            BusinessCalendar.builder("Europe/Paris")
                    .hours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 0))
                    .hours(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(18, 0)).build()));

    private static Level level(int n, Trigger trigger, boolean businessHours, boolean urgent) {
        return new Level(n, "l" + n, trigger, List.of(), businessHours, "office", urgent);
    }

    @Test
    void thresholdLevelsFireOnlyAtTheirPercent() {
        EscalationPolicy policy = new EscalationPolicy(List.of(level(1, Trigger.threshold(50), false, false),
                level(2, Trigger.threshold(75), false, false), level(3, Trigger.breach(), false, false)));
        assertThat(EscalationRules.levelsFiring(policy, TriggerKind.THRESHOLD, 75)).extracting(Level::level)
                .containsExactly(2);
        assertThat(EscalationRules.levelsFiring(policy, TriggerKind.BREACH, null)).extracting(Level::level)
                .containsExactly(3);
        assertThat(EscalationRules.levelsFiring(policy, TriggerKind.THRESHOLD, 90)).isEmpty();
    }

    @Test
    void aBusinessHoursLevelAtThreeOnSundayWaitsForMondayUnlessUrgent() {
        Instant sunday3am = Instant.parse("2026-03-29T01:00:00Z"); // 03:00 in Paris, the night clocks go forward
        assertThat(EscalationRules.sendableFrom(level(1, Trigger.breach(), true, false), CALENDARS, sunday3am))
                .isEqualTo(Instant.parse("2026-03-30T07:00:00Z")); // Monday 09:00 CEST
        assertThat(EscalationRules.sendableFrom(level(1, Trigger.breach(), true, true), CALENDARS, sunday3am))
                .isEqualTo(sunday3am);
        assertThat(EscalationRules.sendableFrom(level(1, Trigger.breach(), false, false), CALENDARS, sunday3am))
                .isEqualTo(sunday3am);
        Instant mondayNoon = Instant.parse("2026-03-30T10:00:00Z");
        assertThat(EscalationRules.sendableFrom(level(1, Trigger.breach(), true, false), CALENDARS, mondayNoon))
                .isEqualTo(mondayNoon);
    }

    @Test
    void remindersStartAfterTheDelayAndSkipOccurrencesMissedWhileDown() {
        Level reminder = level(1, new Trigger(TriggerKind.AFTER_BREACH, null, Duration.ofMinutes(30),
                Duration.ofMinutes(30)), false, false);
        Instant breach = Instant.parse("2026-03-27T16:00:00Z");
        Instant first = EscalationRules.firstReminderAt(reminder, breach);
        assertThat(first).isEqualTo(breach.plus(Duration.ofMinutes(30)));
        assertThat(EscalationRules.nextReminderAt(first, Duration.ofMinutes(30), first))
                .isEqualTo(breach.plus(Duration.ofMinutes(60)));
        // Down for three hours: one reminder now, the next one on the original rhythm after now
        assertThat(EscalationRules.nextReminderAt(first, Duration.ofMinutes(30), breach.plus(Duration.ofMinutes(200))))
                .isEqualTo(breach.plus(Duration.ofMinutes(210)));
        assertThat(EscalationRules.nextReminderAt(first, null, first)).isNull();
    }

    @Test
    void backoffDoublesUpToItsCapWithBoundedJitter() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10), 0.2, 4);
        Instant now = Instant.parse("2026-03-27T16:00:00Z");
        assertThat(backoff.pauseAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.pauseAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.pauseAfter(10)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.nextAttempt(2, now, 0.999)).isBetween(now.plusSeconds(60), now.plusSeconds(72));
        assertThat(backoff.exhausted(3)).isFalse();
        assertThat(backoff.exhausted(4)).isTrue();
    }

    @Test
    void secretsDecryptOnlyWithTheirKeyAndContext() {
        SecretBox box = SecretBox.ofBase64Key("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        String sealed = box.encrypt("https://hooks.slack.com/x", "channel:a:url");
        assertThat(sealed).doesNotContain("hooks");
        assertThat(box.encrypt("https://hooks.slack.com/x", "channel:a:url")).isNotEqualTo(sealed);
        assertThat(box.decrypt(sealed, "channel:a:url")).isEqualTo("https://hooks.slack.com/x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> box.decrypt(sealed, "channel:b:url"))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining(sealed);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SecretBox.ofBase64Key("c2hvcnQ="))
                .hasMessageContaining("32 bytes");
    }
}
