package io.borrowerportal.payment;

import io.borrowerportal.payment.ach.AchOrigin;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where NACHA files go and who the lender is to its bank ({@code portal.ach.*}). The defaults suit the
 * embedded demo; a production install sets the values its bank assigned.
 *
 * @param outboxDir       folder the files are written to (the bank's SFTP pickup folder, for example)
 * @param fileName        file name pattern; {date} is the business date (yyyyMMdd), {modifier} the file id modifier
 */
@ConfigurationProperties("portal.ach")
public record AchProperties(String outboxDir, String fileName, String bankRoutingNumber, String bankName,
                            String originId, String originName, String companyName, String companyId,
                            String entryDescription) {

    public AchProperties {
        outboxDir = orDefault(outboxDir, "./data/ach");
        fileName = orDefault(fileName, "ACH-{date}-{modifier}.txt");
        bankRoutingNumber = orDefault(bankRoutingNumber, "021000021");
        bankName = orDefault(bankName, "DEMO BANK");
        originId = orDefault(originId, "1234567890");
        originName = orDefault(originName, "BORROWER PORTAL LENDER");
        companyName = orDefault(companyName, "BP LENDER");
        companyId = orDefault(companyId, "1234567890");
        entryDescription = orDefault(entryDescription, "LOAN PMT");
    }

    AchOrigin origin() {
        return new AchOrigin(bankRoutingNumber, bankName, originId, originName, companyName, companyId, entryDescription);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
