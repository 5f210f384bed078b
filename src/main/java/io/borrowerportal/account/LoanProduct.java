package io.borrowerportal.account;

import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.PaymentFrequency;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "loan_products")
class LoanProduct {

    static final String PAYMENT_FREQUENCY = "paymentFrequency";
    static final String DAY_COUNT = "dayCount";
    static final String COLLATERALIZED = "collateralized";
    /** What every loan booked on the product reads from it (not copied at booking), so it never changes under one. */
    static final List<String> READ_BY_LOANS = List.of(PAYMENT_FREQUENCY, DAY_COUNT, COLLATERALIZED);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    private BigDecimal defaultRate;
    private int defaultTerm;
    @Enumerated(EnumType.STRING)
    private PaymentFrequency paymentFrequency;
    @Enumerated(EnumType.STRING)
    private DayCount dayCount;
    private boolean collateralized;
    @Version
    private long version;

    protected LoanProduct() {
    }

    LoanProduct(ProductDefinition definition) {
        this.code = definition.code();
        apply(definition);
    }

    /** The fields that differ from the definition, by the definition's names; empty when none does. */
    List<String> differences(ProductDefinition definition) {
        List<String> changed = new ArrayList<>();
        if (!name.equals(definition.name())) {
            changed.add("name");
        }
        if (defaultRate.compareTo(definition.defaultAnnualRatePercent()) != 0) {
            changed.add("defaultAnnualRatePercent");
        }
        if (defaultTerm != definition.defaultNumberOfPayments()) {
            changed.add("defaultNumberOfPayments");
        }
        if (paymentFrequency != definition.paymentFrequency()) {
            changed.add(PAYMENT_FREQUENCY);
        }
        if (dayCount != definition.dayCount()) {
            changed.add(DAY_COUNT);
        }
        if (collateralized != definition.collateralized()) {
            changed.add(COLLATERALIZED);
        }
        return changed;
    }

    void apply(ProductDefinition definition) {
        this.name = definition.name();
        this.defaultRate = definition.defaultAnnualRatePercent();
        this.defaultTerm = definition.defaultNumberOfPayments();
        this.paymentFrequency = definition.paymentFrequency();
        this.dayCount = definition.dayCount();
        this.collateralized = definition.collateralized();
    }

    /** What a booked loan reads from its product for its whole life, as it stands, by field name. */
    String fixedValue(String field) {
        return switch (field) {
            case PAYMENT_FREQUENCY -> paymentFrequency.name();
            case DAY_COUNT -> dayCount.name();
            default -> String.valueOf(collateralized);
        };
    }

    LoanProductSummary toSummary(long loansBooked) {
        return new LoanProductSummary(code, name, defaultRate, defaultTerm, paymentFrequency, dayCount, collateralized,
                loansBooked, version);
    }

    long version() {
        return version;
    }

    Long id() {
        return id;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    PaymentFrequency paymentFrequency() {
        return paymentFrequency;
    }

    DayCount dayCount() {
        return dayCount;
    }

    boolean collateralized() {
        return collateralized;
    }
}
