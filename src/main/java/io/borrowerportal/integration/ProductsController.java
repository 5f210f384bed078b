package io.borrowerportal.integration;

import io.borrowerportal.servicing.ServicingProducts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lender's loan products (decision 034), which every loan names: defined by the servicing system before its
 * loans, and listed. Thin like {@link ServicingController}: every rule is the servicing module's.
 */
@RestController
@Tag(name = "Products", description = "Loan products by code. Define them before the loans that name them.")
class ProductsController {

    private final ServicingProducts products;

    ProductsController(ServicingProducts products) {
        this.products = products;
    }

    @PutMapping(path = ApiPaths.BASE + "/products/{code}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create or update a loan product by its code",
            description = "Name and defaults may always change; they apply to loans booked from now on (a loan "
                    + "copies its rate and number of payments when it is booked). Payment frequency, day count and "
                    + "collateral are read by every loan booked on the product, so while any is, changing them is a "
                    + "409 naming each field: define a product with a new code instead.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "200", description = "Updated (changed lists the fields) or unchanged")
    @ApiResponse(responseCode = "422", description = "Refused; errors names each field")
    @ApiResponse(responseCode = "409", description = "Loans are booked on the product and read the fields named in "
            + "errors from it; or another request created the same code at the same moment: retry")
    ResponseEntity<UpsertResponse> product(@Parameter(description = "2-32 capital letters, digits, dashes or underscores, starting with a letter") @PathVariable String code,
                                           @Valid @RequestBody ProductRequest body) {
        return ServicingController.answer(products.upsert(body.toCommand(code)));
    }

    @GetMapping(path = ApiPaths.BASE + "/products", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every loan product, by code", description = "With the number of loans booked on each.")
    ProductsResponse products() {
        return ProductsResponse.of(products.products());
    }
}
