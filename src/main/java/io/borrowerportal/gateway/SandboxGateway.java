package io.borrowerportal.gateway;

import io.borrowerportal.common.CardBrand;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded default processor. It behaves like a processor's test mode: 4242 4242 4242 4242 approves, 4000 0000 0000 0002 declines, 4000 0000 0000 9995 declines
 * for insufficient funds, 4000 0000 0000 0069 is expired, 4000 0000 0000 0119 fails with a processor
 * error (the charge's outcome is unknown until looked up, and then it was never charged), and any other
 * Luhn-valid number approves.
 *
 * <p>The behaviour travels in the token ("tok_sandbox_decline_…"), as a real processor's test tokens do,
 * so a card saved before a restart still behaves the same. Charges are remembered by idempotency key for
 * {@link #lookup} and repeated keys, until the process stops.
 */
@Component
@ConditionalOnProperty(name = "portal.payments.gateway", havingValue = "sandbox", matchIfMissing = true)
public class SandboxGateway implements PaymentGateway {

    private enum Behaviour { APPROVE, DECLINE, FUNDS, EXPIRED, ERROR }

    private static final Map<String, Behaviour> TEST_CARDS = Map.of(
            "4000000000000002", Behaviour.DECLINE,
            "4000000000009995", Behaviour.FUNDS,
            "4000000000000069", Behaviour.EXPIRED,
            "4000000000000119", Behaviour.ERROR);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, ChargeResult> charges = new ConcurrentHashMap<>();

    @Override
    public Tokenization tokenize(CardDetails card) {
        String number = card.number() == null ? "" : card.number();
        if (!number.matches("\\d{13,19}") || !LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(number)) {
            return new Tokenization.Refused("invalid_number", "The card number is not valid.");
        }
        if (card.cvv() == null || !card.cvv().matches("\\d{3,4}")) {
            return new Tokenization.Refused("invalid_cvc", "The security code (CVV) is not valid.");
        }
        Behaviour behaviour = TEST_CARDS.getOrDefault(number, Behaviour.APPROVE);
        byte[] id = new byte[12];
        random.nextBytes(id);
        String token = "tok_sandbox_" + behaviour.name().toLowerCase() + "_" + HexFormat.of().formatHex(id);
        return new Tokenization.Accepted(token, CardBrand.detect(number).displayName(), number.substring(number.length() - 4));
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        return charges.computeIfAbsent(request.idempotencyKey(), key -> decide(request));
    }

    @Override
    public ChargeResult lookup(String idempotencyKey) {
        ChargeResult result = charges.get(idempotencyKey);
        // A processor error in test mode never captures money: looked up later, there is no charge.
        return result == null || result instanceof ChargeResult.Unknown ? new ChargeResult.NotFound() : result;
    }

    private ChargeResult decide(ChargeRequest request) {
        if (request.amount() == null || request.amount().signum() <= 0) {
            return new ChargeResult.Declined("invalid_amount", "The amount is not valid.");
        }
        Behaviour behaviour = behaviour(request.token());
        return switch (behaviour) {
            case APPROVE -> {
                byte[] id = new byte[8];
                random.nextBytes(id);
                yield new ChargeResult.Approved("ch_sandbox_" + HexFormat.of().formatHex(id));
            }
            case DECLINE -> new ChargeResult.Declined("card_declined",
                    "Your card was declined by the bank that issued it. Use another card or call your bank.");
            case FUNDS -> new ChargeResult.Declined("insufficient_funds",
                    "Your card was declined for insufficient funds. Use another card or a bank account.");
            case EXPIRED -> new ChargeResult.Declined("expired_card",
                    "Your card has expired. Add the new card from your bank and try again.");
            case ERROR -> new ChargeResult.Unknown("processing_error");
        };
    }

    private static Behaviour behaviour(String token) {
        if (token == null || !token.startsWith("tok_sandbox_")) {
            return Behaviour.DECLINE;
        }
        String kind = token.substring("tok_sandbox_".length(), token.lastIndexOf('_'));
        try {
            return Behaviour.valueOf(kind.toUpperCase());
        } catch (IllegalArgumentException e) {
            return Behaviour.DECLINE;
        }
    }
}
