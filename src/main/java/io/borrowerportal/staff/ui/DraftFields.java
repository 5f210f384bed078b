package io.borrowerportal.staff.ui;

import io.borrowerportal.settings.SettingField;
import io.borrowerportal.settings.SettingsDraft;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads and copies one {@link SettingField} of a draft. The editor needs it for one thing: after a conflict,
 * "Apply my changes on top" carries the fields this admin changed onto the other admin's version, and leaves
 * every other field as they saved it.
 */
final class DraftFields {

    private DraftFields() {
    }

    /** The fields whose value differs between the two drafts. */
    static List<SettingField> changed(SettingsDraft from, SettingsDraft to) {
        return Arrays.stream(SettingField.values()).filter(f -> !same(value(from, f), value(to, f))).toList();
    }

    /** Copies one field (a fee's kind and value together, the logo's bytes and name together). */
    static void copy(SettingField field, SettingsDraft from, SettingsDraft to) {
        switch (field) {
            case LENDER_NAME -> to.setLenderName(from.getLenderName());
            case SUPPORT_PHONE -> to.setSupportPhone(from.getSupportPhone());
            case SUPPORT_EMAIL -> to.setSupportEmail(from.getSupportEmail());
            case PRIMARY_COLOR -> to.setPrimaryColor(from.getPrimaryColor());
            case LOGO -> {
                to.setLogo(from.getLogo());
                to.setLogoFileName(from.getLogoFileName());
            }
            case TIME_ZONE -> to.setTimeZone(from.getTimeZone());
            case CUTOFF_TIME -> to.setCutoffTime(from.getCutoffTime());
            case PAYMENTS_SECTION -> to.setPaymentsEnabled(from.isPaymentsEnabled());
            case AUTOPAY_SECTION -> to.setAutopayEnabled(from.isAutopayEnabled());
            case PROFILES_SECTION -> to.setProfilesEnabled(from.isProfilesEnabled());
            case INSURANCE_SECTION -> to.setInsuranceEnabled(from.isInsuranceEnabled());
            case DOCUMENTS_SECTION -> to.setDocumentsEnabled(from.isDocumentsEnabled());
            case TRANSACTIONS_SECTION -> to.setTransactionsEnabled(from.isTransactionsEnabled());
            case SUMMARY_FIELDS -> to.setSummaryFields(from.getSummaryFields());
            case CARD_PAYMENTS -> to.setCardAllowed(from.isCardAllowed());
            case BANK_PAYMENTS -> to.setBankAllowed(from.isBankAllowed());
            case PAYMENT_TYPES -> to.setPaymentTypes(from.getPaymentTypes());
            case MINIMUM_PAYMENT -> to.setMinimumPayment(from.getMinimumPayment());
            case MAXIMUM_PAYMENT -> to.setMaximumPayment(from.getMaximumPayment());
            case MAX_DAYS_AHEAD -> to.setMaxDaysAhead(from.getMaxDaysAhead());
            case CARD_FEE -> {
                to.setCardFeeKind(from.getCardFeeKind());
                to.setCardFeeValue(from.getCardFeeValue());
            }
            case BANK_FEE -> {
                to.setBankFeeKind(from.getBankFeeKind());
                to.setBankFeeValue(from.getBankFeeValue());
            }
            case NSF_FEE -> to.setNsfFee(from.getNsfFee());
            case REMITTANCE_ADDRESS -> to.setRemittanceAddress(from.getRemittanceAddress());
            case AUTOPAY_CUSTOMER_CREATE -> to.setAutopayCustomerCreate(from.isAutopayCustomerCreate());
            case AUTOPAY_CUSTOMER_EDIT -> to.setAutopayCustomerEdit(from.isAutopayCustomerEdit());
            case AUTOPAY_CUSTOMER_CANCEL -> to.setAutopayCustomerCancel(from.isAutopayCustomerCancel());
            case AUTOPAY_FREQUENCIES -> to.setAutopayFrequencies(from.getAutopayFrequencies());
            case AUTOPAY_AMOUNT_TYPES -> to.setAutopayAmountTypes(from.getAutopayAmountTypes());
            case AUTOPAY_MAX_ACTIVE -> to.setAutopayMaxActive(from.getAutopayMaxActive());
            case AUTOPAY_RUN_TIME -> to.setAutopayRunTime(from.getAutopayRunTime());
            case SHOW_FORECAST -> to.setShowForecast(from.isShowForecast());
            case SHOW_BALANCE_CHART -> to.setShowBalanceChart(from.isShowBalanceChart());
            case ALLOW_DOWNLOADS -> to.setAllowTransactionDownload(from.isAllowTransactionDownload());
            case INSURANCE_WARN_DAYS -> to.setInsuranceWarnDays(from.getInsuranceWarnDays());
        }
    }

    static Object value(SettingsDraft draft, SettingField field) {
        return switch (field) {
            case LENDER_NAME -> draft.getLenderName();
            case SUPPORT_PHONE -> draft.getSupportPhone();
            case SUPPORT_EMAIL -> draft.getSupportEmail();
            case PRIMARY_COLOR -> draft.getPrimaryColor();
            case LOGO -> Arrays.asList(draft.getLogoFileName(), draft.getLogo());
            case TIME_ZONE -> draft.getTimeZone();
            case CUTOFF_TIME -> draft.getCutoffTime();
            case PAYMENTS_SECTION -> draft.isPaymentsEnabled();
            case AUTOPAY_SECTION -> draft.isAutopayEnabled();
            case PROFILES_SECTION -> draft.isProfilesEnabled();
            case INSURANCE_SECTION -> draft.isInsuranceEnabled();
            case DOCUMENTS_SECTION -> draft.isDocumentsEnabled();
            case TRANSACTIONS_SECTION -> draft.isTransactionsEnabled();
            case SUMMARY_FIELDS -> List.copyOf(draft.getSummaryFields());
            case CARD_PAYMENTS -> draft.isCardAllowed();
            case BANK_PAYMENTS -> draft.isBankAllowed();
            case PAYMENT_TYPES -> draft.getPaymentTypes();
            case MINIMUM_PAYMENT -> draft.getMinimumPayment();
            case MAXIMUM_PAYMENT -> draft.getMaximumPayment();
            case MAX_DAYS_AHEAD -> draft.getMaxDaysAhead();
            case CARD_FEE -> Arrays.asList(draft.getCardFeeKind(), draft.getCardFeeValue());
            case BANK_FEE -> Arrays.asList(draft.getBankFeeKind(), draft.getBankFeeValue());
            case NSF_FEE -> draft.getNsfFee();
            case REMITTANCE_ADDRESS -> draft.getRemittanceAddress();
            case AUTOPAY_CUSTOMER_CREATE -> draft.isAutopayCustomerCreate();
            case AUTOPAY_CUSTOMER_EDIT -> draft.isAutopayCustomerEdit();
            case AUTOPAY_CUSTOMER_CANCEL -> draft.isAutopayCustomerCancel();
            case AUTOPAY_FREQUENCIES -> draft.getAutopayFrequencies();
            case AUTOPAY_AMOUNT_TYPES -> draft.getAutopayAmountTypes();
            case AUTOPAY_MAX_ACTIVE -> draft.getAutopayMaxActive();
            case AUTOPAY_RUN_TIME -> draft.getAutopayRunTime();
            case SHOW_FORECAST -> draft.isShowForecast();
            case SHOW_BALANCE_CHART -> draft.isShowBalanceChart();
            case ALLOW_DOWNLOADS -> draft.isAllowTransactionDownload();
            case INSURANCE_WARN_DAYS -> draft.getInsuranceWarnDays();
        };
    }

    /** Equal values; amounts compare by value, so 25 and 25.00 are the same. */
    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y && x.size() == y.size()) {
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
