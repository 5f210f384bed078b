package io.borrowerportal.servicing;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.customer.CustomerRecords;
import io.borrowerportal.customer.LenderRecord;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Customers by the servicer's external id (decision 030): created invited (no password), or updated in what the
 * lender owns (name, email, phone, mailing address, status); what the portal owns (password, second factor,
 * preferences, consents) is never touched. One transaction per upsert, audited with the servicer as actor.
 */
@Service
@PreAuthorize("hasAnyRole('SYSTEM','API_CLIENT') and !hasRole('PREVIEW')")
@Transactional
public class ServicingCustomers {

    static final int MAX_EXTERNAL_ID = 64;

    private final ServicerCustomerRepository servicerCustomers;
    private final CustomerRecords customers;
    private final ServicerActor actor;
    private final Clock clock;

    ServicingCustomers(ServicerCustomerRepository servicerCustomers, CustomerRecords customers, ServicerActor actor,
                       Clock clock) {
        this.servicerCustomers = servicerCustomers;
        this.customers = customers;
        this.actor = actor;
        this.clock = clock;
    }

    public UpsertResult upsert(CustomerUpsert command) {
        List<ServicingProblem> problems = new ArrayList<>();
        idProblem("externalId", command.externalId()).ifPresent(problems::add);
        if (command.status() == null) {
            problems.add(new ServicingProblem("status", "Must be one of ACTIVE, INACTIVE."));
        }
        LenderRecord.problems(command.firstName(), command.lastName(), command.email(), command.phone(),
                        command.streetLine1(), command.streetLine2(), command.city(), command.state(), command.zip())
                .forEach((field, message) -> problems.add(new ServicingProblem(field, message)));
        if (!problems.isEmpty()) {
            throw new ServicingRefusedException(problems);
        }
        LenderRecord record = new LenderRecord(command.firstName(), command.lastName(), command.email(),
                command.phone(), command.streetLine1(), command.streetLine2(), command.city(), command.state(),
                command.zip());
        String externalId = command.externalId().strip();
        ServicerCustomer known = servicerCustomers.findByExternalId(externalId).orElse(null);
        if (customers.emailTaken(record.email(), known == null ? null : known.customerId())) {
            throw ServicingRefusedException.of("email", "Another customer of the portal has this email.");
        }
        if (known == null) {
            long customerId = customers.create(record);
            servicerCustomers.save(new ServicerCustomer(externalId, customerId, command.status(), clock.instant()));
            actor.record(customerId, record.email(), null, AuditAction.SERVICER_CUSTOMER_CREATED,
                    "Customer " + externalId + " created from the servicing system (" + command.status() + ")");
            return new UpsertResult(externalId, Outcome.CREATED, List.of());
        }
        LenderRecord before = customers.lenderRecord(known.customerId()).orElseThrow();
        List<String> changed = changes(before, record);
        if (known.status() != command.status()) {
            changed.add("status");
            known.changeStatus(command.status(), clock.instant());
        }
        if (changed.isEmpty()) {
            return new UpsertResult(externalId, Outcome.UNCHANGED, List.of());
        }
        customers.change(known.customerId(), record);
        known.touched(clock.instant());
        actor.record(known.customerId(), record.email(), null, AuditAction.SERVICER_CUSTOMER_UPDATED,
                "Customer " + externalId + " changed by the servicing system: " + String.join(", ", changed));
        return new UpsertResult(externalId, Outcome.UPDATED, List.copyOf(changed));
    }

    private static List<String> changes(LenderRecord before, LenderRecord after) {
        List<String> changed = new ArrayList<>();
        compare("firstName", before.firstName(), after.firstName(), changed);
        compare("lastName", before.lastName(), after.lastName(), changed);
        compare("email", before.email(), after.email(), changed);
        compare("phone", before.phone(), after.phone(), changed);
        compare("streetLine1", before.streetLine1(), after.streetLine1(), changed);
        compare("streetLine2", before.streetLine2(), after.streetLine2(), changed);
        compare("city", before.city(), after.city(), changed);
        compare("state", before.state(), after.state(), changed);
        compare("zip", before.zip(), after.zip(), changed);
        return changed;
    }

    private static void compare(String field, String before, String after, List<String> changed) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    static Optional<ServicingProblem> idProblem(String field, String id) {
        if (id == null || id.isBlank()) {
            return Optional.of(new ServicingProblem(field, "Must be given."));
        }
        if (id.strip().length() > MAX_EXTERNAL_ID) {
            return Optional.of(new ServicingProblem(field, "Must be at most " + MAX_EXTERNAL_ID + " characters."));
        }
        return Optional.empty();
    }
}
