package io.calendargateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Directory browsing: mailbox search, room lists, calendar folder trees. */
@ConfigMapping(prefix = "gateway.directory")
public interface DirectoryConfig {

    /**
     * How long a profile's search results and folder trees are reused before Exchange is asked again
     * ({@code refresh=true} asks at once).
     */
    @WithDefault("PT5M")
    Duration cacheTtl();

    /**
     * Folders asked for in one FindFolder page; trees with more folders are read page by page. Exchange caps a
     * page at its EWSFindCountLimit (1000 by default).
     */
    @WithDefault("500")
    int folderPageSize();
}
