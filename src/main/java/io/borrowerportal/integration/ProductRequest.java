package io.borrowerportal.integration;

import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.servicing.ProductUpsert;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * {@code PUT /api/v1/products/{code}}: a loan product as the servicing system defines it. The servicing module
 * decides what is valid and names each field it refuses; what booked loans read from the product is refused while
 * any is booked on it (409, decision 034).
 */
@Schema(description = "A loan product as the servicing system defines it")
public record ProductRequest(@Schema(description = "What borrowers read, e.g. Auto loan (with the collateral: 2022 Honda Civic auto loan)") String name,
                             @Schema(description = "The rate a new loan on it usually has, in percent, 0 to under 100, at most four decimals; each loan is booked with its own") BigDecimal defaultAnnualRatePercent,
                             @Schema(description = "The number of payments a new loan on it usually has, 1 to 600") Integer defaultNumberOfPayments,
                             @Schema(description = "How often its loans' payments fall due; fixed while loans are booked on it") PaymentFrequency paymentFrequency,
                             @Schema(description = "How its loans accrue interest; fixed while loans are booked on it") DayCount dayCount,
                             @Schema(description = "Whether collateral secures its loans (their Insurance tab); fixed while loans are booked on it") Boolean collateralized) {

    ProductUpsert toCommand(String code) {
        return new ProductUpsert(code, name, defaultAnnualRatePercent, defaultNumberOfPayments, paymentFrequency,
                dayCount, collateralized);
    }
}
