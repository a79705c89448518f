package io.accord.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.model.agreement.AgreementVersion;
import io.accord.notification.channel.ChatPayloads;
import io.accord.notification.domain.MessageKind;
import io.accord.notification.message.MessageRenderer;
import io.accord.notification.message.RenderedMessage;
import io.accord.notification.support.Samples;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The messages the README shows are the ones the service renders from sla-model's golden samples
 * ({@code agreement.activated}, {@code clock.breached}, {@code clock.warning}): each README block after an
 * {@code <!-- example:NAME -->} marker is compared with the rendering, the emails as text, the chat payloads as JSON.
 */
@QuarkusTest
class ReadmeExamplesTest {

    static final Instant NOW = Instant.parse("2026-03-27T16:05:00Z");

    @Inject
    MessageRenderer renderer;
    @Inject
    ObjectMapper mapper;

    @Test
    void theFrenchBreachEmail() throws Exception {
        RenderedMessage breach = render(MessageKind.BREACH, "fr", "Europe/Paris", "clock.breached");
        assertThat(example("email-breach-fr")).isEqualTo(email(breach));
        assertThat(breach.html()).contains("<html lang=\"fr\">").contains("Cible dépassée")
                .contains("href=\"https://nimbus.zendesk.com/agent/tickets/48213\"").contains("Ouvrir dans Accord");
    }

    @Test
    void theEnglishWarningEmail() throws Exception {
        RenderedMessage warning = render(MessageKind.WARNING, "en", "America/New_York", "clock.warning");
        assertThat(example("email-warning-en")).isEqualTo(email(warning));
        assertThat(warning.html()).contains("<html lang=\"en\">").contains("75% of the target used")
                .contains("Open in Accord");
    }

    @Test
    void theSlackAndTeamsPayloads() throws Exception {
        RenderedMessage english = render(MessageKind.BREACH, "en", "Europe/Paris", "clock.breached");
        assertThat(mapper.readTree(example("slack-breach-en")))
                .isEqualTo(mapper.readTree(ChatPayloads.slack(english, english.linkLabel())));
        RenderedMessage french = render(MessageKind.BREACH, "fr", "Europe/Paris", "clock.breached");
        assertThat(mapper.readTree(example("teams-breach-fr")))
                .isEqualTo(mapper.readTree(ChatPayloads.teams(french, french.linkLabel())));
    }

    private RenderedMessage render(MessageKind kind, String locale, String zone, String sample) throws Exception {
        JsonNode agreement = Samples.cloudEvent("agreement.activated").at("/data/agreement");
        return renderer.render(kind, locale, zone, Samples.cloudEvent(sample),
                Optional.of(mapper.treeToValue(agreement, AgreementVersion.class)), NOW);
    }

    private static String email(RenderedMessage message) {
        return "Subject: " + message.subject() + "\n\n" + message.text();
    }

    /** The fenced block after {@code <!-- example:NAME -->} in this module's README, without its fences. */
    private static String example(String name) throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String marker = "<!-- example:" + name + " -->";
        int at = readme.indexOf(marker);
        assertThat(at).as("README marker " + marker).isNotNegative();
        int open = readme.indexOf('\n', readme.indexOf("```", at)) + 1;
        int close = readme.indexOf("\n```", open);
        return readme.substring(open, close);
    }
}
