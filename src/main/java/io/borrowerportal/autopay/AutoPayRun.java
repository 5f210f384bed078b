package io.borrowerportal.autopay;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.sql.Date;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * What an AutoPay did on one due date. Unique per AutoPay and due date, and written in the transaction that
 * made the payment: that pair can never be paid twice. Written by the run in batches ({@link #row}); read here.
 */
@Entity
@Table(name = "autopay_runs")
class AutoPayRun {

    enum Outcome { PAID, SKIPPED, ENDED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long autopayId;
    private LocalDate dueDate;
    private LocalDate processDate;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    private String paymentConfirmation;
    private BigDecimal amount;
    private String note;
    private Instant createdAt;

    protected AutoPayRun() {
    }

    /** The columns of a new row, for the run's batch insert: the same values this entity would hold. */
    static Object[] row(long autopayId, LocalDate dueDate, LocalDate processDate, Outcome outcome,
                        String paymentConfirmation, BigDecimal amount, String note, Instant now) {
        return new Object[] {autopayId, Date.valueOf(dueDate), Date.valueOf(processDate),
                outcome.name(), paymentConfirmation, amount, shortened(note),
                LocalDateTime.ofInstant(now, ZoneOffset.UTC)};
    }

    private static String shortened(String note) {
        return note == null || note.length() <= 300 ? note : note.substring(0, 300);
    }

    long autopayId() { return autopayId; }
    LocalDate dueDate() { return dueDate; }
    LocalDate processDate() { return processDate; }
    Outcome outcome() { return outcome; }
    String paymentConfirmation() { return paymentConfirmation; }
    BigDecimal amount() { return amount; }
    String note() { return note; }
}
