package dev.lrrecsys.workbench.cli;

import dev.lrrecsys.workbench.factors.KeyFactorJob;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.workflow.FindKeyFactors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** `lrw bench factors --project DIR`: times `lrw factors` (mask training) on a project with samples. */
@Command(name = "factors", mixinStandardHelpOptions = true,
        description = "Time finding the key factors (target: under 2 minutes on a 100k-interaction world on 2 cores).")
public final class BenchFactorsCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--segment", paramLabel = "ATTRIBUTE", description = "Also per value of this attribute.")
    String segment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Project p = project.open()) {
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            KeyFactorJob.Result r = ConsoleProgress.run(FindKeyFactors.job(p, new FindKeyFactors.Settings(segment,
                    FindKeyFactors.Settings.DEFAULT_SEED)), spec.commandLine().getErr());
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuNanos() - cpu0) / 1e9;
            out.println("candidate factors: " + r.candidates());
            out.println("training samples: " + r.trainSamples() + " (validation: " + r.validationSamples() + ")");
            out.println("key factors: " + r.overall().size() + " (penalty " + r.penalty() + ")"
                    + (r.segments() > 0 ? ", segments: " + r.segments() : ""));
            out.printf(Locale.ROOT, "process cpu: %.1f s; cores: %d; load average: %.1f%n", cpu,
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            out.printf(Locale.ROOT, "factors: %.1f s wall for %d training samples (target: under 120 s on a "
                    + "100k-interaction world)%n", wall, r.trainSamples());
        }
        return 0;
    }

    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
    }
}
