package io.borrowerportal.common;

import java.security.SecureRandom;

/**
 * The codes customers read out on the phone: a prefix and eight characters with no look-alikes (no 0/O, 1/I/L),
 * such as "PAY-7K3M9QXD" or "AP-2HRT8W4N". Random, so one code says nothing about another; each table keeps
 * them unique.
 */
public final class References {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private References() {
    }

    public static String next(String prefix) {
        char[] code = new char[LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return prefix + "-" + new String(code);
    }
}
