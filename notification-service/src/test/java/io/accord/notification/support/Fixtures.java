package io.accord.notification.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** An agreement (the golden agreement.activated sample, re-identified) with an escalation policy for the tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * Level 1: 75 % warning to {@code duty-<tag>@example.com} (en, Europe/Paris). Level 2: the breach, urgent, to
     * {@code lead-<tag>@example.com} (fr, Europe/Paris) and channels {@code slack-<tag>}, {@code teams-<tag>},
     * {@code hook-<tag>}. Level 3: 30 minutes after the breach, every 30 minutes, to {@code oncall-<tag>@example.com}.
     */
    public static ObjectNode agreementActivated(UUID agreementId, String tag) {
        ObjectNode event = Samples.cloudEvent("agreement.activated");
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", agreementId.toString());
        ObjectNode agreement = (ObjectNode) event.path("data").path("agreement");
        agreement.put("agreementId", agreementId.toString());
        agreement.put("name", "Hosting SLA " + tag);
        ArrayNode levels = ((ObjectNode) agreement.get("escalationPolicy")).putArray("levels");
        ObjectNode warning = levels.addObject().put("level", 1).put("name", "Warn duty")
                .put("businessHoursOnly", false).put("urgent", false);
        warning.putObject("trigger").put("kind", "THRESHOLD").put("percent", 75);
        warning.putArray("recipients").addObject().put("email", "duty-" + tag + "@example.com").put("locale", "en")
                .put("zone", "Europe/Paris");
        ObjectNode breach = levels.addObject().put("level", 2).put("name", "Tell the lead")
                .put("businessHoursOnly", true).put("calendarId", "office-hours-paris").put("urgent", true);
        breach.putObject("trigger").put("kind", "BREACH");
        ArrayNode recipients = breach.putArray("recipients");
        recipients.addObject().put("email", "lead-" + tag + "@example.com").put("locale", "fr")
                .put("zone", "Europe/Paris");
        recipients.addObject().put("channelId", "slack-" + tag).put("locale", "en").put("zone", "Europe/Paris");
        recipients.addObject().put("channelId", "teams-" + tag).put("locale", "fr").put("zone", "Europe/Paris");
        recipients.addObject().put("channelId", "hook-" + tag).put("locale", "en").put("zone", "UTC");
        ObjectNode reminder = levels.addObject().put("level", 3).put("name", "Remind on-call")
                .put("businessHoursOnly", false).put("urgent", false);
        reminder.putObject("trigger").put("kind", "AFTER_BREACH").put("delay", "PT30M").put("repeat", "PT30M");
        reminder.putArray("recipients").addObject().put("email", "oncall-" + tag + "@example.com")
                .put("locale", "en").put("zone", "America/New_York");
        return event;
    }
}
