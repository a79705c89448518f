package io.accord.penalty.calc;

import io.accord.model.statement.ObjectiveStatus;
import java.util.List;

/**
 * Periods an objective missed in a row, for the review-required signal: counted back from the newest period, a
 * missed period extends the streak, a met one ends it, and an undefined one (nothing measured) is skipped.
 *
 * <pre>{@code
 * ReviewStreak.missedInARow(List.of(MISSED, UNDEFINED, MISSED, MET, MISSED)); // 2
 * }</pre>
 */
public final class ReviewStreak {

    /** When the rules name no number of periods. */
    public static final int DEFAULT_PERIODS = 3;

    private ReviewStreak() {
    }

    /** The streak of missed periods ending with the newest; {@code newestFirst} lists periods newest first. */
    public static int missedInARow(List<ObjectiveStatus> newestFirst) {
        int streak = 0;
        for (ObjectiveStatus status : newestFirst) {
            if (status == ObjectiveStatus.MET) {
                break;
            }
            if (status == ObjectiveStatus.MISSED) {
                streak++;
            }
        }
        return streak;
    }

    /**
     * True when the newest period completes a streak of {@code periods} (or a multiple of it: a streak of 6 with
     * {@code periods} 3 signals again), and the newest period itself was missed.
     */
    public static boolean reviewRequired(List<ObjectiveStatus> newestFirst, Integer periods) {
        int n = periods == null || periods < 1 ? DEFAULT_PERIODS : periods;
        if (newestFirst.isEmpty() || newestFirst.get(0) != ObjectiveStatus.MISSED) {
            return false;
        }
        int streak = missedInARow(newestFirst);
        return streak % n == 0;
    }
}
