package io.borrowerportal.account;

import io.borrowerportal.common.WebAccessSwitch;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * The customer's own web access switch, read-only, so the queries that resolve a customer's loans test it in the
 * same statement (decision 025): an account page resolves its loan three or four times (summary, insurance,
 * AutoPay alerts), and a separate read each time would double its statements. The customer module owns the
 * column and writes it ({@code CustomerWebAccess}).
 */
@Entity
@Immutable
@Table(name = "customers")
class CustomerWebSwitch {

    @Id
    private Long id;
    @Embedded
    private WebAccessSwitch webAccess;

    protected CustomerWebSwitch() {
    }
}
