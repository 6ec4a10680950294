package dev.servelab.testkit;

import dev.servelab.engine.model.Admission;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.AdmissionPolicy;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Setting;

/** Test admission: rejects prompts longer than {@code max_prompt} tokens, saying so. */
@Plugin(id = "admission.test-prompt-cap", summary = "Test admission: cap on prompt length")
public final class PromptCapTestAdmission implements AdmissionPolicy {
    public record Settings(@Setting(summary = "longest prompt admitted", unit = "tokens", min = 1) int maxPrompt) {
        public Settings() {
            this(1000);
        }
    }

    private final Settings settings;

    public PromptCapTestAdmission() {
        this(new Settings());
    }

    public PromptCapTestAdmission(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Admission decide(Request request, ClusterView cluster) {
        return request.promptTokens() <= settings.maxPrompt() ? Admission.ACCEPT
                : Admission.reject("prompt of " + request.promptTokens() + " tokens over the cap of " + settings.maxPrompt());
    }
}
