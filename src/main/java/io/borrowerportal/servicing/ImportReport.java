package io.borrowerportal.servicing;

import java.util.List;

/**
 * What an import did, or on a dry run would do: counts per kind, every refused row, and the portal ids of the
 * customers the run created (empty on a dry run), whom the bulk invitation reaches. {@code refusedWhole} when a
 * file could not be read (encoding, header, CSV syntax, order of the rows): then nothing was written at all.
 */
public record ImportReport(boolean dryRun, boolean refusedWhole, Counts counts, List<ImportProblem> problems,
                           List<Long> createdCustomerIds) {

    public ImportReport {
        problems = List.copyOf(problems);
        createdCustomerIds = List.copyOf(createdCustomerIds);
    }

    /** Everything went in (or would): no file and no row was refused. */
    public boolean clean() {
        return !refusedWhole && problems.isEmpty();
    }

    /** The counts, each product, customer and loan counted once however many rows name it. */
    public record Counts(int productsCreated, int productsUpdated, int productsUnchanged, int productsRefused,
                         int customersCreated, int customersUpdated, int customersUnchanged, int customersRefused,
                         int loansCreated, int loansUpdated, int loansUnchanged, int loansRefused,
                         long entriesPosted, long entriesMatched, long entriesRepeated) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        @Override
        public String toString() {
            return "products: " + productsCreated + " created, " + productsUpdated + " updated, " + productsUnchanged
                    + " unchanged, " + productsRefused + " refused; customers: " + customersCreated + " created, " + customersUpdated + " updated, " + customersUnchanged
                    + " unchanged, " + customersRefused + " refused; loans: " + loansCreated + " created, " + loansUpdated
                    + " updated, " + loansUnchanged + " unchanged, " + loansRefused + " refused; entries: " + entriesPosted
                    + " posted, " + entriesMatched + " matched, " + entriesRepeated + " already in";
        }
    }

    /** The report in a few lines, as the command prints it and the audit log keeps it. */
    public String summary() {
        String kind = dryRun ? "Dry run" : "Import";
        if (refusedWhole) {
            return kind + " refused whole, nothing written: " + problems.size() + " problem(s) in the files";
        }
        return kind + (dryRun ? " (nothing written), would be " : ", ") + counts + "; " + problems.size()
                + " row(s) refused";
    }
}
