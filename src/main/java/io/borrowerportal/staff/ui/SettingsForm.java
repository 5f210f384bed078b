package io.borrowerportal.staff.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.borrowerportal.document.StaffDocumentNavigation;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPayFrequency;
import io.borrowerportal.settings.AutoPaySettings;
import io.borrowerportal.settings.FeeRule;
import io.borrowerportal.settings.PaymentType;
import io.borrowerportal.settings.SettingField;
import io.borrowerportal.settings.SettingsDraft;
import io.borrowerportal.settings.SettingsGroup;
import io.borrowerportal.settings.WebsiteSettings;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every customer website setting as a field bound to a {@link SettingsDraft}, grouped as {@link SettingsGroup}
 * orders them, one section each. The form holds no rules: what may be saved is the settings service's to say
 * ({@code check}); each problem it reports is shown beside the field {@link #field} names.
 */
class SettingsForm extends Composite<Div> {

    /** What a colour must look like for the swatch to draw it; whether it is acceptable is the service's call. */
    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    final Binder<SettingsDraft> binder = new Binder<>();
    private final Map<SettingField, Component> fields = new EnumMap<>(SettingField.class);
    private final Map<SettingsGroup, Section> sections = new EnumMap<>(SettingsGroup.class);

    final TextField lenderName = new TextField("Lender name");
    final TextField supportPhone = new TextField("Support phone");
    final EmailField supportEmail = new EmailField("Support email");
    final TextField primaryColor = new TextField("Primary colour");
    final Span swatch = new Span();
    final LogoField logo = new LogoField();
    final ComboBox<String> timeZone = new ComboBox<>("Time zone");
    final TimePicker cutoffTime = new TimePicker("Payment cut-off time");
    final Checkbox paymentsSection = new Checkbox("Payments");
    final Checkbox autopaySection = new Checkbox("AutoPay");
    final Checkbox profilesSection = new Checkbox("Payment Profiles");
    final Checkbox insuranceSection = new Checkbox("Insurance");
    final Checkbox documentsSection = new Checkbox("Documents");
    final Checkbox transactionsSection = new Checkbox("Transactions");
    final SummaryFieldsField summaryFields = new SummaryFieldsField();
    final Checkbox cardAllowed = new Checkbox("Card payments");
    final Checkbox bankAllowed = new Checkbox("Bank account payments");
    final CheckboxGroup<PaymentType> paymentTypes = new CheckboxGroup<>("Payment types offered");
    final BigDecimalField minimumPayment = money("Minimum payment");
    final BigDecimalField maximumPayment = money("Maximum payment");
    final IntegerField maxDaysAhead = new IntegerField("Days ahead a payment may be dated");
    final Select<FeeRule.Kind> cardFeeKind = feeKind("Card convenience fee");
    final BigDecimalField cardFeeValue = new BigDecimalField("Card fee amount");
    final Select<FeeRule.Kind> bankFeeKind = feeKind("Bank account convenience fee");
    final BigDecimalField bankFeeValue = new BigDecimalField("Bank account fee amount");
    final BigDecimalField nsfFee = money("NSF fee (returned payment)");
    final TextArea remittanceAddress = new TextArea("Remittance address (payments by mail)");
    final Checkbox autopayCreate = new Checkbox("Customers may schedule AutoPay");
    final Checkbox autopayEdit = new Checkbox("Customers may change AutoPay");
    final Checkbox autopayCancel = new Checkbox("Customers may pause or cancel AutoPay");
    final CheckboxGroup<AutoPayFrequency> autopayFrequencies = new CheckboxGroup<>("Frequencies offered");
    final CheckboxGroup<AutoPayAmountType> autopayAmountTypes = new CheckboxGroup<>("Amount types offered");
    final IntegerField autopayMaxActive = new IntegerField("AutoPays per loan");
    final TimePicker autopayRunTime = new TimePicker("AutoPay run time");
    final Checkbox showForecast = new Checkbox("Payment forecast");
    final Checkbox showBalanceChart = new Checkbox("Balance chart");
    final Checkbox allowDownloads = new Checkbox("Downloads (CSV and PDF)");
    final IntegerField insuranceWarnDays = new IntegerField("Days before coverage ends to warn");

    SettingsForm() {
        Div root = getContent();
        root.addClassName("settings-form");
        group(SettingsGroup.BRANDING, "What customers see of the lender on every page and in every email.",
                bind(SettingField.LENDER_NAME, lenderName, SettingsDraft::getLenderName, SettingsDraft::setLenderName),
                bind(SettingField.SUPPORT_PHONE, supportPhone, SettingsDraft::getSupportPhone, SettingsDraft::setSupportPhone),
                bind(SettingField.SUPPORT_EMAIL, supportEmail, SettingsDraft::getSupportEmail, SettingsDraft::setSupportEmail),
                colour(),
                logo());
        group(SettingsGroup.BUSINESS, "Dates and cut-offs follow the lender's clock, wherever the customer is.",
                timeZone(),
                bind(SettingField.CUTOFF_TIME, time(cutoffTime, "Payments made after this time are processed the next business day."),
                        SettingsDraft::getCutoffTime, SettingsDraft::setCutoffTime));
        group(SettingsGroup.SECTIONS, "Which tabs customers see on each loan. A section switched off is refused by the "
                        + "server too, not only hidden.", checks("Shown to customers", "sections",
                bind(SettingField.PAYMENTS_SECTION, paymentsSection, SettingsDraft::isPaymentsEnabled, SettingsDraft::setPaymentsEnabled),
                bind(SettingField.AUTOPAY_SECTION, autopaySection, SettingsDraft::isAutopayEnabled, SettingsDraft::setAutopayEnabled),
                bind(SettingField.PROFILES_SECTION, profilesSection, SettingsDraft::isProfilesEnabled, SettingsDraft::setProfilesEnabled),
                bind(SettingField.INSURANCE_SECTION, insuranceSection, SettingsDraft::isInsuranceEnabled, SettingsDraft::setInsuranceEnabled),
                bind(SettingField.DOCUMENTS_SECTION, documentsSection, SettingsDraft::isDocumentsEnabled, SettingsDraft::setDocumentsEnabled),
                bind(SettingField.TRANSACTIONS_SECTION, transactionsSection, SettingsDraft::isTransactionsEnabled,
                        SettingsDraft::setTransactionsEnabled)));
        group(SettingsGroup.SUMMARY, "The figures on each loan's Summary tab. Fields not listed are hidden.",
                bind(SettingField.SUMMARY_FIELDS, summaryFields, SettingsDraft::getSummaryFields, SettingsDraft::setSummaryFields));
        paymentTypes.setItemLabelGenerator(PaymentType::label);
        paymentTypes.setItems(PaymentType.values());
        maxDaysAhead.setStepButtonsVisible(true);
        maxDaysAhead.setMin(0);
        maxDaysAhead.setHelperText("0 means payments are made for today only.");
        remittanceAddress.setHelperText("Shown to customers who pay by mail.");
        group(SettingsGroup.PAYMENTS, "What a customer may pay, how, and what it costs them.",
                checks("Channels", "payment-channels",
                        bind(SettingField.CARD_PAYMENTS, cardAllowed, SettingsDraft::isCardAllowed, SettingsDraft::setCardAllowed),
                        bind(SettingField.BANK_PAYMENTS, bankAllowed, SettingsDraft::isBankAllowed, SettingsDraft::setBankAllowed)),
                full(bind(SettingField.PAYMENT_TYPES, paymentTypes, SettingsDraft::getPaymentTypes, SettingsDraft::setPaymentTypes)),
                bind(SettingField.MINIMUM_PAYMENT, minimumPayment, SettingsDraft::getMinimumPayment, SettingsDraft::setMinimumPayment),
                bind(SettingField.MAXIMUM_PAYMENT, maximumPayment, SettingsDraft::getMaximumPayment, SettingsDraft::setMaximumPayment),
                bind(SettingField.MAX_DAYS_AHEAD, maxDaysAhead, SettingsDraft::getMaxDaysAhead, SettingsDraft::setMaxDaysAhead),
                bind(SettingField.NSF_FEE, nsfFee, SettingsDraft::getNsfFee, SettingsDraft::setNsfFee),
                fee(SettingField.CARD_FEE, cardFeeKind, cardFeeValue, "card-fee"),
                fee(SettingField.BANK_FEE, bankFeeKind, bankFeeValue, "bank-fee"),
                full(bind(SettingField.REMITTANCE_ADDRESS, remittanceAddress, SettingsDraft::getRemittanceAddress,
                        SettingsDraft::setRemittanceAddress)));
        autopayFrequencies.setItemLabelGenerator(AutoPayFrequency::label);
        autopayFrequencies.setItems(AutoPayFrequency.values());
        autopayAmountTypes.setItemLabelGenerator(AutoPayAmountType::label);
        autopayAmountTypes.setItems(AutoPayAmountType.values());
        autopayMaxActive.setStepButtonsVisible(true);
        autopayMaxActive.setMin(1);
        autopayMaxActive.setMax(AutoPaySettings.MAX_ACTIVE_LIMIT);
        autopayMaxActive.setHelperText("Active or paused at once, by all of a loan's borrowers (1 to "
                + AutoPaySettings.MAX_ACTIVE_LIMIT + ").");
        group(SettingsGroup.AUTOPAY, "AutoPay itself is switched on and off under Sections.",
                checks("What customers may do themselves", "autopay-rights",
                        bind(SettingField.AUTOPAY_CUSTOMER_CREATE, autopayCreate, SettingsDraft::isAutopayCustomerCreate,
                                SettingsDraft::setAutopayCustomerCreate),
                        bind(SettingField.AUTOPAY_CUSTOMER_EDIT, autopayEdit, SettingsDraft::isAutopayCustomerEdit,
                                SettingsDraft::setAutopayCustomerEdit),
                        bind(SettingField.AUTOPAY_CUSTOMER_CANCEL, autopayCancel, SettingsDraft::isAutopayCustomerCancel,
                                SettingsDraft::setAutopayCustomerCancel)),
                full(bind(SettingField.AUTOPAY_FREQUENCIES, autopayFrequencies, SettingsDraft::getAutopayFrequencies,
                        SettingsDraft::setAutopayFrequencies)),
                full(bind(SettingField.AUTOPAY_AMOUNT_TYPES, autopayAmountTypes, SettingsDraft::getAutopayAmountTypes,
                        SettingsDraft::setAutopayAmountTypes)),
                bind(SettingField.AUTOPAY_MAX_ACTIVE, autopayMaxActive, SettingsDraft::getAutopayMaxActive,
                        SettingsDraft::setAutopayMaxActive),
                bind(SettingField.AUTOPAY_RUN_TIME, time(autopayRunTime, "The daily AutoPay run starts at this time."),
                        SettingsDraft::getAutopayRunTime, SettingsDraft::setAutopayRunTime));
        group(SettingsGroup.TRANSACTIONS, "What the Transactions tab shows besides the history itself.",
                checks("Shown on the Transactions tab", "transactions-parts",
                bind(SettingField.SHOW_FORECAST, showForecast, SettingsDraft::isShowForecast, SettingsDraft::setShowForecast),
                bind(SettingField.SHOW_BALANCE_CHART, showBalanceChart, SettingsDraft::isShowBalanceChart,
                        SettingsDraft::setShowBalanceChart),
                bind(SettingField.ALLOW_DOWNLOADS, allowDownloads, SettingsDraft::isAllowTransactionDownload,
                        SettingsDraft::setAllowTransactionDownload)));
        Anchor categories = new Anchor(StaffDocumentNavigation.categories(), "Manage document categories");
        categories.setId("settings-document-categories");
        Paragraph documents = new Paragraph("The Documents tab is switched on and off under Sections. Which categories "
                + "customers see, and which accept their uploads, is set per category: ");
        documents.add(categories);
        documents.addClassName("settings-note");
        group(SettingsGroup.DOCUMENTS, null, documents);
        insuranceWarnDays.setStepButtonsVisible(true);
        insuranceWarnDays.setMin(0);
        insuranceWarnDays.setMax(WebsiteSettings.MAX_INSURANCE_WARN_DAYS);
        insuranceWarnDays.setHelperText("The Summary warns from this many days before a policy ends (0 to "
                + WebsiteSettings.MAX_INSURANCE_WARN_DAYS + ").");
        group(SettingsGroup.INSURANCE, "The Insurance tab is switched on and off under Sections; it shows only on loans "
                        + "with collateral.",
                bind(SettingField.INSURANCE_WARN_DAYS, insuranceWarnDays, SettingsDraft::getInsuranceWarnDays,
                        SettingsDraft::setInsuranceWarnDays));
    }

    /** The component a problem on this field is shown beside (and focus goes to). */
    Component field(SettingField field) {
        return fields.get(field);
    }

    Section section(SettingsGroup group) {
        return sections.get(group);
    }

    void setReadOnly(boolean readOnly) {
        binder.setReadOnly(readOnly);
        // The kinds are bound with their amounts, outside the binder's list of fields.
        cardFeeKind.setReadOnly(readOnly);
        bankFeeKind.setReadOnly(readOnly);
    }

    /** Marks the field with the message. */
    void showProblem(SettingField field, String message) {
        if (fields.get(field) instanceof HasValidation target) {
            target.setErrorMessage(message);
            target.setInvalid(true);
        }
        if (field == SettingField.CARD_FEE) {
            cardFeeKind.setInvalid(true);
        } else if (field == SettingField.BANK_FEE) {
            bankFeeKind.setInvalid(true);
        }
    }

    void clearProblems() {
        fields.values().forEach(c -> {
            if (c instanceof HasValidation target) {
                target.setInvalid(false);
                target.setErrorMessage(null);
            }
        });
        cardFeeKind.setInvalid(false);
        bankFeeKind.setInvalid(false);
    }

    private <V, C extends Component & HasValue<?, V>> C bind(SettingField field, C component,
            com.vaadin.flow.function.ValueProvider<SettingsDraft, V> getter,
            com.vaadin.flow.data.binder.Setter<SettingsDraft, V> setter) {
        binder.forField(component).bind(getter, setter);
        fields.put(field, component);
        component.setId(id(field));
        return component;
    }

    private void group(SettingsGroup group, String hint, Component... content) {
        Section section = new Section();
        section.setId("settings-group-" + group.name().toLowerCase(Locale.ROOT));
        section.addClassNames("summary-section", "settings-group");
        H2 title = new H2(group.label());
        title.setId(section.getId().orElseThrow() + "-title");
        section.getElement().setAttribute("aria-labelledby", title.getId().orElseThrow());
        section.add(title);
        if (hint != null) {
            Paragraph p = new Paragraph(hint);
            p.addClassName("field-hint");
            section.add(p);
        }
        FormLayout layout = new FormLayout(content);
        // One column on a phone, two from a tablet up.
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        section.add(layout);
        sections.put(group, section);
        getContent().add(section);
    }

    private Component colour() {
        primaryColor.setPlaceholder("#1f5fa8");
        primaryColor.setHelperText("#rrggbb, dark enough for white text on it (WCAG AA contrast).");
        primaryColor.setValueChangeMode(ValueChangeMode.EAGER);
        primaryColor.setMaxLength(7);
        swatch.setId("primary-color-swatch");
        swatch.addClassName("colour-swatch");
        swatch.getElement().setAttribute("aria-hidden", "true");
        primaryColor.setSuffixComponent(swatch);
        primaryColor.addValueChangeListener(change -> paintSwatch(change.getValue()));
        return bind(SettingField.PRIMARY_COLOR, primaryColor, SettingsDraft::getPrimaryColor, SettingsDraft::setPrimaryColor);
    }

    private void paintSwatch(String value) {
        boolean drawable = value != null && HEX_COLOUR.matcher(value.trim()).matches();
        swatch.getStyle().set("background-color", drawable ? value.trim() : "transparent");
        swatch.getElement().setAttribute("title", drawable ? value.trim() : "Not a #rrggbb colour");
        swatch.setClassName("colour-swatch-empty", !drawable);
    }

    private Component logo() {
        binder.forField(logo).bind(d -> new LogoField.Logo(d.getLogo(), d.getLogoFileName()), (d, v) -> {
            d.setLogo(v == null ? null : v.bytes());
            d.setLogoFileName(v == null ? null : v.fileName());
        });
        fields.put(SettingField.LOGO, logo);
        logo.setId(id(SettingField.LOGO));
        return full(logo);
    }

    private Component timeZone() {
        List<String> zones = ZoneId.getAvailableZoneIds().stream().sorted().toList();
        timeZone.setItems(zones);
        timeZone.setHelperText("Type to search, for example America/New_York.");
        return bind(SettingField.TIME_ZONE, timeZone, SettingsDraft::getTimeZone, SettingsDraft::setTimeZone);
    }

    private static TimePicker time(TimePicker picker, String helper) {
        picker.setStep(Duration.ofMinutes(15));
        picker.setHelperText(helper);
        return picker;
    }

    private Component fee(SettingField field, Select<FeeRule.Kind> kind, BigDecimalField value, String id) {
        kind.setId(id + "-kind");
        value.setHelperText("Dollars, or percent of the payment.");
        // A fee is one setting: its kind and amount are written to the draft together.
        binder.forField(kind).bind(field == SettingField.CARD_FEE ? SettingsDraft::getCardFeeKind : SettingsDraft::getBankFeeKind,
                field == SettingField.CARD_FEE ? SettingsDraft::setCardFeeKind : SettingsDraft::setBankFeeKind);
        bind(field, value, field == SettingField.CARD_FEE ? SettingsDraft::getCardFeeValue : SettingsDraft::getBankFeeValue,
                field == SettingField.CARD_FEE ? SettingsDraft::setCardFeeValue : SettingsDraft::setBankFeeValue);
        kind.addValueChangeListener(change -> feeKindChanged(kind.getValue(), value));
        Div pair = new Div(kind, value);
        pair.addClassName("fee-pair");
        pair.setId(id + "-pair");
        return pair;
    }

    private static void feeKindChanged(FeeRule.Kind kind, BigDecimalField value) {
        boolean none = kind == null || kind == FeeRule.Kind.NONE;
        value.setEnabled(!none);
        value.setPrefixComponent(kind == FeeRule.Kind.FLAT ? new Span("$") : null);
        value.setSuffixComponent(kind == FeeRule.Kind.PERCENT ? new Span("%") : null);
    }

    private static Select<FeeRule.Kind> feeKind(String label) {
        Select<FeeRule.Kind> select = new Select<>();
        select.setLabel(label);
        select.setItems(FeeRule.Kind.values());
        select.setItemLabelGenerator(kind -> switch (kind) {
            case NONE -> "No fee";
            case FLAT -> "Flat amount";
            case PERCENT -> "Percent of the payment";
        });
        return select;
    }

    private static BigDecimalField money(String label) {
        BigDecimalField field = new BigDecimalField(label);
        field.setPrefixComponent(new Span("$"));
        return field;
    }

    /** Switches that belong together, under one heading, across the whole width. */
    private static Component checks(String heading, String id, Component... boxes) {
        Span title = new Span(heading);
        title.addClassName("settings-subhead");
        title.setId(id + "-heading");
        Div row = new Div(boxes);
        row.addClassName("settings-checks");
        Div block = new Div(title, row);
        block.setId(id);
        block.getElement().setAttribute("role", "group");
        block.getElement().setAttribute("aria-labelledby", id + "-heading");
        return full(block);
    }

    private static <C extends Component> C full(C component) {
        component.getElement().setAttribute("colspan", "2");
        return component;
    }

    static String id(SettingField field) {
        return "setting-" + field.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
