package io.borrowerportal.paymentprofile.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import io.borrowerportal.base.ui.Fields;
import io.borrowerportal.paymentprofile.PaymentChannel;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileSummary;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Pay with": the customer's usable payment profiles as a list to choose from, and buttons that add a card or a
 * bank account without leaving the page (the Payment Profiles tab's own dialogs). A profile just added is listed
 * and chosen at once. Make a Payment and the AutoPay wizard both choose their method with it; in Make a Payment
 * a card or bank account can also be entered for that payment only.
 */
public final class ProfilePicker {

    /** What the page calls things: the list's id, its items' id prefix, and what it says with nothing on file. */
    public record Naming(String id, String itemIdPrefix, String noProfileText) {
    }

    private final RadioButtonGroup<ProfileSummary> group = new RadioButtonGroup<>("Pay with");
    private final Div buttons = new Div();
    private final List<ProfileSummary> profiles = new ArrayList<>();
    private final Naming naming;
    private final boolean cardAllowed;
    private final boolean bankAllowed;
    private String note = "";

    /**
     * @param oneTimeOffered Make a Payment: a card or bank account entered here pays that payment only, unless the
     *                       customer checks "Save for later" (decision 013); false where a saved method is needed
     *                       (AutoPay)
     */
    public ProfilePicker(Naming naming, List<ProfileSummary> onFile, boolean cardAllowed, boolean bankAllowed,
                         PaymentProfileService profileService, Clock clock, boolean oneTimeOffered) {
        this.naming = naming;
        this.cardAllowed = cardAllowed;
        this.bankAllowed = bankAllowed;
        group.setId(naming.id());
        group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        group.setItemLabelGenerator(p -> p.displayName() + (p.primary() ? " · Primary" : "")
                + (p.onFile() ? "" : " · This payment only"));
        profiles.addAll(onFile);
        buttons.addClassName("new-profile-buttons");
        if (cardAllowed) {
            Button card = new Button(oneTimeOffered ? "Enter a new card" : "New Credit/Debit Card Profile",
                    click -> new CardProfileDialog(profileService, clock, oneTimeOffered, this::added).open());
            card.setId("new-card");
            buttons.add(card);
        }
        if (bankAllowed) {
            Button bank = new Button(oneTimeOffered ? "Enter a new bank account" : "New Bank Account Profile",
                    click -> new BankProfileDialog(profileService, oneTimeOffered, this::added).open());
            bank.setId("new-bank");
            buttons.add(bank);
        }
        show(null);
    }

    /** The list to choose from; its value is the chosen profile. */
    public RadioButtonGroup<ProfileSummary> group() {
        return group;
    }

    /** The buttons that add a card or a bank account (only those the lender accepts here). */
    public Div buttons() {
        return buttons;
    }

    public List<ProfileSummary> profiles() {
        return List.copyOf(profiles);
    }

    public Optional<ProfileSummary> profile(long id) {
        return profiles.stream().filter(p -> p.id() == id).findFirst();
    }

    /** Shown under the list while it holds a profile (the fees, say); with none, the page's no-profile text. */
    public void setNote(String note) {
        this.note = note;
        show(group.getValue());
    }

    /**
     * Takes the card or bank account entered for this payment only off the list: once a payment was made with it
     * (a declined card too), it cannot pay again and must be entered again.
     */
    public void forgetOneTime() {
        ProfileSummary selected = group.getValue();
        if (profiles.removeIf(p -> !p.onFile())) {
            show(selected != null && selected.onFile() ? selected : null);
        }
    }

    private void added(ProfileSummary profile) {
        // a method the lender does not take here is saved to the profiles, not offered
        if (profile.channel() == PaymentChannel.CARD ? cardAllowed : bankAllowed) {
            if (!profile.onFile()) {
                profiles.removeIf(p -> !p.onFile()); // the one entered before it is replaced, not offered beside it
            }
            profiles.add(profile);
            show(profile);
            group.setInvalid(false);
        }
    }

    private void show(ProfileSummary selected) {
        group.setItems(profiles);
        Fields.itemIds(group, p -> naming.itemIdPrefix() + p.id());
        if (selected != null) {
            group.setValue(selected);
        }
        group.setHelperText(profiles.isEmpty() ? naming.noProfileText() : note);
    }
}
