package io.borrowerportal.paymentprofile;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.common.BankAccountNumber;
import io.borrowerportal.common.CardBrand;
import io.borrowerportal.common.CardNumber;
import io.borrowerportal.common.InvalidValueException;
import io.borrowerportal.common.RoutingNumber;
import io.borrowerportal.customer.CustomerWebAccess;
import io.borrowerportal.gateway.CardDetails;
import io.borrowerportal.gateway.PaymentGateway;
import io.borrowerportal.gateway.Tokenization;
import io.borrowerportal.outbox.EventType;
import io.borrowerportal.outbox.Outbox;
import io.borrowerportal.security.ActorAudit;
import io.borrowerportal.security.ChangesCustomerState;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.SettingsService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The served customer's payment profiles. Profiles belong to the customer, not to a loan: one card can pay
 * every loan they see. Every method that takes a profile id finds it among the customer's own profiles, so
 * another customer's id behaves like one that does not exist.
 */
@Service
@PreAuthorize("hasRole('CUSTOMER')")
@Transactional(readOnly = true)
public class PaymentProfileService {

    private final PaymentProfileRepository profiles;
    private final PaymentGateway gateway;
    private final BankAccountCipher cipher;
    private final SettingsService settings;
    private final CurrentUser currentUser;
    private final ActorAudit audit;
    private final TransactionTemplate tx;
    private final ObjectProvider<PaymentProfileUsage> usages;
    private final CustomerWebAccess customerWebAccess;
    private final Clock clock;
    private final Outbox outbox;

    PaymentProfileService(PaymentProfileRepository profiles, PaymentGateway gateway,
                          BankAccountCipher cipher, SettingsService settings, CurrentUser currentUser,
                          ActorAudit audit, PlatformTransactionManager transactions,
                          ObjectProvider<PaymentProfileUsage> usages, CustomerWebAccess customerWebAccess,
                          Clock clock, Outbox outbox) {
        this.outbox = outbox;
        this.profiles = profiles;
        this.customerWebAccess = customerWebAccess;
        this.gateway = gateway;
        this.cipher = cipher;
        this.settings = settings;
        this.currentUser = currentUser;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.usages = usages;
        this.clock = clock;
    }

    public List<ProfileSummary> myProfiles() {
        if (!customerWebAccess.servedCustomerHasWebAccess()) {
            return List.of();
        }
        return profiles.findOnFile(currentUser.customerId()).stream().map(PaymentProfile::toSummary).toList();
    }

    /**
     * Verifies the card with the processor and keeps its token; the number and CVV are not kept. The
     * processor is asked outside any transaction, so a slow one never holds a database connection.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    @ChangesCustomerState
    public ProfileSummary addCard(NewCardProfile card) {
        requireProfilesOpen();
        Tokenized verified = tokenized(card, true);
        long customerId = currentUser.customerId();
        return tx.execute(status -> added(profiles.save(PaymentProfile.card(customerId, true,
                blankToNull(card.nickname()), card.holderName().trim(), card.billingZip().trim(), verified.token(),
                verified.brand().displayName(), verified.lastFour(), card.expiryMonth(), card.expiryYear(),
                clock.instant())), card.makePrimary()));
    }

    /**
     * A card entered for one payment and not saved (decision 013): verified and tokenized like a saved one,
     * kept only so that payment can be charged, never listed, never primary, and used by the first payment
     * made with it. Its nickname and "primary" are ignored. Refused when the lender takes no card payments.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    @ChangesCustomerState
    public ProfileSummary cardForOnePayment(NewCardProfile card) {
        requirePaymentsBy(PaymentChannel.CARD);
        Tokenized verified = tokenized(card, false);
        long customerId = currentUser.customerId();
        return tx.execute(status -> enteredForOnePayment(profiles.save(PaymentProfile.card(customerId, false, null,
                card.holderName().trim(), card.billingZip().trim(), verified.token(), verified.brand().displayName(),
                verified.lastFour(), card.expiryMonth(), card.expiryYear(), clock.instant()))));
    }

    /** Keeps a bank account for ACH debits, its number encrypted for this customer. */
    @Transactional
    @ChangesCustomerState
    public ProfileSummary addBank(NewBankProfile bank) {
        requireProfilesOpen();
        ValidBank valid = validBank(bank, true);
        long customerId = currentUser.customerId();
        PaymentProfile profile = profiles.save(PaymentProfile.bank(customerId, true, blankToNull(bank.nickname()),
                bank.holderName().trim(), valid.routing().digits(),
                cipher.encrypt(valid.number().digits(), String.valueOf(customerId)), bank.accountType(),
                valid.number().lastFour(), clock.instant()));
        return added(profile, bank.makePrimary());
    }

    /**
     * A bank account entered for one payment and not saved (decision 013): checked and encrypted like a saved
     * one, so the NACHA file and a return treat its debit alike, but never listed, never primary, and used by the
     * first payment made with it. Its nickname and "primary" are ignored. Refused when the lender takes no bank
     * payments.
     */
    @Transactional
    @ChangesCustomerState
    public ProfileSummary bankForOnePayment(NewBankProfile bank) {
        requirePaymentsBy(PaymentChannel.BANK);
        ValidBank valid = validBank(bank, false);
        long customerId = currentUser.customerId();
        return enteredForOnePayment(profiles.save(PaymentProfile.bank(customerId, false, null,
                bank.holderName().trim(), valid.routing().digits(),
                cipher.encrypt(valid.number().digits(), String.valueOf(customerId)), bank.accountType(),
                valid.number().lastFour(), clock.instant())));
    }

    @Transactional
    @ChangesCustomerState
    public ProfileSummary update(long profileId, ProfileChanges changes) {
        PaymentProfile profile = owned(profileId);
        refuseIf("nickname", ProfileFields.nickname(changes.nickname()));
        refuseIf("holderName", ProfileFields.holderName(changes.holderName()));
        if (profile.kind() == PaymentChannel.CARD) {
            refuseIf("billingZip", ProfileFields.zip(changes.billingZip()));
        }
        profile.edit(blankToNull(changes.nickname()), changes.holderName().trim(),
                changes.billingZip() == null ? null : changes.billingZip().trim(), clock.instant());
        audit.record(profile.customerId(), null, AuditAction.PROFILE_CHANGED, "Edited " + profile.label());
        return profile.toSummary();
    }

    @Transactional
    @ChangesCustomerState
    public ProfileSummary makePrimary(long profileId) {
        owned(profileId);
        PaymentProfile chosen = null;
        for (PaymentProfile profile : profiles.lockOnFile(currentUser.customerId())) {
            boolean isChosen = profile.id() == profileId;
            if (isChosen && !profile.usable()) {
                throw new ProfileRefusedException("This payment method can no longer be used, so it cannot be primary.");
            }
            profile.makePrimary(isChosen, clock.instant());
            if (isChosen) {
                chosen = profile;
            }
        }
        audit.record(chosen.customerId(), null, AuditAction.PROFILE_CHANGED, "Made " + chosen.label() + " primary");
        return chosen.toSummary();
    }

    /**
     * Removes the profile from the customer's list. Refused while a scheduled or unfinished payment or an
     * active AutoPay will use it, naming each; the row stays (marked deleted) because past payments name it.
     */
    @Transactional
    @ChangesCustomerState
    public void delete(long profileId) {
        owned(profileId);
        // Locked, so a payment or an AutoPay cannot start using it while it is being deleted (they lock it too).
        PaymentProfile profile = profiles.lockOnFile(currentUser.customerId()).stream()
                .filter(p -> p.id() == profileId).findFirst().orElseThrow();
        List<String> uses = new ArrayList<>();
        List<String> remedies = new ArrayList<>();
        usages.orderedStream().forEach(usage -> {
            List<String> found = usage.usesOf(profile.id());
            if (!found.isEmpty()) {
                uses.addAll(found);
                remedies.add(usage.howToRelease(found.size()));
            }
        });
        if (!uses.isEmpty()) {
            throw new ProfileRefusedException(profile.label() + " cannot be deleted: it pays " + String.join(", ", uses)
                    + ". " + String.join(" ", remedies));
        }
        profile.delete(clock.instant());
        audit.record(profile.customerId(), null, AuditAction.PROFILE_DELETED, "Deleted " + profile.label());
        outbox.record(EventType.PAYMENT_PROFILE_REMOVED, String.valueOf(profile.id()), profile.toMessage());
    }

    /**
     * The served customer's own profile (not deleted), with all their profiles locked in the caller's
     * transaction, as deleting locks them: a profile an AutoPay is about to name cannot be deleted until that
     * AutoPay is saved, and the deletion then sees it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @ChangesCustomerState
    public ProfileSummary lockOwned(long profileId) {
        return profiles.lockOnFile(currentUser.customerId()).stream()
                .filter(p -> p.id() == profileId).findFirst()
                .map(PaymentProfile::toSummary)
                .orElseThrow(() -> new ProfileRefusedException("profile",
                        "That payment method was not found. Choose one from your list."));
    }

    /**
     * The served customer's own method to pay with, for the payment service: a profile on file, or a card or
     * bank account entered for one payment that has not been made yet. Another customer's id, or a deleted
     * profile, is "not found"; a one-time method whose payment was made is refused.
     */
    public PaymentMethod method(long profileId) {
        PaymentProfile profile = mine(profileId);
        if (profile.usedUp()) {
            throw new ProfileRefusedException("profile", profile.label() + " was entered for one payment, which "
                    + "has been made. Enter it again, or choose a saved method.");
        }
        return profile.toMethod();
    }

    /** The customer's own profile on file, not deleted; anything else (a one-time method too) is "not found". */
    private PaymentProfile owned(long profileId) {
        PaymentProfile profile = mine(profileId);
        if (!profile.onFile()) {
            throw notFound();
        }
        return profile;
    }

    /** The customer's own, not deleted profile, on file or one-time; anything else is "not found". */
    private PaymentProfile mine(long profileId) {
        requireWebAccess();
        return profiles.findById(profileId)
                .filter(p -> p.customerId() == currentUser.customerId())
                .filter(p -> p.status() != PaymentProfile.Status.DELETED)
                .orElseThrow(PaymentProfileService::notFound);
    }

    private static ProfileRefusedException notFound() {
        return new ProfileRefusedException("profile", "That payment method was not found. Choose one from your list.");
    }

    /** A card checked field by field, then verified and tokenized by the processor; its number and CVV go no further. */
    private Tokenized tokenized(NewCardProfile card, boolean onFile) {
        CardNumber number = valid("cardNumber", () -> CardNumber.of(card.cardNumber()));
        CardBrand brand = number.brand();
        refuseIf("expiry", ProfileFields.expiry(card.expiryMonth(), card.expiryYear(), YearMonth.now(clock)));
        refuseIf("cvv", ProfileFields.cvv(card.cvv(), brand));
        refuseIf("holderName", ProfileFields.holderName(card.holderName()));
        refuseIf("billingZip", ProfileFields.zip(card.billingZip()));
        if (onFile) {
            refuseIf("nickname", ProfileFields.nickname(card.nickname()));
        }
        Tokenization result = gateway.tokenize(new CardDetails(number.digits(), card.expiryMonth(), card.expiryYear(),
                card.cvv().trim(), card.holderName().trim(), card.billingZip().trim()));
        if (result instanceof Tokenization.Refused refused) {
            throw new ProfileRefusedException("cardNumber", refused.message() + " Check the card details and try again.");
        }
        Tokenization.Accepted accepted = (Tokenization.Accepted) result;
        return new Tokenized(accepted.token(), brand, accepted.lastFour());
    }

    private record Tokenized(String token, CardBrand brand, String lastFour) {
    }

    private ValidBank validBank(NewBankProfile bank, boolean onFile) {
        refuseIf("holderName", ProfileFields.holderName(bank.holderName()));
        RoutingNumber routing = valid("routingNumber", () -> RoutingNumber.of(bank.routingNumber()));
        BankAccountNumber number = valid("accountNumber",
                () -> BankAccountNumber.confirmed(bank.accountNumber(), bank.accountNumberConfirmation()));
        if (onFile) {
            refuseIf("nickname", ProfileFields.nickname(bank.nickname()));
        }
        if (bank.accountType() == null) {
            throw new ProfileRefusedException("accountType", "Choose checking or savings.");
        }
        return new ValidBank(routing, number);
    }

    private record ValidBank(RoutingNumber routing, BankAccountNumber number) {
    }

    private ProfileSummary enteredForOnePayment(PaymentProfile profile) {
        audit.record(profile.customerId(), null, AuditAction.PROFILE_ADDED,
                "Entered " + profile.label() + " for one payment, not saved");
        return profile.toSummary();
    }

    private ProfileSummary added(PaymentProfile profile, boolean makePrimary) {
        List<PaymentProfile> onFile = profiles.lockOnFile(profile.customerId());
        boolean first = onFile.stream().noneMatch(PaymentProfile::primary);
        if (makePrimary || first) {
            onFile.forEach(p -> p.makePrimary(p.id().equals(profile.id()), clock.instant()));
        }
        audit.record(profile.customerId(), null, AuditAction.PROFILE_ADDED, "Added " + profile.label());
        // Only a method kept on file: one entered for a single payment shows up in that payment's events.
        outbox.record(EventType.PAYMENT_PROFILE_ADDED, String.valueOf(profile.id()), profile.toMessage());
        return profile.toSummary();
    }

    private void requirePaymentsBy(PaymentChannel channel) {
        requireWebAccess();
        PaymentSettings rules = settings.payments();
        if (!rules.enabled() || (channel == PaymentChannel.CARD ? !rules.cardAllowed() : !rules.bankAllowed())) {
            throw new ProfileRefusedException("The lender does not accept " + channel.label().toLowerCase(Locale.ROOT)
                    + " payments online.");
        }
    }

    /** The customer's own web access switched off (decision 025) closes their saved methods too. */
    private void requireWebAccess() {
        if (!customerWebAccess.servedCustomerHasWebAccess()) {
            throw new ProfileRefusedException("Online access to your account is switched off. Call "
                    + settings.current().supportPhone() + " to reach us.");
        }
    }

    private void requireProfilesOpen() {
        requireWebAccess();
        if (!settings.payments().profilesEnabled() && !settings.payments().enabled()) {
            throw new AccessDeniedException("The lender does not offer payment profiles");
        }
    }

    /** A value object made from what the customer typed; its refusal is shown beside {@code field}. */
    private static <T> T valid(String field, Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidValueException invalid) {
            throw new ProfileRefusedException(field, invalid.getMessage());
        }
    }

    private static void refuseIf(String field, Optional<String> problem) {
        problem.ifPresent(message -> {
            throw new ProfileRefusedException(field, message);
        });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
