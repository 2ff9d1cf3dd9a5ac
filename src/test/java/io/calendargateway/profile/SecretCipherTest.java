package io.calendargateway.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY_A = key(1);
    private static final String KEY_B = key(2);
    private static final String SECRET = "P@ssw0rd-ÄÖÜ-€";

    private static String key(int seed) {
        byte[] raw = new byte[32];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (seed * 31 + i);
        }
        return Base64.getEncoder().encodeToString(raw);
    }

    @Test
    void shouldRoundTripUnderTheActiveKey() {
        SecretCipher cipher = new SecretCipher(Map.of("a", KEY_A), null);

        String stored = cipher.encrypt(SECRET);

        assertTrue(stored.startsWith("v1:a:"), stored);
        assertFalse(stored.contains(SECRET));
        assertEquals(SECRET, cipher.decrypt(stored));
        assertEquals("a", cipher.activeKeyId().orElseThrow());
        assertTrue(cipher.isConfigured());
        assertFalse(cipher.needsReEncryption(stored));
    }

    @Test
    void shouldUseAFreshIvForEveryEncryption() {
        SecretCipher cipher = new SecretCipher(Map.of("a", KEY_A), "a");

        String first = cipher.encrypt(SECRET);
        String second = cipher.encrypt(SECRET);

        assertNotEquals(first, second);
        byte[] ivFirst = java.util.Arrays.copyOf(Base64.getDecoder().decode(first.substring(5)), 12);
        byte[] ivSecond = java.util.Arrays.copyOf(Base64.getDecoder().decode(second.substring(5)), 12);
        assertFalse(java.util.Arrays.equals(ivFirst, ivSecond));
        // 12-byte IV + ciphertext of the UTF-8 bytes + 16-byte tag
        int utf8Length = SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertEquals(12 + utf8Length + 16, Base64.getDecoder().decode(first.substring(5)).length);
    }

    @Test
    void shouldDetectTamperedCiphertext() {
        SecretCipher cipher = new SecretCipher(Map.of("a", KEY_A), "a");
        String stored = cipher.encrypt(SECRET);
        byte[] data = Base64.getDecoder().decode(stored.substring(5));
        data[data.length - 20] ^= 0x01;
        String tampered = "v1:a:" + Base64.getEncoder().encodeToString(data);

        SecretCipherException e = assertThrows(SecretCipherException.class, () -> cipher.decrypt(tampered));

        assertEquals("Secret under key 'a' failed authentication: wrong key material or tampered data",
                e.getMessage());
    }

    @Test
    void shouldRejectAValueRelabelledToAnotherKeyId() {
        // same key material under two ids: the key id is authenticated, so relabelling fails
        SecretCipher cipher = new SecretCipher(Map.of("a", KEY_A, "b", KEY_A), "a");
        String relabelled = "v1:b:" + cipher.encrypt(SECRET).substring(5);

        assertThrows(SecretCipherException.class, () -> cipher.decrypt(relabelled));
    }

    @Test
    void shouldKeepOldSecretsReadableAcrossRotationAndDropTheOldKeyAfterReEncryption() {
        String underA = new SecretCipher(Map.of("a", KEY_A), "a").encrypt(SECRET);

        SecretCipher rotated = new SecretCipher(Map.of("a", KEY_A, "b", KEY_B), "b");
        assertEquals(SECRET, rotated.decrypt(underA));
        assertTrue(rotated.needsReEncryption(underA));

        String underB = rotated.reEncrypt(underA);
        assertTrue(underB.startsWith("v1:b:"), underB);
        assertFalse(rotated.needsReEncryption(underB));
        assertEquals(underB, rotated.reEncrypt(underB));

        SecretCipher onlyB = new SecretCipher(Map.of("b", KEY_B), "b");
        assertEquals(SECRET, onlyB.decrypt(underB));
        SecretCipherException e = assertThrows(SecretCipherException.class, () -> onlyB.decrypt(underA));
        assertEquals("Secret was encrypted with key 'a', which is not configured (gateway.secrets.keys)",
                e.getMessage());
    }

    @Test
    void shouldNotRevealSecretsOrKeysWhenTheWrongKeyIsUsed() {
        String stored = new SecretCipher(Map.of("a", KEY_A), "a").encrypt(SECRET);
        SecretCipher wrongMaterial = new SecretCipher(Map.of("a", KEY_B), "a");

        SecretCipherException e = assertThrows(SecretCipherException.class, () -> wrongMaterial.decrypt(stored));

        assertFalse(e.getMessage().contains(SECRET));
        assertFalse(e.getMessage().contains(KEY_A));
        assertFalse(e.getMessage().contains(KEY_B));
        assertFalse(e.getMessage().contains(stored.substring(5)));
        assertEquals(null, e.getCause());
    }

    @Test
    void shouldRejectGarbageWithoutEchoingIt() {
        SecretCipher cipher = new SecretCipher(Map.of("a", KEY_A), "a");

        SecretCipherException plain = assertThrows(SecretCipherException.class, () -> cipher.decrypt(SECRET));
        assertEquals("Stored secret is not in the expected format v1:<keyId>:<data>", plain.getMessage());

        SecretCipherException truncated = assertThrows(SecretCipherException.class, () -> cipher.decrypt("v1:a:AAAA"));
        assertEquals("Stored secret under key 'a' is truncated", truncated.getMessage());
    }

    @Test
    void shouldFailStartupForAShortKeyNamingTheIdButNotTheValue() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SecretCipher(Map.of("k2026", shortKey), "k2026"));

        assertEquals("gateway.secrets.keys.k2026 must decode to exactly 32 bytes (got 16); "
                + "create one with: openssl rand -base64 32", e.getMessage());
        assertFalse(e.getMessage().contains(shortKey));
    }

    @Test
    void shouldFailStartupForNonBase64Keys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SecretCipher(Map.of("k1", "not base64!!"), "k1"));

        assertEquals("gateway.secrets.keys.k1 is not valid base64", e.getMessage());
    }

    @Test
    void shouldRequireAnActiveKeyAmongSeveralAndOneThatExists() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new SecretCipher(Map.of("a", KEY_A, "b", KEY_B), null));
        assertEquals("gateway.secrets.active-key-id is required when several keys are configured [a, b]",
                missing.getMessage());

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new SecretCipher(Map.of("a", KEY_A), "c"));
        assertEquals("gateway.secrets.active-key-id names 'c', which is not among the configured keys [a]",
                unknown.getMessage());
    }

    @Test
    void shouldReportWhenNoKeyIsConfigured() {
        SecretCipher cipher = new SecretCipher(Map.of(), null);

        assertFalse(cipher.isConfigured());
        assertTrue(cipher.activeKeyId().isEmpty());
        SecretCipherException e = assertThrows(SecretCipherException.class, () -> cipher.encrypt(SECRET));
        assertEquals("No encryption key is configured (gateway.secrets.keys)", e.getMessage());
    }
}
