package io.borrowerportal.outbox;

import io.borrowerportal.common.Digits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The last line before a payload leaves the portal: it must never carry a full card or bank account number, a
 * CVV or a password (the payload records hold last four digits only). Two kinds of mistake, two answers
 * (decision 035):
 * <ul>
 *   <li>a field whose name says it holds a secret, or a JSON number of 13 or more digits, is a programming error
 *       (a field added by mistake): the payload is refused, and the caller's change with it;</li>
 *   <li>a string holding 13 or more digits in a row is the customer's own text (an email's local part, a street
 *       line from the servicer): each such run is cut to its last four ({@link Digits#maskCardLength}) and the
 *       change goes through, since refusing it would stop the customer's action for a number nobody asked for.</li>
 * </ul>
 */
final class PayloadGuard {

    /** Names of fields that hold a secret or a whole number; {@code lastFour} and {@code loanNumber} are fine. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "password|passcode|cvv|cvc|securitycode|secret|cardnumber|pan|accountnumber|bankaccount|token");

    private PayloadGuard() {
    }

    /**
     * The payload as it may be published: every card-length run of digits in a string masked.
     *
     * @throws IllegalArgumentException naming the field, never its value, when a field is named like a secret or a
     *                                  number is as long as a card number
     */
    static JsonNode publishable(JsonNode node) {
        return publishable(node, "$");
    }

    private static JsonNode publishable(JsonNode node, String path) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = field.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
                if (SECRET_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("field " + path + "." + field.getKey() + " may hold a secret");
                }
                out.set(field.getKey(), publishable(field.getValue(), path + "." + field.getKey()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            int i = 0;
            for (JsonNode element : node) {
                out.add(publishable(element, path + "[" + i++ + "]"));
            }
            return out;
        }
        if (node.isNumber() && Digits.holdsCardLengthNumber(node.asString())) {
            throw new IllegalArgumentException(path + " is a number as long as a card number");
        }
        if (node.isString() && Digits.holdsCardLengthNumber(node.asString())) {
            return JsonNodeFactory.instance.stringNode(Digits.maskCardLength(node.asString()));
        }
        return node;
    }
}
