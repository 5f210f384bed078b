package io.borrowerportal.paymentprofile;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.security.ActorAudit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Saved payment methods as the payment services and jobs use them, whoever is signed in: the methods of
 * payments already made (by id), the bank account behind an ACH debit, and closing a bank account for debits
 * after a return. Customer-facing work (adding, editing, choosing a method) goes through
 * {@link PaymentProfileService}, which checks ownership; the callers of this class have checked it already,
 * or are jobs.
 */
@Component
public class PaymentMethods {

    private final PaymentProfileRepository profiles;
    private final BankAccountCipher cipher;
    private final ActorAudit audit;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    PaymentMethods(PaymentProfileRepository profiles, BankAccountCipher cipher, ActorAudit audit,
                   ApplicationEventPublisher publisher, Clock clock) {
        this.profiles = profiles;
        this.cipher = cipher;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The method with this id, deleted or not (a payment keeps naming the method it was made with). */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public PaymentMethod get(long profileId) {
        return profiles.findById(profileId).map(PaymentProfile::toMethod)
                .orElseThrow(() -> new NoSuchElementException("No payment profile " + profileId));
    }

    /** The methods with these ids, by id; deleted ones included, missing ones left out. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<Long, PaymentMethod> all(Collection<Long> profileIds) {
        Map<Long, PaymentMethod> found = new HashMap<>();
        if (!profileIds.isEmpty()) {
            profiles.findAllById(profileIds.stream().distinct().toList())
                    .forEach(p -> found.put(p.id(), p.toMethod()));
        }
        return found;
    }

    /** A method deleted by its owner, which nothing new may be paid with. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public boolean deleted(long profileId) {
        return profiles.findById(profileId).map(p -> p.status() == PaymentProfile.Status.DELETED).orElse(true);
    }

    /**
     * Claims a card or bank account entered for one payment (not on file) for the payment being made, in the
     * caller's transaction, so a payment that is not made leaves it unclaimed. The row is locked: of two payments
     * at once with one such method, the second finds it used. A method on file needs no claim and is not locked.
     *
     * @return false when another payment used this one-time method already
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean useForPayment(long profileId) {
        PaymentProfile profile = profiles.lock(profileId).orElseThrow();
        if (profile.usedUp()) {
            return false;
        }
        profile.useForPayment(clock.instant());
        return true;
    }

    /**
     * The bank accounts behind these profiles, decrypted, for the NACHA file and nothing else; card profiles
     * and missing ids are left out.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<Long, DebitAccount> debitAccounts(Collection<Long> profileIds) {
        Map<Long, DebitAccount> found = new HashMap<>();
        if (profileIds.isEmpty()) {
            return found;
        }
        for (PaymentProfile profile : profiles.findAllById(profileIds.stream().distinct().toList())) {
            if (profile.kind() == PaymentChannel.BANK) {
                found.put(profile.id(), new DebitAccount(profile.id(), profile.bankRoutingNumber(),
                        cipher.decrypt(profile.bankAccountSecret(), String.valueOf(profile.customerId())),
                        profile.bankAccountType(), profile.holderName(), profile.usable()));
            }
        }
        return found;
    }

    /**
     * A bank returned a debit from this profile's account with a code that closes the account for us: every
     * profile on that bank account, whoever keeps it, becomes unusable (the bank will refuse them all), each is
     * audited, and {@link BankAccountClosedForDebits} is published for the features that pay with them.
     * In the caller's transaction.
     *
     * @return the ids of the profiles closed, the returned one first
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> closeForDebits(long profileId, String returnCode, String description,
                                     String confirmationNumber, String loanNumber) {
        List<PaymentProfile> closed = sameBankAccount(profiles.findById(profileId).orElseThrow());
        for (PaymentProfile profile : closed) {
            profile.markUnusable("Your bank returned a payment (" + description + "). "
                    + "Add the account again once the bank has fixed it, or use another method.", clock.instant());
            audit.record(profile.customerId(), loanNumber, AuditAction.PROFILE_DISABLED,
                    profile.label() + " disabled after return " + returnCode + " of " + confirmationNumber);
        }
        List<Long> ids = closed.stream().map(PaymentProfile::id).toList();
        publisher.publishEvent(new BankAccountClosedForDebits(ids, returnCode, description, confirmationNumber));
        return ids;
    }

    /**
     * The profile and every other bank profile, of any customer, for the same routing and account number
     * (a co-borrower may keep the same account). Account numbers are stored encrypted per customer, so the
     * candidates with the same routing number and last four digits are decrypted and compared.
     */
    private List<PaymentProfile> sameBankAccount(PaymentProfile returned) {
        List<PaymentProfile> same = new ArrayList<>();
        same.add(returned);
        String number = cipher.decrypt(returned.bankAccountSecret(), String.valueOf(returned.customerId()));
        for (PaymentProfile other : profiles.findBankAccountsLike(returned.bankRoutingNumber(), returned.lastFour())) {
            if (!other.id().equals(returned.id()) && other.status() != PaymentProfile.Status.DELETED
                    && number.equals(cipher.decrypt(other.bankAccountSecret(), String.valueOf(other.customerId())))) {
                same.add(other);
            }
        }
        return same;
    }
}
