package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.WorkbenchException;
import dev.lrrecsys.workbench.workflow.InvalidSettingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The root of the `lrw` command tree. */
@Command(name = "lrw", mixinStandardHelpOptions = true, version = "LR-Recsys Workbench 0.1.0",
        description = "LR-Recsys Workbench: contrastive explanations for recommendations, headless.",
        subcommands = {
                ProjectCommand.class,
                InfoCommand.class,
                ImportCommand.class,
                UiCommand.class,
                DemoCommand.class,
                KeywordsCommand.class,
                BenchCommand.class,
                SynthCommand.class,
                SamplesCommand.class,
                GenerateCommand.class,
                AutoencoderCommand.class,
                ScoresCommand.class,
                ExperimentCommand.class,
                UncertaintyCommand.class,
                AttentionCommand.class,
                CaseCommand.class,
                FactorsCommand.class,
                QualityCommand.class,
                CommandLine.HelpCommand.class
        })
public final class LrwCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LrwCommand());
        cl.setExecutionExceptionHandler(LrwCommand::handleFailure);
        return cl;
    }

    /** User-facing failures print one clear line; anything else is a bug and prints its trace. */
    private static int handleFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof InvalidSettingException invalid) {
            err.println("error: " + withFlag(invalid, cl));
            return 1;
        }
        if (e instanceof WorkbenchException) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        err.println("unexpected error (a bug; please report it with the trace below): " + e);
        e.printStackTrace(err);
        return 2;
    }

    /** A workflow names the setting ("timeout must be ..."); the command adds its flag when it has one by that name. */
    static String withFlag(InvalidSettingException invalid, CommandLine cl) {
        String flag = "--" + invalid.setting().replace(' ', '-');
        String message = invalid.getMessage();
        if (cl.getCommandSpec().findOption(flag) == null) {
            return message;
        }
        String sentence = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
        return sentence + " (" + flag + ").";
    }
}
