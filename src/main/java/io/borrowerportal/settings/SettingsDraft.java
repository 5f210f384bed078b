package io.borrowerportal.settings;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The customer website settings while an admin edits them: every field, mutable and possibly invalid, so a
 * form can bind to it and the service can report every problem at once ({@link SettingsService#check}). It
 * remembers the version it was read at, so a save over someone else's newer change is refused
 * ({@link SettingsConflictException}). Also what a staff preview of unsaved settings shows.
 */
public final class SettingsDraft implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private long version;

    /** Lender name. */
    private String lenderName;
    /** Support phone. */
    private String supportPhone;
    /** Support email. */
    private String supportEmail;
    /** Primary colour, #rrggbb. */
    private String primaryColor;
    /** The logo's bytes (PNG or SVG), or null for none. */
    private byte[] logo;
    /** The name the logo was uploaded with, or null. */
    private String logoFileName;
    /** IANA time zone id, e.g. America/New_York. */
    private String timeZone;
    /** Payments made after this local time are processed the next business day. */
    private LocalTime cutoffTime;
    private boolean paymentsEnabled;
    private boolean autopayEnabled;
    private boolean profilesEnabled;
    private boolean insuranceEnabled;
    private boolean documentsEnabled;
    private boolean transactionsEnabled;
    /** The Summary fields shown, in the order shown. */
    private List<SummaryField> summaryFields = new ArrayList<>();
    private boolean cardAllowed;
    private boolean bankAllowed;
    private Set<PaymentType> paymentTypes = EnumSet.noneOf(PaymentType.class);
    private BigDecimal minimumPayment;
    private BigDecimal maximumPayment;
    private Integer maxDaysAhead;
    private FeeRule.Kind cardFeeKind;
    /** Dollars for FLAT, percent for PERCENT. */
    private BigDecimal cardFeeValue;
    private FeeRule.Kind bankFeeKind;
    /** Dollars for FLAT, percent for PERCENT. */
    private BigDecimal bankFeeValue;
    private BigDecimal nsfFee;
    private String remittanceAddress;
    private boolean autopayCustomerCreate;
    private boolean autopayCustomerEdit;
    private boolean autopayCustomerCancel;
    private Set<AutoPayFrequency> autopayFrequencies = EnumSet.noneOf(AutoPayFrequency.class);
    private Set<AutoPayAmountType> autopayAmountTypes = EnumSet.noneOf(AutoPayAmountType.class);
    private Integer autopayMaxActive;
    private LocalTime autopayRunTime;
    private boolean showForecast;
    private boolean showBalanceChart;
    private boolean allowTransactionDownload;
    private Integer insuranceWarnDays;
    /** Every field in words as it was read ({@link SettingsService#draft()}), to show what someone else changed since. */
    private EnumMap<SettingField, String> readAs;

    /** The version of the saved settings this draft was read at. */
    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public String getLenderName() {
        return lenderName;
    }

    public void setLenderName(String lenderName) {
        this.lenderName = lenderName;
    }

    public String getSupportPhone() {
        return supportPhone;
    }

    public void setSupportPhone(String supportPhone) {
        this.supportPhone = supportPhone;
    }

    public String getSupportEmail() {
        return supportEmail;
    }

    public void setSupportEmail(String supportEmail) {
        this.supportEmail = supportEmail;
    }

    public String getPrimaryColor() {
        return primaryColor;
    }

    public void setPrimaryColor(String primaryColor) {
        this.primaryColor = primaryColor;
    }

    public byte[] getLogo() {
        return logo == null ? null : logo.clone();
    }

    public void setLogo(byte[] logo) {
        this.logo = logo == null ? null : logo.clone();
    }

    public String getLogoFileName() {
        return logoFileName;
    }

    public void setLogoFileName(String logoFileName) {
        this.logoFileName = logoFileName;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public LocalTime getCutoffTime() {
        return cutoffTime;
    }

    public void setCutoffTime(LocalTime cutoffTime) {
        this.cutoffTime = cutoffTime;
    }

    public boolean isPaymentsEnabled() {
        return paymentsEnabled;
    }

    public void setPaymentsEnabled(boolean paymentsEnabled) {
        this.paymentsEnabled = paymentsEnabled;
    }

    public boolean isAutopayEnabled() {
        return autopayEnabled;
    }

    public void setAutopayEnabled(boolean autopayEnabled) {
        this.autopayEnabled = autopayEnabled;
    }

    public boolean isProfilesEnabled() {
        return profilesEnabled;
    }

    public void setProfilesEnabled(boolean profilesEnabled) {
        this.profilesEnabled = profilesEnabled;
    }

    public boolean isInsuranceEnabled() {
        return insuranceEnabled;
    }

    public void setInsuranceEnabled(boolean insuranceEnabled) {
        this.insuranceEnabled = insuranceEnabled;
    }

    public boolean isDocumentsEnabled() {
        return documentsEnabled;
    }

    public void setDocumentsEnabled(boolean documentsEnabled) {
        this.documentsEnabled = documentsEnabled;
    }

    public boolean isTransactionsEnabled() {
        return transactionsEnabled;
    }

    public void setTransactionsEnabled(boolean transactionsEnabled) {
        this.transactionsEnabled = transactionsEnabled;
    }

    public List<SummaryField> getSummaryFields() {
        return summaryFields;
    }

    public void setSummaryFields(List<SummaryField> summaryFields) {
        this.summaryFields = summaryFields == null ? new ArrayList<>() : new ArrayList<>(summaryFields);
    }

    public boolean isCardAllowed() {
        return cardAllowed;
    }

    public void setCardAllowed(boolean cardAllowed) {
        this.cardAllowed = cardAllowed;
    }

    public boolean isBankAllowed() {
        return bankAllowed;
    }

    public void setBankAllowed(boolean bankAllowed) {
        this.bankAllowed = bankAllowed;
    }

    public Set<PaymentType> getPaymentTypes() {
        return paymentTypes;
    }

    public void setPaymentTypes(Set<PaymentType> paymentTypes) {
        this.paymentTypes = paymentTypes == null || paymentTypes.isEmpty() ? EnumSet.noneOf(PaymentType.class) : EnumSet.copyOf(paymentTypes);
    }

    public BigDecimal getMinimumPayment() {
        return minimumPayment;
    }

    public void setMinimumPayment(BigDecimal minimumPayment) {
        this.minimumPayment = minimumPayment;
    }

    public BigDecimal getMaximumPayment() {
        return maximumPayment;
    }

    public void setMaximumPayment(BigDecimal maximumPayment) {
        this.maximumPayment = maximumPayment;
    }

    public Integer getMaxDaysAhead() {
        return maxDaysAhead;
    }

    public void setMaxDaysAhead(Integer maxDaysAhead) {
        this.maxDaysAhead = maxDaysAhead;
    }

    public FeeRule.Kind getCardFeeKind() {
        return cardFeeKind;
    }

    public void setCardFeeKind(FeeRule.Kind cardFeeKind) {
        this.cardFeeKind = cardFeeKind;
    }

    public BigDecimal getCardFeeValue() {
        return cardFeeValue;
    }

    public void setCardFeeValue(BigDecimal cardFeeValue) {
        this.cardFeeValue = cardFeeValue;
    }

    public FeeRule.Kind getBankFeeKind() {
        return bankFeeKind;
    }

    public void setBankFeeKind(FeeRule.Kind bankFeeKind) {
        this.bankFeeKind = bankFeeKind;
    }

    public BigDecimal getBankFeeValue() {
        return bankFeeValue;
    }

    public void setBankFeeValue(BigDecimal bankFeeValue) {
        this.bankFeeValue = bankFeeValue;
    }

    public BigDecimal getNsfFee() {
        return nsfFee;
    }

    public void setNsfFee(BigDecimal nsfFee) {
        this.nsfFee = nsfFee;
    }

    public String getRemittanceAddress() {
        return remittanceAddress;
    }

    public void setRemittanceAddress(String remittanceAddress) {
        this.remittanceAddress = remittanceAddress;
    }

    public boolean isAutopayCustomerCreate() {
        return autopayCustomerCreate;
    }

    public void setAutopayCustomerCreate(boolean autopayCustomerCreate) {
        this.autopayCustomerCreate = autopayCustomerCreate;
    }

    public boolean isAutopayCustomerEdit() {
        return autopayCustomerEdit;
    }

    public void setAutopayCustomerEdit(boolean autopayCustomerEdit) {
        this.autopayCustomerEdit = autopayCustomerEdit;
    }

    public boolean isAutopayCustomerCancel() {
        return autopayCustomerCancel;
    }

    public void setAutopayCustomerCancel(boolean autopayCustomerCancel) {
        this.autopayCustomerCancel = autopayCustomerCancel;
    }

    public Set<AutoPayFrequency> getAutopayFrequencies() {
        return autopayFrequencies;
    }

    public void setAutopayFrequencies(Set<AutoPayFrequency> autopayFrequencies) {
        this.autopayFrequencies = autopayFrequencies == null || autopayFrequencies.isEmpty() ? EnumSet.noneOf(AutoPayFrequency.class) : EnumSet.copyOf(autopayFrequencies);
    }

    public Set<AutoPayAmountType> getAutopayAmountTypes() {
        return autopayAmountTypes;
    }

    public void setAutopayAmountTypes(Set<AutoPayAmountType> autopayAmountTypes) {
        this.autopayAmountTypes = autopayAmountTypes == null || autopayAmountTypes.isEmpty() ? EnumSet.noneOf(AutoPayAmountType.class) : EnumSet.copyOf(autopayAmountTypes);
    }

    public Integer getAutopayMaxActive() {
        return autopayMaxActive;
    }

    public void setAutopayMaxActive(Integer autopayMaxActive) {
        this.autopayMaxActive = autopayMaxActive;
    }

    public LocalTime getAutopayRunTime() {
        return autopayRunTime;
    }

    public void setAutopayRunTime(LocalTime autopayRunTime) {
        this.autopayRunTime = autopayRunTime;
    }

    public boolean isShowForecast() {
        return showForecast;
    }

    public void setShowForecast(boolean showForecast) {
        this.showForecast = showForecast;
    }

    public boolean isShowBalanceChart() {
        return showBalanceChart;
    }

    public void setShowBalanceChart(boolean showBalanceChart) {
        this.showBalanceChart = showBalanceChart;
    }

    public boolean isAllowTransactionDownload() {
        return allowTransactionDownload;
    }

    public void setAllowTransactionDownload(boolean allowTransactionDownload) {
        this.allowTransactionDownload = allowTransactionDownload;
    }

    public Integer getInsuranceWarnDays() {
        return insuranceWarnDays;
    }

    public void setInsuranceWarnDays(Integer insuranceWarnDays) {
        this.insuranceWarnDays = insuranceWarnDays;
    }

    /** An independent copy (a preview keeps one, so later edits do not change what it shows). */
    public SettingsDraft copy() {
        SettingsDraft copy = new SettingsDraft();
        copy.setVersion(getVersion());
        copy.setLenderName(getLenderName());
        copy.setSupportPhone(getSupportPhone());
        copy.setSupportEmail(getSupportEmail());
        copy.setPrimaryColor(getPrimaryColor());
        copy.setLogo(logo);
        copy.setLogoFileName(getLogoFileName());
        copy.setTimeZone(getTimeZone());
        copy.setCutoffTime(getCutoffTime());
        copy.setPaymentsEnabled(isPaymentsEnabled());
        copy.setAutopayEnabled(isAutopayEnabled());
        copy.setProfilesEnabled(isProfilesEnabled());
        copy.setInsuranceEnabled(isInsuranceEnabled());
        copy.setDocumentsEnabled(isDocumentsEnabled());
        copy.setTransactionsEnabled(isTransactionsEnabled());
        copy.setSummaryFields(getSummaryFields());
        copy.setCardAllowed(isCardAllowed());
        copy.setBankAllowed(isBankAllowed());
        copy.setPaymentTypes(getPaymentTypes());
        copy.setMinimumPayment(getMinimumPayment());
        copy.setMaximumPayment(getMaximumPayment());
        copy.setMaxDaysAhead(getMaxDaysAhead());
        copy.setCardFeeKind(getCardFeeKind());
        copy.setCardFeeValue(getCardFeeValue());
        copy.setBankFeeKind(getBankFeeKind());
        copy.setBankFeeValue(getBankFeeValue());
        copy.setNsfFee(getNsfFee());
        copy.setRemittanceAddress(getRemittanceAddress());
        copy.setAutopayCustomerCreate(isAutopayCustomerCreate());
        copy.setAutopayCustomerEdit(isAutopayCustomerEdit());
        copy.setAutopayCustomerCancel(isAutopayCustomerCancel());
        copy.setAutopayFrequencies(getAutopayFrequencies());
        copy.setAutopayAmountTypes(getAutopayAmountTypes());
        copy.setAutopayMaxActive(getAutopayMaxActive());
        copy.setAutopayRunTime(getAutopayRunTime());
        copy.setShowForecast(isShowForecast());
        copy.setShowBalanceChart(isShowBalanceChart());
        copy.setAllowTransactionDownload(isAllowTransactionDownload());
        copy.setInsuranceWarnDays(getInsuranceWarnDays());
        copy.readAs = readAs == null ? null : new EnumMap<>(readAs);
        return copy;
    }

    Map<SettingField, String> readAs() {
        return readAs;
    }

    void readAs(Map<SettingField, String> words) {
        readAs = new EnumMap<>(words);
    }
}
