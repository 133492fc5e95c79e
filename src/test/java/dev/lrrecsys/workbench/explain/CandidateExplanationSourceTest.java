package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.explain.CandidateExplanationSource.Pair;
import dev.lrrecsys.workbench.explain.CandidateExplanationSource.Triple;
import dev.lrrecsys.workbench.project.Project;
import dev.lrrecsys.workbench.store.ExperimentSampleReader;
import dev.lrrecsys.workbench.store.ExplanationCodeRepository;
import dev.lrrecsys.workbench.store.ExplanationCodeRepository.ExplanationText;
import dev.lrrecsys.workbench.store.StoredSample;
import dev.lrrecsys.workbench.ui.SampleCopy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The ranking candidates' explanation sources on the sample project with its offline explanations. */
@Tag("slow")
class CandidateExplanationSourceTest {

    @TempDir
    Path tmp;

    private static Triple triple(StoredSample s) {
        return new Triple(s.consumerId(), s.productId(), Arrays.stream(s.history()).filter(h -> h >= 0).toArray());
    }

    @Test
    void theOfflineReasonerWritesForAStoredSamplesTripleExactlyItsStoredPairAndForOthersANewOne() throws Exception {
        try (Project p = SampleCopy.openWithExplanations(tmp)) {
            List<StoredSample> rows = p.database().read(tx -> new ExperimentSampleReader().all(tx));
            Map<Long, String[]> stored = new HashMap<>();
            for (ExplanationText t : p.database().read(tx -> new ExplanationCodeRepository()
                    .pairTexts(tx, "offline", "offline reasoner (no LLM)", "contrastive"))) {
                stored.computeIfAbsent(t.sampleId(), k -> new String[2])[t.positive() ? 0 : 1] = t.text();
            }
            List<StoredSample> some = rows.stream().filter(s -> stored.containsKey(s.id())).limit(40).toList();
            assertThat(some).hasSize(40);
            try (GeneratedCandidateExplanations source = new GeneratedCandidateExplanations(p.database(), new OfflineGenerator())) {
                assertThat(List.of(source.source(), source.writtenBy())).containsExactly("generated", "offline reasoner (no LLM)");
                assertThat(source.callsLlm()).isFalse();
                List<Pair> pairs = source.explain(some.stream().map(CandidateExplanationSourceTest::triple).toList());
                for (int i = 0; i < some.size(); i++) {
                    assertThat(pairs.get(i).isWritten()).isTrue();
                    assertThat(new String[] {pairs.get(i).positive(), pairs.get(i).negative()})
                            .containsExactly(stored.get(some.get(i).id()));
                }
                // The same consumer and history before another product: a pair about that product.
                StoredSample s = some.get(0);
                int other = rows.stream().mapToInt(StoredSample::productId).filter(x -> x != s.productId()).findFirst().orElseThrow();
                Pair moved = source.explain(List.of(new Triple(s.consumerId(), other, triple(s).history()))).get(0);
                assertThat(moved.positive()).isNotBlank();
                assertThat(moved.negative()).isNotBlank();
            }
        }
    }

    @Test
    void theNearestStoredSampleWithTheSameProductIsReusedAndNoneWhereNoStoredSampleHasIt() throws Exception {
        try (Project p = SampleCopy.openWithExplanations(tmp)) {
            List<StoredSample> rows = p.database().read(tx -> new ExperimentSampleReader().all(tx));
            Set<Long> withPair = rows.stream().filter(s -> s.id() % 3 != 0).map(StoredSample::id).collect(Collectors.toSet());
            NearestSampleExplanations source = new NearestSampleExplanations(p.database(), rows, withPair::contains,
                    "ollama / llama3.1");
            assertThat(List.of(source.source(), source.writtenBy())).containsExactly("nearest", "ollama / llama3.1");
            assertThat(source.callsLlm()).isFalse();
            Map<Long, StoredSample> byId = rows.stream().collect(Collectors.toMap(StoredSample::id, s -> s));
            List<StoredSample> some = rows.stream().filter(s -> withPair.contains(s.id())).limit(30).toList();
            assertThat(some).hasSize(30);
            List<Pair> pairs = source.explain(some.stream().map(CandidateExplanationSourceTest::triple).toList());
            for (int i = 0; i < some.size(); i++) {
                Pair pair = pairs.get(i);
                assertThat(pair.isWritten()).isFalse();
                assertThat(withPair).contains(pair.fromSampleId());
                StoredSample reused = byId.get(pair.fromSampleId());
                assertThat(reused.productId()).isEqualTo(some.get(i).productId());
                // A sample is its own nearest unless another of the product shares as much (then the smaller id wins).
                assertThat(pair.fromSampleId()).isLessThanOrEqualTo(some.get(i).id());
            }
            int unknownProduct = rows.stream().mapToInt(StoredSample::productId).max().orElseThrow() + 1000;
            assertThat(source.explain(List.of(new Triple(some.get(0).consumerId(), unknownProduct, new int[0]))))
                    .containsExactly((Pair) null);
        }
    }
}
