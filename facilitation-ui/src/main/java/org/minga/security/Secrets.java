package org.minga.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Random codes and tokens, and the hashes they are stored as. */
final class Secrets {

    /** Letters and digits nobody confuses when reading a card aloud: no 0/O, 1/I/L, 5/S, 2/Z, 8/B. */
    static final String UNAMBIGUOUS = "34679ACDEFGHJKMNPQRTUVWXY";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String code(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(UNAMBIGUOUS.charAt(RANDOM.nextInt(UNAMBIGUOUS.length())));
        }
        return code.toString();
    }

    static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
