package io.borrowerportal.servicing;

import java.util.List;

/**
 * The four files of a servicing import (docs/import/README.md), each with the columns its header must name: the
 * fields of the record its rows become ({@link CustomerUpsert}, {@link LoanUpsert}, {@link BorrowersUpsert},
 * {@link ServicerEntry}), so the HTTP API and the CSV files speak of the same things by the same names.
 */
public enum ImportFile {
    CUSTOMERS("customers.csv", List.of("externalId", "firstName", "lastName", "email", "phone", "streetLine1",
            "streetLine2", "city", "state", "zip", "status")),
    LOANS("loans.csv", List.of("loanNumber", "productCode", "principal", "annualRatePercent", "numberOfPayments",
            "startDate", "firstDueDate", "collateralDescription", "collateralVin", "webAccess", "servicerBalance",
            "balanceAsOf")),
    BORROWERS("borrowers.csv", List.of("loanNumber", "externalId", "role")),
    ENTRIES("entries.csv", List.of("loanNumber", "servicerId", "kind", "effectiveDate", "amount", "principal",
            "interest", "fees", "reverses", "reference", "description"));

    private final String fileName;
    private final List<String> columns;

    ImportFile(String fileName, List<String> columns) {
        this.fileName = fileName;
        this.columns = columns;
    }

    public String fileName() {
        return fileName;
    }

    public List<String> columns() {
        return columns;
    }
}
