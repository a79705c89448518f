package io.accord.model.agreement;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency, {@code {"amount": "123.45", "currency": "EUR"}}: always rounded HALF_EVEN to the
 * currency's minor unit (2 for EUR, 0 for JPY), and written as a string so no JSON reader turns it into a double.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Currency unit = Currency.getInstance(currency);
        int digits = Math.max(unit.getDefaultFractionDigits(), 0);
        amount = amount.setScale(digits, RoundingMode.HALF_EVEN);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** True when {@code code} is an ISO 4217 currency this JVM knows. */
    public static boolean isCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** {@code percent} % of this amount, rounded to the minor unit. */
    public Money percent(BigDecimal percent) {
        return new Money(amount.multiply(percent).divide(BigDecimal.valueOf(100)), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
    }
}
