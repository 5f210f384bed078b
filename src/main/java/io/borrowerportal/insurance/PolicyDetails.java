package io.borrowerportal.insurance;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The policy on the collateral as the customer types it; the Insurance form fills it and the service checks it
 * with {@link InsuranceFields}. The agent name is optional (a policy bought directly has none).
 *
 * @param deductible in dollars and cents
 */
public record PolicyDetails(String insuranceCompany, String insuredName, String agentName, String policyNumber,
                            String phone, BigDecimal deductible, LocalDate coverageStart, LocalDate coverageEnd) {

    /** An empty form. */
    public static PolicyDetails blank() {
        return new PolicyDetails(null, null, null, null, null, null, null, null);
    }

    /** The same policy with text fields trimmed and a blank agent name as none. */
    PolicyDetails cleaned() {
        return new PolicyDetails(strip(insuranceCompany), strip(insuredName), blankToNull(strip(agentName)),
                strip(policyNumber), strip(phone), deductible, coverageStart, coverageEnd);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
