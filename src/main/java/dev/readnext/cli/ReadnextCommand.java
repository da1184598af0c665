package dev.readnext.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.quarkus.runtime.Quarkus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The top-level command: serving is what it does without a subcommand. */
@Command(name = "readnext", mixinStandardHelpOptions = true, versionProvider = AppVersion.class,
        description = "readnext: what to read next about large language models. Without a command, serves the API.",
        subcommands = { ImportArxivCommand.class, HelpCommand.class })
final class ReadnextCommand implements Callable<Integer> {

    private boolean served;

    /** This command with its subcommands, ready to execute arguments. */
    CommandLine commandLine() {
        return new CommandLine(this).setParameterExceptionHandler(ReadnextCommand::refuse);
    }

    @Override
    public Integer call() {
        return serve();
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = AppVersion.class,
            description = "Serves the GraphQL API, the web page, health and metrics until stopped (the default)."
                    + " Migrates the database first and imports the bundled reading lists into an empty one.")
    int serve() {
        served = true;
        Quarkus.run();
        return 0;
    }

    boolean served() {
        return served;
    }

    /** Bad arguments: the error, picocli's suggestions if it has any, and always the command's usage (exit code 2). */
    private static int refuse(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        command.usage(err);
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }
}
