package io.borrowerportal.servicing;

import io.borrowerportal.account.LoanProductSummary;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.account.ProductDefined;
import io.borrowerportal.account.ProductDefinition;
import io.borrowerportal.account.ProductInUseException;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;

/**
 * Loan products by their code (decision 034): the lender's first-load need, since every loan names one. The
 * servicing system defines them over the API and in products.csv; admins add and edit them on the staff console's
 * Loan products page. Name and defaults may always change (a loan copies its rate and number of payments when it is
 * booked); what booked loans read from their product is refused while any is booked on it
 * ({@link ProductInUseException}, HTTP 409). Every other refusal is a {@link ServicingRefusedException} naming each
 * field, and nothing is written. One transaction per upsert, audited within it: with the admin as actor when an
 * admin made the change, otherwise with the servicer (decision 030).
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN','SYSTEM','API_CLIENT') and !hasRole('PREVIEW')")
@Transactional
public class ServicingProducts {

    private final LoanServicing servicing;
    private final ServicerActor servicer;
    private final AuditService audit;
    private final CurrentUser currentUser;

    ServicingProducts(LoanServicing servicing, ServicerActor servicer, AuditService audit, CurrentUser currentUser) {
        this.servicing = servicing;
        this.servicer = servicer;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    /** Creates the product, or brings it to what was sent: the servicer's definition is the record. */
    public UpsertResult upsert(ProductUpsert command) {
        return define(definition(command), null);
    }

    /** An admin adds a product: a code the portal has already is refused, so nothing is overwritten unseen. */
    public UpsertResult add(ProductUpsert command) {
        ProductDefinition definition = definition(command);
        if (servicing.product(definition.code()).isPresent()) {
            throw ServicingRefusedException.of("code", "The portal has a product " + definition.code()
                    + " already; choose it in the list to change it.");
        }
        return define(definition, null);
    }

    /**
     * An admin changes a product as they read it ({@link LoanProductSummary#version()}): refused with an
     * {@link OptimisticLockingFailureException} when someone changed it since.
     */
    public UpsertResult change(ProductUpsert command, long version) {
        return define(definition(command), version);
    }

    /** Every product, by code, with the number of loans booked on each. */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN','SYSTEM','API_CLIENT')")
    @Transactional(readOnly = true)
    public List<LoanProductSummary> products() {
        return servicing.products();
    }

    private UpsertResult define(ProductDefinition definition, Long version) {
        ProductDefined defined = servicing.defineProduct(definition, version);
        if (defined.created()) {
            record(AuditAction.LOAN_PRODUCT_CREATED, "Loan product " + definition.code() + " (" + definition.name()
                    + ", " + definition.paymentFrequency() + ", " + definition.dayCount()
                    + (definition.collateralized() ? ", collateralized" : "") + ") created");
            return new UpsertResult(definition.code(), Outcome.CREATED, List.of());
        }
        if (defined.changed().isEmpty()) {
            return new UpsertResult(definition.code(), Outcome.UNCHANGED, List.of());
        }
        record(AuditAction.LOAN_PRODUCT_UPDATED, "Loan product " + definition.code() + " changed: "
                + String.join(", ", defined.changed()));
        return new UpsertResult(definition.code(), Outcome.UPDATED, defined.changed());
    }

    private void record(AuditAction action, String detail) {
        PortalUser admin = currentUser.actor().orElse(null);
        if (admin == null) {
            servicer.record(null, null, null, action, detail);
        } else {
            audit.recordWithin(admin.email(), admin.role(), null, null, null, action, detail);
        }
    }

    private static ProductDefinition definition(ProductUpsert command) {
        Map<String, String> problems = ProductDefinition.problems(command.code(), command.name(),
                command.defaultAnnualRatePercent(), command.defaultNumberOfPayments(), command.paymentFrequency(),
                command.dayCount(), command.collateralized());
        if (!problems.isEmpty()) {
            throw new ServicingRefusedException(problems.entrySet().stream()
                    .map(p -> new ServicingProblem(p.getKey(), p.getValue())).toList());
        }
        return new ProductDefinition(command.code(), command.name(), command.defaultAnnualRatePercent(),
                command.defaultNumberOfPayments(), command.paymentFrequency(), command.dayCount(),
                command.collateralized());
    }
}
