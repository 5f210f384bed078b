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
import java.util.EnumSet;
import java.util.Set;

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
    private boolean showAmountDue;
    private boolean showDaysPastDue;
    private boolean showNextPaymentAmount;
    private boolean showNextDueDate;
    private boolean showPayoffAmount;
    private boolean showPrincipalBalance;
    private boolean showInterestRate;
    private boolean showOriginalAmount;
    private boolean showMaturityDate;
    private boolean showPaymentsRemaining;
    private boolean showLastPayment;
    private boolean showCollateral;
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

    protected LenderSettings() {
    }

    WebsiteSettings toRecord() {
        Set<SummaryField> fields = EnumSet.noneOf(SummaryField.class);
        addIf(fields, showAmountDue, SummaryField.AMOUNT_DUE);
        addIf(fields, showDaysPastDue, SummaryField.DAYS_PAST_DUE);
        addIf(fields, showNextPaymentAmount, SummaryField.NEXT_PAYMENT_AMOUNT);
        addIf(fields, showNextDueDate, SummaryField.NEXT_DUE_DATE);
        addIf(fields, showPayoffAmount, SummaryField.PAYOFF_AMOUNT);
        addIf(fields, showPrincipalBalance, SummaryField.PRINCIPAL_BALANCE);
        addIf(fields, showInterestRate, SummaryField.INTEREST_RATE);
        addIf(fields, showOriginalAmount, SummaryField.ORIGINAL_AMOUNT);
        addIf(fields, showMaturityDate, SummaryField.MATURITY_DATE);
        addIf(fields, showPaymentsRemaining, SummaryField.PAYMENTS_REMAINING);
        addIf(fields, showLastPayment, SummaryField.LAST_PAYMENT);
        addIf(fields, showCollateral, SummaryField.COLLATERAL);
        return new WebsiteSettings(lenderName, supportPhone, supportEmail, primaryColor, cutoffTime, fields,
                transactionsEnabled, showForecast, showBalanceChart, allowTransactionDownload, documentsEnabled,
                insuranceEnabled, insuranceWarnDays);
    }

    void apply(WebsiteSettings settings, Instant now) {
        lenderName = settings.lenderName();
        supportPhone = settings.supportPhone();
        supportEmail = settings.supportEmail();
        primaryColor = settings.primaryColor();
        cutoffTime = settings.cutoffTime();
        showAmountDue = settings.shows(SummaryField.AMOUNT_DUE);
        showDaysPastDue = settings.shows(SummaryField.DAYS_PAST_DUE);
        showNextPaymentAmount = settings.shows(SummaryField.NEXT_PAYMENT_AMOUNT);
        showNextDueDate = settings.shows(SummaryField.NEXT_DUE_DATE);
        showPayoffAmount = settings.shows(SummaryField.PAYOFF_AMOUNT);
        showPrincipalBalance = settings.shows(SummaryField.PRINCIPAL_BALANCE);
        showInterestRate = settings.shows(SummaryField.INTEREST_RATE);
        showOriginalAmount = settings.shows(SummaryField.ORIGINAL_AMOUNT);
        showMaturityDate = settings.shows(SummaryField.MATURITY_DATE);
        showPaymentsRemaining = settings.shows(SummaryField.PAYMENTS_REMAINING);
        showLastPayment = settings.shows(SummaryField.LAST_PAYMENT);
        showCollateral = settings.shows(SummaryField.COLLATERAL);
        transactionsEnabled = settings.transactionsEnabled();
        showForecast = settings.showForecast();
        showBalanceChart = settings.showBalanceChart();
        allowTransactionDownload = settings.allowTransactionDownload();
        documentsEnabled = settings.documentsEnabled();
        insuranceEnabled = settings.insuranceEnabled();
        insuranceWarnDays = settings.insuranceWarnDays();
        updatedAt = now;
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
