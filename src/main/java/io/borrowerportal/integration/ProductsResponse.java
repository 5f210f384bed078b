package io.borrowerportal.integration;

import io.borrowerportal.account.LoanProductSummary;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.PaymentFrequency;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** {@code GET /api/v1/products}: every loan product of the portal, by code. */
public record ProductsResponse(List<Product> products) {

    /** One product, as the portal has it, and how many loans are booked on it. */
    public record Product(String code, String name, BigDecimal defaultAnnualRatePercent, int defaultNumberOfPayments,
                          PaymentFrequency paymentFrequency, DayCount dayCount, boolean collateralized,
                          @Schema(description = "Loans booked on it; while there are any, paymentFrequency, dayCount and collateralized stay as they are") long loansBooked) {
    }

    static ProductsResponse of(List<LoanProductSummary> products) {
        return new ProductsResponse(products.stream().map(p -> new Product(p.code(), p.name(),
                p.defaultAnnualRatePercent(), p.defaultNumberOfPayments(), p.paymentFrequency(), p.dayCount(),
                p.collateralized(), p.loansBooked())).toList());
    }
}
