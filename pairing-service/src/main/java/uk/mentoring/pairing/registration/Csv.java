package uk.mentoring.pairing.registration;

import java.util.ArrayList;
import java.util.List;

import uk.mentoring.kit.domain.RuleViolation;

/** RFC 4180 CSV: fields may be quoted, quotes doubled inside quotes, lines end in CRLF or LF. */
final class Csv {

    private Csv() {
    }

    /** Each record with the line it starts on. */
    record Line(int number, List<String> fields) {
    }

    static List<Line> parse(String text) {
        List<Line> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                    lines.add(new Line(recordStart, List.copyOf(fields)));
                }
                fields.clear();
                line++;
                recordStart = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw RuleViolation.invalid("Line " + recordStart + " opens a quote (\") that is never closed; every quoted value ends with a quote.");
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                lines.add(new Line(recordStart, List.copyOf(fields)));
            }
        }
        return lines;
    }
}
