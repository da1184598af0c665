package dev.readnext.ingest.arxiv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.readnext.text.Slugs;

/** arXiv category codes ("cs.CL"), their names (data file {@code arxiv/categories.tsv}) and their topic slugs. */
final class ArxivCategories {

    static final String PARENT_SLUG = "arxiv-categories";
    static final String PARENT_NAME = "arXiv categories";

    /** An arXiv code ("cs.CL", "hep-th", "cond-mat.str-el"), not an ACM ("I.2.7") or MSC ("68T50") class. */
    private static final Pattern CODE = Pattern.compile("[a-z]+(-[a-z]+)?(\\.[A-Za-z]+(-[a-z]+)?)?");
    private static final String NAMES = "arxiv/categories.tsv";

    private final Map<String, String> names;

    private ArxivCategories(Map<String, String> names) {
        this.names = names;
    }

    static ArxivCategories load() {
        Map<String, String> names = new HashMap<>();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(NAMES)) {
            if (in == null) {
                throw new IllegalStateException(NAMES + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] codeAndName = line.split("\t", 2);
                if (!line.startsWith("#") && codeAndName.length == 2) {
                    names.put(codeAndName[0].strip(), codeAndName[1].strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + NAMES, e);
        }
        return new ArxivCategories(Map.copyOf(names));
    }

    static boolean isCode(String text) {
        return CODE.matcher(text).matches();
    }

    /** The topic name of a code: its arXiv name, or the code itself when unknown. */
    String name(String code) {
        return names.getOrDefault(code, code);
    }

    static String topicSlug(String code) {
        return "arxiv-" + Slugs.slugify(code);
    }
}
