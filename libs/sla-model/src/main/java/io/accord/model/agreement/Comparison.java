package io.accord.model.agreement;

import java.math.BigDecimal;

/** How a KPI measurement is compared with its target: at least ({@code >=}) or at most ({@code <=}). */
public enum Comparison {
    AT_LEAST, AT_MOST;

    public boolean isMet(BigDecimal measured, BigDecimal target) {
        int c = measured.compareTo(target);
        return this == AT_LEAST ? c >= 0 : c <= 0;
    }
}
