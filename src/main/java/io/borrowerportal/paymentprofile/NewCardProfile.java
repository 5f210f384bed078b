package io.borrowerportal.paymentprofile;

/**
 * A card the customer typed. The number and CVV go to the processor and are then forgotten; toString
 * never shows them.
 */
public record NewCardProfile(String nickname, String holderName, String cardNumber, int expiryMonth, int expiryYear,
                             String cvv, String billingZip, boolean makePrimary) {

    @Override
    public String toString() {
        return "NewCardProfile[nickname=" + nickname + ", expiry=" + expiryMonth + "/" + expiryYear + "]";
    }
}
