package dev.readnext.cli;

import picocli.CommandLine.IVersionProvider;

/** The version in the packaged jar's manifest (Quarkus writes the project's version there). */
final class AppVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = AppVersion.class.getPackage().getImplementationVersion();
        return new String[] { "readnext " + (version == null ? "(version unknown: not run from the packaged jar)" : version) };
    }
}
