package io.borrowerportal.payment.ach;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a customer's bank sent a debit back, in words the borrower sees on the payment. Two questions
 * drive what the portal does next: whether the customer withdrew the permission to debit (standing
 * debits must stop), and whether the bank account can be debited again at all (the saved profile must be retired).
 */
public enum ReturnCode {
    R01("Insufficient funds"),
    R02("Account closed"),
    R03("No account / unable to locate account"),
    R04("Invalid account number"),
    R05("Unauthorized debit to a consumer account"),
    R06("Returned at the lender's bank's request"),
    R07("Authorization revoked by customer"),
    R08("Payment stopped"),
    R09("Uncollected funds"),
    R10("Customer advises not authorized"),
    R11("Customer advises the debit did not match the authorization"),
    R12("Account moved to another bank"),
    R13("Invalid bank routing number"),
    R14("Representative payee deceased"),
    R15("Account holder deceased"),
    R16("Account frozen"),
    R17("Account number could not be processed"),
    R18("Improper payment date"),
    R19("Amount error"),
    R20("Non-transaction account"),
    R21("Invalid company identification"),
    R22("Invalid individual identification"),
    R23("Payment refused by the account holder"),
    R24("Duplicate payment"),
    R29("Business customer advises not authorized");

    private final String description;

    ReturnCode(String description) {
        this.description = description;
    }

    /** Plain English for the borrower's payment history. */
    public String description() {
        return description;
    }

    /** The customer took back the permission to debit: standing and scheduled debits from this account stop. */
    public boolean revokesAuthorization() {
        return switch (this) {
            case R05, R07, R10, R29 -> true;
            default -> false;
        };
    }

    /** Debiting this bank account again would fail or be unauthorized, so its saved profile must not be used again. */
    public boolean accountUnusable() {
        return switch (this) {
            case R02, R03, R04, R05, R07, R10, R16, R20, R29 -> true;
            default -> false;
        };
    }

    /**
     * Whether the borrower pays the lender's returned-payment (NSF) fee. Not for returns caused by the
     * lender or the banks: a bad date, amount, identification, a duplicate, or the lender's bank's request.
     */
    public boolean chargesNsfFee() {
        return switch (this) {
            case R06, R17, R18, R19, R21, R22, R24 -> false;
            default -> true;
        };
    }

    /** Reads "R01", "r01" or " R01 "; anything else, including codes this portal does not know, is empty. */
    public static Optional<ReturnCode> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        for (ReturnCode value : values()) {
            if (value.name().equals(normalized)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
