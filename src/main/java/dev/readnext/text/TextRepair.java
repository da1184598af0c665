package dev.readnext.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans text written by people and tools: mojibake, hyphen look-alikes, stray whitespace.
 *
 * <p>Display text is normalised to NFC only. NFKC is deliberately NOT applied here because it rewrites
 * meaningful symbols ("𝕏" → "X", "…" → "...", "²" → "2"); matching keys ({@link TitleKey}) use NFKC instead.
 */
public final class TextRepair {

    private static final Charset CP1252 = Charset.forName("windows-1252");
    /** Unicode character → the cp1252 byte it was decoded from, for the 0x80–0x9F range. */
    private static final Map<Character, Integer> CP1252_HIGH_BYTES = cp1252HighBytes();

    /**
     * A UTF-8 lead byte (Â..ô as cp1252) followed by continuation bytes (0x80–0xBF as cp1252):
     * the shape UTF-8 takes when it is wrongly decoded as cp1252/Latin-1.
     */
    private static final Pattern MOJIBAKE = Pattern.compile(
            "[\\u00C2-\\u00F4][\\u0080-\\u00BF" + charClassOf(CP1252_HIGH_BYTES.keySet()) + "]{1,3}");

    /** Characters that are always a hyphen: hyphen, non-breaking hyphen, figure dash, minus sign. */
    private static final Pattern HYPHEN_VARIANTS = Pattern.compile("[\\u2010\\u2011\\u2012\\u2212\\uFE63\\uFF0D]");
    /** An en dash glued between letters or digits ("3–4-bit") is a hyphen; spaced (" – ") it stays a dash. */
    private static final Pattern EN_DASH_AS_HYPHEN = Pattern.compile("(?<=[\\p{L}\\p{N}])\\u2013(?=[\\p{L}\\p{N}])");
    private static final Pattern SOFT_HYPHEN = Pattern.compile("\\u00AD");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000]+");

    private TextRepair() {
    }

    /** Repairs a whole line but keeps its whitespace (indentation matters to some formats). */
    public static String repair(String text) {
        if (text == null) {
            return null;
        }
        String repaired = Normalizer.normalize(repairMojibake(text), Normalizer.Form.NFC);
        repaired = SOFT_HYPHEN.matcher(repaired).replaceAll("");
        repaired = HYPHEN_VARIANTS.matcher(repaired).replaceAll("-");
        return EN_DASH_AS_HYPHEN.matcher(repaired).replaceAll("-");
    }

    /** Repairs a field (title, TL;DR, label): {@link #repair} plus whitespace collapsed and trimmed. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        return collapseWhitespace(repair(text));
    }

    public static String collapseWhitespace(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").trim();
    }

    /**
     * Re-decodes every run that is valid UTF-8 once written back as cp1252 bytes ("â€™" → "’", "Ã©" → "é").
     * Runs that do not form valid UTF-8 are left alone, so correct accented text ("Güra") is untouched.
     */
    public static String repairMojibake(String text) {
        Matcher matcher = MOJIBAKE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String run = matcher.group();
            int sequenceLength = 1 + continuationBytes(run.charAt(0));
            String decoded = run.length() >= sequenceLength ? decodeAsUtf8(run.substring(0, sequenceLength)) : null;
            String replacement = decoded == null ? run : decoded + run.substring(sequenceLength);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static int continuationBytes(char leadByte) {
        if (leadByte >= 0xF0) {
            return 3;
        }
        return leadByte >= 0xE0 ? 2 : 1;
    }

    private static String decodeAsUtf8(String sequence) {
        byte[] bytes = new byte[sequence.length()];
        for (int i = 0; i < sequence.length(); i++) {
            char c = sequence.charAt(i);
            bytes[i] = (byte) (c <= 0xFF ? c : CP1252_HIGH_BYTES.get(c));
        }
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return decoded.codePointCount(0, decoded.length()) == 1 ? decoded : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String charClassOf(Set<Character> chars) {
        StringBuilder charClass = new StringBuilder();
        chars.forEach(c -> charClass.append(String.format("\\u%04X", (int) c)));
        return charClass.toString();
    }

    private static Map<Character, Integer> cp1252HighBytes() {
        Map<Character, Integer> bytes = new HashMap<>();
        for (int b = 0x80; b <= 0x9F; b++) {
            String decoded = new String(new byte[] {(byte) b}, CP1252);
            if (decoded.length() == 1 && decoded.charAt(0) != '\uFFFD') {
                bytes.put(decoded.charAt(0), b);
            }
        }
        return Map.copyOf(bytes);
    }
}
