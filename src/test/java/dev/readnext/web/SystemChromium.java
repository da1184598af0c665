package dev.readnext.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/** Playwright driving Debian's Chromium: browser downloads are impossible here, so the system browser it is. */
final class SystemChromium {

    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    // without the background-networking flags Chromium keeps calling home on a closed network
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private SystemChromium() {
    }

    static Playwright playwright() {
        if (!Files.isExecutable(EXECUTABLE)) {
            fail("The web page tests need Chromium at " + EXECUTABLE + ": apt-get install chromium");
        }
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(ARGS));
    }
}
