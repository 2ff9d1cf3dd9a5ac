package io.calendargateway.profile;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.calendargateway.config.SecretsConfig;

/**
 * Encrypts connection-profile secrets at rest with AES-256-GCM.
 * <p>
 * The stored form is self-describing: {@code v1:<keyId>:<base64(iv || ciphertext || tag)>}, with a random
 * 12-byte IV per encryption and {@code v1:<keyId>} bound as additional authenticated data, so a value cannot be
 * moved to another key id or format version without failing authentication.
 * <p>
 * Rotation: add the new key, make it active, keep the old one listed; values written under the old key stay
 * readable, {@link #needsReEncryption(String)} tells which ones to rewrite; once none is left the old key can go.
 * <p>
 * Exception messages never contain plaintext, ciphertext or key material.
 */
public final class SecretCipher {

    static final String VERSION = "v1";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param base64Keys key id to base64 of exactly 32 bytes; may be empty (then {@link #isConfigured()} is false)
     * @param activeKeyId key used by {@link #encrypt(String)}; may be null when exactly one key is listed
     * @throws IllegalArgumentException naming the offending key id (never its value) when a key is invalid
     */
    public SecretCipher(Map<String, String> base64Keys, String activeKeyId) {
        Map<String, SecretKey> parsed = new TreeMap<>();
        base64Keys.forEach((id, value) -> parsed.put(id, parseKey(id, value)));
        this.keys = Collections.unmodifiableMap(parsed);
        this.activeKeyId = resolveActive(parsed, activeKeyId);
    }

    public static SecretCipher fromConfig(SecretsConfig config) {
        return new SecretCipher(config.keys(), config.activeKeyId().orElse(null));
    }

    /** True when at least one key is configured; without one, profiles with secrets cannot be stored. */
    public boolean isConfigured() {
        return activeKeyId != null;
    }

    /** The id new secrets are written under, if any key is configured. */
    public Optional<String> activeKeyId() {
        return Optional.ofNullable(activeKeyId);
    }

    public String encrypt(String plaintext) {
        if (plaintext == null) {
            throw new IllegalArgumentException("Nothing to encrypt");
        }
        if (activeKeyId == null) {
            throw new SecretCipherException("No encryption key is configured (gateway.secrets.keys)");
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(activeKeyId));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return VERSION + ":" + activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new SecretCipherException("Encryption with key '" + activeKeyId + "' failed: "
                    + e.getClass().getSimpleName());
        }
    }

    public String decrypt(String stored) {
        Envelope envelope = Envelope.parse(stored);
        SecretKey key = keys.get(envelope.keyId);
        if (key == null) {
            throw new SecretCipherException("Secret was encrypted with key '" + envelope.keyId
                    + "', which is not configured (gateway.secrets.keys)");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, envelope.data, 0, IV_BYTES));
            cipher.updateAAD(aad(envelope.keyId));
            byte[] plain = cipher.doFinal(envelope.data, IV_BYTES, envelope.data.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretCipherException("Secret under key '" + envelope.keyId
                    + "' failed authentication: wrong key material or tampered data");
        } catch (GeneralSecurityException e) {
            throw new SecretCipherException("Decryption with key '" + envelope.keyId + "' failed: "
                    + e.getClass().getSimpleName());
        }
    }

    /** True when the value is not under the active key and should be rewritten with {@link #encrypt(String)}. */
    public boolean needsReEncryption(String stored) {
        return !Envelope.parse(stored).keyId.equals(activeKeyId);
    }

    /** Decrypts with whichever listed key applies and encrypts again under the active key. */
    public String reEncrypt(String stored) {
        return needsReEncryption(stored) ? encrypt(decrypt(stored)) : stored;
    }

    private static byte[] aad(String keyId) {
        return (VERSION + ":" + keyId).getBytes(StandardCharsets.US_ASCII);
    }

    private static SecretKey parseKey(String id, String base64) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("gateway.secrets.keys: key id '" + printable(id)
                    + "' must be 1-64 characters of letters, digits, '.', '_' or '-'");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("gateway.secrets.keys." + id + " is not valid base64");
        }
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("gateway.secrets.keys." + id + " must decode to exactly "
                    + KEY_BYTES + " bytes (got " + raw.length + "); create one with: openssl rand -base64 32");
        }
        return new SecretKeySpec(raw, "AES");
    }

    private static String resolveActive(Map<String, SecretKey> keys, String requested) {
        if (requested != null && !requested.isBlank()) {
            if (!keys.containsKey(requested)) {
                throw new IllegalArgumentException("gateway.secrets.active-key-id names '" + printable(requested)
                        + "', which is not among the configured keys " + keys.keySet());
            }
            return requested;
        }
        if (keys.size() > 1) {
            throw new IllegalArgumentException("gateway.secrets.active-key-id is required when several keys are "
                    + "configured " + keys.keySet());
        }
        return keys.isEmpty() ? null : keys.keySet().iterator().next();
    }

    private static String printable(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }

    private record Envelope(String keyId, byte[] data) {

        static Envelope parse(String stored) {
            if (stored == null) {
                throw new SecretCipherException("No stored secret to decrypt");
            }
            String[] parts = stored.split(":", 3);
            if (parts.length != 3 || !VERSION.equals(parts[0]) || !KEY_ID.matcher(parts[1]).matches()) {
                throw new SecretCipherException("Stored secret is not in the expected format "
                        + VERSION + ":<keyId>:<data>");
            }
            byte[] data;
            try {
                data = Base64.getDecoder().decode(parts[2]);
            } catch (IllegalArgumentException e) {
                throw new SecretCipherException("Stored secret under key '" + parts[1] + "' is not valid base64");
            }
            if (data.length < IV_BYTES + TAG_BITS / 8) {
                throw new SecretCipherException("Stored secret under key '" + parts[1] + "' is truncated");
            }
            return new Envelope(parts[1], data);
        }
    }
}
