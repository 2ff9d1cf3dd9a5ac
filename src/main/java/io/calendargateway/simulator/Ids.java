package io.calendargateway.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Opaque, stable identifiers shaped like Exchange's: base64 item ids starting with {@code AAMk}, change keys,
 * 112-hex-digit iCalendar UIDs, GUIDs. Item and folder ids decode back to mailbox and key.
 */
final class Ids {

    private static final byte[] ITEM_PREFIX = {0x00, 0x03, 0x24};
    private static final byte[] FOLDER_PREFIX = {0x00, 0x03, 0x2E};

    private Ids() {
    }

    static String guidFrom(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String itemId(String mailbox, String eventKey, String occurrence) {
        return encode(ITEM_PREFIX, mailbox + "|" + eventKey + "|" + (occurrence == null ? "" : occurrence));
    }

    /** {mailbox, eventKey, occurrence-or-empty}, or null when the id is not one of ours. */
    static String[] decodeItemId(String id) {
        String s = decode(ITEM_PREFIX, id);
        if (s == null) {
            return null;
        }
        String[] parts = s.split("\\|", -1);
        return parts.length == 3 ? parts : null;
    }

    static String folderId(String mailbox, String folderPath) {
        return encode(FOLDER_PREFIX, mailbox + "|" + folderPath);
    }

    /** {mailbox, folderPath}, or null. */
    static String[] decodeFolderId(String id) {
        String s = decode(FOLDER_PREFIX, id);
        if (s == null) {
            return null;
        }
        String[] parts = s.split("\\|", 2);
        return parts.length == 2 ? parts : null;
    }

    static String changeKey(String seed) {
        return changeKey((byte) 0x0F, seed);
    }

    static String folderChangeKey(String seed) {
        return changeKey((byte) 0x02, seed);
    }

    /** A change key of the shape Exchange uses: a kind byte (item 0x0F, folder 0x02), then a hash of the seed. */
    private static String changeKey(byte kind, String seed) {
        byte[] h = sha256(seed);
        byte[] ck = new byte[20];
        ck[0] = kind;
        ck[4] = 0x16;
        System.arraycopy(h, 0, ck, 8, 12);
        return Base64.getEncoder().encodeToString(ck);
    }

    /**
     * A Global Object ID in the form Outlook writes into UID: the class id, then the instance date (year in two
     * bytes, month, day; zeros for a master or single item), creation time, 8 reserved bytes, the size of the
     * data (16, little-endian) and the data. Graph's {@code iCalUId} of one occurrence carries its original date.
     */
    static String uid(String seed, LocalDate instanceDate) {
        byte[] h = sha256(seed);
        String date = instanceDate == null ? "00000000" : String.format(Locale.ROOT, "%04X%02X%02X",
                instanceDate.getYear(), instanceDate.getMonthValue(), instanceDate.getDayOfMonth());
        return "040000008200E00074C5B7101A82E008" + date
                + HexFormat.of().withUpperCase().formatHex(h, 0, 8)
                + "000000000000000010000000"
                + HexFormat.of().withUpperCase().formatHex(h, 8, 24);
    }

    static String hexHash(String seed, int bytes) {
        return HexFormat.of().formatHex(sha256(seed), 0, bytes);
    }

    private static String encode(byte[] prefix, String payload) {
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(prefix, prefix.length + p.length);
        System.arraycopy(p, 0, all, prefix.length, p.length);
        return Base64.getEncoder().encodeToString(all);
    }

    private static String decode(byte[] prefix, String id) {
        try {
            byte[] all = Base64.getDecoder().decode(id);
            if (all.length < prefix.length || !Arrays.equals(Arrays.copyOf(all, prefix.length), prefix)) {
                return null;
            }
            return new String(all, prefix.length, all.length - prefix.length, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
