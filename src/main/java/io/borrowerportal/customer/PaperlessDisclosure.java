package io.borrowerportal.customer;

import io.borrowerportal.settings.WebsiteSettings;

import java.util.List;

/**
 * The disclosure a customer reads before agreeing to receive statements and notices electronically, as the
 * E-SIGN Act (15 U.S.C. 7001(c)) asks: what is delivered electronically, the right to withdraw and to get paper
 * copies, how to keep the email address current, and the hardware and software needed. A consent records the
 * {@link #VERSION} it accepted; change the version whenever the wording changes.
 */
public final class PaperlessDisclosure {

    public static final String VERSION = "2026-12";

    private PaperlessDisclosure() {
    }

    /** One part of the disclosure: its heading and its text. */
    public record Part(String heading, String text) {
    }

    /** The disclosure's parts, with the lender's name and contact details. */
    public static List<Part> parts(WebsiteSettings lender) {
        String name = lender.lenderName();
        return List.of(
                new Part("What we deliver electronically", "With your consent, " + name + " sends your monthly loan statements "
                        + "and notices about your loans (such as payment, AutoPay and insurance notices and changes "
                        + "to your terms) electronically: we email you when one is ready and you read it in this "
                        + "portal, where you can save or print it. Your consent covers every loan you have with us."),
                new Part("Your right to paper", "You may withdraw your consent at any time, free of charge, on this page or "
                        + "by calling " + lender.supportPhone() + ". We then mail statements and notices on paper "
                        + "again. Withdrawing does not affect documents already delivered. Even while you receive "
                        + "them electronically, you may ask for a paper copy of any statement or notice at no charge "
                        + "by calling " + lender.supportPhone() + " or writing to " + lender.supportEmail() + "."),
                new Part("Keeping your email address current", "We send to the email address you sign in with. Change it on "
                        + "this page (Email address) whenever it changes, so that our notices reach you."),
                new Part("What you need", "A device with internet access, a current web browser (such as Chrome, Edge, "
                        + "Firefox or Safari) and a PDF reader (most browsers include one; Adobe Acrobat Reader is "
                        + "free), an email account, and either a printer or storage to keep copies."));
    }
}
