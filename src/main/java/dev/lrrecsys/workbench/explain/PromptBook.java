package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.store.Database;
import dev.lrrecsys.workbench.store.PromptTemplateRepository;
import dev.lrrecsys.workbench.store.PromptTemplateRepository.StoredTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The prompt templates of one domain (the project's stored versions, else the defaults shipped in
 * {@code explain/templates/<domain>/<kind>.txt}) and the rendering of a sample into a prompt: data goes
 * only into {@code <<<FIELD ... >>>} blocks, sanitised so it can neither close a block nor start a new line.
 */
public final class PromptBook {

    public static final String PROFILE = "profile";
    public static final List<String> KINDS = List.of(PROFILE, "positive", "negative", "positive-only", "general",
            "aspects", "history-summary", "direct-rating", "concise-positive", "concise-negative");

    private static final Pattern FENCE = Pattern.compile("<{3,}|>{3,}");

    private final Domain domain;
    private final Map<String, StoredTemplate> templates;
    /** The key factors the concise templates list ({{key_factors}}), one per line. */
    private final String keyFactors;

    private PromptBook(Domain domain, Map<String, StoredTemplate> templates) {
        this(domain, templates, "(none found yet: run `lrw factors`)");
    }

    private PromptBook(Domain domain, Map<String, StoredTemplate> templates, String keyFactors) {
        this.domain = domain;
        this.templates = templates;
        this.keyFactors = keyFactors;
    }

    /** The same templates with this list of key factors for the concise variant's {{key_factors}}. */
    public PromptBook withKeyFactors(String list) {
        return new PromptBook(domain, templates, list);
    }

    /** A book of exactly these stored templates (kind -> template), e.g. one old version to rebuild a prompt. */
    static PromptBook of(Domain domain, Map<String, StoredTemplate> templates) {
        return new PromptBook(domain, Map.copyOf(templates));
    }

    /** The shipped default text of a template. */
    public static String defaultText(Domain domain, String kind) {
        String path = "/explain/templates/" + domain.key() + "/" + kind + ".txt";
        try (InputStream in = PromptBook.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing template resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The latest stored version of every template of the domain; kinds never stored yet are stored now as
     * version 1 from the defaults, so every explanation's template_version points at a stored text.
     */
    public static PromptBook loadStoringDefaults(Database db, Domain domain) {
        PromptTemplateRepository repo = new PromptTemplateRepository();
        return db.inTransaction(tx -> {
            Map<String, StoredTemplate> map = new LinkedHashMap<>();
            for (String kind : KINDS) {
                StoredTemplate t = repo.latest(tx, domain.key(), kind).orElse(null);
                if (t == null) {
                    repo.saveNewVersion(tx, domain.key(), kind, defaultText(domain, kind));
                    t = repo.latest(tx, domain.key(), kind).orElseThrow();
                }
                map.put(kind, t);
            }
            return new PromptBook(domain, map);
        });
    }

    /** The latest stored versions without writing anything; defaults (as version 1) where none is stored. */
    public static PromptBook loadReadOnly(Database db, Domain domain) {
        PromptTemplateRepository repo = new PromptTemplateRepository();
        return db.read(tx -> {
            Map<String, StoredTemplate> map = new LinkedHashMap<>();
            for (String kind : KINDS) {
                map.put(kind, repo.latest(tx, domain.key(), kind)
                        .orElse(new StoredTemplate(domain.key(), kind, 1, defaultText(domain, kind), null)));
            }
            return new PromptBook(domain, map);
        });
    }

    /** The prompt for one side of a sample under the variant's template. */
    public Prompt render(Variant variant, Side side, SampleContext c, double ratingMin, double ratingMax) {
        StoredTemplate t = templates.get(variant.templateKind(side));
        StringBuilder history = new StringBuilder();
        for (int i = 0; i < c.history().size(); i++) {
            if (i > 0) {
                history.append('\n');
            }
            history.append(productField("HISTORY " + (i + 1), c.history().get(i)));
        }
        String text = t.text()
                .replace("{{consumer}}", consumerField(c.consumer()))
                .replace("{{history}}", history)
                .replace("{{candidate}}", productField("CANDIDATE", c.candidate()))
                .replace("{{rating_min}}", number(ratingMin))
                .replace("{{rating_max}}", number(ratingMax))
                .replace("{{key_factors}}", keyFactors);
        return Prompt.of(side, text, t.version());
    }

    /** The profile-augmentation prompt of one product. */
    public Prompt renderProfile(ProductFacts product) {
        StoredTemplate t = templates.get(PROFILE);
        return Prompt.of(Side.GENERAL, t.text().replace("{{product}}", productField("PRODUCT", product.withProfile(null))),
                t.version());
    }

    static String productField(String tag, ProductFacts p) {
        StringBuilder b = new StringBuilder("<<<").append(tag).append('\n');
        b.append("name: ").append(data(p.name())).append('\n');
        for (Attribute a : p.attributes()) {
            b.append(data(a.name())).append(": ").append(data(a.value())).append('\n');
        }
        if (p.profile() != null && !p.profile().isBlank()) {
            b.append("profile: ").append(data(p.profile())).append('\n');
        }
        return b.append(">>>").toString();
    }

    static String consumerField(ConsumerFacts c) {
        StringBuilder b = new StringBuilder("<<<CONSUMER\n");
        if (c.attributes().isEmpty()) {
            b.append("(no attributes)\n");
        }
        for (Attribute a : c.attributes()) {
            b.append(data(a.name())).append(": ").append(data(a.value())).append('\n');
        }
        return b.append(">>>").toString();
    }

    /** Data may not close a field or begin a line of its own. */
    static String data(String value) {
        if (value == null) {
            return "";
        }
        return FENCE.matcher(value.replaceAll("[\\r\\n\\t]+", " ")).replaceAll("").strip();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
