package io.borrowerportal.autopay.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import io.borrowerportal.account.AccountDetail;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.BalanceReviews;
import io.borrowerportal.account.ui.AccountNavigation;
import io.borrowerportal.account.ui.AccountPage;
import io.borrowerportal.account.ui.AccountTabView;
import io.borrowerportal.autopay.AutoPayOptions;
import io.borrowerportal.autopay.AutoPayRefusedException;
import io.borrowerportal.autopay.AutoPayReview;
import com.vaadin.flow.server.VaadinSession;
import io.borrowerportal.autopay.AutoPayQueries;
import io.borrowerportal.autopay.AutoPayReviews;
import io.borrowerportal.autopay.AutoPayService;
import io.borrowerportal.autopay.AutoPayTermRules;
import io.borrowerportal.autopay.AutoPaySummary;
import io.borrowerportal.autopay.AutoPayTerms;
import io.borrowerportal.base.ui.CustomerLayout;
import io.borrowerportal.base.ui.Fields;
import io.borrowerportal.base.ui.Figure;
import io.borrowerportal.base.ui.Formats;
import io.borrowerportal.base.ui.Wizard;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.paymentprofile.ui.ProfilePicker;
import io.borrowerportal.security.Role;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPayFrequency;
import io.borrowerportal.settings.FeeRule;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * "Schedule AutoPay", and the same wizard prefilled to change one: (1) payment method, or a new one added
 * without leaving; (2) frequency and amount; (3) first date and specifics; (4) review with the next payments,
 * the fee and the authorization to accept. Back, Next and Finish; each step checks its fields before Next,
 * and the review asks the service, which checks every rule again on Finish. Nothing is stored before Finish.
 * Opened with {@code ?profile=<id>} (from the Payment Profiles tab) the method is chosen already.
 */
@Route(value = "accounts/:loanNumber/autopay/new", layout = CustomerLayout.class)
@RouteAlias(value = "accounts/:loanNumber/autopay/:reference/edit", layout = CustomerLayout.class)
@RolesAllowed(Role.CUSTOMER)
class AutoPayWizardView extends AccountTabView {

    private static final String[] STEP_NAMES = {"Payment method", "How often and how much", "Dates", "Review"};
    private static final String UNTIL_PAID_OFF = "Until the loan is paid off";
    private static final String COUNT = "A set number of payments";

    private final AutoPayService autopays;
    private final AutoPayReviews reviews;
    private final AutoPayQueries queries;
    private final PaymentProfileService profileService;
    private final Clock clock;

    private String loanNumber;
    private String reference;
    private Long preselectedProfile;
    /** An AutoPay's next date kept when it changes, though it has passed (its payment is still to come). */
    private LocalDate keptStart;
    private String title = "Schedule AutoPay";
    private AutoPayOptions options;
    private AutoPayReview review;
    private ProfilePicker picker;

    private final Wizard steps = new Wizard("AutoPay steps", "autopay-error", STEP_NAMES);
    private final Div methodStep = steps.panel("autopay-step-method");
    private final Div amountStep = steps.panel("autopay-step-amount");
    private final Div datesStep = steps.panel("autopay-step-dates");
    private final Div reviewStep = steps.panel("autopay-step-review");
    private RadioButtonGroup<ProfileSummary> method;
    private final RadioButtonGroup<AutoPayFrequency> frequency = new RadioButtonGroup<>("How often");
    private final RadioButtonGroup<AutoPayAmountType> amountType = new RadioButtonGroup<>("How much each time");
    private final BigDecimalField fixedAmount = new BigDecimalField("Amount of each payment");
    private final DatePicker startDate = new DatePicker("First payment date");
    private final RadioButtonGroup<String> duration = new RadioButtonGroup<>("For how long");
    private final IntegerField numberOfPayments = new IntegerField("Number of payments");
    private final Checkbox lastDayOfMonth = new Checkbox("Always pay on the last day of the month");
    private final Checkbox onlyWhenDue = new Checkbox("Skip a date when nothing is due on the loan");
    private final Div reviewFigures = new Div();
    private final Checkbox accept = new Checkbox("I authorize these payments");
    private final Button finish = new Button("Finish");

    AutoPayWizardView(AccountService accountService, SettingsService settingsService, AutoPayService autopays,
                      AutoPayReviews reviews, AutoPayQueries queries,
                      PaymentProfileService profileService, Clock clock) {
        super(accountService, settingsService, AccountPage.Tab.AUTOPAY);
        this.autopays = autopays;
        this.reviews = reviews;
        this.queries = queries;
        this.profileService = profileService;
        this.clock = clock;
        addClassName("autopay-wizard-view");
        // Listeners once, here: the wizard is filled again each time it is entered, on the same components.
        frequency.addValueChangeListener(e -> {
            // Payoff pays once: it is offered only for a one-time AutoPay.
            amountType.getDataProvider().refreshAll();
            Fields.itemIds(amountType, t -> "autopay-amount-" + slug(t.name()));
            if (amountType.getValue() != null && !AutoPayTermRules.amountGoesWith(amountType.getValue(), e.getValue())) {
                amountType.clear();
            }
            showDateSpecifics();
        });
        amountType.addValueChangeListener(e -> {
            fixedAmount.setVisible(e.getValue() == AutoPayAmountType.FIXED);
            fixedAmount.setInvalid(false);
            showDateSpecifics();
        });
        startDate.addValueChangeListener(e -> showDateSpecifics());
        duration.addValueChangeListener(e -> showDateSpecifics());
        accept.addValueChangeListener(e -> accept.setInvalid(false));
        finish.addClickListener(click -> finish());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reference = event.getRouteParameters().get("reference").orElse(null);
        preselectedProfile = event.getLocation().getQueryParameters().getSingleParameter("profile")
                .flatMap(AutoPayWizardView::parseId).orElse(null);
        super.beforeEnter(event);
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    protected void render(AccountDetail detail, WebsiteSettings settings) {
        loanNumber = detail.info().loanNumber();
        options = reviews.options(loanNumber);
        Div wizard = new Div();
        wizard.addClassNames("payment-wizard", "autopay-wizard");
        AutoPaySummary existing = null;
        String refusal = options.refusal();
        if (reference != null) {
            try {
                existing = queries.autopay(loanNumber, reference);
                refusal = existing.canEdit() ? null : "This AutoPay cannot be changed online"
                        + (existing.mine() ? "." : ": only the borrower who set it up can change it.");
            } catch (AutoPayRefusedException notFound) {
                refusal = notFound.getMessage();
            }
        }
        title = (reference == null ? "Schedule AutoPay · " : "Change AutoPay · ") + detail.info().title();
        wizard.add(new H2(reference == null ? "Schedule AutoPay" : "Change AutoPay " + reference));
        if (refusal != null) {
            Div refused = new Div();
            refused.setText(refusal);
            refused.setId("autopay-refusal");
            refused.addClassNames("alert", "alert-error");
            refused.getElement().setAttribute("role", "alert");
            wizard.add(refused);
            add(wizard);
            return;
        }
        startAfresh();
        buildMethodStep();
        buildAmountStep();
        buildDatesStep();
        buildReviewStep();
        if (existing != null) {
            prefill(existing.terms());
        } else {
            preset();
        }
        wizard.add(steps.parts());
        add(wizard);
        steps.show(1);
    }

    /** Nothing from an earlier visit to this view stays: no controls, no answers, no authorization. */
    private void startAfresh() {
        steps.clear();
        keptStart = null;
        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(frequency, amountType, fixedAmount, startDate, duration,
                numberOfPayments, lastDayOfMonth, onlyWhenDue, accept)) {
            field.clear();
            if (field instanceof HasValidation validated) {
                validated.setInvalid(false);
            }
        }
        finish.setEnabled(true);
    }

    // --- step 1: payment method ---------------------------------------------------------------------------

    private void buildMethodStep() {
        picker = new ProfilePicker(new ProfilePicker.Naming("autopay-method", "autopay-profile-",
                "You have no usable payment method on file. Add a card or a bank account below."), options.profiles(),
                options.cardAllowed(), options.bankAllowed(), profileService, clock, false);
        method = picker.group();
        picker.setNote(feeNote());
        Button cancel = cancelButton("method-cancel");
        Button next = new Button("Next: how often and how much", click -> methodNext());
        next.setId("method-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        methodStep.add(method, picker.buttons(), Wizard.actions(cancel, next));
    }

    private String feeNote() {
        if (options.cardFee().kind() == FeeRule.Kind.NONE && options.bankFee().kind() == FeeRule.Kind.NONE) {
            return "No convenience fee on AutoPay payments.";
        }
        List<String> fees = new ArrayList<>();
        if (options.cardAllowed()) {
            fees.add("Cards: " + options.cardFee().describe().replace("No fee", "no fee"));
        }
        if (options.bankAllowed()) {
            fees.add("Bank accounts: " + options.bankFee().describe().replace("No fee", "no fee"));
        }
        return "Convenience fee per payment. " + String.join(" · ", fees);
    }

    private void methodNext() {
        if (method.getValue() == null) {
            Fields.check(method, Optional.of("Choose how AutoPay pays, or add a card or bank account."));
            return;
        }
        method.setInvalid(false);
        steps.show(2);
    }

    // --- step 2: frequency and amount ---------------------------------------------------------------------

    private void buildAmountStep() {
        frequency.setId("autopay-frequency");
        frequency.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        List<AutoPayFrequency> frequencies = Arrays.stream(AutoPayFrequency.values())
                .filter(options.frequencies()::contains).toList();
        frequency.setItems(frequencies);
        frequency.setItemLabelGenerator(AutoPayFrequency::label);
        Fields.itemIds(frequency, f -> "autopay-frequency-" + slug(f.name()));

        amountType.setId("autopay-amount-type");
        amountType.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        amountType.setItems(Arrays.stream(AutoPayAmountType.values()).filter(options.amountTypes()::contains).toList());
        amountType.setItemLabelGenerator(this::amountLabel);
        amountType.setItemEnabledProvider(t -> AutoPayTermRules.amountGoesWith(t, frequency.getValue()));
        Fields.itemIds(amountType, t -> "autopay-amount-" + slug(t.name()));
        if (options.amountTypes().contains(AutoPayAmountType.PAYOFF)) {
            amountType.setHelperText("The payoff can be paid once: choose \"One time\" above for it.");
        }

        fixedAmount.setId("autopay-fixed-amount");
        fixedAmount.setPrefixComponent(new Span("$"));
        fixedAmount.getElement().setAttribute("inputmode", "decimal");
        fixedAmount.setHelperText("Between " + Formats.money(options.minimum()) + " and "
                + Formats.money(AutoPayTermRules.largestFixedAmount(options.maximum(), options.payoffAmount())) + ".");
        fixedAmount.setVisible(false);

        Button back = new Button("Back", click -> steps.show(1));
        back.setId("amount-back");
        Button next = new Button("Next: dates", click -> amountNext());
        next.setId("amount-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (options.balanceUnderReview()) {
            Paragraph review = new Paragraph(BalanceReviews.notice(options.supportPhone())
                    + " Until then AutoPay can pay a fixed amount only.");
            review.setId("autopay-balance-review");
            review.addClassNames("alert", "alert-info");
            amountStep.add(review);
        }
        amountStep.add(frequency, amountType, fixedAmount, Wizard.actions(back, next));
    }

    private String amountLabel(AutoPayAmountType type) {
        return switch (type) {
            case SCHEDULED_PAYMENT -> "Scheduled payment amount (" + Formats.money(options.scheduledPayment()) + ")";
            case AMOUNT_DUE -> "Current amount due on each date (now " + Formats.money(options.amountDue()) + ")";
            case FIXED -> "A fixed amount";
            case PAYOFF -> "Payoff, one time only (now " + Formats.money(options.payoffAmount()) + ")";
        };
    }

    private void amountNext() {
        boolean ok = Fields.check(frequency, frequency.getValue() == null ? Optional.of("Choose how often AutoPay pays.")
                : Optional.empty());
        ok &= Fields.check(amountType, amountType.getValue() == null ? Optional.of("Choose what AutoPay pays each time.")
                : Optional.empty());
        if (ok && amountType.getValue() == AutoPayAmountType.FIXED) {
            ok = Fields.check(fixedAmount, AutoPayTermRules.fixedAmountProblem(fixedAmount.getValue(), options.minimum(),
                    options.maximum(), options.payoffAmount()));
        }
        if (ok) {
            steps.show(3);
        }
    }

    // --- step 3: dates and specifics ----------------------------------------------------------------------

    private void buildDatesStep() {
        startDate.setId("autopay-start-date");
        startDate.setLocale(Formats.locale());
        startDate.setMin(options.earliestStart());
        startDate.setMax(options.latestStart());
        startDate.setHelperText("A payment due on a weekend or a bank holiday is made on the next business day.");

        duration.setId("autopay-duration");
        duration.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        duration.setItems(UNTIL_PAID_OFF, COUNT);
        Fields.itemIds(duration, d -> UNTIL_PAID_OFF.equals(d) ? "autopay-until-paid-off" : "autopay-count");
        duration.setValue(UNTIL_PAID_OFF);
        numberOfPayments.setId("autopay-number-of-payments");
        numberOfPayments.setMin(1);
        numberOfPayments.setMax(AutoPayTerms.MAX_PAYMENTS);
        numberOfPayments.setStepButtonsVisible(true);
        lastDayOfMonth.setId("autopay-last-day");
        onlyWhenDue.setId("autopay-only-when-due");

        Button back = new Button("Back", click -> steps.show(2));
        back.setId("dates-back");
        Button next = new Button("Next: review", click -> datesNext());
        next.setId("dates-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        datesStep.add(startDate, duration, numberOfPayments, lastDayOfMonth, onlyWhenDue, Wizard.actions(back, next));
        showDateSpecifics();
    }

    /** Shows only the specifics that apply to the frequency, amount and date chosen so far. */
    private void showDateSpecifics() {
        AutoPayFrequency chosen = frequency.getValue();
        boolean recurring = chosen != null && chosen.recurring();
        duration.setVisible(recurring);
        numberOfPayments.setVisible(recurring && COUNT.equals(duration.getValue()));
        LocalDate date = startDate.getValue();
        boolean monthEndChoice = AutoPayTermRules.lastDayOfMonthChangesDates(chosen, date);
        lastDayOfMonth.setVisible(monthEndChoice);
        if (!monthEndChoice) {
            lastDayOfMonth.setValue(false);
        } else {
            lastDayOfMonth.setLabel(chosen == AutoPayFrequency.MONTHLY ? "Always pay on the last day of the month"
                    : "Make the second payment of each month on its last day");
        }
        AutoPayAmountType type = amountType.getValue();
        onlyWhenDue.setVisible(type == AutoPayAmountType.SCHEDULED_PAYMENT || type == AutoPayAmountType.FIXED);
        startDate.setLabel(chosen == AutoPayFrequency.ONE_TIME ? "Payment date" : "First payment date");
    }

    private void datesNext() {
        boolean ok = Fields.check(startDate, startDate.getValue() == null && startDate.isInvalid()
                ? Optional.of("Enter a date like " + Formats.date(options.earliestStart()) + ".")
                : AutoPayTermRules.startDateProblem(startDate.getValue(), options.earliestStart(), keptStart));
        if (numberOfPayments.isVisible()) {
            Integer count = numberOfPayments.getValue();
            ok &= Fields.check(numberOfPayments, count == null
                    ? Optional.of("Enter how many payments, 1 to " + AutoPayTerms.MAX_PAYMENTS + ".")
                    : AutoPayTermRules.numberOfPaymentsProblem(count));
        }
        if (!ok) {
            return;
        }
        try {
            review = reviews.review(loanNumber, reference, terms());
            showReview();
            steps.show(4);
        } catch (AutoPayRefusedException refused) {
            refusedAt(refused);
        }
    }

    // --- step 4: review and authorization -----------------------------------------------------------------

    private void buildReviewStep() {
        reviewFigures.setId("autopay-review");
        reviewFigures.addClassName("review-figures");
        accept.setId("autopay-accept");
        finish.setId("autopay-finish");
        finish.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        finish.setDisableOnClick(true);
        Button back = new Button("Back", click -> steps.show(3));
        back.setId("review-back");
        reviewStep.add(reviewFigures, accept, Wizard.actions(back, finish));
    }

    private void showReview() {
        reviewFigures.removeAll();
        Div main = new Div();
        main.addClassName("review-main");
        main.add(new Figure("Pay with", review.method()),
                new Figure("Amount", review.amount()),
                new Figure("Convenience fee", review.fee()));
        Figure schedule = new Figure("Schedule", review.schedule());
        schedule.addClassName("autopay-review-schedule");
        schedule.setId("autopay-review-schedule");
        Div upcoming = new Div();
        upcoming.setId("autopay-upcoming");
        upcoming.addClassName("autopay-upcoming");
        upcoming.add(new H3(review.upcoming().size() == 1 ? "The payment" : "The next payments"));
        OrderedList runs = new OrderedList();
        review.upcoming().forEach(run -> {
            String when = Formats.date(run.processDate()) + (run.moved()
                    ? " (due " + Formats.date(run.dueDate()) + ", not a business day)" : "");
            String amount = run.estimate() == null ? "" : ": " + Formats.money(run.estimate().add(run.fee()))
                    + (run.fee().signum() > 0 ? " including " + Formats.money(run.fee()) + " fee" : "");
            ListItem item = new ListItem(when + amount);
            item.addClassName("autopay-upcoming-run");
            runs.add(item);
        });
        upcoming.add(runs);
        Div authorization = new Div();
        authorization.setId("autopay-authorization");
        authorization.addClassName("autopay-authorization");
        authorization.add(new H3("Authorization"));
        Paragraph text = new Paragraph(review.authorizationText());
        text.setId("autopay-authorization-text");
        authorization.add(text);
        reviewFigures.add(main, schedule, upcoming);
        if (review.notice() != null) {
            Paragraph notice = new Paragraph(review.notice());
            notice.setId("autopay-review-notice");
            notice.addClassNames("alert", "alert-info");
            reviewFigures.add(notice);
        }
        reviewFigures.add(authorization);
        accept.setValue(false);
        accept.setInvalid(false);
        finish.setEnabled(true);
    }

    private void finish() {
        if (!Boolean.TRUE.equals(accept.getValue())) {
            Fields.check(accept, Optional.of("Check \"I authorize these payments\" to finish."));
            steps.showError("Read the authorization and check \"I authorize these payments\" to finish.");
            finish.setEnabled(true);
            return;
        }
        AutoPaySummary saved;
        try {
            saved = reference == null ? autopays.schedule(loanNumber, terms(), review.authorizationText(),
                    clientAddress())
                    : autopays.change(loanNumber, reference, terms(), review.authorizationText(),
                    clientAddress());
        } catch (AutoPayRefusedException refused) {
            finish.setEnabled(true);
            refusedAt(refused);
            return;
        } catch (RuntimeException unexpected) {
            // Told by the error handler (a preview's refusal, a failure); the customer can try again.
            finish.setEnabled(true);
            throw unexpected;
        }
        Notification.show((reference == null ? "AutoPay " + saved.reference() + " is scheduled" : "AutoPay "
                        + saved.reference() + " is changed") + (saved.nextProcessDate() == null ? "."
                        : ". Next payment: " + Formats.date(saved.nextProcessDate()) + "."),
                6000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        getUI().ifPresent(ui -> ui.navigate(AccountNavigation.tab(loanNumber, "autopay")));
    }

    // --- shared -------------------------------------------------------------------------------------------

    /** The address the customer's browser connected from, kept with the authorization they accept. */
    private static String clientAddress() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getBrowser() == null ? null : session.getBrowser().getAddress();
    }

    private AutoPayTerms terms() {
        ProfileSummary profile = method.getValue();
        Integer count = frequency.getValue() != null && frequency.getValue().recurring() && COUNT.equals(duration.getValue())
                ? numberOfPayments.getValue() : null;
        return new AutoPayTerms(profile == null ? -1 : profile.id(), frequency.getValue(), amountType.getValue(),
                fixedAmount.getValue(), startDate.getValue(), count, lastDayOfMonth.isVisible() && lastDayOfMonth.getValue(),
                onlyWhenDue.isVisible() && onlyWhenDue.getValue());
    }

    /** A new AutoPay: the chosen (or primary) profile, monthly for the scheduled payment from the next due date. */
    private void preset() {
        List<ProfileSummary> onFile = picker.profiles();
        ProfileSummary chosen = onFile.stream()
                .filter(p -> preselectedProfile != null ? p.id() == preselectedProfile : p.primary())
                .findFirst().orElse(onFile.isEmpty() || preselectedProfile != null ? null : onFile.getFirst());
        if (chosen != null) {
            method.setValue(chosen);
        }
        if (options.frequencies().contains(AutoPayFrequency.MONTHLY)) {
            frequency.setValue(AutoPayFrequency.MONTHLY);
        }
        if (options.amountTypes().contains(AutoPayAmountType.SCHEDULED_PAYMENT)) {
            amountType.setValue(AutoPayAmountType.SCHEDULED_PAYMENT);
        } else if (options.amountTypes().size() == 1) {
            amountType.setValue(options.amountTypes().iterator().next());
        }
        LocalDate due = options.nextDueDate();
        startDate.setValue(due != null && !due.isBefore(options.earliestStart()) && !due.isAfter(options.latestStart())
                ? due : options.earliestStart());
        onlyWhenDue.setValue(true);
        showDateSpecifics();
    }

    private void prefill(AutoPayTerms terms) {
        picker.profile(terms.profileId()).ifPresent(method::setValue);
        frequency.setValue(terms.frequency());
        amountType.setValue(terms.amountType());
        fixedAmount.setValue(terms.fixedAmount());
        LocalDate start = terms.startDate();
        if (start != null && start.isBefore(options.earliestStart())) {
            // The next date has passed but its payment, moved off a weekend or holiday, is still to come: kept.
            keptStart = start;
            startDate.setMin(start);
        }
        startDate.setValue(start == null ? options.earliestStart() : start);
        duration.setValue(terms.numberOfPayments() == null ? UNTIL_PAID_OFF : COUNT);
        numberOfPayments.setValue(terms.numberOfPayments());
        showDateSpecifics();
        lastDayOfMonth.setValue(terms.lastDayOfMonth() && lastDayOfMonth.isVisible());
        onlyWhenDue.setValue(terms.processOnlyWhenDue());
    }

    /** Shows the service's refusal on the field it names, on that field's step; else on the current step. */
    private void refusedAt(AutoPayRefusedException refused) {
        String field = refused.field() == null ? "" : refused.field();
        HasValidation target = switch (field) {
            case "profileId" -> method;
            case "frequency" -> frequency;
            case "amountType" -> amountType;
            case "fixedAmount" -> fixedAmount;
            case "startDate" -> startDate;
            case "numberOfPayments" -> numberOfPayments;
            case "lastDayOfMonth" -> lastDayOfMonth;
            case "authorization" -> accept;
            default -> null;
        };
        int step = switch (field) {
            case "profileId" -> 1;
            case "frequency", "amountType", "fixedAmount" -> 2;
            case "startDate", "numberOfPayments", "lastDayOfMonth" -> 3;
            case "authorization" -> 4;
            default -> steps.current();
        };
        steps.show(step);
        if (target != null) {
            Fields.check(target, Optional.of(refused.getMessage()));
        }
        steps.showError(refused.getMessage());
    }

    /** The step showing now, 1 to 4 (for tests and the page's own logic). */
    int currentStep() {
        return steps.current();
    }

    private Button cancelButton(String id) {
        Button cancel = new Button("Cancel", click -> getUI().ifPresent(ui ->
                ui.navigate(AccountNavigation.tab(loanNumber, "autopay"))));
        cancel.setId(id);
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return cancel;
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
