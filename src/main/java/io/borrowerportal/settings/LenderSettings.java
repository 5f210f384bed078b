package io.borrowerportal.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@Entity
@Table(name = "lender_settings")
class LenderSettings {

    static final long SINGLETON_ID = 1L;

    @Id
    private Long id;
    @Column(name = "lender_name")
    private String lenderName;
    private String supportPhone;
    private String supportEmail;
    private String primaryColor;
    private LocalTime cutoffTime;
    /** The Summary fields shown, in order: SummaryField names, comma-separated. */
    private String summaryFields;
    private String timeZone;
    private boolean transactionsEnabled;
    private boolean showForecast;
    private boolean showBalanceChart;
    private boolean allowTransactionDownload;
    private boolean documentsEnabled;
    private boolean insuranceEnabled;
    private int insuranceWarnDays;
    private boolean paymentsEnabled;
    private boolean paymentProfilesEnabled;
    private boolean allowCardPayments;
    private boolean allowBankPayments;
    private boolean allowAmountDuePayments;
    private boolean allowPayoffPayments;
    private boolean allowPrincipalOnlyPayments;
    private boolean allowCustomPayments;
    private BigDecimal minimumPayment;
    private BigDecimal maximumPayment;
    private int maxDaysAhead;
    @Enumerated(EnumType.STRING)
    private FeeRule.Kind cardFeeKind;
    private BigDecimal cardFeeValue;
    @Enumerated(EnumType.STRING)
    private FeeRule.Kind bankFeeKind;
    private BigDecimal bankFeeValue;
    private BigDecimal nsfFee;
    private String remittanceAddress;
    private boolean autopayEnabled;
    private boolean autopayCustomerCreate;
    private boolean autopayCustomerEdit;
    private boolean autopayCustomerCancel;
    private boolean autopayOneTime;
    private boolean autopayWeekly;
    private boolean autopayBiweekly;
    private boolean autopaySemiMonthly;
    private boolean autopayMonthly;
    private boolean autopayScheduledAmount;
    private boolean autopayAmountDue;
    private boolean autopayFixedAmount;
    private boolean autopayPayoff;
    private int autopayMaxActive;
    private LocalTime autopayRunTime;
    @Version
    private long version;
    private Instant updatedAt;
    private String updatedBy;
    private String logoSha256;

    protected LenderSettings() {
    }

    WebsiteSettings toRecord() {
        return new WebsiteSettings(lenderName, supportPhone, supportEmail, primaryColor, cutoffTime,
                summaryFieldList(), transactionsEnabled, showForecast, showBalanceChart, allowTransactionDownload,
                documentsEnabled, insuranceEnabled, insuranceWarnDays, ZoneId.of(timeZone), LogoFile.version(logoSha256));
    }

    private List<SummaryField> summaryFieldList() {
        return summaryFields == null || summaryFields.isBlank() ? List.of()
                : Arrays.stream(summaryFields.split(",")).map(String::strip).map(SummaryField::valueOf).toList();
    }

    void apply(WebsiteSettings settings, Instant now) {
        lenderName = settings.lenderName();
        supportPhone = settings.supportPhone();
        supportEmail = settings.supportEmail();
        primaryColor = settings.primaryColor();
        cutoffTime = settings.cutoffTime();
        summaryFields = joined(settings.summaryFields());
        if (settings.timeZone() != null) {
            timeZone = settings.timeZone().getId();
        }
        transactionsEnabled = settings.transactionsEnabled();
        showForecast = settings.showForecast();
        showBalanceChart = settings.showBalanceChart();
        allowTransactionDownload = settings.allowTransactionDownload();
        documentsEnabled = settings.documentsEnabled();
        insuranceEnabled = settings.insuranceEnabled();
        insuranceWarnDays = settings.insuranceWarnDays();
        updatedAt = now;
    }

    private static String joined(List<SummaryField> fields) {
        return fields.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The saved settings as a draft to edit; the logo's bytes are the caller's to add. */
    SettingsDraft toDraft() {
        SettingsDraft draft = new SettingsDraft();
        draft.setVersion(version);
        draft.setLenderName(lenderName);
        draft.setSupportPhone(supportPhone);
        draft.setSupportEmail(supportEmail);
        draft.setPrimaryColor(primaryColor);
        draft.setTimeZone(timeZone);
        draft.setCutoffTime(cutoffTime);
        draft.setPaymentsEnabled(paymentsEnabled);
        draft.setAutopayEnabled(autopayEnabled);
        draft.setProfilesEnabled(paymentProfilesEnabled);
        draft.setInsuranceEnabled(insuranceEnabled);
        draft.setDocumentsEnabled(documentsEnabled);
        draft.setTransactionsEnabled(transactionsEnabled);
        draft.setSummaryFields(summaryFieldList());
        PaymentSettings payments = toPaymentSettings();
        draft.setCardAllowed(payments.cardAllowed());
        draft.setBankAllowed(payments.bankAllowed());
        draft.setPaymentTypes(payments.types());
        draft.setMinimumPayment(minimumPayment);
        draft.setMaximumPayment(maximumPayment);
        draft.setMaxDaysAhead(maxDaysAhead);
        draft.setCardFeeKind(cardFeeKind);
        draft.setCardFeeValue(cardFeeValue);
        draft.setBankFeeKind(bankFeeKind);
        draft.setBankFeeValue(bankFeeValue);
        draft.setNsfFee(nsfFee);
        draft.setRemittanceAddress(remittanceAddress);
        AutoPaySettings autopay = toAutoPaySettings();
        draft.setAutopayCustomerCreate(autopayCustomerCreate);
        draft.setAutopayCustomerEdit(autopayCustomerEdit);
        draft.setAutopayCustomerCancel(autopayCustomerCancel);
        draft.setAutopayFrequencies(autopay.frequencies());
        draft.setAutopayAmountTypes(autopay.amountTypes());
        draft.setAutopayMaxActive(autopayMaxActive);
        draft.setAutopayRunTime(autopayRunTime);
        draft.setShowForecast(showForecast);
        draft.setShowBalanceChart(showBalanceChart);
        draft.setAllowTransactionDownload(allowTransactionDownload);
        draft.setInsuranceWarnDays(insuranceWarnDays);
        return draft;
    }

    /** Every value of a checked draft; the logo goes through {@link #useLogo}. */
    void apply(SettingsDraft draft, String actor, Instant now) {
        WebsiteSettings website = SettingsDrafts.website(draft, null);
        apply(website, now);
        apply(SettingsDrafts.payments(draft), now);
        apply(SettingsDrafts.autopay(draft), now);
        updatedBy = actor;
    }

    void useLogo(String sha256) {
        logoSha256 = sha256;
    }

    long version() {
        return version;
    }

    String updatedBy() {
        return updatedBy;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    String logoSha256() {
        return logoSha256;
    }

    void savedBy(String actor) {
        updatedBy = actor;
    }

    PaymentSettings toPaymentSettings() {
        Set<PaymentType> types = EnumSet.noneOf(PaymentType.class);
        addIf(types, allowAmountDuePayments, PaymentType.AMOUNT_DUE);
        addIf(types, allowPayoffPayments, PaymentType.PAYOFF);
        addIf(types, allowPrincipalOnlyPayments, PaymentType.PRINCIPAL_ONLY);
        addIf(types, allowCustomPayments, PaymentType.CUSTOM);
        return new PaymentSettings(paymentsEnabled, paymentProfilesEnabled, allowCardPayments, allowBankPayments,
                types, minimumPayment, maximumPayment, maxDaysAhead, new FeeRule(cardFeeKind, cardFeeValue),
                new FeeRule(bankFeeKind, bankFeeValue), nsfFee, remittanceAddress);
    }

    void apply(PaymentSettings settings, Instant now) {
        paymentsEnabled = settings.enabled();
        paymentProfilesEnabled = settings.profilesEnabled();
        allowCardPayments = settings.cardAllowed();
        allowBankPayments = settings.bankAllowed();
        allowAmountDuePayments = settings.allows(PaymentType.AMOUNT_DUE);
        allowPayoffPayments = settings.allows(PaymentType.PAYOFF);
        allowPrincipalOnlyPayments = settings.allows(PaymentType.PRINCIPAL_ONLY);
        allowCustomPayments = settings.allows(PaymentType.CUSTOM);
        minimumPayment = settings.minimumAmount();
        maximumPayment = settings.maximumAmount();
        maxDaysAhead = settings.maxDaysAhead();
        cardFeeKind = settings.cardFee().kind();
        cardFeeValue = settings.cardFee().value();
        bankFeeKind = settings.bankFee().kind();
        bankFeeValue = settings.bankFee().value();
        nsfFee = settings.nsfFee();
        remittanceAddress = settings.remittanceAddress();
        updatedAt = now;
    }

    AutoPaySettings toAutoPaySettings() {
        Set<AutoPayFrequency> frequencies = EnumSet.noneOf(AutoPayFrequency.class);
        addIf(frequencies, autopayOneTime, AutoPayFrequency.ONE_TIME);
        addIf(frequencies, autopayWeekly, AutoPayFrequency.WEEKLY);
        addIf(frequencies, autopayBiweekly, AutoPayFrequency.BIWEEKLY);
        addIf(frequencies, autopaySemiMonthly, AutoPayFrequency.SEMI_MONTHLY);
        addIf(frequencies, autopayMonthly, AutoPayFrequency.MONTHLY);
        Set<AutoPayAmountType> types = EnumSet.noneOf(AutoPayAmountType.class);
        addIf(types, autopayScheduledAmount, AutoPayAmountType.SCHEDULED_PAYMENT);
        addIf(types, autopayAmountDue, AutoPayAmountType.AMOUNT_DUE);
        addIf(types, autopayFixedAmount, AutoPayAmountType.FIXED);
        addIf(types, autopayPayoff, AutoPayAmountType.PAYOFF);
        return new AutoPaySettings(autopayEnabled, autopayCustomerCreate, autopayCustomerEdit, autopayCustomerCancel,
                frequencies, types, autopayMaxActive, autopayRunTime);
    }

    void apply(AutoPaySettings settings, Instant now) {
        autopayEnabled = settings.enabled();
        autopayCustomerCreate = settings.customerMayCreate();
        autopayCustomerEdit = settings.customerMayEdit();
        autopayCustomerCancel = settings.customerMayCancel();
        autopayOneTime = settings.offers(AutoPayFrequency.ONE_TIME);
        autopayWeekly = settings.offers(AutoPayFrequency.WEEKLY);
        autopayBiweekly = settings.offers(AutoPayFrequency.BIWEEKLY);
        autopaySemiMonthly = settings.offers(AutoPayFrequency.SEMI_MONTHLY);
        autopayMonthly = settings.offers(AutoPayFrequency.MONTHLY);
        autopayScheduledAmount = settings.offers(AutoPayAmountType.SCHEDULED_PAYMENT);
        autopayAmountDue = settings.offers(AutoPayAmountType.AMOUNT_DUE);
        autopayFixedAmount = settings.offers(AutoPayAmountType.FIXED);
        autopayPayoff = settings.offers(AutoPayAmountType.PAYOFF);
        autopayMaxActive = settings.maxActivePerAccount();
        autopayRunTime = settings.runTime();
        updatedAt = now;
    }

    private static <T> void addIf(Set<T> fields, boolean on, T field) {
        if (on) {
            fields.add(field);
        }
    }
}
