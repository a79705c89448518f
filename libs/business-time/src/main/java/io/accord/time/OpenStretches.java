package io.accord.time;

/**
 * The open stretches of a calendar within one slice of the time line {@code [sliceStart, sliceEnd)} (one UTC
 * year), as sorted, disjoint, non-touching epoch-nanosecond intervals with running totals of open time. A
 * stretch cut by the slice end continues at the start of the next slice.
 *
 * <p>Every query is a binary search, so the cost of a lookup does not depend on where in the year it falls.
 */
final class OpenStretches {

    final long sliceStart;
    final long sliceEnd;
    final long[] starts;
    final long[] ends;
    /** Open nanos in the slice up to the end of stretch i. */
    final long[] cumulativeEnds;
    final int size;
    final long total;

    OpenStretches(long sliceStart, long sliceEnd, long[] starts, long[] ends, int size) {
        this.sliceStart = sliceStart;
        this.sliceEnd = sliceEnd;
        this.starts = starts;
        this.ends = ends;
        this.size = size;
        this.cumulativeEnds = new long[size];
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum += ends[i] - starts[i];
            cumulativeEnds[i] = sum;
        }
        this.total = sum;
    }

    /** @return the index of the last stretch starting at or before t, or -1 */
    int lastStartingAtOrBefore(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] > t) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo - 1;
    }

    /** @return open nanos in {@code [sliceStart, t)} */
    long cumulativeAt(long t) {
        int i = lastStartingAtOrBefore(t);
        if (i < 0) {
            return 0;
        }
        return t < ends[i] ? cumulativeEnds[i] - (ends[i] - t) : cumulativeEnds[i];
    }

    /** @return the first stretch whose running total reaches {@code need}, for {@code 0 < need <= total} */
    int firstReaching(long need) {
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulativeEnds[mid] >= need) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** @return the instant at which the running total reaches {@code need}, for {@code 0 < need <= total} */
    long instantReaching(long need) {
        int i = firstReaching(need);
        return ends[i] - (cumulativeEnds[i] - need);
    }

    boolean contains(long t) {
        int i = lastStartingAtOrBefore(t);
        return i >= 0 && t < ends[i];
    }
}
