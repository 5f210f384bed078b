package io.borrowerportal.security;

import io.borrowerportal.settings.SettingsService;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;

/**
 * What a new password must be, after NIST SP 800-63B: at least 12 characters and at most 64, any
 * characters, no composition rules, and not a password attackers try first (a shipped list of common and
 * breached passwords, loaded once), the user's email or the lender's name. Every place that sets a password
 * asks {@link #problem}; the field beside it shows {@link #assess} as the customer types.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 64;
    /** bcrypt reads at most 72 bytes, and Spring's encoder refuses more: 64 characters of an emoji are 256. */
    static final int MAX_BYTES = 72;
    static final String COMMON_PASSWORDS = "/security/common-passwords.txt.gz";

    /** How the password field describes what was typed so far. */
    public enum Strength { TOO_SHORT, REFUSED, ACCEPTABLE, GOOD, STRONG }

    /** A password as the field explains it: how strong, and in words. */
    public record Assessment(Strength strength, String explanation) {
        public boolean acceptable() {
            return strength == Strength.ACCEPTABLE || strength == Strength.GOOD || strength == Strength.STRONG;
        }
    }

    /** Read on another thread: 0.3 s of the start-up's main thread, and no password is checked before a request. */
    private final CompletableFuture<Set<String>> common;
    private final SettingsService settings;

    PasswordPolicy(SettingsService settings) {
        this.settings = settings;
        if (PasswordPolicy.class.getResource(COMMON_PASSWORDS) == null) {
            throw new IllegalStateException("The common password list " + COMMON_PASSWORDS + " is missing");
        }
        this.common = CompletableFuture.supplyAsync(PasswordPolicy::load);
    }

    /** Why this password may not be used, in words; empty when it may. */
    public Optional<String> problem(String password, String email) {
        Assessment assessment = assess(password, email);
        return assessment.acceptable() ? Optional.empty() : Optional.of(assessment.explanation());
    }

    /** Refuses a password {@link #problem} refuses, with its words. */
    public void check(String password, String email) {
        problem(password, email).ifPresent(words -> {
            throw new IllegalArgumentException(words);
        });
    }

    public Assessment assess(String password, String email) {
        String typed = password == null ? "" : password;
        int length = typed.codePointCount(0, typed.length());
        if (length < MIN_LENGTH) {
            int missing = MIN_LENGTH - length;
            return new Assessment(Strength.TOO_SHORT, "Use at least " + MIN_LENGTH + " characters: " + missing
                    + " more to go. A few unrelated words make a good one.");
        }
        if (length > MAX_LENGTH) {
            return new Assessment(Strength.REFUSED, "Use at most " + MAX_LENGTH + " characters.");
        }
        if (typed.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return new Assessment(Strength.REFUSED, "Use fewer characters: letters outside the basic Latin alphabet"
                    + " and emoji count as several, and this password is too long to store.");
        }
        String lower = typed.toLowerCase(Locale.ROOT);
        String normalizedEmail = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (!normalizedEmail.isEmpty() && (lower.equals(normalizedEmail)
                || lower.equals(normalizedEmail.substring(0, Math.max(0, normalizedEmail.indexOf('@')))))) {
            return new Assessment(Strength.REFUSED, "Do not use your email address as your password.");
        }
        String lender = squash(settings.current().lenderName());
        if (lender.length() >= 4 && squash(lower).contains(lender)) {
            return new Assessment(Strength.REFUSED, "Do not use " + settings.current().lenderName() + "'s name in your password.");
        }
        if (common.join().contains(lower)) {
            return new Assessment(Strength.REFUSED,
                    "This password is on a list of common or breached passwords that attackers try first. Choose another.");
        }
        if (distinctCharacters(typed) < 4) {
            // Twelve of the same few characters is as easy to guess as a short password.
            return new Assessment(Strength.REFUSED, "Repeating a few characters is easy to guess. Use more varied characters or words.");
        }
        if (length >= 20) {
            return new Assessment(Strength.STRONG, "Strong: " + length + " characters.");
        }
        if (length >= 16) {
            return new Assessment(Strength.GOOD, "Good: " + length + " characters. Longer is stronger still.");
        }
        return new Assessment(Strength.ACCEPTABLE, "Acceptable: " + length + " characters. Four or more words make it stronger.");
    }

    /** How many passwords the common list holds (loaded once, as the application starts). */
    public int commonPasswordCount() {
        return common.join().size();
    }

    private static long distinctCharacters(String text) {
        return text.codePoints().distinct().count();
    }

    private static String squash(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static Set<String> load() {
        try (InputStream raw = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (raw == null) {
                throw new IllegalStateException("The common password list " + COMMON_PASSWORDS + " is missing");
            }
            Set<String> words = new HashSet<>(200_000);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isEmpty()) {
                        words.add(line);
                    }
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
