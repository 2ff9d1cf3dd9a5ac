package io.calendargateway.profile;

/** A stored secret cannot be encrypted or decrypted. The message never contains the secret or key material. */
public class SecretCipherException extends RuntimeException {

    public SecretCipherException(String message) {
        super(message);
    }
}
