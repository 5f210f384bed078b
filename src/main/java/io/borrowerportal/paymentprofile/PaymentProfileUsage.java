package io.borrowerportal.paymentprofile;

import java.util.List;

/**
 * What else keeps a payment profile in use, so it cannot be deleted: the features that pay with profiles
 * (scheduled payments, AutoPay) implement it as Spring beans without this module knowing them. Called inside the deletion's transaction, with
 * the customer's profiles locked, so a new use cannot appear while the deletion decides.
 */
public interface PaymentProfileUsage {

    /**
     * The uses that keep the profile, each named for the customer ("AutoPay AP-7K3M9QXD on PL-200731"), and
     * what to do about them.
     */
    List<String> usesOf(long profileId);

    /** What the customer should do to free the profile from {@code uses} such uses ("Cancel it on the AutoPay tab or ..."). */
    String howToRelease(int uses);
}
