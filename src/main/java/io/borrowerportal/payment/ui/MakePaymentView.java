package io.borrowerportal.payment.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import io.borrowerportal.account.AccountDetail;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.ui.AccountNavigation;
import io.borrowerportal.account.ui.AccountPage;
import io.borrowerportal.account.ui.AccountTabView;
import io.borrowerportal.base.ui.CustomerLayout;
import io.borrowerportal.base.ui.Fields;
import io.borrowerportal.base.ui.Figure;
import io.borrowerportal.base.ui.Formats;
import io.borrowerportal.base.ui.Wizard;
import io.borrowerportal.common.Dates;
import io.borrowerportal.payment.PaymentOptions;
import io.borrowerportal.payment.PaymentQuote;
import io.borrowerportal.payment.PaymentRefusedException;
import io.borrowerportal.payment.PaymentRequest;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.payment.PaymentStatus;
import io.borrowerportal.payment.PaymentSummary;
import io.borrowerportal.paymentprofile.PaymentChannel;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.paymentprofile.ui.ProfilePicker;
import io.borrowerportal.security.Role;
import io.borrowerportal.settings.PaymentType;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Make a Payment, as a wizard on one page: amount and date, method, review, then the receipt. Only one
 * step shows at a time, which keeps each step short on a phone. Every rule is the service's: the view
 * shows the service's refusal on the field it names and goes back to that field's step.
 */
@Route(value = "accounts/:loanNumber/pay", layout = CustomerLayout.class)
@RolesAllowed(Role.CUSTOMER)
class MakePaymentView extends AccountTabView {

    private static final String[] STEP_NAMES = {"Amount", "Method", "Review", "Receipt"};

    private final PaymentService paymentService;
    private final PaymentProfileService profileService;
    private final Clock clock;

    private String loanNumber;
    private String title = "Make a Payment";
    private PaymentOptions options;
    /** The channel the page was opened for (the Payments tab's two entry points), or null for any. */
    private PaymentChannel onlyChannel;
    private String requestedChannel;
    private ProfilePicker picker;

    private final Wizard steps = new Wizard("Payment steps", "payment-error", STEP_NAMES);
    private final Div amountStep = steps.panel("pay-step-amount");
    private final Div methodStep = steps.panel("pay-step-method");
    private final Div reviewStep = steps.panel("pay-step-review");
    private final RadioButtonGroup<PaymentType> type = new RadioButtonGroup<>("What would you like to pay?");
    private final BigDecimalField amount = new BigDecimalField("Amount");
    private final DatePicker date = new DatePicker("Payment date");
    private RadioButtonGroup<ProfileSummary> method;
    private final Div reviewFigures = new Div();
    private final Button confirm = new Button("Confirm payment");
    private final Button chooseAnother = new Button("Choose another method");

    MakePaymentView(AccountService accountService, SettingsService settingsService, PaymentService paymentService,
                    PaymentProfileService profileService, Clock clock) {
        super(accountService, settingsService, AccountPage.Tab.PAYMENTS);
        this.paymentService = paymentService;
        this.profileService = profileService;
        this.clock = clock;
        addClassName("make-payment-view");
        // Listeners once, here: the page is filled again each time it is entered, on the same components.
        type.addValueChangeListener(e -> showAmountField());
        chooseAnother.addClickListener(click -> steps.show(2));
        confirm.addClickListener(click -> submit());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        requestedChannel = event.getLocation().getQueryParameters()
                .getSingleParameter(AccountNavigation.CHANNEL).orElse(null);
        super.beforeEnter(event);
    }

    @Override
    protected void render(AccountDetail detail, WebsiteSettings settings) {
        loanNumber = detail.info().loanNumber();
        options = paymentService.options(loanNumber);
        onlyChannel = requestedChannel(options);
        String heading = onlyChannel == null ? "Make a Payment"
                : onlyChannel == PaymentChannel.CARD ? "Credit/Debit Card Payment" : "Bank Account Payment";
        title = heading + " · " + detail.info().title();
        Div wizard = new Div();
        wizard.addClassName("payment-wizard");
        wizard.add(new H2(heading));
        if (options.refusal() != null) {
            Div refusal = new Div();
            refusal.setText(options.refusal());
            refusal.setId("payment-refusal");
            refusal.addClassNames("alert", "alert-error");
            refusal.getElement().setAttribute("role", "alert");
            wizard.add(refusal);
            add(wizard);
            return;
        }
        if (options.balanceUnderReview()) {
            Div notice = new Div();
            notice.setText("Your balance is being updated, so the amount due and the payoff are not shown. You can "
                    + "still pay an amount you choose.");
            notice.setId("payment-balance-review");
            notice.addClassNames("alert", "alert-info");
            notice.getElement().setAttribute("role", "status");
            wizard.add(notice);
        }
        startAfresh();
        buildAmountStep();
        buildMethodStep();
        buildReviewStep();
        wizard.add(steps.parts());
        add(wizard);
        steps.show(1);
    }

    /**
     * The channel asked for in the address, when the lender takes it; anything else (a channel the lender does
     * not take, a made-up value) is ignored and every channel the lender takes is offered.
     */
    private PaymentChannel requestedChannel(PaymentOptions offered) {
        if (AccountNavigation.CARD_CHANNEL.equals(requestedChannel) && offered.cardAllowed()) {
            return PaymentChannel.CARD;
        }
        if (AccountNavigation.BANK_CHANNEL.equals(requestedChannel) && offered.bankAllowed()) {
            return PaymentChannel.BANK;
        }
        return null;
    }

    private boolean offered(PaymentChannel channel) {
        boolean allowed = channel == PaymentChannel.CARD ? options.cardAllowed() : options.bankAllowed();
        return allowed && (onlyChannel == null || onlyChannel == channel);
    }

    /** Nothing from an earlier visit to this view stays: no controls and no amount typed. */
    private void startAfresh() {
        steps.clear();
        amount.clear();
        amount.setInvalid(false);
        date.setInvalid(false);
        confirm.setEnabled(true);
    }

    private void buildAmountStep() {
        List<PaymentType> offered = Arrays.stream(PaymentType.values()).filter(options.types()::contains).toList();
        type.setId("pay-type");
        type.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        type.setItems(offered);
        type.setItemLabelGenerator(this::typeLabel);
        type.setItemEnabledProvider(t -> t != PaymentType.AMOUNT_DUE || options.amountDue().signum() > 0);
        Fields.itemIds(type, t -> "pay-type-" + t.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        offered.stream().filter(t -> t != PaymentType.AMOUNT_DUE || options.amountDue().signum() > 0).findFirst()
                .ifPresent(type::setValue);

        amount.setId("pay-amount");
        amount.setPrefixComponent(new Span("$"));
        amount.getElement().setAttribute("inputmode", "decimal");
        showAmountField();

        date.setId("pay-date");
        date.setLocale(Formats.locale());
        date.setMin(options.earliestDate());
        date.setMax(options.latestDate());
        date.setValue(options.earliestDate());
        String window = options.latestDate().isAfter(options.earliestDate())
                ? "Today or any day through " + Formats.date(options.latestDate()) + "."
                : "Payments are made for today.";
        date.setHelperText(options.afterCutoff()
                ? window + " After the cut-off time of " + Dates.TIME.format(options.cutoff())
                  + " today's payments move on the next business day."
                : window);

        Button next = new Button("Next: payment method", click -> amountNext());
        next.setId("pay-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        amountStep.add(type, amount, date, Wizard.actions(next));
    }

    private String typeLabel(PaymentType t) {
        return switch (t) {
            case AMOUNT_DUE -> "Amount due " + Formats.money(options.amountDue())
                    + (options.nextDueDate() == null ? "" : " (due " + Formats.date(options.nextDueDate()) + ")");
            case PAYOFF -> "Payoff " + Formats.money(options.payoffAmount()) + " (good through today)";
            case PRINCIPAL_ONLY -> "Principal only";
            case CUSTOM -> "Custom amount";
        };
    }

    private void showAmountField() {
        PaymentType chosen = type.getValue();
        boolean typed = chosen == PaymentType.CUSTOM || chosen == PaymentType.PRINCIPAL_ONLY;
        amount.setVisible(typed);
        amount.setInvalid(false);
        if (chosen == PaymentType.PRINCIPAL_ONLY) {
            amount.setHelperText("Goes straight to principal, up to " + Formats.money(options.principalBalance())
                    + ". Your next installment stays due.");
        } else if (chosen == PaymentType.CUSTOM) {
            // Under review the payoff is not quoted, not even as the limit (decision 032).
            amount.setHelperText("Between " + Formats.money(options.minimum()) + " and "
                    + Formats.money(options.balanceUnderReview() ? options.maximum()
                    : options.maximum().min(options.payoffAmount())) + ".");
        }
    }

    private void amountNext() {
        if (type.getValue() == null) {
            Fields.check(type, Optional.of("Choose what to pay."));
            return;
        }
        type.setInvalid(false);
        if (amount.isVisible() && amount.getValue() == null) {
            Fields.check(amount, Optional.of("Enter the amount to pay, for example 125.50."));
            return;
        }
        amount.setInvalid(false);
        date.setInvalid(false);
        steps.show(2);
    }

    private void buildMethodStep() {
        List<ProfileSummary> usable = options.profiles().stream().filter(p -> offered(p.channel())).toList();
        boolean cards = offered(PaymentChannel.CARD);
        boolean banks = offered(PaymentChannel.BANK);
        String none = cards && banks ? "You have no payment method on file yet. Enter a card or a bank account below."
                : cards ? "You have no card on file. Enter a card below."
                : "You have no bank account on file. Enter a bank account below.";
        picker = new ProfilePicker(new ProfilePicker.Naming("pay-method", "profile-", none), usable,
                offered(PaymentChannel.CARD), offered(PaymentChannel.BANK), profileService, clock, true);
        method = picker.group();
        List<String> fees = new ArrayList<>();
        if (offered(PaymentChannel.CARD)) {
            fees.add("Card payments: " + feeText(options.cardFee().describe()));
        }
        if (offered(PaymentChannel.BANK)) {
            fees.add("Bank payments: " + feeText(options.bankFee().describe()));
        }
        picker.setNote(String.join(" · ", fees));
        List<ProfileSummary> onFile = picker.profiles();
        onFile.stream().filter(ProfileSummary::primary).findFirst()
                .or(() -> onFile.stream().findFirst()).ifPresent(method::setValue);
        methodStep.add(method, picker.buttons());
        if (onlyChannel != null && (options.cardAllowed() && options.bankAllowed())) {
            Anchor anyMethod = new Anchor(AccountNavigation.makePayment(loanNumber), onlyChannel == PaymentChannel.CARD
                    ? "Pay from a bank account instead" : "Pay by credit/debit card instead");
            anyMethod.getElement().setAttribute("router-link", true);
            anyMethod.setId("pay-any-method");
            anyMethod.addClassName("pay-any-method");
            methodStep.add(anyMethod);
        }

        Button back = new Button("Back", click -> steps.show(1));
        back.setId("method-back");
        Button next = new Button("Next: review", click -> methodNext());
        next.setId("method-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        methodStep.add(Wizard.actions(back, next));
    }

    private static String feeText(String described) {
        return "No fee".equals(described) ? "no fee" : described + " convenience fee";
    }

    private void methodNext() {
        if (method.getValue() == null) {
            Fields.check(method, Optional.of("Choose how to pay, or add a card or bank account."));
            return;
        }
        method.setInvalid(false);
        try {
            PaymentQuote quote = paymentService.quote(request());
            showReview(quote);
            steps.show(3);
        } catch (PaymentRefusedException refused) {
            refusedAt(refused);
        }
    }

    private void buildReviewStep() {
        reviewFigures.setId("pay-review");
        reviewFigures.addClassName("review-figures");
        Button back = new Button("Back", click -> steps.show(2));
        back.setId("review-back");
        chooseAnother.setId("choose-another");
        chooseAnother.setVisible(false);
        confirm.setId("pay-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        // A second click while the first is on its way would be harmless (same key), but it looks broken.
        confirm.setDisableOnClick(true);
        reviewStep.add(reviewFigures, Wizard.actions(back, chooseAnother, confirm));
    }

    private void showReview(PaymentQuote quote) {
        reviewFigures.removeAll();
        Div main = new Div();
        main.addClassName("review-main");
        main.add(new Figure("Amount", Formats.money(quote.amount()), quote.type().label()));
        if (quote.convenienceFee().signum() > 0) {
            main.add(new Figure("Convenience fee", Formats.money(quote.convenienceFee()), "Not applied to your loan"));
        }
        Figure total = new Figure("Total charged", Formats.money(quote.total()));
        total.setId("review-total");
        total.addClassName("review-total");
        main.add(total,
                new Figure("Pay with", quote.method()),
                new Figure("Process date", Formats.date(quote.processDate()), "When the money moves"),
                new Figure("Apply date", Formats.date(quote.applyDate()), "When it counts on your loan"));
        Div split = new Div();
        split.addClassName("review-split");
        split.setId("review-split");
        split.add(new H2("How it applies (estimate)"));
        Div splitFigures = new Div();
        splitFigures.addClassName("review-main");
        splitFigures.add(new Figure("Fees", Formats.money(quote.fees())),
                new Figure("Interest", Formats.money(quote.interest())),
                new Figure("Principal", Formats.money(quote.principal())));
        split.add(splitFigures);
        reviewFigures.add(main, split);
        if (quote.note() != null) {
            Paragraph note = new Paragraph(quote.note());
            note.setId("review-note");
            note.addClassName("review-note");
            reviewFigures.add(note);
        }
        confirm.setText(quote.scheduled() ? "Schedule payment of " + Formats.money(quote.total())
                : "Pay " + Formats.money(quote.total()));
        chooseAnother.setVisible(false);
        confirm.setEnabled(true);
    }

    private void submit() {
        PaymentSummary result;
        try {
            result = paymentService.submit(request());
        } catch (PaymentRefusedException refused) {
            // The key may or may not have been used; a fresh one is always safe for the next attempt.
            options = paymentService.options(loanNumber);
            confirm.setEnabled(true);
            refusedAt(refused);
            return;
        }
        if (result.status() == PaymentStatus.DECLINED) {
            // The key now names the declined payment; the next attempt needs its own.
            options = paymentService.options(loanNumber);
            // The processor's reason is already a sentence for the customer ("Your card was declined by ...").
            String reason = result.statusReason() == null ? "" : result.statusReason().strip();
            steps.showError((reason.isEmpty() ? "Your card was declined." : reason) + " Nothing was charged.");
            // A card entered for this payment only was used by the declined one: it must be entered again.
            picker.forgetOneTime();
            chooseAnother.setVisible(true);
            confirm.setEnabled(true);
            return;
        }
        getUI().ifPresent(ui -> ui.navigate(AccountNavigation.payment(loanNumber, result.confirmationNumber())));
    }

    private PaymentRequest request() {
        PaymentType chosen = type.getValue();
        BigDecimal typed = chosen == PaymentType.CUSTOM || chosen == PaymentType.PRINCIPAL_ONLY ? amount.getValue() : null;
        return new PaymentRequest(loanNumber, chosen, typed, method.getValue().id(), date.getValue(),
                options.idempotencyKey());
    }

    /** Shows the service's refusal on the field it names, on that field's step; else on the current step. */
    private void refusedAt(PaymentRefusedException refused) {
        String field = refused.field() == null ? "" : refused.field();
        HasValidation target = switch (field) {
            case "amount" -> amount.isVisible() ? amount : null;
            case "type" -> type;
            case "paymentDate" -> date;
            case "profile" -> method;
            default -> null;
        };
        int step = switch (field) {
            case "amount", "type", "paymentDate" -> 1;
            case "profile" -> 2;
            default -> steps.current();
        };
        steps.show(step);
        if (target != null) {
            Fields.check(target, Optional.of(refused.getMessage()));
        }
        steps.showError(refused.getMessage());
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
