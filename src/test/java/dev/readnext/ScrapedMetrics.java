package dev.readnext;

import static io.restassured.RestAssured.get;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service's /q/metrics, read as Prometheus would: samples by name and labels. */
public final class ScrapedMetrics {

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Sample> samples = new ArrayList<>();

    private ScrapedMetrics(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            // name{labels} value [timestamp] [# {exemplar labels} value timestamp]
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            String name = line.substring(0, brace >= 0 && brace < space ? brace : space);
            Map<String, String> labels = new HashMap<>();
            int labelsEnd = name.length();
            if (brace == name.length()) {
                labelsEnd = line.indexOf("} ", brace) + 1;
                Matcher m = LABEL.matcher(line.substring(brace, labelsEnd));
                while (m.find()) {
                    labels.put(m.group(1), m.group(2));
                }
            }
            String value = line.substring(labelsEnd).strip().split(" ", 2)[0];
            samples.add(new Sample(name, labels, Double.parseDouble(value)));
        }
    }

    public static ScrapedMetrics scrape() {
        return new ScrapedMetrics(get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** The sum of the samples of this name whose labels include the given ones (name, value, name, value…); 0 if none. */
    public double value(String name, String... labels) {
        return matching(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    public boolean has(String name, String... labels) {
        return !matching(name, labels).isEmpty();
    }

    /** The values a label takes in the samples of this name. */
    public Set<String> labelValues(String name, String label) {
        Set<String> values = new TreeSet<>();
        samples.stream().filter(s -> s.name().equals(name) && s.labels().containsKey(label))
                .forEach(s -> values.add(s.labels().get(label)));
        return values;
    }

    private List<Sample> matching(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name) && hasLabels(s, labels)).toList();
    }

    private static boolean hasLabels(Sample sample, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }

    private record Sample(String name, Map<String, String> labels, double value) {
    }
}
