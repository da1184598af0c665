package dev.readnext.text;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds arXiv identifiers in URLs and text, and derives what an id implies (canonical URL, year).
 * Ids are returned without version: "2104.09864", or old-style "hep-th/9901001".
 */
public final class ArxivIds {

    /** New-style id (YYMM.NNNN[N]) with a valid month, or old-style archive/YYMMNNN; optional version. */
    private static final String ID = "(\\d{2}(?:0[1-9]|1[0-2])\\.\\d{4,5}|[a-z][a-z-]*(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?";

    private static final Pattern IN_ARXIV_URL = Pattern.compile(
            "arxiv\\.org/(?:abs|pdf|html|ps|format)/" + ID + "(?![\\d])", Pattern.CASE_INSENSITIVE);
    private static final Pattern IN_ARXIV_FTP_URL = Pattern.compile(
            "arxiv\\.org/ftp/(?:arxiv/papers/\\d{4}/)?" + ID, Pattern.CASE_INSENSITIVE);
    private static final Pattern IN_HF_PAPERS_URL = Pattern.compile(
            "huggingface\\.co/papers/" + ID + "(?![\\d])", Pattern.CASE_INSENSITIVE);
    private static final Pattern AFTER_ARXIV_WORD = Pattern.compile(
            "\\barxiv\\s*[:,]?\\s*" + ID + "(?![\\d])", Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_NEW_STYLE = Pattern.compile(
            "(?<![\\d.\\w/])(\\d{2}(?:0[1-9]|1[0-2])\\.\\d{4,5})(?:v\\d+)?(?![\\d.]\\d|\\w)");
    private static final Pattern NEW_STYLE = Pattern.compile("(\\d{2})(\\d{2})\\.\\d{4,5}");
    private static final Pattern OLD_STYLE = Pattern.compile("[a-z][a-z-]*(?:\\.[A-Z]{2})?/(\\d{2})\\d{5}");

    private ArxivIds() {
    }

    /** The id an arXiv (abs, pdf, html, ftp) or huggingface.co/papers URL points at. */
    public static Optional<String> fromUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        return firstGroup(IN_ARXIV_URL, url)
                .or(() -> firstGroup(IN_ARXIV_FTP_URL, url))
                .or(() -> firstGroup(IN_HF_PAPERS_URL, url));
    }

    /**
     * An id anywhere in free text: inside an arXiv/HF-papers URL, after the word "arXiv"
     * ("arXiv, 2504.13161", "arXiv:2104.09864v2"), or a bare new-style id ("2104.09864").
     */
    public static Optional<String> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return fromUrl(text)
                .or(() -> firstGroup(AFTER_ARXIV_WORD, text))
                .or(() -> firstGroup(BARE_NEW_STYLE, text));
    }

    public static String absUrl(String id) {
        return "https://arxiv.org/abs/" + id;
    }

    /** Submission year encoded in the id: "2504.13161" → 2025, "1704.04760" → 2017, "hep-th/9901001" → 1999. */
    public static Optional<Integer> year(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Matcher newStyle = NEW_STYLE.matcher(id);
        if (newStyle.matches()) {
            return Optional.of(2000 + Integer.parseInt(newStyle.group(1)));
        }
        Matcher oldStyle = OLD_STYLE.matcher(id);
        if (oldStyle.matches()) {
            int yy = Integer.parseInt(oldStyle.group(1));
            return Optional.of(yy >= 91 ? 1900 + yy : 2000 + yy);
        }
        return Optional.empty();
    }

    private static Optional<String> firstGroup(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
