package io.borrowerportal.outbox;

import io.borrowerportal.common.FieldCipher;
import io.borrowerportal.common.SecretKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Webhook signing secrets at rest (decision 035): encrypted like bank account numbers and authenticator secrets
 * ({@link FieldCipher}), bound to the endpoint's id, under {@value #KEY_PROPERTY} or the key file. The portal must
 * sign with the secret, so it is encrypted, not hashed. A database copy alone then signs nothing.
 * <p>
 * Endpoints added before (V025 kept the secret as it was shown) are encrypted at start-up, on every node and
 * every start, each row by a conditional update, so two nodes starting at once do it once; until then such a
 * secret is still used as it is stored.
 */
@Component
class WebhookSecrets {

    static final String KEY_PROPERTY = "portal.webhooks.secret-key";
    static final String KEY_FILE_PROPERTY = "portal.webhooks.secret-key-file";
    static final String DEFAULT_KEY_FILE = "./data/webhook-secret.key";

    private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);
    private static final SecretKeys.Source KEY_SOURCE = new SecretKeys.Source("Webhook secret", "an AES-256 key",
            KEY_PROPERTY, KEY_FILE_PROPERTY, DEFAULT_KEY_FILE,
            "without it no webhook can be signed until each endpoint is added again.");

    private final FieldCipher cipher;
    private final WebhookRows rows;

    WebhookSecrets(WebhookRows rows, @Value("${" + KEY_PROPERTY + ":}") String base64Key,
                   @Value("${" + KEY_FILE_PROPERTY + ":" + DEFAULT_KEY_FILE + "}") String keyFile) {
        this.rows = rows;
        this.cipher = new FieldCipher(KEY_SOURCE, base64Key, keyFile, "Encrypted webhook secret", "another endpoint");
    }

    String seal(long endpointId, String secret) {
        return cipher.encrypt(secret, owner(endpointId));
    }

    /** The secret to sign with; a secret stored before encryption (not yet sealed at start-up) as it is. */
    String reveal(long endpointId, String stored) {
        return FieldCipher.isToken(stored) ? cipher.decryptText(stored, owner(endpointId)) : stored;
    }

    /** Encrypts every secret still stored as it was shown. @return how many this node encrypted */
    @EventListener(ApplicationReadyEvent.class)
    int sealStoredSecrets() {
        int sealed = 0;
        for (WebhookRows.StoredSecret row : rows.secrets()) {
            if (!row.stored().isEmpty() && !FieldCipher.isToken(row.stored()) && rows.replaceSecret(row.endpointId(), row.stored(),
                    seal(row.endpointId(), row.stored()))) {
                sealed++;
            }
        }
        if (sealed > 0) {
            log.info("Encrypted the signing secrets of {} webhook endpoints stored before encryption", sealed);
        }
        return sealed;
    }

    private static String owner(long endpointId) {
        return "WEBHOOK_ENDPOINT:" + endpointId;
    }
}
