package io.borrowerportal.gateway;

/**
 * What the customer typed for a new card, on its way to the processor. It lives only for the request:
 * never stored, and {@link #toString()} keeps the number and CVV out of logs and exception messages.
 */
public record CardDetails(String number, int expiryMonth, int expiryYear, String cvv, String holderName,
                          String billingZip) {

    @Override
    public String toString() {
        String digits = number == null ? "" : number;
        String last = digits.length() >= 4 ? digits.substring(digits.length() - 4) : "";
        return "CardDetails[number=•••• " + last + ", expiry=" + expiryMonth + "/" + expiryYear + ", cvv=•••]";
    }
}
