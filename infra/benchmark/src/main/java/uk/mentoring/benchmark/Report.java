package uk.mentoring.benchmark;

import java.util.Map;

/** The benchmark's figures as a table for the README, each beside its baseline or target. */
final class Report {

    private Report() {
    }

    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> results) {
        Map<String, Object> commands = (Map<String, Object>) results.get("commandsAtMaximum");
        Map<String, Object> gateway = (Map<String, Object>) commands.get("throughGateway");
        Map<String, Object> direct = (Map<String, Object>) commands.get("direct");
        Map<String, Object> fixed = (Map<String, Object>) results.get("fixedRate");
        Map<String, Object> rebuild = (Map<String, Object>) results.get("rebuild");
        Map<String, Object> machine = (Map<String, Object>) results.get("machine");
        StringBuilder table = new StringBuilder();
        table.append("Measured ").append(results.get("date")).append(" on ").append(machine.get("cores")).append(" cores (Java ")
                .append(machine.get("java")).append("), load generator on the same machine, ").append(results.get("phaseSeconds"))
                .append(" s a phase");
        Map<String, Object> warmUp = (Map<String, Object>) results.get("warmUp");
        if (warmUp != null) {
            table.append(", after ").append(warmUp.get("seconds")).append(" s of enrolments to warm up ")
                    .append(Boolean.TRUE.equals(warmUp.get("settled")) ? "(until two rounds in a row gained under 5%)"
                            : "(its limit reached before two rounds in a row gained under 5%)");
        }
        table.append(".\n\n");
        table.append("| measure | measured | compared with | target (2 cores) |\n| --- | --- | --- | --- |\n");
        row(table, "enrolments/s at the maximum, through the gateway", gateway.get("commandsPerSecond"),
                "straight to the service: " + direct.get("commandsPerSecond") + " (ratio " + commands.get("gatewayThroughputRatio") + ")", "≥ 1,000");
        row(table, "latency p50 / p99 through the gateway (ms)", latency(gateway), "straight: " + latency(direct), "p99 ≤ 100");
        row(table, "gateway latency ratio p50 / p99", commands.get("gatewayLatencyRatioP50") + " / " + commands.get("gatewayLatencyRatioP99"),
                "1.0 would be free", "≤ 1.25");
        Map<String, Object> processor = (Map<String, Object>) commands.get("processorMsPerEnrolment");
        if (processor != null) {
            Map<String, Object> viaGateway = (Map<String, Object>) processor.get("throughGateway");
            Map<String, Object> straight = (Map<String, Object>) processor.get("direct");
            row(table, "processor time per enrolment at the maximum, through the gateway (ms)", viaGateway.get("platform") + ": "
                    + processes((Map<String, Object>) viaGateway.get("byProcess")), "straight: " + straight.get("platform") + " (the load generator "
                    + viaGateway.get("loadGenerator") + " and " + straight.get("loadGenerator") + " more)", "");
            row(table, "enrolments/s the cores carry at that cost, the load sent from elsewhere", viaGateway.get("ceilingPerSecond"),
                    "straight: " + straight.get("ceilingPerSecond"), "≥ 1,000");
        }
        Map<String, Object> gatewayFixed = (Map<String, Object>) results.get("gatewayAtFixedRate");
        if (gatewayFixed != null) {
            row(table, "enrolment latency p50 / p99 at " + gatewayFixed.get("rate") + "/s through the gateway (ms)",
                    latency(gatewayFixed, "throughGatewayLatencyMs"), "straight: " + latency(gatewayFixed, "directLatencyMs") + " (ratio "
                            + gatewayFixed.get("gatewayLatencyRatioP50") + " / " + gatewayFixed.get("gatewayLatencyRatioP99") + ")", "≤ 1.25×");
        }
        Map<String, Object> mix = (Map<String, Object>) results.get("personasMix");
        if (mix != null) {
            row(table, "the personas' mix: commands/s and reads/s through the gateway", mix.get("commandsPerSecond") + " and " + mix.get("readsPerSecond"),
                    "commands " + latency(mix, "commandLatencyMs") + " ms, reads " + latency(mix, "readLatencyMs") + " ms (p50 / p99)", "");
        }
        Map<String, Object> mixFixed = (Map<String, Object>) results.get("personasMixAtFixedRate");
        if (mixFixed != null) {
            row(table, "the personas' mix at " + mixFixed.get("rate") + " requests/s: latency p50 / p99 (ms)", latency(mixFixed),
                    "from when each was due; " + mixFixed.get("failures") + " failed", "p99 ≤ 100");
            row(table, "freshness p50 / p99 in that mix, enrolled → in the views (ms)", latency(mixFixed, "freshnessMs"),
                    mixFixed.get("freshnessSamples") + " samples", "p99 ≤ 500");
        }
        Map<String, Object> audit = (Map<String, Object>) results.get("auditReplay");
        if (audit != null) {
            row(table, "audit replay of a mentee's " + audit.get("events") + " events: state p50 / p99 (ms)", latency(audit, "stateLatencyMs"),
                    "verify " + latency(audit, "verifyLatencyMs") + ", first 500 events " + latency(audit, "firstPageOf500LatencyMs")
                            + ", JSON Lines export " + latency(audit, "exportJsonLinesLatencyMs"), "p99 ≤ 50");
        }
        row(table, "latency p50 / p99 at " + fixed.get("rate") + "/s through the gateway (ms)", latency(fixed), "from when each was due", "");
        row(table, "freshness p50 / p99, accepted → in the views (ms)", latency(fixed, "freshnessMs"),
                fixed.get("freshnessSamples") + " samples", "p99 ≤ 500");
        Map<String, Object> again = (Map<String, Object>) rebuild.getOrDefault("again", Map.of());
        row(table, "rebuild (events/s)", rebuild.get("eventsPerSecond") + " (" + rebuild.get("events") + " events in " + rebuild.get("seconds") + " s)",
                "plain consumer: " + rebuild.get("rawConsumerRecordsPerSecond") + " records/s (ratio " + rebuild.get("ratioToRawConsumer")
                        + "); rebuilt again at once: " + again.get("eventsPerSecond") + " (plain consumer " + again.get("rawConsumerRecordsPerSecond")
                        + ", ratio " + again.get("ratioToRawConsumer") + ")",
                "≥ 20,000 and ≥ 0.3");
        Map<String, Object> atRest = (Map<String, Object>) results.get("atRest");
        if (atRest != null) {
            row(table, "processor time at rest, nobody using the platform (ms a second)", atRest.get("platform") + ": "
                    + processes((Map<String, Object>) atRest.get("byProcess")), "share of the cores: " + atRest.get("shareOfCores"), "");
        }
        row(table, "resident memory (MB)", processes((Map<String, Object>) results.get("residentMemoryMB")), "", "");
        return table.toString();
    }

    private static String processes(Map<String, Object> figures) {
        StringBuilder processes = new StringBuilder();
        figures.forEach((process, figure) -> processes.append(processes.length() == 0 ? "" : ", ").append(process).append(' ').append(figure));
        return processes.toString();
    }

    @SuppressWarnings("unchecked")
    private static String latency(Map<String, Object> phase) {
        return latency(phase, "latencyMs");
    }

    @SuppressWarnings("unchecked")
    private static String latency(Map<String, Object> phase, String key) {
        Map<String, Object> ms = (Map<String, Object>) phase.get(key);
        return ms.get("p50") + " / " + ms.get("p99");
    }

    private static void row(StringBuilder table, String measure, Object measured, String compared, String target) {
        table.append("| ").append(measure).append(" | ").append(measured).append(" | ").append(compared).append(" | ").append(target).append(" |\n");
    }
}
