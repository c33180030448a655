package org.minga.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectWriter;

/** Writes a report as {@code report.json} for machines and {@code report.md} for people, side by side. */
public final class ReportWriter {

    private static final ObjectWriter JSON = MingaApi.JSON.copy()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .writerWithDefaultPrettyPrinter();

    private ReportWriter() {
    }

    /** Writes both files into {@code dir} and answers the Markdown. */
    public static String write(Report report, Path dir) {
        String markdown = markdown(report);
        try {
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve("report.json").toFile(), report);
            Files.writeString(dir.resolve("report.md"), markdown);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report into " + dir, e);
        }
        return markdown;
    }

    static String markdown(Report report) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(report.title()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| date | ").append(report.date()).append(" |\n");
        md.append("| command | `").append(report.command()).append("` |\n");
        md.append("| machine | ").append(escape(report.machine().describeInOneLine())).append(" |\n");
        md.append("| Minga | ").append(escape(report.minga())).append(" |\n");
        for (Measurement measurement : report.measurements().values()) {
            md.append("\n## ").append(measurement.title()).append("\n\n");
            md.append("| figure | value | unit | target | result |\n|---|---:|---|---|---|\n");
            for (Figure figure : measurement.figures().values()) {
                md.append("| ").append(escape(figure.label()))
                        .append(" | ").append(figure.value() == null ? "not measured" : Figure.format(figure.value()))
                        .append(" | ").append(figure.unit() == null ? "" : figure.unit())
                        .append(" | ").append(figure.target() == null ? "" : figure.target().describe())
                        .append(" | ").append(figure.result() == null ? "" : figure.missed() ? "**miss**" : "pass")
                        .append(figure.note() == null ? "" : " " + escape(figure.note()))
                        .append(" |\n");
            }
            if (!measurement.details().isEmpty() || !measurement.notes().isEmpty()) {
                md.append('\n');
            }
            for (Map.Entry<String, Object> detail : measurement.details().entrySet()) {
                md.append("- ").append(detail.getKey()).append(": ").append(describe(detail.getValue())).append('\n');
            }
            for (String note : measurement.notes()) {
                md.append("- ").append(note).append('\n');
            }
        }
        return md.toString();
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "none";
            }
            StringBuilder text = new StringBuilder();
            map.forEach((key, count) -> text.append(text.length() == 0 ? "" : ", ").append(key).append(": ").append(count));
            return text.toString();
        }
        return String.valueOf(value);
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
