package io.borrowerportal.common;

/** A value object refused what it was given; the message says, for the customer, what is wrong and how to fix it. */
public class InvalidValueException extends IllegalArgumentException {

    public InvalidValueException(String message) {
        super(message);
    }
}
