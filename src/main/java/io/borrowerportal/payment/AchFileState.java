package io.borrowerportal.payment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a NACHA file is on its way to the bank. Only a delivered file's debits settle: the loan is never
 * credited for a debit no bank was given.
 */
public enum AchFileState {
    /** Committed with its payments; the file has not had its final name in the outbox yet. */
    WRITTEN("Not delivered yet"),
    /**
     * About to get (or just got) its final name: committed before the rename, so a restart knows a rename may
     * have happened and never writes the file a second time on a guess.
     */
    DELIVERING("Being delivered"),
    /** In the outbox under its final name, for the bank's transmitter to pick up. */
    DELIVERED("Delivered"),
    /** Delivered, and deleted from disk after the retention period (it held full account numbers). */
    PURGED("Delivered; deleted from disk");

    private final String label;

    AchFileState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The states of a file the bank was given, whose debits may settle. */
    public static Set<AchFileState> deliveredStates() {
        return EnumSet.of(DELIVERED, PURGED);
    }

    /** Whether the bank was given the file, so its debits may settle. */
    public boolean delivered() {
        return deliveredStates().contains(this);
    }
}
