package io.accord.penalty.service;

import io.accord.penalty.calc.ObjectiveResult;
import io.accord.penalty.calc.StatementLine;
import io.accord.penalty.calc.StatementResult;
import io.accord.penalty.calc.VersionSection;
import io.accord.penalty.rest.AdjustmentView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** A statement's lines and its evidence as CSV (RFC 4180: comma separated, quoted when needed, CRLF lines). */
@ApplicationScoped
public class StatementCsv {

    public String lines(StatementResult result, List<AdjustmentView> adjustments) {
        StringBuilder out = new StringBuilder();
        row(out, "period", "agreementVersion", "kind", "objectiveKey", "priority", "quantity", "unitFee", "measured",
                "percent", "base", "amount", "currency", "description");
        for (VersionSection section : result.versions()) {
            for (StatementLine line : section.lines()) {
                row(out, result.period(), String.valueOf(section.version()), line.kind().name(), line.objectiveKey(),
                        line.priority() == null ? null : line.priority().name(),
                        line.quantity() == null ? null : line.quantity().toString(),
                        line.unitFee() == null ? null : line.unitFee().amount().toPlainString(),
                        plain(line.measured()), plain(line.percent()),
                        line.base() == null ? null : line.base().amount().toPlainString(),
                        line.amount().amount().toPlainString(), line.amount().currency(), line.description());
            }
        }
        for (AdjustmentView adjustment : adjustments) {
            if ("ACCEPTED".equals(adjustment.status()) && "MANUAL".equals(adjustment.kind())) {
                row(out, result.period(), null, "ADJUSTMENT", null, null, null, null, null, null, null,
                        adjustment.amount().amount().toPlainString(), adjustment.amount().currency(),
                        adjustment.reason());
            }
        }
        return out.toString();
    }

    public String evidence(StatementResult result) {
        StringBuilder out = new StringBuilder();
        row(out, "period", "agreementVersion", "objectiveKey", "kind", "evidence", "id");
        for (VersionSection section : result.versions()) {
            for (ObjectiveResult objective : section.objectives()) {
                String version = String.valueOf(section.version());
                for (UUID id : objective.evidence().clockIds()) {
                    row(out, result.period(), version, objective.objectiveKey(), objective.kind().name(), "clock",
                            id.toString());
                }
                for (UUID id : objective.evidence().incidentIds()) {
                    row(out, result.period(), version, objective.objectiveKey(), objective.kind().name(), "incident",
                            id.toString());
                }
                for (UUID id : objective.evidence().measurementIds()) {
                    row(out, result.period(), version, objective.objectiveKey(), objective.kind().name(),
                            "measurement", id.toString());
                }
            }
        }
        return out.toString();
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static void row(StringBuilder out, String... cells) {
        out.append(java.util.Arrays.stream(cells).map(StatementCsv::cell).collect(Collectors.joining(",")))
                .append("\r\n");
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        // a leading formula character is neutralised so a spreadsheet never evaluates a description
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+")
                ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
