package io.borrowerportal.servicing;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The servicer's id of a portal customer, one to one, and the customer's status there. */
@Entity
@Table(name = "servicer_customers")
class ServicerCustomer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String externalId;
    private Long customerId;
    @Enumerated(EnumType.STRING)
    private ServicerStatus servicerStatus;
    private Instant createdAt;
    private Instant updatedAt;

    protected ServicerCustomer() {
    }

    ServicerCustomer(String externalId, long customerId, ServicerStatus status, Instant at) {
        this.externalId = externalId;
        this.customerId = customerId;
        this.servicerStatus = status;
        this.createdAt = at;
        this.updatedAt = at;
    }

    String externalId() {
        return externalId;
    }

    long customerId() {
        return customerId;
    }

    ServicerStatus status() {
        return servicerStatus;
    }

    void changeStatus(ServicerStatus status, Instant at) {
        this.servicerStatus = status;
        this.updatedAt = at;
    }

    void touched(Instant at) {
        this.updatedAt = at;
    }
}
