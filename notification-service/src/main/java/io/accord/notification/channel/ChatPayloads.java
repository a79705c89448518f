package io.accord.notification.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accord.notification.message.RenderedMessage;

/**
 * The JSON bodies of chat messages: a Slack Block Kit message for incoming webhooks, and a Teams Workflows
 * message ({@code type: message} with an Adaptive Card 1.4 in {@code attachments}).
 */
public final class ChatPayloads {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ChatPayloads() {
    }

    /** {@code {text, blocks: [header, section (mrkdwn), actions (button)]}}; {@code text} is the notification fallback. */
    public static String slack(RenderedMessage message, String buttonLabel) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("text", message.subject());
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode header = blocks.addObject();
        header.put("type", "header");
        header.set("text", plain(truncate(message.subject(), 150)));
        ObjectNode section = blocks.addObject();
        section.put("type", "section");
        ObjectNode text = section.putObject("text");
        text.put("type", "mrkdwn");
        text.put("text", truncate(slackEscape(message.text()), 3000));
        ObjectNode actions = blocks.addObject();
        actions.put("type", "actions");
        ObjectNode button = actions.putArray("elements").addObject();
        button.put("type", "button");
        button.set("text", plain(buttonLabel));
        button.put("url", message.link());
        return root.toString();
    }

    /**
     * {@code {type: message, attachments: [{contentType: application/vnd.microsoft.card.adaptive, content: card}]}};
     * the card has the subject, the intro, the facts as a FactSet and an Action.OpenUrl.
     */
    public static String teams(RenderedMessage message, String buttonLabel) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("type", "message");
        ObjectNode attachment = root.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        ArrayNode body = card.putArray("body");
        ObjectNode title = body.addObject();
        title.put("type", "TextBlock");
        title.put("text", message.subject());
        title.put("weight", "Bolder");
        title.put("size", "Medium");
        title.put("wrap", true);
        // The body is an intro paragraph, then "Label: value" lines: the lines become a FactSet, which Teams lays
        // out as a table (a TextBlock would join single line breaks)
        String[] paragraphs = message.text().split("\n\s*\n", 2);
        ObjectNode intro = body.addObject();
        intro.put("type", "TextBlock");
        intro.put("text", paragraphs[0].strip());
        intro.put("wrap", true);
        if (paragraphs.length > 1) {
            ObjectNode factSet = body.addObject();
            factSet.put("type", "FactSet");
            ArrayNode facts = factSet.putArray("facts");
            for (String line : paragraphs[1].split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    facts.addObject().put("title", line.substring(0, colon).strip())
                            .put("value", line.substring(colon + 1).strip());
                } else if (!line.isBlank()) {
                    facts.addObject().put("title", "").put("value", line.strip());
                }
            }
        }
        ObjectNode action = card.putArray("actions").addObject();
        action.put("type", "Action.OpenUrl");
        action.put("title", buttonLabel);
        action.put("url", message.link());
        return root.toString();
    }

    private static ObjectNode plain(String value) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", "plain_text");
        node.put("text", value);
        return node;
    }

    /** Slack reads {@code &}, {@code <} and {@code >} as control characters in mrkdwn. */
    static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
