package io.borrowerportal.access;

import io.borrowerportal.security.TokenState;

/** A single-use link that cannot be used: already used (or replaced by a newer one), expired, or unknown. */
public class AccessLinkRefusedException extends RuntimeException {

    private final TokenState state;

    AccessLinkRefusedException(TokenState state) {
        super("Link refused: " + state);
        this.state = state;
    }

    public TokenState state() {
        return state;
    }
}
