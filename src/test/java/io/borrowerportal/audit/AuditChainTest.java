package io.borrowerportal.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The chain's rules on rows in memory: schemes, encoding, and what an attacker without the key can do. */
class AuditChainTest {

    private static final byte[] KEY = new byte[32];
    private static final Instant AT = Instant.parse("2026-12-10T15:00:00Z");

    private final AuditChain chain = new AuditChain(KEY);

    private static AuditEvent event(String actor, String detail) {
        return new AuditEvent(AT, actor, "STAFF", 7L, "jane.borrower@example.com", "AUTO-100482",
                AuditAction.PREFERENCE_CHANGED, detail);
    }

    /** Rows as the service writes them: each chained onto the one before, in the given scheme. */
    private List<AuditEvent> rows(int[] schemes) {
        List<AuditEvent> rows = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 0; i < schemes.length; i++) {
            AuditEvent row = event("staff@example.com", "row " + i);
            String hash = schemes[i] == AuditChain.LEGACY_SHA256 ? AuditChain.legacyHash(previous, row)
                    : chain.hash(previous, row);
            row.chain(previous, hash, schemes[i]);
            rows.add(row);
            previous = hash;
        }
        return rows;
    }

    private boolean verify(List<AuditEvent> rows) {
        return chain.verify(rows.iterator(), rows.isEmpty() ? AuditChain.GENESIS : rows.getLast().hash());
    }

    @Test
    void without_a_configured_key_a_key_file_is_created_owner_only_and_read_back_on_the_next_start(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("data/audit-hmac.key");
        AuditEvent row = event("staff@example.com", "row");
        String hash = new AuditChain("", file.toString()).hash(AuditChain.GENESIS, row);

        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(new AuditChain(null, file.toString()).hash(AuditChain.GENESIS, row)).isEqualTo(hash);
        assertThat(new AuditChain(Base64.getEncoder().encodeToString(new byte[32]), file.toString())
                .hash(AuditChain.GENESIS, row)).as("a configured key wins over the file").isNotEqualTo(hash);
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void a_configured_key_of_the_wrong_length_fails_startup_naming_the_property() {
        assertThatThrownBy(() -> new AuditChain(Base64.getEncoder().encodeToString(new byte[16]), "unused"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("portal.audit.hmac-key").hasMessageContaining("decodes to 16 bytes");
    }

    @Test
    void rows_of_the_old_scheme_still_verify_when_a_keyed_row_follows_them() {
        List<AuditEvent> rows = rows(new int[] {1, 1, 1, 2, 2});
        assertThat(verify(rows)).isTrue();
        assertThat(verify(rows(new int[] {2, 2}))).isTrue();
        assertThat(verify(List.of())).isTrue();
    }

    @Test
    void an_old_scheme_row_edited_and_recomputed_without_the_key_is_caught_by_the_keyed_row_after_it() {
        List<AuditEvent> rows = rows(new int[] {1, 1, 2});
        // The attacker edits the second row and recomputes the legacy hash, which needs no key; the keyed row
        // after it still names the old hash as its predecessor.
        AuditEvent edited = event("staff@example.com", "tampered");
        edited.chain(rows.get(0).hash(), AuditChain.legacyHash(rows.get(0).hash(), edited), AuditChain.LEGACY_SHA256);
        rows.set(1, edited);
        assertThat(verify(rows)).isFalse();
    }

    @Test
    void a_chain_rewritten_in_the_old_scheme_fails_because_the_newest_row_must_be_keyed() {
        assertThat(verify(rows(new int[] {1, 1, 1}))).isFalse();
        assertThat(verify(rows(new int[] {2, 1}))).as("an old-scheme row after a keyed one").isFalse();
        assertThat(verify(rows(new int[] {1, 2, 1, 2}))).isFalse();
    }

    @Test
    void a_keyed_row_recomputed_with_plain_sha256_fails() {
        List<AuditEvent> rows = rows(new int[] {2, 2});
        AuditEvent last = rows.getLast();
        last.chain(last.prevHash(), AuditChain.legacyHash(last.prevHash(), last), AuditChain.HMAC_SHA256);
        assertThat(verify(rows)).isFalse();
    }

    @Test
    void a_row_hashed_with_another_key_fails() {
        List<AuditEvent> rows = rows(new int[] {2, 2});
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThat(new AuditChain(otherKey).verify(rows.iterator(), rows.getLast().hash())).isFalse();
    }

    @Test
    void fields_that_differ_only_in_where_a_bar_falls_hash_differently() {
        // The same characters, only the '|' moves from one field to the next: the old scheme cannot tell them apart.
        AuditEvent first = new AuditEvent(AT, "x", "STAFF", 7L, "c|d", "e", AuditAction.PREFERENCE_CHANGED, "f");
        AuditEvent second = new AuditEvent(AT, "x", "STAFF", 7L, "c", "d|e", AuditAction.PREFERENCE_CHANGED, "f");
        assertThat(first.canonical()).isEqualTo(second.canonical());
        assertThat(AuditChain.legacyHash(AuditChain.GENESIS, first))
                .isEqualTo(AuditChain.legacyHash(AuditChain.GENESIS, second));
        assertThat(chain.hash(AuditChain.GENESIS, first)).isNotEqualTo(chain.hash(AuditChain.GENESIS, second));
    }

    @Test
    void a_null_field_and_an_empty_or_null_named_one_hash_differently() {
        AuditEvent noLoan = new AuditEvent(AT, "x", "STAFF", null, null, null, AuditAction.LOGOUT, "");
        AuditEvent emptyLoan = new AuditEvent(AT, "x", "STAFF", null, null, "", AuditAction.LOGOUT, "");
        AuditEvent loanNamedNull = new AuditEvent(AT, "x", "STAFF", null, null, "null", AuditAction.LOGOUT, "");
        assertThat(AuditChain.legacyHash(AuditChain.GENESIS, noLoan))
                .isEqualTo(AuditChain.legacyHash(AuditChain.GENESIS, loanNamedNull));
        assertThat(List.of(chain.hash(AuditChain.GENESIS, noLoan), chain.hash(AuditChain.GENESIS, emptyLoan),
                chain.hash(AuditChain.GENESIS, loanNamedNull))).doesNotHaveDuplicates();
    }
}
