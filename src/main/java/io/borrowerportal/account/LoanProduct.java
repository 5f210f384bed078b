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

import java.math.BigDecimal;

@Entity
@Table(name = "loan_products")
class LoanProduct {

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

    protected LoanProduct() {
    }

    LoanProduct(String code, String name, BigDecimal defaultRate, int defaultTerm, PaymentFrequency frequency,
                DayCount dayCount, boolean collateralized) {
        this.code = code;
        this.name = name;
        this.defaultRate = defaultRate;
        this.defaultTerm = defaultTerm;
        this.paymentFrequency = frequency;
        this.dayCount = dayCount;
        this.collateralized = collateralized;
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
