package io.calendargateway.simulator;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * Server side of NTLM (MS-NLMP) as IIS runs it: answers a NEGOTIATE message with a CHALLENGE carrying target
 * information, and verifies the NTLMv2 response of the AUTHENTICATE message against the account's password.
 * NTLMv1 and anonymous responses are refused, as a hardened Exchange server does.
 */
final class NtlmServer {

    static final int NEGOTIATE_UNICODE = 0x00000001;
    static final int REQUEST_TARGET = 0x00000004;
    static final int NEGOTIATE_NTLM = 0x00000200;
    static final int NEGOTIATE_ALWAYS_SIGN = 0x00008000;
    static final int TARGET_TYPE_DOMAIN = 0x00010000;
    static final int NEGOTIATE_EXTENDED_SESSIONSECURITY = 0x00080000;
    static final int NEGOTIATE_TARGET_INFO = 0x00800000;
    static final int NEGOTIATE_VERSION = 0x02000000;

    private static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the client proved in an AUTHENTICATE message. */
    record Authenticate(String domain, String user, String workstation, byte[] ntResponse, byte[] lmResponse) {
    }

    private NtlmServer() {
    }

    static int messageType(byte[] msg) {
        if (msg.length < 12 || !Arrays.equals(Arrays.copyOf(msg, 8), SIGNATURE)) {
            return -1;
        }
        return le(msg).getInt(8);
    }

    static byte[] newServerChallenge() {
        byte[] c = new byte[8];
        RANDOM.nextBytes(c);
        return c;
    }

    /** Builds a CHALLENGE message (type 2) like the one in a real IIS trace. */
    static byte[] challenge(byte[] serverChallenge, String netbiosDomain, String netbiosComputer, String dnsDomain) {
        byte[] target = utf16(netbiosDomain);
        ByteBuffer info = le(ByteBuffer.allocate(512));
        avPair(info, 2, utf16(netbiosDomain));
        avPair(info, 1, utf16(netbiosComputer));
        avPair(info, 4, utf16(dnsDomain));
        avPair(info, 3, utf16(netbiosComputer.toLowerCase(Locale.ROOT) + "." + dnsDomain));
        avPair(info, 5, utf16(dnsDomain));
        ByteBuffer ts = le(ByteBuffer.allocate(8));
        ts.putLong(fileTime(Instant.now()));
        avPair(info, 7, ts.array());
        info.putShort((short) 0).putShort((short) 0);
        byte[] targetInfo = Arrays.copyOf(info.array(), info.position());

        int headerLength = 56;
        ByteBuffer msg = le(ByteBuffer.allocate(headerLength + target.length + targetInfo.length));
        msg.put(SIGNATURE).putInt(2);
        msg.putShort((short) target.length).putShort((short) target.length).putInt(headerLength);
        msg.putInt(NEGOTIATE_UNICODE | REQUEST_TARGET | NEGOTIATE_NTLM | NEGOTIATE_ALWAYS_SIGN | TARGET_TYPE_DOMAIN
                | NEGOTIATE_EXTENDED_SESSIONSECURITY | NEGOTIATE_TARGET_INFO | NEGOTIATE_VERSION);
        msg.put(serverChallenge);
        msg.putLong(0);
        msg.putShort((short) targetInfo.length).putShort((short) targetInfo.length)
                .putInt(headerLength + target.length);
        // Version: Windows Server 2019 (10.0 build 17763), NTLM revision 15
        msg.put((byte) 10).put((byte) 0).putShort((short) 17763).put(new byte[] {0, 0, 0, 15});
        msg.put(target).put(targetInfo);
        return msg.array();
    }

    /** Parses an AUTHENTICATE message (type 3). */
    static Authenticate parseAuthenticate(byte[] msg) {
        if (messageType(msg) != 3 || msg.length < 64) {
            throw new IllegalArgumentException("not an NTLM AUTHENTICATE message");
        }
        ByteBuffer b = le(msg);
        int flags = b.getInt(60);
        boolean unicode = (flags & NEGOTIATE_UNICODE) != 0;
        byte[] lm = field(msg, 12);
        byte[] nt = field(msg, 20);
        String domain = string(field(msg, 28), unicode);
        String user = string(field(msg, 36), unicode);
        String workstation = string(field(msg, 44), unicode);
        return new Authenticate(domain, user, workstation, nt, lm);
    }

    /**
     * Verifies an NTLMv2 response: NTProofStr = HMAC-MD5(NTOWFv2, serverChallenge || blob), where
     * NTOWFv2 = HMAC-MD5(MD4(UTF-16LE(password)), UTF-16LE(UPPER(user) || domain)).
     */
    static boolean verifyV2(Authenticate auth, byte[] serverChallenge, String password) {
        byte[] nt = auth.ntResponse();
        if (nt == null || nt.length <= 24) {
            return false; // NTLMv1 or anonymous
        }
        byte[] proof = Arrays.copyOf(nt, 16);
        byte[] blob = Arrays.copyOfRange(nt, 16, nt.length);
        for (String domain : new String[] {auth.domain(), auth.domain().toUpperCase(Locale.ROOT)}) {
            byte[] key = ntowfV2(password, auth.user(), domain);
            byte[] expected = hmacMd5(key, concat(serverChallenge, blob));
            if (MessageDigest.isEqual(expected, proof)) {
                return true;
            }
        }
        return false;
    }

    static byte[] ntowfV2(String password, String user, String domain) {
        MD4Digest md4 = new MD4Digest();
        byte[] pw = utf16(password);
        md4.update(pw, 0, pw.length);
        byte[] ntHash = new byte[16];
        md4.doFinal(ntHash, 0);
        return hmacMd5(ntHash, utf16(user.toUpperCase(Locale.ROOT) + domain));
    }

    static byte[] decodeHeaderToken(String token) {
        return Base64.getDecoder().decode(token.trim());
    }

    private static byte[] hmacMd5(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] field(byte[] msg, int offset) {
        ByteBuffer b = le(msg);
        int len = Short.toUnsignedInt(b.getShort(offset));
        int start = b.getInt(offset + 4);
        if (len == 0) {
            return new byte[0];
        }
        if (start < 0 || start + len > msg.length) {
            throw new IllegalArgumentException("NTLM field out of range");
        }
        return Arrays.copyOfRange(msg, start, start + len);
    }

    private static String string(byte[] bytes, boolean unicode) {
        return new String(bytes, unicode ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
    }

    private static void avPair(ByteBuffer b, int id, byte[] value) {
        b.putShort((short) id).putShort((short) value.length).put(value);
    }

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static long fileTime(Instant t) {
        return (t.getEpochSecond() + 11644473600L) * 10_000_000L + t.getNano() / 100;
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer le(ByteBuffer b) {
        return b.order(ByteOrder.LITTLE_ENDIAN);
    }
}
