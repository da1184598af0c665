package dev.readnext.recommend.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class SharedTermsTest {

    private static final Pattern BARE_NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

    @Test
    void aBareNumberIsWhatThePatternMatches() {
        Random random = new Random(15);
        String alphabet = "0123456789.,a-";
        for (int n = 0; n < 100_000; n++) {
            StringBuilder term = new StringBuilder();
            for (int length = random.nextInt(7); length > 0; length--) {
                term.append(alphabet.charAt(random.nextInt(random.nextBoolean() ? 10 : alphabet.length())));
            }
            String text = term.toString();
            assertEquals(BARE_NUMBER.matcher(text).matches(), SharedTerms.isBareNumber(text), text);
        }
    }
}
