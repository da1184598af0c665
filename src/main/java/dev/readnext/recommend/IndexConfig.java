package dev.readnext.recommend;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "readnext.index")
public interface IndexConfig {

    /** Build the index at start and follow changes; off for command-line runs such as import-arxiv. */
    @WithDefault("true")
    boolean enabled();
}
