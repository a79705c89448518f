package io.accord.penalty.calc;

import static io.accord.model.statement.ObjectiveStatus.MET;
import static io.accord.model.statement.ObjectiveStatus.MISSED;
import static io.accord.model.statement.ObjectiveStatus.UNDEFINED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewStreakTest {

    @Test
    void undefinedPeriodsNeitherBreakNorExtendAStreak() {
        // newest first: missed, (nothing measured), missed, met -> 2 missed in a row
        assertThat(ReviewStreak.missedInARow(List.of(MISSED, UNDEFINED, MISSED, MET, MISSED))).isEqualTo(2);
        assertThat(ReviewStreak.missedInARow(List.of(MET, MISSED, MISSED))).isZero();
    }

    @Test
    void theThirdMissedPeriodInARowRequiresAReview() {
        assertThat(ReviewStreak.reviewRequired(List.of(MISSED, MISSED), null)).isFalse();
        assertThat(ReviewStreak.reviewRequired(List.of(MISSED, UNDEFINED, MISSED, MISSED), null)).isTrue();
        // the rule may say 2; a period that itself was not missed signals nothing
        assertThat(ReviewStreak.reviewRequired(List.of(MISSED, MISSED), 2)).isTrue();
        assertThat(ReviewStreak.reviewRequired(List.of(UNDEFINED, MISSED, MISSED, MISSED), 3)).isFalse();
        // six in a row signals again
        assertThat(ReviewStreak.reviewRequired(List.of(MISSED, MISSED, MISSED, MISSED, MISSED, MISSED), 3)).isTrue();
        assertThat(ReviewStreak.reviewRequired(List.of(MISSED, MISSED, MISSED, MISSED), 3)).isFalse();
    }
}
