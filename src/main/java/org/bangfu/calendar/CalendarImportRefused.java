package org.bangfu.calendar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.shared.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A holiday file with problems (or none that was current): nothing was imported. Refused input whose errors are
 * the file's lines, answered over REST with how many there are and each line's message.
 */
public class CalendarImportRefused extends InvalidInput {

    private final transient CalendarImport report;

    CalendarImportRefused(CalendarImport report) {
        super(report.problems().stream()
                .map(p -> new FieldError("line " + p.line(), p.messageKey(), p.arguments())).toList());
        this.report = report;
    }

    public CalendarImport report() {
        return report;
    }

    /** 400 with {@code problems}: each line's number and message in the caller's language. */
    @Override
    public ProblemDetail toProblem(MessageSource messages, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("calendar.import.failed", new Object[] { report.problems().size() }, locale));
        List<Map<String, Object>> lines = report.problems().stream().map(p -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("line", p.line());
            line.put("message", messages.getMessage(p.messageKey(), p.arguments(), locale));
            return line;
        }).toList();
        problem.setProperty("problems", lines);
        return problem;
    }
}
