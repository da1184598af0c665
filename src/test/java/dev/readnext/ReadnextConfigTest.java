package dev.readnext;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * application.properties writes out every readnext setting (the Kubernetes manifest checks and the {@code ${…}}
 * references read them there); these tests keep those values and the mapping's defaults from drifting apart.
 */
class ReadnextConfigTest {

    // with Quarkus' duration converter, which reads "4s" as the service does
    private static final SmallRyeConfig DEFAULTS = new SmallRyeConfigBuilder().withMapping(ReadnextConfig.class)
            .withConverter(Duration.class, 200, new DurationConverter()).build();

    @Test
    void everyValueInApplicationPropertiesIsTheMappingDefault() throws IOException {
        writtenOut().forEach((name, value) -> assertEquals(value, DEFAULTS.getRawValue(name), name));
    }

    @Test
    void everySettingOfTheMappingIsWrittenOutInApplicationProperties() throws IOException {
        Set<String> mapped = new TreeSet<>();
        DEFAULTS.getPropertyNames().forEach(name -> {
            if (name.startsWith("readnext.")) {
                mapped.add(name);
            }
        });
        assertEquals(mapped, writtenOut().keySet());
    }

    /** The readnext settings of application.properties, without profile-specific ones. */
    private static Map<String, String> writtenOut() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ReadnextConfigTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        }
        Map<String, String> readnext = new TreeMap<>();
        properties.stringPropertyNames().stream().filter(name -> name.startsWith("readnext."))
                .forEach(name -> readnext.put(name, properties.getProperty(name)));
        return readnext;
    }
}
