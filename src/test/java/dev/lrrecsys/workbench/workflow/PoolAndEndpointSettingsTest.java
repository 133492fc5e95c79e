package dev.lrrecsys.workbench.workflow;

import dev.lrrecsys.workbench.cli.GenerateCommand;
import dev.lrrecsys.workbench.explain.Variant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 12's bad input: a pool fraction outside (0, 1] and an endpoint list with a bad URL. */
class PoolAndEndpointSettingsTest {

    private static GenerateExplanations.Settings settings(String url, double pool, double longHistory) {
        return settings(url, pool, longHistory, "product");
    }

    private static GenerateExplanations.Settings settings(String url, double pool, double longHistory, String match) {
        return new GenerateExplanations.Settings("ollama", null, url, Variant.CONTRASTIVE, 4, 0, false, 0.2, 120, 120,
                false, 1, pool, longHistory, match);
    }

    @Test
    void poolFractionOutsideZeroToOneIsOneClearLine() {
        for (double bad : new double[] {0, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> settings(null, bad, 0.5)).isInstanceOf(InvalidSettingException.class)
                    .hasMessage("--pool must be a fraction of consumers more than 0 and at most 1, got " + bad + ".");
        }
        assertThatThrownBy(() -> settings(null, 0.1, 2)).hasMessage("--pool-long-history must be a share from 0 to 1, got 2.0.");
        assertThat(settings(null, 1, 0.5).pooled()).isFalse();
        assertThat(settings(null, 0.1, 0.5).pooled()).isTrue();
    }

    @Test
    void anEndpointListWithABadUrlNamesTheEndpoint() {
        assertThatThrownBy(() -> settings("http://gpu1:11434,gpu2:11434,http://gpu3:11434", 1, 0.5))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("url must be an http:// or https:// address with a host, got 'gpu2:11434' (endpoint 2 of 3).");
        assertThatThrownBy(() -> settings("http://gpu1:11434,", 1, 0.5))
                .hasMessage("url must be an http:// or https:// address with a host, got '' (endpoint 2 of 2).");
        assertThat(settings("http://gpu1:11434, http://gpu2:11434", 1, 0.5).url()).isEqualTo("http://gpu1:11434, http://gpu2:11434");
    }

    @Test
    void theCliMapsPoolOptionsOntoTheSettings() {
        GenerateCommand c = new GenerateCommand();
        new CommandLine(c).parseArgs("--project", "x", "--pool", "0.1", "--pool-long-history", "0.3");
        assertThat(c.settings()).isEqualTo(GenerateExplanations.Settings.defaults().withPool(0.1, 0.3));
        assertThat(c.settings().poolMatch()).isEqualTo(GenerateExplanations.Settings.DEFAULT_POOL_MATCH);

        GenerateCommand any = new GenerateCommand();
        new CommandLine(any).parseArgs("--project", "x", "--pool", "0.1", "--pool-match", "any");
        assertThat(any.settings()).isEqualTo(GenerateExplanations.Settings.defaults().withPool(0.1, 0.5).withPoolMatch("any"));
    }

    @Test
    void anUnknownPoolMatchIsOneClearLine() {
        for (String bad : new String[] {"products", "", "ANY"}) {
            assertThatThrownBy(() -> settings(null, 0.1, 0.5, bad)).isInstanceOf(InvalidSettingException.class)
                    .hasMessage("--pool-match must be product or any, got '" + bad + "'.");
        }
        assertThatThrownBy(() -> settings(null, 0.1, 0.5, null)).hasMessage("--pool-match must be product or any, got 'null'.");
        assertThat(settings(null, 0.1, 0.5, "any").poolMatch()).isEqualTo("any");
    }
}
