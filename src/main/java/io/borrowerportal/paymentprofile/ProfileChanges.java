package io.borrowerportal.paymentprofile;

import io.borrowerportal.common.Masking;

/** What a customer may change on a saved profile: the nickname and billing details (ZIP is cards only). */
public record ProfileChanges(String nickname, String holderName, String billingZip) {

    /** The holder's name masked and no ZIP: a command may end up in a log line. */
    @Override
    public String toString() {
        return "ProfileChanges[nickname=" + nickname + ", holderName=" + Masking.name(holderName) + "]";
    }
}
