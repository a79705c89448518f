package io.accord.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.notification.message.RenderedMessage;
import org.junit.jupiter.api.Test;

class ChatPayloadsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RenderedMessage MESSAGE = new RenderedMessage("[Accord] Dépassé : SLA - zendesk-eu 1",
            "zendesk-eu 1 a dépassé sa cible <first-response> & plus.\n\nContrat : SLA\n"
                    + "Ouvrir dans Accord : https://accord.example.com/clocks/1",
            "<html></html>", "https://accord.example.com/clocks/1", "Ouvrir dans Accord");

    @Test
    void slackGetsBlockKitWithEscapedMrkdwnAndAButton() throws Exception {
        JsonNode slack = MAPPER.readTree(ChatPayloads.slack(MESSAGE, MESSAGE.linkLabel()));
        assertThat(slack.path("text").asText()).isEqualTo(MESSAGE.subject());
        assertThat(slack.at("/blocks/0/type").asText()).isEqualTo("header");
        assertThat(slack.at("/blocks/0/text/type").asText()).isEqualTo("plain_text");
        assertThat(slack.at("/blocks/1/text/text").asText()).contains("&lt;first-response&gt; &amp; plus");
        assertThat(slack.at("/blocks/2/elements/0/type").asText()).isEqualTo("button");
        assertThat(slack.at("/blocks/2/elements/0/text/text").asText()).isEqualTo("Ouvrir dans Accord");
    }

    @Test
    void teamsGetsAnAdaptiveCardWithTheFactsAsAFactSet() throws Exception {
        JsonNode teams = MAPPER.readTree(ChatPayloads.teams(MESSAGE, MESSAGE.linkLabel()));
        JsonNode card = teams.at("/attachments/0/content");
        assertThat(teams.at("/attachments/0/contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(card.path("version").asText()).isEqualTo("1.4");
        assertThat(card.at("/body/0/text").asText()).isEqualTo(MESSAGE.subject());
        assertThat(card.at("/body/1/text").asText()).startsWith("zendesk-eu 1 a dépassé");
        assertThat(card.at("/body/2/type").asText()).isEqualTo("FactSet");
        assertThat(card.at("/body/2/facts/0/title").asText()).isEqualTo("Contrat");
        assertThat(card.at("/body/2/facts/1/value").asText()).isEqualTo("https://accord.example.com/clocks/1");
        assertThat(card.at("/actions/0/url").asText()).isEqualTo(MESSAGE.link());
    }
}
