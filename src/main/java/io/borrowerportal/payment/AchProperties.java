package io.borrowerportal.payment;

import io.borrowerportal.payment.ach.AchOrigin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Where NACHA files go and who the lender is to its bank ({@code portal.ach.*}). The defaults suit the
 * embedded demo; a production install sets the values its bank assigned.
 *
 * @param outboxDir          folder the files are written to (the bank's SFTP pickup folder, for example)
 * @param fileName           file name pattern; {date} is the business date (yyyyMMdd), {modifier} the file id modifier
 * @param retention          how long a delivered file stays on disk (it holds full account numbers); then it is deleted
 * @param returnsFileMaxSize the largest returns file staff may upload; a bank's returns file is a few kilobytes
 */
@ConfigurationProperties("portal.ach")
public record AchProperties(String outboxDir, String fileName, String bankRoutingNumber, String bankName,
                            String originId, String originName, String companyName, String companyId,
                            String entryDescription, Duration retention, DataSize returnsFileMaxSize) {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);
    public static final DataSize DEFAULT_RETURNS_FILE_MAX_SIZE = DataSize.ofMegabytes(5);

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
        retention = retention == null ? DEFAULT_RETENTION : retention;
        if (retention.isNegative()) {
            throw new IllegalArgumentException("portal.ach.retention must not be negative, not " + retention);
        }
        returnsFileMaxSize = returnsFileMaxSize == null ? DEFAULT_RETURNS_FILE_MAX_SIZE : returnsFileMaxSize;
        if (returnsFileMaxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("portal.ach.returns-file-max-size must be positive, not " + returnsFileMaxSize);
        }
    }

    AchOrigin origin() {
        return new AchOrigin(bankRoutingNumber, bankName, originId, originName, companyName, companyId, entryDescription);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
