package io.borrowerportal.gateway;

/** The processor's answer to "keep this card": a token to charge later, or why the card was refused. */
public sealed interface Tokenization {

    /** @param brand the processor's brand name, e.g. "Visa" */
    record Accepted(String token, String brand, String lastFour) implements Tokenization {
    }

    /** @param message a sentence for the customer */
    record Refused(String code, String message) implements Tokenization {
    }
}
