package io.borrowerportal.outbox;

import io.borrowerportal.common.Digits;
import tools.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The last line before a payload leaves the portal: it must never carry a full card or bank account number, a
 * CVV or a password (the payload records hold last four digits only; this catches a field added by mistake).
 * A payload is refused when a field's name says it holds such a secret, or when any value holds 13 or more
 * digits in a row ({@link Digits#holdsCardLengthNumber}, the rule every free-text field of the portal already
 * follows at entry, so a customer's own words never trip it here).
 */
final class PayloadGuard {

    /** Names of fields that hold a secret or a whole number; {@code lastFour} and {@code loanNumber} are fine. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "password|passcode|cvv|cvc|securitycode|secret|cardnumber|pan|accountnumber|bankaccount|token");

    private PayloadGuard() {
    }

    /** Why the payload may not be published, or empty when it may. */
    static Optional<String> problem(JsonNode node, String path) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = field.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
                if (SECRET_NAME.matcher(name).matches()) {
                    return Optional.of("field " + path + "." + field.getKey() + " may hold a secret");
                }
                Optional<String> inner = problem(field.getValue(), path + "." + field.getKey());
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode element : node) {
                Optional<String> inner = problem(element, path + "[" + i++ + "]");
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (node.isString() || node.isNumber()) {
            if (Digits.holdsCardLengthNumber(node.asString())) {
                return Optional.of(path + " holds a number as long as a card number");
            }
        }
        return Optional.empty();
    }
}
