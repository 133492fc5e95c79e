package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.task.TaskContext;

import java.nio.file.Path;

/**
 * The child process of {@link ResumeAfterKillTest}: runs an Ollama generation against its own
 * {@link FakeOllamaServer} with latency and prints "committed N" after every committed batch, so the parent
 * knows when to kill it.
 */
public final class GenerationChildMain {

    private GenerationChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Path projectDir = Path.of(args[0]);
        long latency = Long.parseLong(args[1]);
        int commitEvery = Integer.parseInt(args[2]);
        try (FakeOllamaServer server = FakeOllamaServer.start(latency); Project p = Project.open(projectDir)) {
            TaskContext printing = new TaskContext() {
                @Override
                public void progress(long done, long total, String message) {
                }

                @Override
                public void message(String message) {
                    if (message.startsWith("committed")) {
                        System.out.println(message);
                        System.out.flush();
                    }
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
            new ContrastiveExplanationJob(p.database(), ExplainFixtures.ollama(server.baseUrl(), 4),
                    new GenerationRequest(Variant.CONTRASTIVE, 0, false, commitEvery)).run(printing);
        }
        System.out.println("finished");
    }
}
