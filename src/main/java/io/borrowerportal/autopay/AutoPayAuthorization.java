package io.borrowerportal.autopay;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * An authorization the customer accepted for an AutoPay, kept for good: the AutoPay holds only the one in force,
 * and a change replaces it while the payments made before ran under this one.
 */
@Entity
@Immutable
@Table(name = "autopay_authorizations")
class AutoPayAuthorization {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long autopayId;
    private String authorizationVersion;
    private String authorizationText;
    private Instant authorizedAt;
    private String authorizedFrom;

    protected AutoPayAuthorization() {
    }

    AutoPayAuthorization(long autopayId, AutoPay.Authorization accepted) {
        this.autopayId = autopayId;
        this.authorizationVersion = accepted.version();
        this.authorizationText = accepted.text();
        this.authorizedAt = accepted.at();
        this.authorizedFrom = accepted.from();
    }
}
