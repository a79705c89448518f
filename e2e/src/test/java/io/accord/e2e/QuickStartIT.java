package io.accord.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start, run as written against the running stack: a calendar, parties, a service and
 * an SLA created through the gateway, a ticket posted as a helpdesk would, and its clock read back. If the
 * README's commands stop working, this fails.
 */
class QuickStartIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String START = "<!-- quickstart:start -->";
    private static final String END = "<!-- quickstart:end -->";

    @Test
    void theReadmeQuickStartCreatesAnAgreementAndClocksATicket() throws IOException, InterruptedException {
        String script = quickStart();
        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        boolean finished = bash.waitFor(120, TimeUnit.SECONDS);
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            bash.destroyForcibly();
        }
        assertThat(finished).as("the quick start finished within 2 minutes:%n%s", output).isTrue();
        assertThat(bash.exitValue()).as("the quick start's exit status:%n%s", output).isZero();
        // The due date the calendar answers: Friday 17:30 in Paris + 4 business hours is Monday 12:30 (10:30Z)
        assertThat(output).contains("\"due\":\"2026-03-30T10:30:00Z\"");
        // The ticket's clock, as the last command prints it
        assertThat(output)
                .contains("\"objectiveKey\": \"p1-response\"")
                .contains("\"metric\": \"FIRST_RESPONSE\"")
                .contains("\"phase\": \"RUNNING\"")
                .contains("\"outcome\": \"PENDING\"")
                .contains("\"target\": \"PT2H\"");
    }

    private static String quickStart() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README.md marks its quick start with " + START).isNotNegative();
        String block = readme.substring(start + START.length(), end).strip();
        assertThat(block).startsWith("```sh").endsWith("```");
        return block.substring("```sh".length(), block.length() - "```".length());
    }
}
