package io.borrowerportal.paymentprofile;

/** A bank account the customer typed, twice. toString never shows the account number. */
public record NewBankProfile(String nickname, String holderName, String routingNumber, String accountNumber,
                             String accountNumberConfirmation, BankAccountKind accountType, boolean makePrimary) {

    @Override
    public String toString() {
        return "NewBankProfile[nickname=" + nickname + ", routing=" + routingNumber + ", type=" + accountType + "]";
    }
}
