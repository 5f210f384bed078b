package io.borrowerportal.servicing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a servicing import (docs/import/README.md), in the order they are read, each with the columns its
 * header must name: the fields of the record its rows become ({@link ProductUpsert}, {@link CustomerUpsert},
 * {@link LoanUpsert}, {@link BorrowersUpsert}, {@link ServicerEntry}), so the HTTP API and the CSV files speak of the
 * same things by the same names. products.csv is optional: a lender whose products the portal has sends none.
 */
public enum ImportFile {
    PRODUCTS("products.csv", true, List.of("code", "name", "defaultAnnualRatePercent", "defaultNumberOfPayments",
            "paymentFrequency", "dayCount", "collateralized")),
    CUSTOMERS("customers.csv", List.of("externalId", "firstName", "lastName", "email", "phone", "streetLine1",
            "streetLine2", "city", "state", "zip", "status")),
    LOANS("loans.csv", List.of("loanNumber", "productCode", "principal", "annualRatePercent", "numberOfPayments",
            "startDate", "firstDueDate", "collateralDescription", "collateralVin", "webAccess", "servicerBalance",
            "balanceAsOf")),
    BORROWERS("borrowers.csv", List.of("loanNumber", "externalId", "role")),
    ENTRIES("entries.csv", List.of("loanNumber", "servicerId", "kind", "effectiveDate", "amount", "principal",
            "interest", "fees", "reverses", "reference", "description"));

    private final String fileName;
    private final boolean optional;
    private final List<String> columns;

    ImportFile(String fileName, List<String> columns) {
        this(fileName, false, columns);
    }

    ImportFile(String fileName, boolean optional, List<String> columns) {
        this.fileName = fileName;
        this.optional = optional;
        this.columns = columns;
    }

    /** The files of a run in this folder: every required one, and an optional one only where it is there. */
    public static Map<ImportFile, Path> in(Path folder) {
        Map<ImportFile, Path> files = new EnumMap<>(ImportFile.class);
        for (ImportFile file : values()) {
            Path path = folder.resolve(file.fileName());
            if (!file.optional() || Files.exists(path)) {
                files.put(file, path);
            }
        }
        return files;
    }

    /** Whether a run may go without this file. */
    public boolean optional() {
        return optional;
    }

    public String fileName() {
        return fileName;
    }

    public List<String> columns() {
        return columns;
    }
}
