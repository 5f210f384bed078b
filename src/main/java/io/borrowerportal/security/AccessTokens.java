package io.borrowerportal.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The single-use links of sign-in access: activation (7 days), password reset (30 minutes) and email change
 * (24 hours), one Spring Security {@code OneTimeTokenService} per purpose, each storing only hashes. The
 * subject is what the link acts on (the account's email; for an email change, the customer id and new
 * address). Callers decide who may ask for a link; this class only issues and redeems them.
 */
@Service
public class AccessTokens {

    private final Map<TokenPurpose, HashedOneTimeTokenService> services = new EnumMap<>(TokenPurpose.class);

    AccessTokens(JdbcClient jdbc, Clock clock) {
        for (TokenPurpose purpose : TokenPurpose.values()) {
            services.put(purpose, new HashedOneTimeTokenService(purpose, jdbc, clock));
        }
    }

    /** A new link's token for the subject, retiring the subject's earlier links of the same purpose. */
    @Transactional(propagation = Propagation.MANDATORY)
    public OneTimeToken issue(TokenPurpose purpose, String subject) {
        return services.get(purpose).generate(new GenerateOneTimeTokenRequest(subject, purpose.lifetime()));
    }

    /** Uses the token: its subject the first time, while it has not expired; empty ever after. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> redeem(TokenPurpose purpose, String token) {
        OneTimeToken used = services.get(purpose).consume(OneTimeTokenAuthenticationToken.unauthenticated(token));
        return Optional.ofNullable(used).map(OneTimeToken::getUsername);
    }

    /** What the token is now, without using it. */
    @Transactional(readOnly = true)
    public TokenState state(TokenPurpose purpose, String token) {
        return services.get(purpose).state(token);
    }

    /** The subject of a usable token, without using it. */
    @Transactional(readOnly = true)
    public Optional<String> peek(TokenPurpose purpose, String token) {
        return services.get(purpose).subject(token);
    }
}
