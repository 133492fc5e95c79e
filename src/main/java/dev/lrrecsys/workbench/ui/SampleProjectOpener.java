package dev.lrrecsys.workbench.ui;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.task.Job;

/** Opens the bundled restaurant sample: copied to a writable folder under ~/.lrw/projects and built on first open. */
public final class SampleProjectOpener implements MainWindowView.Sample {

    private SampleProjectOpener() {
    }

    public static SampleProjectOpener forThisInstall() {
        return new SampleProjectOpener();
    }

    @Override
    public String unavailableReason() {
        return "The sample project needs the import of this build, which is not merged yet: "
                + "import ../shared/data/restaurant-consumer with `lrw import` instead.";
    }

    @Override
    public Job<Project> openJob() {
        throw new IllegalStateException(unavailableReason());
    }
}
