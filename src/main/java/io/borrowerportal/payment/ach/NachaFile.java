package io.borrowerportal.payment.ach;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A NACHA file as {@link NachaReader} found it, already checked against its own control records.
 * Text fields are as in the file with the padding trimmed; amounts are dollars with two decimals.
 */
public record NachaFile(FileHeader header, List<Batch> batches, FileControl control) {

    public NachaFile {
        batches = List.copyOf(batches);
    }

    /** Every entry of every batch, in file order. */
    public List<Entry> entries() {
        return batches.stream().flatMap(batch -> batch.entries().stream()).toList();
    }

    /** Record type 1. {@code immediateDestination} keeps the field's 10 characters, trimmed. */
    public record FileHeader(String priorityCode, String immediateDestination, String immediateOrigin,
                             LocalDate creationDate, String creationTime, char fileIdModifier,
                             String immediateDestinationName, String immediateOriginName, String referenceCode) {
    }

    public record Batch(BatchHeader header, List<Entry> entries, BatchControl control) {

        public Batch {
            entries = List.copyOf(entries);
        }
    }

    /** Record type 5. The effective entry date is empty when the bank left it blank. */
    public record BatchHeader(int lineNumber, int serviceClassCode, String companyName,
                              String companyDiscretionaryData, String companyId, String secCode,
                              String companyEntryDescription, String companyDescriptiveDate,
                              Optional<LocalDate> effectiveEntryDate, String settlementDate,
                              char originatorStatusCode, String odfiIdentification, int batchNumber) {
    }

    /**
     * Record type 6.
     *
     * @param routingNumber the receiving bank's 9-digit routing number, check digit included
     */
    public record Entry(int lineNumber, int transactionCode, String routingNumber, String accountNumber,
                        BigDecimal amount, String individualId, String individualName, String discretionaryData,
                        String traceNumber, List<Addenda> addenda) {

        public Entry {
            addenda = List.copyOf(addenda);
        }

        /** The account number and the receiver's name masked: a parsed returns file's entry may be logged. */
        @Override
        public String toString() {
            String account = accountNumber == null ? "null" : "****"
                    + accountNumber.substring(Math.max(0, accountNumber.length() - 4));
            String name = individualName == null || individualName.isBlank() ? "" : individualName.strip().charAt(0) + "***";
            return "Entry[line=" + lineNumber + ", transactionCode=" + transactionCode + ", routingNumber="
                    + routingNumber + ", account=" + account + ", amount=" + amount + ", individualId=" + individualId
                    + ", individualName=" + name + ", traceNumber=" + traceNumber + ", addenda=" + addenda + "]";
        }

        /** Debits (transaction codes x6-x9) take money from the receiver's account; x1-x4 are credits. */
        public boolean isDebit() {
            return NachaReader.isDebitCode(transactionCode);
        }

        /** Checking or savings for the debit and return codes 26/27 and 36/37. */
        public Optional<AccountType> accountType() {
            return AccountType.ofTransactionCode(transactionCode);
        }

        /** The return addenda (type 99) when this entry is a return. */
        public Optional<Addenda> returnAddenda() {
            return addenda.stream().filter(Addenda::isReturn).findFirst();
        }
    }

    /**
     * Record type 7. For a return (type "99") the return fields are filled; for other types they are
     * empty and {@code information} holds the payment-related text.
     */
    public record Addenda(int lineNumber, String typeCode, String returnReasonCode, String originalTraceNumber,
                          String originalReceivingDfi, String information) {

        public boolean isReturn() {
            return "99".equals(typeCode);
        }
    }

    /** Record type 8. */
    public record BatchControl(int serviceClassCode, int entryAddendaCount, long entryHash, BigDecimal totalDebit,
                               BigDecimal totalCredit, String companyId, String odfiIdentification, int batchNumber) {
    }

    /** Record type 9 (the first one; the all-9 filler lines after it are not kept). */
    public record FileControl(int batchCount, int blockCount, int entryAddendaCount, long entryHash,
                              BigDecimal totalDebit, BigDecimal totalCredit) {
    }
}
