package io.borrowerportal.customer;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One consent to paperless delivery, open until it is withdrawn. */
@Entity
@Table(name = "paperless_consents")
class PaperlessConsent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long customerId;
    private String disclosureVersion;
    /** Where delivery went when the customer agreed. */
    private String email;
    private Instant consentedAt;
    private Instant withdrawnAt;

    protected PaperlessConsent() {
    }

    PaperlessConsent(long customerId, String disclosureVersion, String email, Instant consentedAt) {
        this.customerId = customerId;
        this.disclosureVersion = disclosureVersion;
        this.email = email;
        this.consentedAt = consentedAt;
    }

    boolean inForce() {
        return withdrawnAt == null;
    }

    void withdraw(Instant when) {
        withdrawnAt = when;
    }

    PaperlessStatus toStatus() {
        return new PaperlessStatus(inForce(), consentedAt, disclosureVersion, withdrawnAt);
    }
}
