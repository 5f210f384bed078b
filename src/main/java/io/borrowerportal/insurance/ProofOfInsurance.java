package io.borrowerportal.insurance;

import io.borrowerportal.document.FileContent;

/** A file the customer attaches to a submission as proof; it is filed in Documents under the insurance category. */
public record ProofOfInsurance(String fileName, FileContent content) {
}
